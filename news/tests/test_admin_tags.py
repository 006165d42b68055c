"""Tags in the article form: autocomplete over existing tags, new ones added by name."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from news.models import Article
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = "admin:news_article_tag_autocomplete"


def test_autocomplete_offers_existing_tags_by_name(client, editor):
    for name in ["Đại đoàn kết", "Đại hội", "Môi trường"]:
        Tag.objects.create(name=name)
    client.force_login(editor)
    data = client.get(reverse(AUTOCOMPLETE), {"term": "đại"}).json()
    assert [r["id"] for r in data["results"]] == ["Đại đoàn kết", "Đại hội"]
    assert data["pagination"] == {"more": False}


def test_autocomplete_is_closed_to_residents(client):
    response = client.get(reverse(AUTOCOMPLETE), {"term": "a"})
    assert response.status_code == 302
    assert "/quan-tri/login/" in response["Location"]


def test_editor_tags_an_article_with_old_and_new_tags(client, editor, draft):
    Tag.objects.create(name="Đại đoàn kết")
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft, tags=["Đại đoàn kết", "Ngày hội mới"]))
    assert sorted(draft.tags.names()) == ["Ngày hội mới", "Đại đoàn kết"]
    assert Tag.objects.count() == 2


def test_change_form_shows_the_chosen_tags_selected(client, editor, draft):
    draft.tags.add("Môi trường")
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    assert 'class="admin-autocomplete"' in page
    assert 'data-tags="true"' in page
    assert '<option value="Môi trường" selected>' in page


def test_a_tag_can_be_removed(client, editor, draft):
    draft.tags.add("Bỏ đi", "Giữ lại")
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft, tags=["Giữ lại"]))
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == ["Giữ lại"]


def test_autocomplete_ignores_diacritics(client, editor):
    Tag.objects.create(name="Đại hội")
    client.force_login(editor)
    data = client.get(reverse(AUTOCOMPLETE), {"term": "dai hoi"}).json()
    assert [r["text"] for r in data["results"]] == ["Đại hội"]
