"""The list filters' hand-written <select> says what Django's Select widget says."""

from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string

from documents.forms import DocumentFilterForm
from meetings.forms import MeetingFilterForm


class Options(HTMLParser):
    def __init__(self):
        super().__init__()
        self.select = None
        self.options = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.select = (attrs.get("name"), attrs.get("id"))
        elif tag == "option":
            self._open = [attrs.get("value"), "", "selected" in attrs]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data.strip()

    def handle_endtag(self, tag):
        if tag == "option":
            self.options.append(tuple(self._open))
            self._open = None


def parsed(html):
    parser = Options()
    parser.feed(html)
    return parser.select, parser.options


def forms(data):
    yield MeetingFilterForm(data, bodies=[], years=[2026, 2025, 2024])
    yield DocumentFilterForm(data, years=[2025, 2024], issuers=["Ủy ban MTTQ phường"])


@pytest.mark.parametrize(
    "data",
    [None, {"nam": "2024"}, {"nam": "2024", "loai": "hoi-nghi"}, {"nam": "abc"}, {"nam": ""}],
)
def test_each_filter_select_matches_djangos_widget(data):
    for form in forms(data):
        for field in form:
            ours = render_to_string("includes/_filter_control.html", {"field": field})
            if field.widget_type != "select":
                assert ours.strip() == str(field), (type(form).__name__, field.name)
                continue
            theirs = parsed(str(field))
            assert parsed(ours) == theirs, (type(form).__name__, field.name)
            assert theirs[1], field.name


def test_the_chosen_year_is_the_selected_option():
    field = next(iter(forms({"nam": "2024"})))["nam"]
    _, options = parsed(render_to_string("includes/_filter_control.html", {"field": field}))
    assert [value for value, _, selected in options if selected] == ["2024"]
