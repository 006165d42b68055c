"""Two staff members record one meeting: the later save is refused, with what the other
changed (attendees included) shown next to what was typed, and nothing overwritten."""

import pytest

from mattran import roles
from mattran.tests.accounts import make_user
from mattran.tests.concurrent_edits import conflict_table, open_form, staff_client
from meetings.models import Attendance

pytestmark = pytest.mark.django_db

FORM = "meeting_form"


@pytest.fixture
def two_secretaries(django_user_model):
    first = make_user(
        django_user_model, "thuky1", roles.EDITORS, is_staff=True, first_name="Lê Văn Hùng"
    )
    second = make_user(django_user_model, "thuky2", roles.EDITORS, is_staff=True)
    return staff_client(first), staff_client(second)


def url_of(meeting):
    return f"/quan-tri/meetings/meeting/{meeting.pk}/change/"


def test_later_meeting_save_is_refused_with_the_other_persons_change(
    two_secretaries, public_meeting
):
    first, second = two_secretaries
    url = url_of(public_meeting)
    mine = open_form(second, url, FORM)
    theirs = open_form(first, url, FORM)

    assert first.post(url, theirs | {"place": "Nhà văn hóa khu phố 3"}).status_code == 302
    refused = second.post(url, mine | {"summary": "Hội nghị thống nhất chương trình"})

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Hội nghị đã được Lê Văn Hùng sửa lúc" in page
    assert conflict_table(refused) == {
        "Địa điểm": ("Nhà văn hóa khu phố 3", "Hội trường Ủy ban nhân dân phường")
    }
    assert "Hội nghị thống nhất chương trình</textarea>" in page
    public_meeting.refresh_from_db()
    assert public_meeting.place == "Nhà văn hóa khu phố 3"
    assert public_meeting.summary == ""


def test_an_attendee_changed_inline_counts_as_a_change_of_the_meeting(
    two_secretaries, public_meeting
):
    first, second = two_secretaries
    url = url_of(public_meeting)
    mine = open_form(second, url, FORM)
    theirs = open_form(first, url, FORM)
    title = "attendances-0-title_as_printed"

    retitled = theirs | {title: "Bí thư Đảng ủy phường"}
    assert first.post(url, retitled).status_code == 302
    refused = second.post(url, mine | {"place": "Hội trường mới"})

    assert refused.status_code == 200
    table = conflict_table(refused)
    assert list(table) == ["Người tham dự"]
    theirs_now, typed = table["Người tham dự"]
    assert "Bí thư Đảng ủy phường" in theirs_now
    assert "Bí thư Đảng ủy, Chủ tịch UBND Phường 2" in typed
    assert 'value="Hội trường mới"' in refused.content.decode()
    public_meeting.refresh_from_db()
    assert public_meeting.place == "Hội trường Ủy ban nhân dân phường"
    assert Attendance.objects.get().title_as_printed == "Bí thư Đảng ủy phường"


def test_an_attendee_added_on_a_stale_form_is_not_saved(two_secretaries, public_meeting):
    first, second = two_secretaries
    url = url_of(public_meeting)
    mine = open_form(second, url, FORM)
    assert first.post(url, open_form(first, url, FORM) | {"place": "Nơi khác"}).status_code == 302

    refused = second.post(
        url, mine | {"attendances-1-guest_name": "Nguyễn Thị Mai", "attendances-1-role": ""}
    )

    assert refused.status_code == 200
    assert 'value="Nguyễn Thị Mai"' in refused.content.decode()
    assert Attendance.objects.count() == 1
