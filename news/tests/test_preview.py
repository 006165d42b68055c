"""Staff preview a draft exactly as residents will see it; residents cannot."""

import pytest
from django.urls import reverse

from news.tests.admin_forms import change_url

pytestmark = pytest.mark.django_db


def preview_url(article):
    return reverse("news_preview:article", args=[article.pk])


def test_editor_previews_a_draft_with_the_public_template(client, editor, draft):
    client.force_login(editor)
    response = client.get(preview_url(draft))
    assert response.status_code == 200
    assert "news/article_detail.html" in [t.name for t in response.templates]
    assert response.context["is_preview"] is True
    assert response.context["article"] == draft
    assert "Bản nháp về ngày hội đại đoàn kết" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_preview_lists_related_published_articles_in_the_section(client, editor, draft, published):
    client.force_login(editor)
    response = client.get(preview_url(draft))
    assert list(response.context["related"]) == [published]


def test_residents_cannot_open_a_preview(client, draft):
    assert client.get(preview_url(draft)).status_code == 404


def test_a_logged_in_leader_who_is_not_staff_cannot_open_a_preview(client, leader, draft):
    client.force_login(leader)
    assert client.get(preview_url(draft)).status_code == 404


def test_change_form_links_to_the_preview(client, editor, draft):
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    assert f'href="{preview_url(draft)}"' in page
    assert "Xem trước" in page


def test_preview_is_never_cached_for_residents(client, editor, draft):
    client.force_login(editor)
    client.get(preview_url(draft))
    client.logout()
    assert client.get(preview_url(draft)).status_code == 404
