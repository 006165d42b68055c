"""The project's templates are read without their indentation; what a reader sees stays."""

import copy
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

from mattran.lib.template_loaders import without_indentation
from portal.tests.walk import public_cases

INDENTED_LINE = re.compile(r"^[ \t]+<", re.MULTILINE)
# What differs from one request to the next: the login form's CSRF token.
PER_REQUEST = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def test_indentation_goes_and_line_breaks_stay():
    source = "<ul>\n    <li>\n        <a>Tin</a>\n\t<a>mới</a>\n    </li>\n</ul>\n"
    assert without_indentation(source) == "<ul>\n<li>\n<a>Tin</a>\n<a>mới</a>\n</li>\n</ul>\n"


@pytest.mark.parametrize("element", ["pre", "textarea", "PRE"])
def test_a_template_with_preformatted_text_is_read_as_written(element):
    source = f"<div>\n    <{element}>\n  two spaces\n    </{element}>\n</div>\n"
    assert without_indentation(source) == source


def test_the_projects_templates_hold_nothing_preformatted():
    """Such a template would be read as written, keeping its indentation unnoticed."""
    folder = Path(settings.TEMPLATES[0]["DIRS"][0])
    sources = {path.relative_to(folder): path.read_text() for path in folder.rglob("*.html")}
    kept = [
        str(name)
        for name, source in sources.items()
        if without_indentation(source) == source and INDENTED_LINE.search(source)
    ]
    assert kept == []


def visible(html):
    """What a browser makes of the page's whitespace: runs collapse to one space."""
    return re.sub(r"\s+", " ", PER_REQUEST.sub("", html))


def plain_loaders():
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"].pop("loaders")
    templates[0]["APP_DIRS"] = True
    return templates


def rendered(url):
    cache.clear()  # campaign tables are kept as rendered HTML
    response = Client().get(url)
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        return response.content.decode()
    return None


def test_every_public_page_reads_as_with_djangos_own_loaders(world):
    """Each page side by side with the same page from the templates as written."""
    ours, as_written = {}, {}
    for url in [url for urls in public_cases(world).values() for url in urls]:
        if html := rendered(url):
            ours[url] = html
            with override_settings(TEMPLATES=plain_loaders()):
                as_written[url] = rendered(url)
    assert len(ours) > 20
    assert [url for url, html in ours.items() if INDENTED_LINE.search(html)] == []
    assert all(INDENTED_LINE.search(html) for html in as_written.values())
    assert [url for url in ours if visible(ours[url]) != visible(as_written[url])] == []
    assert sum(map(len, ours.values())) < 0.85 * sum(map(len, as_written.values()))
