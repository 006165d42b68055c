"""Issue 16's holes, each asked through the door it leaked by: history, lists, files,
choices, the list's own editing, "Xem trên trang". Every test here failed before the
rights were enforced on that path."""

import pytest
import reversion
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from reversion.models import Version

from documents.models import Document
from documents.tests.documents import make_document
from links.models import Link
from mattran.admin_rights import GuardedVersionAdmin
from mattran.visibility import Visibility
from meetings.models import Meeting, Resolution, ResolutionTarget
from meetings.tests.admin_forms import form_values, post_form
from meetings.tests.factories import make_attachment
from news.models import Article
from news.tests.admin_forms import form_data
from pages.models import Page

pytestmark = pytest.mark.django_db

LIVE_WORDS = "Nội dung đã được duyệt."
OLD_WORDS = "Nội dung cũ chưa ai duyệt lại."


def saved_revision(obj, **changes):
    """Change the row and keep a revision of it, as a save in the admin does."""
    for name, value in changes.items():
        setattr(obj, name, value)
    with reversion.create_revision():
        obj.save()
    return Version.objects.get_for_object(obj).first()


# Hole 1: a revert applied before the rights were checked --------------------------------


def test_an_editor_cannot_rewrite_a_live_article_through_its_history(client, editor, published):
    # The old version is the draft the editor wrote; a reviewer then rewrote and published.
    old = saved_revision(published, body=f"<p>{OLD_WORDS}</p>", status=Article.Status.DRAFT)
    saved_revision(published, body=f"<p>{LIVE_WORDS}</p>", status=Article.Status.PUBLISHED)
    url = reverse("admin:news_article_revision", args=[published.pk, old.pk])
    client.force_login(editor)

    response = client.post(url, form_data(Article(**old.field_dict), slug=published.slug))

    assert response.status_code == 403
    published.refresh_from_db()
    assert LIVE_WORDS in published.body
    assert client.get(published.get_absolute_url()).content.decode().count(OLD_WORDS) == 0


def test_a_reviewer_still_restores_a_live_article(client, reviewer, published):
    old = saved_revision(published, body=f"<p>{OLD_WORDS}</p>")
    saved_revision(published, body=f"<p>{LIVE_WORDS}</p>")
    url = reverse("admin:news_article_revision", args=[published.pk, old.pk])
    client.force_login(reviewer)

    response = client.post(url, form_data(Article(**old.field_dict), slug=published.slug))

    assert response.status_code == 302
    published.refresh_from_db()
    assert OLD_WORDS in published.body and published.status == Article.Status.PUBLISHED


def test_a_history_screen_takes_only_versions_of_its_own_model(client, editor, draft, secretary):
    """reversion took any version id: an article's history screen reverted a meeting's
    revision, and the undelete screen brought back any deleted row of any model."""
    document = make_document(visibility=Visibility.LEADERS)
    version = saved_revision(document, summary="Biên bản nội bộ")
    document.delete()
    client.force_login(editor)

    revert = reverse("admin:news_article_revision", args=[draft.pk, version.pk])
    recover = reverse("admin:news_article_recover", args=[version.pk])

    assert client.get(revert).status_code == 404
    assert client.post(recover, form_data(draft)).status_code == 404
    assert not Document.objects.exists()


def test_every_model_under_history_has_the_guarded_screens():
    unguarded = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if reversion.is_registered(model) and not isinstance(model_admin, GuardedVersionAdmin)
    ]
    assert unguarded == []


def test_an_editor_cannot_recover_a_deleted_leaders_only_meeting(
    client, editor, secretary, internal_meeting
):
    saved_revision(internal_meeting)
    internal_meeting.delete()
    version = Version.objects.get_deleted(Meeting).get()
    client.force_login(editor)

    listing = client.get(reverse("admin:meetings_meeting_recoverlist"))
    recover = client.get(reverse("admin:meetings_meeting_recover", args=[version.pk]))

    assert listing.status_code == 200
    assert internal_meeting.title not in listing.content.decode()
    assert recover.status_code == 404
    client.force_login(secretary)
    assert (
        internal_meeting.title
        in client.get(reverse("admin:meetings_meeting_recoverlist")).content.decode()
    )


def test_a_revert_that_would_bring_back_a_leaders_only_paper_is_refused(
    client, editor, public_meeting
):
    paper = make_attachment(public_meeting, "Biên bản nội bộ", Visibility.LEADERS)
    version = saved_revision(public_meeting)
    paper.delete()
    client.force_login(editor)
    url = reverse("admin:meetings_meeting_revision", args=[public_meeting.pk, version.pk])

    response = client.post(url, {}, follow=True)

    assert "hồ sơ chỉ dành cho lãnh đạo" in response.content.decode()
    assert not public_meeting.attachments.exists()


def test_an_editor_cannot_publish_a_page_by_reverting_to_a_published_version(
    client, editor, reviewer
):
    page = Page.objects.create(title="Lịch sử phường", body="<p>Bản cũ</p>", is_published=True)
    version = saved_revision(page)
    saved_revision(page, is_published=False, body="<p>Bản nháp mới</p>")
    client.force_login(editor)
    url = reverse("admin:pages_page_revision", args=[page.pk, version.pk])

    response = post_form(client, url, "page_form", {})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "<p>Bản cũ</p>"  # the words come back
    assert not page.is_published  # the publishing state does not


# Hole 2: leaders-only records in the admin ------------------------------------------------


@pytest.fixture
def internal_records(internal_meeting):
    resolution = Resolution.objects.create(meeting=internal_meeting, title="Nghị quyết mật")
    target = ResolutionTarget.objects.create(resolution=resolution, text="Chỉ tiêu mật")
    document = make_document(
        number="07/BB-BTT", summary="Biên bản họp mật", visibility=Visibility.LEADERS
    )
    return {
        "meeting": internal_meeting,
        "resolution": resolution,
        "target": target,
        "document": document,
    }


LISTS = {
    "meeting": ("admin:meetings_meeting_changelist", "title"),
    "resolution": ("admin:meetings_resolution_changelist", "title"),
    "target": ("admin:meetings_resolutiontarget_changelist", "text"),
    "document": ("admin:documents_document_changelist", "summary"),
}


@pytest.mark.parametrize("kind", sorted(LISTS))
def test_leaders_only_rows_do_not_exist_in_an_editors_admin(
    client, editor, secretary, internal_records, kind
):
    record = internal_records[kind]
    name, field = LISTS[kind]
    label = getattr(record, field)
    opts = record._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk])
    client.force_login(editor)

    assert label not in client.get(reverse(name)).content.decode()
    assert record not in client.get(reverse(name), {"q": label}).context["cl"].result_list
    for url in (change, history):
        response = client.get(url, follow=True)
        assert label not in response.content.decode(), url
        assert response.redirect_chain, url  # Django's "does not exist" redirect
    client.force_login(secretary)
    assert label in client.get(reverse(name)).content.decode()
    assert client.get(change).status_code == 200


def test_an_editor_cannot_download_a_leaders_only_paper_from_the_admin(
    client, editor, internal_records
):
    document = internal_records["document"]
    client.force_login(editor)

    assert (
        client.get(reverse("admin:documents_document_file", args=[document.pk])).status_code == 404
    )


def test_an_editor_cannot_choose_a_leaders_only_meeting(client, editor, internal_records):
    meeting = internal_records["meeting"]
    client.force_login(editor)
    choices = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "meetings", "model_name": "resolution", "field_name": "meeting", "term": ""},
    )
    assert choices.status_code == 200
    assert str(meeting.pk) not in [row["id"] for row in choices.json()["results"]]

    # Nor by a forged POST: the form refuses a meeting that is not among its choices.
    response = client.post(
        reverse("admin:meetings_resolution_add"),
        {
            "meeting": meeting.pk,
            "title": "Nghị quyết gắn vào hội nghị mật",
            "number": "",
            "order": 0,
            "targets-TOTAL_FORMS": 0,
            "targets-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Resolution.objects.filter(title="Nghị quyết gắn vào hội nghị mật").exists()


def test_an_editor_cannot_make_a_meeting_leaders_only(client, editor, public_meeting):
    client.force_login(editor)
    url = reverse("admin:meetings_meeting_change", args=[public_meeting.pk])
    assert "visibility" not in form_values(client, url, "meeting_form")

    response = post_form(client, url, "meeting_form", {"visibility": Visibility.LEADERS})

    assert response.status_code == 302
    public_meeting.refresh_from_db()
    assert public_meeting.visibility == Visibility.PUBLIC


def test_an_editor_cannot_delete_a_meeting_with_a_leaders_only_paper(
    client, editor, public_meeting
):
    make_attachment(public_meeting, "Biên bản nội bộ", Visibility.LEADERS)
    client.force_login(editor)
    url = reverse("admin:meetings_meeting_delete", args=[public_meeting.pk])

    page = client.get(url).content.decode()
    client.post(url, {"post": "yes"})

    assert "Biên bản nội bộ" not in page
    assert Meeting.objects.filter(pk=public_meeting.pk).exists()


# Hole 4: pages, links and documents go live only through a reviewer --------------------


def page_form(**overrides):
    return {
        "title": "Chức năng nhiệm vụ",
        "slug": "",
        "body": "<p>Nội dung</p>",
        "menu_order": 1,
        "show_in_menu": "on",
        "is_published": "on",
        "map_url": "",
        **overrides,
    }


def test_an_editor_ticking_published_leaves_the_page_waiting(client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:pages_page_add"), page_form())

    assert response.status_code == 302
    page = Page.objects.get()
    assert not page.is_published
    client.logout()
    assert client.get(page.get_absolute_url()).status_code == 404
    assert "Chức năng nhiệm vụ" not in client.get(reverse("home")).content.decode()


def test_an_editor_cannot_change_a_live_page_but_a_reviewer_publishes(client, editor, reviewer):
    live = Page.objects.create(title="Lịch sử", body="<p>Đã duyệt</p>", is_published=True)
    waiting = Page.objects.create(title="Chức năng", body="<p>Chờ duyệt</p>")
    client.force_login(editor)

    refused = client.post(
        reverse("admin:pages_page_change", args=[live.pk]),
        page_form(title="Lịch sử", slug=live.slug, body="<p>Sửa không qua duyệt</p>"),
    )
    listed = client.post(
        reverse("admin:pages_page_changelist"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": waiting.pk,
            "form-0-menu_order": 0,
            "form-0-show_in_menu": "on",
            "form-0-is_published": "on",
            "_save": "Lưu",
        },
    )

    assert refused.status_code == 403
    assert listed.status_code in (200, 302)
    live.refresh_from_db()
    waiting.refresh_from_db()
    assert live.body == "<p>Đã duyệt</p>" and not waiting.is_published
    client.force_login(reviewer)
    post_form(
        client,
        reverse("admin:pages_page_change", args=[waiting.pk]),
        "page_form",
        {"is_published": "on"},
    )
    waiting.refresh_from_db()
    assert waiting.is_published


def test_an_editors_link_waits_for_a_reviewer(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:links_link_add"),
        {
            "title": "Cổng dịch vụ công",
            "url": "https://dichvucong.gov.vn/",
            "placement": "block",
            "order": 0,
            "starts_on": "",
            "ends_on": "",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert not Link.objects.get().is_active
    assert "Cổng dịch vụ công" not in client.get(reverse("home")).content.decode()


# Hole 5: "Xem trên trang" -------------------------------------------------------------


def view_on_site(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


def test_view_on_site_keeps_drafts_and_leaders_only_records_hidden(
    client, editor, draft, published, internal_meeting, secretary
):
    page = Page.objects.create(title="Trang chưa duyệt", body="<p>x</p>")
    client.force_login(editor)

    assert client.get(view_on_site(published))["Location"] == published.get_absolute_url()
    # A draft opens in the preview, never at a public address that gives its slug away.
    assert client.get(view_on_site(draft))["Location"] == draft.get_preview_url()
    assert client.get(view_on_site(internal_meeting)).status_code == 404
    assert client.get(view_on_site(page))["Location"] == page.get_preview_url()
    client.force_login(secretary)  # records meetings; has no right to pages
    assert client.get(view_on_site(page)).status_code == 404
    assert client.get(view_on_site(internal_meeting))["Location"] == (
        internal_meeting.get_absolute_url()
    )
