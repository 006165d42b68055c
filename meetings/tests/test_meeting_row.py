"""{% meeting_row %}: a meeting list row written in Python, as the template wrote it."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone

from meetings.tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_a_meeting_row_names_date_time_body_and_marks_leaders_only(body):
    starts = timezone.make_aware(datetime.datetime(2024, 5, 17, 7, 30))
    meeting = make_meeting(body, "Họp <kín>", starts, slug="hop-kin", visibility="leaders")
    html = render("{% load meeting_rows %}{% meeting_row meeting %}", meeting=meeting)
    assert '<time class="meeting-row__date" datetime="2024-05-17T07:30:00+07:00">' in html
    assert '<span class="meeting-row__day">17</span>' in html
    assert '<span class="meeting-row__month">05/2024</span>' in html
    assert f'<a href="{meeting.get_absolute_url()}">Họp &lt;kín&gt;</a>' in html
    assert f"Thứ Sáu, 17/05/2024, 07:30 · {body.name}" in html
    assert "Chỉ lãnh đạo" in html
