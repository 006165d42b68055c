"""mattran.lib.diffs: what changed between two saves, as staff read it."""

import datetime

import pytest
from django.utils import timezone

from mattran.admin_rights import is_internal
from mattran.lib import diffs
from meetings.models import Resolution
from news.models import Article


def test_a_long_text_is_compared_word_by_word_as_plain_text():
    diff = diffs.text_diff("Sáng nay 300 người dự.", "Sáng nay 450 người dự.")

    assert diff == "Sáng nay <del>300 </del><ins>450 </ins>người dự."


def test_markup_in_a_text_is_escaped_never_kept():
    diff = diffs.text_diff("", "<script>alert(1)</script>")

    assert diff == "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"


def test_a_long_unchanged_run_is_cut_to_its_ends():
    words = " ".join(f"từ{n}" for n in range(100))

    diff = diffs.text_diff(words + " cũ", words + " mới")

    assert "từ0 " in diff and "từ99 " in diff and "từ50 " not in diff and "… " in diff


def test_values_read_as_staff_read_them():
    status = Article._meta.get_field("status")
    featured = Article._meta.get_field("featured")
    published_at = Article._meta.get_field("published_at")
    at = timezone.make_aware(datetime.datetime(2024, 5, 17, 16, 30, 5))

    assert diffs.shown(status, Article.Status.PUBLISHED) == "Đã xuất bản"
    assert diffs.shown(featured, True) == "Có"
    assert diffs.shown(published_at, at) == "17/05/2024 16:30:05"
    assert diffs.shown(published_at, None) == diffs.EMPTY


def test_bookkeeping_fields_are_never_compared():
    names = {field.name for field in diffs.compared_fields(Article)}

    assert {"title", "body", "published_at", "status"} <= names
    assert not names & {"version", "view_count", "search_text", "cover_renditions", "created_by"}


@pytest.mark.django_db
def test_a_related_row_the_reader_may_not_see_is_not_named(public_meeting, internal_meeting):
    found = diffs.changes(
        Resolution,
        {"meeting_id": public_meeting.pk},
        {"meeting_id": internal_meeting.pk},
        hidden=is_internal,
    )

    (change,) = found
    assert change.before == str(public_meeting)
    assert change.after == diffs.HIDDEN
    assert internal_meeting.title not in change.after
