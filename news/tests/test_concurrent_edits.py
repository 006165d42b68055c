"""Two staff members edit one article: the later save is refused, shows the other's
change and keeps what was typed; nothing is overwritten, buttons included."""

import pytest
from django.contrib.admin.models import LogEntry

from mattran.tests.concurrent_edits import conflict_table, open_form, staff_client
from news.models import Article, ArticleEvent
from news.tests.admin_forms import change_url

pytestmark = pytest.mark.django_db

FORM = "article_form"


@pytest.fixture
def two_staff(editor, reviewer):
    reviewer.first_name = "Trần Thị Lan"
    reviewer.save()
    return staff_client(editor), staff_client(reviewer)


def test_later_article_save_is_refused_with_the_other_persons_change(two_staff, draft):
    editor, reviewer = two_staff
    url = change_url(draft)
    mine = open_form(editor, url, FORM)
    theirs = open_form(reviewer, url, FORM)

    saved = reviewer.post(url, theirs | {"title": "Tiêu đề người duyệt đã sửa"})
    assert saved.status_code == 302
    refused = editor.post(url, mine | {"sapo": "Tóm tắt biên tập viên vừa gõ"})

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Bài viết đã được Trần Thị Lan sửa lúc" in page
    assert "sau khi bạn mở trang này. Chưa có gì được lưu" in page
    # Field by field: what they saved next to what this form holds.
    assert conflict_table(refused) == {
        "Tiêu đề": ("Tiêu đề người duyệt đã sửa", "Bản nháp về ngày hội đại đoàn kết")
    }
    assert "Tóm tắt biên tập viên vừa gõ</textarea>" in page  # what was typed is kept
    draft.refresh_from_db()
    assert draft.title == "Tiêu đề người duyệt đã sửa"
    assert draft.sapo == "Tóm tắt: Bản nháp về ngày hội đại đoàn kết"
    assert draft.version == 2
    assert LogEntry.objects.filter(object_id=str(draft.pk)).count() == 1


def test_saving_the_refused_form_again_is_a_deliberate_overwrite(two_staff, draft):
    editor, reviewer = two_staff
    url = change_url(draft)
    mine = open_form(editor, url, FORM)
    reviewer.post(url, open_form(reviewer, url, FORM) | {"title": "Tiêu đề người duyệt"})
    refused = editor.post(url, mine | {"sapo": "Tóm tắt mới"})
    assert refused.status_code == 200

    # The page now carries the version it showed; the editor has read the table.
    again = open_form_from(refused)
    assert editor.post(url, again).status_code == 302
    draft.refresh_from_db()
    assert (draft.sapo, draft.title, draft.version) == (
        "Tóm tắt mới",
        "Bản nháp về ngày hội đại đoàn kết",
        3,
    )


def test_a_workflow_button_on_a_stale_form_is_refused_too(two_staff, draft):
    editor, reviewer = two_staff
    url = change_url(draft)
    mine = open_form(editor, url, FORM)
    reviewer.post(url, open_form(reviewer, url, FORM) | {"body": "<p>Nội dung đã sửa.</p>"})

    refused = editor.post(url, mine | {"_submit_review": "Gửi duyệt"})

    assert refused.status_code == 200
    assert conflict_table(refused) == {
        "Nội dung": ("Nội dung đã sửa.", "Nội dung bài Bản nháp về ngày hội đại đoàn kết.")
    }
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert not ArticleEvent.objects.filter(action=ArticleEvent.Action.SUBMITTED).exists()


def test_a_step_taken_from_the_list_makes_open_forms_stale(two_staff, make_article):
    editor, reviewer = two_staff
    waiting = make_article("Bài chờ duyệt", status=Article.Status.REVIEW)
    url = change_url(waiting)
    mine = open_form(reviewer, url, FORM)
    response = editor.get(url)
    assert response.status_code == 200

    published = reviewer.post(
        "/quan-tri/news/article/",
        {"action": "publish_now", "_selected_action": [waiting.pk]},
    )
    assert published.status_code == 302
    refused = reviewer.post(url, mine | {"_unpublish": "Gỡ bài"})

    assert refused.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == Article.Status.PUBLISHED


def open_form_from(response):
    """The values of a re-rendered change form, as the browser would post them again."""
    from meetings.tests.admin_forms import _FormValues

    parser = _FormValues(FORM)
    parser.feed(response.content.decode())
    values = parser.values
    values.pop("csrfmiddlewaretoken", None)
    return values


def test_a_post_without_the_version_is_refused_not_saved_blindly(two_staff, draft):
    editor, _ = two_staff
    typed = open_form(editor, change_url(draft), FORM) | {"title": "Tiêu đề gửi từ một script"}
    del typed["edit_version"]

    refused = editor.post(change_url(draft), typed)

    assert refused.status_code == 200
    assert "Trang sửa này không cho biết bạn đã mở bản nào" in refused.content.decode()
    assert conflict_table(refused) == {
        "Tiêu đề": ("Bản nháp về ngày hội đại đoàn kết", "Tiêu đề gửi từ một script")
    }
    draft.refresh_from_db()
    assert draft.title == "Bản nháp về ngày hội đại đoàn kết"
