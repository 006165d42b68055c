"""The newsroom's "Việc cần làm" on the admin home, the reviewer's note and the notices
each step sends, through the admin as staff use it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mattran import roles
from mattran.notices import NoticePreference
from mattran.tests.accounts import make_user
from news.models import Article, ArticleEvent
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db

S = Article.Status
HOME = "/quan-tri/"


@pytest.fixture
def writer(editor):
    editor.email = "bientap@example.vn"
    editor.save()
    return editor


@pytest.fixture
def checker(reviewer):
    reviewer.email = "duyettin@example.vn"
    reviewer.save()
    return reviewer


@pytest.fixture
def written(make_article, writer):
    article = make_article("Ngày hội đại đoàn kết khu 3", status=S.DRAFT)
    article.created_by = writer
    article.save()
    return article


def step(client, article, **button):
    article.refresh_from_db()
    return client.post(change_url(article), form_data(article, **button))


def test_reviewer_sees_waiting_articles_oldest_first_with_how_long(
    client, checker, make_article, writer
):
    older = make_article("Bài gửi từ tuần trước", status=S.DRAFT)
    newer = make_article("Bài vừa gửi", status=S.DRAFT)
    older.submit(writer)
    newer.submit(writer)
    ArticleEvent.objects.filter(article_id=older.pk).update(
        at=timezone.now() - timedelta(days=3, hours=1)
    )
    ArticleEvent.objects.filter(article_id=newer.pk).update(
        at=timezone.now() - timedelta(hours=5, minutes=2)
    )
    client.force_login(checker)
    page = client.get(HOME).content.decode()
    assert "Việc cần làm" in page
    assert "Bài chờ duyệt <span" in page and "(2)" in page
    assert page.index("Bài gửi từ tuần trước") < page.index("Bài vừa gửi")
    assert "chờ 3 ngày" in page
    assert "chờ 5 giờ" in page
    # The count beside the model in the app list.
    assert "Bài viết (2 chờ duyệt)" in page


def test_editor_has_no_review_queue(client, writer, written):
    written.submit(writer)
    client.force_login(writer)
    page = client.get(HOME).content.decode()
    assert "Bài chờ duyệt" not in page
    assert "Không có việc nào đang chờ bạn." in page


def test_reviewer_must_write_a_note_to_return(client, checker, written, writer):
    written.submit(writer)
    client.force_login(checker)
    page = client.get(change_url(written)).content.decode()
    assert 'name="review_note"' in page
    response = step(client, written, _send_back="Trả lại biên tập", review_note="  ")
    assert response.status_code == 200
    assert "Hãy ghi lý do trả lại" in response.content.decode()
    written.refresh_from_db()
    assert written.status == S.REVIEW


def test_the_model_refuses_a_return_without_a_note(checker, written, writer):
    from django.core.exceptions import ValidationError

    written.submit(writer)
    with pytest.raises(ValidationError):
        written.send_back(checker, "")


def test_writer_sees_the_note_in_the_queue_and_on_the_form(client, checker, written, writer):
    written.submit(writer)
    client.force_login(checker)
    step(client, written, _send_back="Trả lại biên tập", review_note="Thiếu tên người trong ảnh.")
    assert written.events.first().note == "Thiếu tên người trong ảnh."

    client.force_login(writer)
    home = client.get(HOME).content.decode()
    assert "Bài bị trả lại" in home
    assert "Thiếu tên người trong ảnh." in home
    assert "Bài viết (1 bị trả lại)" in home
    form = client.get(change_url(written)).content.decode()
    assert "Người duyệt đã trả lại bài này" in form
    assert "Thiếu tên người trong ảnh." in form

    # Resubmitted, it leaves the writer's queue and the note leaves the form.
    step(client, written, _submit_review="Gửi duyệt")
    assert "Bài bị trả lại" not in client.get(HOME).content.decode()


def test_writer_sees_their_scheduled_articles(client, checker, written, writer):
    written.publish(checker, at=timezone.now() + timedelta(days=1))
    client.force_login(writer)
    page = client.get(HOME).content.decode()
    assert "Bài hẹn giờ xuất bản" in page
    assert written.title in page


def test_mails_follow_the_flow_in_order(
    client, checker, writer, written, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(writer)
        step(client, written, _submit_review="Gửi duyệt")
        client.force_login(checker)
        step(client, written, _send_back="Trả lại biên tập", review_note="Sửa sapo.")
        client.force_login(writer)
        step(client, written, _submit_review="Gửi duyệt")
        client.force_login(checker)
        step(client, written, _publish="Xuất bản ngay")

    sent = [(m.to, m.subject) for m in mail.outbox]
    title = written.title
    assert sent == [
        (["duyettin@example.vn"], f"Bài chờ duyệt: {title}"),
        (["bientap@example.vn"], f"Bài bị trả lại: {title}"),
        (["duyettin@example.vn"], f"Bài chờ duyệt: {title}"),
        (["bientap@example.vn"], f"Bài đã xuất bản: {title}"),
    ]
    assert "Sửa sapo." in mail.outbox[1].body


def test_scheduling_tells_the_writer(checker, writer, written, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        written.publish(checker, at=timezone.now() + timedelta(days=2))
    assert [m.subject for m in mail.outbox] == [f"Bài được hẹn giờ xuất bản: {written.title}"]


def test_no_mail_before_commit_nor_for_a_rolled_back_step(checker, writer, written):
    # Outside a capture the test's transaction never commits: nothing is sent.
    written.submit(writer)
    assert mail.outbox == []


def test_an_account_that_turned_notices_off_gets_none(
    client, checker, writer, written, django_capture_on_commit_callbacks
):
    client.force_login(writer)
    response = client.post("/quan-tri/thong-bao/", {})  # the box unticked
    assert response.status_code == 302
    assert NoticePreference.objects.get(user=writer).by_email is False
    with django_capture_on_commit_callbacks(execute=True):
        written.submit(writer)
        written.send_back(checker, "Sửa tiêu đề.")
    assert [m.to for m in mail.outbox] == [["duyettin@example.vn"]]


def test_a_failing_mail_server_never_fails_the_step(
    settings, client, checker, writer, written, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "mattran.tests.broken_mail.BrokenBackend"
    client.force_login(writer)
    with django_capture_on_commit_callbacks(execute=True):
        response = step(client, written, _submit_review="Gửi duyệt")
    assert response.status_code == 302
    written.refresh_from_db()
    assert written.status == S.REVIEW
    assert "Could not send the notice" in caplog.text


def test_notice_page_shows_and_keeps_the_choice(client, writer):
    client.force_login(writer)
    page = client.get("/quan-tri/thong-bao/").content.decode()
    assert "Nhận thông báo qua thư điện tử" in page
    client.post("/quan-tri/thong-bao/", {"by_email": "on"})
    assert NoticePreference.objects.get(user=writer).by_email is True
    # Linked from the admin's user tools.
    assert 'href="/quan-tri/thong-bao/"' in client.get(HOME).content.decode()


@pytest.mark.parametrize("size", [1, 15])
def test_admin_home_queries_do_not_grow_with_the_queue(
    client, checker, make_article, writer, django_assert_num_queries, size
):
    for n in range(size):
        make_article(f"Tin {n}", status=S.DRAFT).submit(writer)
    client.force_login(checker)
    # session, user, user rights, group rights; the queues: articles waiting (count,
    # the oldest), returned to me, scheduled by me, pages waiting, leaders' right (for
    # leaders-only documents), documents waiting, meetings without minutes; content
    # version, ward settings (read, then made: savepoint, insert, release); the admin
    # log. None per waiting article.
    with django_assert_num_queries(18):
        page = client.get(HOME).content.decode()
    assert f"Bài viết ({size} chờ duyệt)" in page


def test_data_entry_user_is_unaffected_by_the_newsroom(client, db, django_user_model):
    clerk = make_user(django_user_model, "nhaplieu", roles.DATA_ENTRY, is_staff=True)
    client.force_login(clerk)
    assert client.get(HOME).status_code == 200


def test_an_admin_turns_notices_off_on_the_account_page(admin_client, writer):
    url = f"/quan-tri/auth/user/{writer.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "Nhận thông báo qua thư điện tử" in page
    assert 'name="notice_preference-0-by_email"' in page
