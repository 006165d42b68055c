"""The review workflow through the admin, as editors and reviewers use it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleEvent
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db

S = Article.Status


def test_editor_sees_submit_but_no_publish_controls(client, editor, draft):
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    assert 'name="_submit_review"' in page
    assert 'name="_publish"' not in page
    assert 'name="_schedule"' not in page
    # Neither status nor publishing time is an input the editor could change.
    assert 'name="status"' not in page
    assert 'name="published_at_0"' not in page


def test_editor_forged_publish_button_is_refused_and_nothing_saved(client, editor, draft):
    client.force_login(editor)
    data = form_data(draft, title="Tiêu đề sửa lén", _publish="Xuất bản ngay")
    response = client.post(change_url(draft), data)
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert draft.title == "Bản nháp về ngày hội đại đoàn kết"


def test_editor_cannot_set_status_or_time_through_the_form(client, editor, draft):
    client.force_login(editor)
    data = form_data(
        draft,
        status="published",
        published_at=timezone.now() - timedelta(days=1),
        _save="Lưu",
    )
    response = client.post(change_url(draft), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert draft.published_at is None


def test_editor_forged_publish_action_is_refused(client, editor, draft):
    client.force_login(editor)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert not ArticleEvent.objects.filter(action="published").exists()


def test_editor_cannot_edit_a_published_article(client, editor, published):
    client.force_login(editor)
    response = client.post(change_url(published), form_data(published, title="Sửa bài đã đăng"))
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == "Ra quân vệ sinh môi trường"


def test_editor_writes_and_submits_a_new_article(client, editor, category):
    client.force_login(editor)
    data = form_data(
        Article(title="Tin mới", category=category, body="<h2>Mục</h2><ul><li>Một</li></ul>"),
        slug="",
        _submit_review="Gửi duyệt",
    )
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(title="Tin mới")
    assert article.status == S.REVIEW
    assert article.created_by == editor
    assert list(article.events.order_by("pk").values_list("action", "user")) == [
        ("created", editor.pk),
        ("submitted", editor.pk),
    ]
    # Submitted is not public.
    assert client.get(article.get_absolute_url()).status_code == 404


def test_reviewer_publishes_and_it_is_public_at_once(client, reviewer, make_article):
    article = make_article("Bài chờ duyệt", status=S.REVIEW)
    client.force_login(reviewer)
    page = client.get(change_url(article)).content.decode()
    assert 'name="_publish"' in page
    assert 'name="_send_back"' in page

    response = client.post(change_url(article), form_data(article, _publish="Xuất bản ngay"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert article.is_public
    event = article.events.get(action="published")
    assert event.user == reviewer
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_reviewer_schedules_and_the_article_waits_for_its_time(client, reviewer, draft):
    client.force_login(reviewer)
    at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    response = client.post(
        change_url(draft), form_data(draft, published_at=at, _schedule="Hẹn giờ")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.PUBLISHED
    assert draft.published_at == at
    assert not draft.is_public
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    assert draft.events.get(action="scheduled").effective_at == at


def test_scheduling_in_the_past_is_refused_in_vietnamese(client, reviewer, draft):
    client.force_login(reviewer)
    at = timezone.now() - timedelta(hours=1)
    response = client.post(
        change_url(draft), form_data(draft, title="Giữ chữ đã gõ", published_at=at, _schedule="x")
    )
    assert response.status_code == 200
    assert "Hãy đặt thời điểm xuất bản trong tương lai" in response.content.decode()
    assert "Giữ chữ đã gõ" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert draft.title == "Bản nháp về ngày hội đại đoàn kết"


def test_reviewer_unpublishes_and_the_article_leaves_the_site(client, reviewer, published):
    client.force_login(reviewer)
    response = client.post(change_url(published), form_data(published, _unpublish="Gỡ bài"))
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == S.DRAFT
    assert published.events.get(action="unpublished").user == reviewer
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 404


def test_the_list_offers_no_send_back_a_return_needs_its_note(client, reviewer, make_article):
    # A return carries the reviewer's note, written on the article's own form.
    article = make_article("Cần sửa", status=S.REVIEW)
    client.force_login(reviewer)
    assert (
        'value="send_back"'
        not in client.get(reverse("admin:news_article_changelist")).content.decode()
    )
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "send_back", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == S.REVIEW


def test_reviewer_publishes_with_the_list_action(client, reviewer, make_article):
    articles = [make_article(f"Tin {n}", status=S.REVIEW) for n in range(3)]
    client.force_login(reviewer)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_now", "_selected_action": [a.pk for a in articles]},
    )
    assert Article.objects.published().count() == 3
    assert ArticleEvent.objects.filter(action="published", user=reviewer).count() == 3


def test_a_step_out_of_order_is_refused_with_a_message(client, reviewer, published):
    client.force_login(reviewer)
    response = client.post(change_url(published), form_data(published, _send_back="x"))
    assert response.status_code == 200
    assert "không thể «Trả lại biên tập»" in response.content.decode()


def test_change_form_shows_who_did_what(client, reviewer, draft):
    client.force_login(reviewer)
    client.post(change_url(draft), form_data(draft, _publish="Xuất bản ngay"))
    page = client.get(change_url(draft)).content.decode()
    assert "Nhật ký" in page
    assert "duyettin" in page
    assert "Xuất bản" in page


def test_transition_methods_check_permission_whatever_the_path(editor, draft):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        draft.publish(editor)
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_list_actions_offer_publishing_to_reviewers_only(client, editor, reviewer, draft):
    url = reverse("admin:news_article_changelist")
    client.force_login(editor)
    editor_page = client.get(url).content.decode()
    assert 'value="submit_for_review"' in editor_page
    for action in ["publish_now", "publish_as_scheduled", "unpublish", "send_back"]:
        assert f'value="{action}"' not in editor_page
    client.force_login(reviewer)
    reviewer_page = client.get(url).content.decode()
    assert 'value="publish_now"' in reviewer_page
    assert 'value="unpublish"' in reviewer_page


def test_republishing_keeps_the_first_publication_date(client, reviewer, published):
    first_date = published.published_at
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, _unpublish="Gỡ bài"))
    published.refresh_from_db()
    client.post(change_url(published), form_data(published, _publish="Xuất bản ngay"))
    published.refresh_from_db()
    assert published.is_public
    assert published.published_at == first_date  # kept to the microsecond
