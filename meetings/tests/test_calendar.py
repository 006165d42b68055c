import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import ical
from meetings.tests.factories import make_meeting


def test_text_values_are_escaped():
    assert ical.escape("Hội nghị; tổng kết, năm 2024\\\ndòng 2") == (
        "Hội nghị\\; tổng kết\\, năm 2024\\\\\\ndòng 2"
    )


def test_long_lines_fold_at_75_octets_without_splitting_a_letter():
    line = "SUMMARY:" + "Hội nghị Ban công tác Mặt trận khu phố " * 5

    folded = ical.fold(line)

    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line


@pytest.mark.django_db
def test_feed_lists_upcoming_public_meetings_as_valid_icalendar(client, body):
    soon = timezone.now() + datetime.timedelta(days=3)
    make_meeting(body, "Hội nghị tiếp xúc cử tri, quý IV", soon, place="Nhà văn hóa khu phố 1")
    make_meeting(
        body, "Ngày hội Đại đoàn kết", soon + datetime.timedelta(days=1), time_of_day="chua-ro"
    )
    make_meeting(body, "Hội nghị đã qua", timezone.now() - datetime.timedelta(days=3))

    response = client.get(reverse("meetings:calendar"))

    body_text = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body_text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body_text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body_text.replace("\r\n", "")
    unfolded = body_text.replace("\r\n ", "")
    assert "SUMMARY:Hội nghị tiếp xúc cử tri\\, quý IV" in unfolded
    assert "LOCATION:Nhà văn hóa khu phố 1" in unfolded
    assert f"DESCRIPTION:Hội nghị do {body.name} tổ chức." in unfolded
    assert "URL:http://testserver/hoi-nghi/hoi-nghi-tiep-xuc-cu-tri-quy-iv/" in unfolded
    assert f"DTSTART:{soon.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}" in unfolded
    # Only the day is known: an all-day event, no invented hour.
    assert "DTSTART;VALUE=DATE:" in unfolded
    assert "Hội nghị đã qua" not in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 2
