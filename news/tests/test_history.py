"""Nothing staff save is lost: revisions, undelete, old addresses."""

import pytest
from django.urls import reverse
from reversion.models import Version

from news.models import Article, ArticleEvent
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db

S = Article.Status


def versions_of(article):
    return Version.objects.get_for_object(article).select_related("revision__user")


def test_every_admin_save_keeps_a_revision_with_who_and_when(client, editor, draft):
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft, title="Lần sửa thứ nhất"))
    client.post(change_url(draft), form_data(draft, title="Lần sửa thứ hai"))
    versions = list(versions_of(draft))
    assert len(versions) == 2
    assert {v.revision.user for v in versions} == {editor}
    assert versions[0].field_dict["title"] == "Lần sửa thứ hai"
    assert versions[1].field_dict["title"] == "Lần sửa thứ nhất"
    assert all(v.revision.date_created for v in versions)
    assert "tiêu đề" in versions[0].revision.get_comment().lower()


def test_staff_see_the_history_and_restore_an_old_revision(client, editor, draft):
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft, title="Tiêu đề đúng"))
    client.post(change_url(draft), form_data(draft, title="Tiêu đề viết nhầm"))
    first = list(versions_of(draft))[-1]

    history = client.get(reverse("admin:news_article_history", args=[draft.pk]))
    assert history.status_code == 200
    revision_url = reverse("admin:news_article_revision", args=[draft.pk, first.pk])
    assert revision_url in history.content.decode()

    form = client.get(revision_url)
    assert form.status_code == 200
    assert "Tiêu đề đúng" in form.content.decode()
    draft.refresh_from_db()
    assert draft.title == "Tiêu đề viết nhầm"  # looking does not restore

    client.post(revision_url, form_data(Article(**first.field_dict), slug=draft.slug))
    draft.refresh_from_db()
    assert draft.title == "Tiêu đề đúng"
    assert draft.events.filter(action="restored", user=editor).exists()


def test_restoring_an_old_published_revision_does_not_republish(client, editor, reviewer, draft):
    client.force_login(reviewer)
    client.post(change_url(draft), form_data(draft, _publish="Xuất bản ngay"))
    client.post(change_url(draft), form_data(draft, _unpublish="Gỡ bài"))
    draft.refresh_from_db()
    live = next(v for v in versions_of(draft) if v.field_dict["status"] == S.PUBLISHED)

    client.force_login(editor)
    url = reverse("admin:news_article_revision", args=[draft.pk, live.pk])
    client.post(url, form_data(draft))
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_a_deleted_article_is_recovered_as_a_draft_with_its_log(client, reviewer, published):
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, sapo="Tóm tắt"))
    pk = published.pk
    delete = client.post(reverse("admin:news_article_delete", args=[pk]), {"post": "yes"})
    assert delete.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()
    assert ArticleEvent.objects.filter(article_id=pk, action="deleted", user=reviewer).exists()

    changelist = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "Khôi phục bài viết đã xóa" in changelist
    recover_list = client.get(reverse("admin:news_article_recoverlist"))
    assert "Ra quân vệ sinh môi trường" in recover_list.content.decode()
    version = Version.objects.get_deleted(Article).get(object_id=str(pk))
    recover_url = reverse("admin:news_article_recover", args=[version.pk])
    assert recover_url in recover_list.content.decode()

    client.post(recover_url, form_data(Article(**version.field_dict), slug=published.slug))
    article = Article.objects.get(pk=pk)
    assert article.title == "Ra quân vệ sinh môi trường"
    assert article.sapo == "Tóm tắt"
    assert article.status == S.DRAFT
    actions = list(article.events.order_by("pk").values_list("action", flat=True))
    assert actions == ["deleted", "restored"]


def test_a_published_articles_old_address_redirects_permanently(client, reviewer, published):
    old_url = published.get_absolute_url()
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, slug="ra-quan-ve-sinh-phuong"))
    client.logout()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/tin-tuc/ra-quan-ve-sinh-phuong/"
    printable = client.get(old_url + "ban-in/")
    assert printable.status_code == 301
    assert printable["Location"] == "/tin-tuc/ra-quan-ve-sinh-phuong/ban-in/"
    assert client.get("/tin-tuc/ra-quan-ve-sinh-phuong/").status_code == 200
    client.force_login(reviewer)
    assert old_url in client.get(change_url(published)).content.decode()


def test_a_drafts_old_slug_is_not_kept(client, editor, draft):
    old_url = draft.get_absolute_url()
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft, slug="ban-nhap-moi"))
    client.logout()
    assert client.get(old_url).status_code == 404


def test_an_old_address_taken_by_a_new_article_shows_the_new_article(
    client, reviewer, published, make_article
):
    old_slug = published.slug
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, slug="dia-chi-moi"))
    client.logout()
    newcomer = make_article("Bài khác", slug=old_slug, status=S.PUBLISHED)
    response = client.get(f"/tin-tuc/{old_slug}/")
    assert response.status_code == 200
    assert response.context["article"] == newcomer


def test_a_draft_may_not_take_a_published_articles_old_address(
    client, reviewer, editor, published, draft
):
    old_slug = published.slug
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, slug="ra-quan-ve-sinh-phuong"))
    client.force_login(editor)

    response = client.post(
        change_url(draft), form_data(draft, slug=old_slug, title="Tiêu đề mới đang gõ")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Đường dẫn này là địa chỉ cũ của bài “Ra quân vệ sinh môi trường”" in page
    assert 'value="Tiêu đề mới đang gõ"' in page
    draft.refresh_from_db()
    assert draft.slug != old_slug
    client.logout()
    response = client.get(f"/tin-tuc/{old_slug}/")
    assert response.status_code == 301
    assert response["Location"] == "/tin-tuc/ra-quan-ve-sinh-phuong/"


def test_an_article_may_take_back_its_own_old_address(client, reviewer, published):
    old_slug = published.slug
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, slug="dia-chi-moi"))

    response = client.post(change_url(published), form_data(published, slug=old_slug))

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.slug == old_slug
    assert list(published.old_slugs.values_list("slug", flat=True)) == ["dia-chi-moi"]
    client.logout()
    assert client.get(f"/tin-tuc/{old_slug}/").status_code == 200
    assert client.get("/tin-tuc/dia-chi-moi/")["Location"] == f"/tin-tuc/{old_slug}/"
