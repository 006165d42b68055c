"""The access walk's list of URLs: every pattern of the URLconf with its parameters filled
from one record of every kind (the demo data, plus a draft, papers and revisions)."""

import datetime
import io
import re

import pytest
import reversion
from axes.models import AccessFailureLog
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from reversion.models import Version

from documents.models import Document
from mattran import roles
from mattran.models import ResidentialArea
from mattran.tests.accounts import make_user
from mattran.visibility import Visibility
from meetings.models import Attachment, Meeting
from meetings.tests.factories import make_attachment
from news.models import Article
from pages.models import Page
from portal.sitemap_index import gather_sitemaps


def url_patterns(patterns=None, prefix="", namespace=""):
    """(route, URL name) of every pattern, included URLconfs followed."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or "")


@pytest.fixture
def world(db, django_user_model, settings, tmp_path):
    """The demo data, plus a draft, a public paper and a tag: one record of every kind."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    call_command("load_demo", stdout=io.StringIO())
    published = Article.objects.published().order_by("pk").first()
    draft = Article.objects.create(
        title="Bài nháp chưa duyệt về quỹ",
        category=published.category,
        status=Article.Status.DRAFT,
        sapo="Nháp",
        body="<p>Nháp</p>",
    )
    public_meeting = Meeting.objects.filter(visibility=Visibility.PUBLIC).first()
    internal = Meeting.objects.filter(visibility=Visibility.LEADERS).first()
    internal_paper = make_attachment(internal, "Biên bản nội bộ", Visibility.LEADERS)
    public_paper = make_attachment(public_meeting, "Thông báo kết quả", Visibility.PUBLIC)
    published.tags.set(["Đại đoàn kết"])
    page = Page.objects.order_by("pk").first()
    # A revision of a record of every model with history, so each history and recover
    # screen has a version to open (a model given history later is walked as well).
    with reversion.create_revision():
        for record in (draft, page, Document.objects.order_by("pk").first()):
            record.save()
        for model in reversion.get_registered_models():
            record = model._base_manager.order_by("pk").first()
            if record is not None and not Version.objects.get_for_object(record).exists():
                record.save()
    # One refused login, so the lockout records (django-axes) have rows to open.
    Client().post(reverse("admin:login"), {"username": "w-bientap", "password": "sai"})
    AccessFailureLog.objects.create(username="w-bientap", ip_address="10.0.0.9")
    from campaigns.models import Campaign

    campaign = Campaign.objects.order_by("pk").first()
    users = {
        "editor": make_user(django_user_model, "w-bientap", roles.EDITORS, is_staff=True),
        "reviewer": make_user(django_user_model, "w-duyettin", roles.REVIEWERS, is_staff=True),
        "leader": make_user(django_user_model, "w-lanhdao", roles.LEADERS),
    }
    return {
        "published": published,
        "draft": draft,
        "public_meeting": public_meeting,
        "internal_meeting": internal,
        "public_paper": public_paper,
        "internal_paper": internal_paper,
        "page": Page.objects.order_by("pk").first(),
        "area": ResidentialArea.objects.order_by("pk").first(),
        "campaign": campaign,
        "public_document": Document.objects.filter(visibility=Visibility.PUBLIC).first(),
        "internal_document": Document.objects.filter(visibility=Visibility.LEADERS).first(),
        "users": users,
    }


def public_cases(world):
    """(URL name, case) -> URLs to ask, built from the records in `world`."""
    w = world
    article, draft = w["published"], w["draft"]
    day = timezone.localtime(article.published_at).date()
    year = w["campaign"].period_start.year if hasattr(w["campaign"], "period_start") else None
    if year is None:
        year = datetime.date.today().year
    meeting_public, meeting_internal = w["public_meeting"], w["internal_meeting"]
    paper_public, paper_internal = w["public_paper"], w["internal_paper"]
    doc_public, doc_internal = w["public_document"], w["internal_document"]
    return {
        ("home", ""): [reverse("home")],
        ("search", ""): [reverse("search") + "?q=mat+tran"],
        ("sitemap", ""): [reverse("sitemap")],
        ("sitemap-section", "each section"): [
            reverse("sitemap-section", args=[section]) for section in gather_sitemaps()
        ],
        ("robots", ""): [reverse("robots")],
        ("healthz", ""): [reverse("healthz")],
        ("visitor-stats", ""): [reverse("visitor-stats")],
        ("accounts:login", ""): [reverse("accounts:login")],
        ("accounts:logout", ""): [reverse("accounts:logout")],
        ("editor_image_upload", ""): [reverse("editor_image_upload")],
        ("news_preview:article", "draft"): [reverse("news_preview:article", args=[draft.pk])],
        ("news_preview:article", "published"): [reverse("news_preview:article", args=[article.pk])],
        ("leaders", ""): [reverse("leaders")],
        ("meetings:index", ""): [reverse("meetings:index")],
        ("meetings:calendar", ""): [reverse("meetings:calendar")],
        ("meetings:detail", "public"): [meeting_public.get_absolute_url()],
        ("meetings:detail", "leaders-only"): [meeting_internal.get_absolute_url()],
        ("meetings:print", "public"): [reverse("meetings:print", args=[meeting_public.slug])],
        ("meetings:print", "leaders-only"): [
            reverse("meetings:print", args=[meeting_internal.slug])
        ],
        ("meetings:attachment", "public paper"): [
            reverse("meetings:attachment", args=[meeting_public.slug, paper_public.pk])
        ],
        ("meetings:attachment", "leaders-only paper"): [
            reverse("meetings:attachment", args=[meeting_internal.slug, paper_internal.pk])
        ],
        ("committee:index", ""): [reverse("committee:index")],
        ("pages:index", ""): [reverse("pages:index")],
        ("pages:detail", "page"): [reverse("pages:detail", args=[w["page"].slug])],
        ("areas:index", ""): [reverse("areas:index")],
        ("areas:detail", "area"): [reverse("areas:detail", args=[w["area"].slug])],
        ("campaigns:index", ""): [reverse("campaigns:index")],
        ("campaigns:year", "year"): [reverse("campaigns:year", args=[year])],
        **{
            (name, fmt): [reverse(name, args=[*args, fmt])]
            for name, args in [
                ("campaigns:year_summary", [year]),
                ("campaigns:export", [w["campaign"].slug]),
                ("campaigns:summary", [w["campaign"].slug]),
            ]
            for fmt in ("csv", "xlsx")
        },
        ("campaigns:detail", "campaign"): [w["campaign"].get_absolute_url()],
        ("documents:index", ""): [reverse("documents:index")],
        ("documents:detail", "public"): [reverse("documents:detail", args=[doc_public.slug])],
        ("documents:detail", "leaders-only"): [
            reverse("documents:detail", args=[doc_internal.slug])
        ],
        ("documents:download", "public"): [reverse("documents:download", args=[doc_public.slug])],
        ("documents:download", "leaders-only"): [
            reverse("documents:download", args=[doc_internal.slug])
        ],
        ("news:index", ""): [reverse("news:index")],
        ("news:by_date_form", ""): [reverse("news:by_date_form")],
        ("news:by_date", "day"): [reverse("news:by_date", args=[day])],
        ("news:slug", "published"): [article.get_absolute_url()],
        ("news:slug", "draft"): [reverse("news:slug", args=[draft.slug])],
        ("news:print", "published"): [reverse("news:print", args=[article.slug])],
        ("news:print", "draft"): [reverse("news:print", args=[draft.slug])],
        ("news:count_view", "published"): [reverse("news:count_view", args=[article.slug])],
        ("news:tag", "tag"): [reverse("news:tag", args=[article.tags.get().slug])],
        ("news:rss", ""): [reverse("news:rss")],
    }


def admin_routes():
    """(route, name) of every admin pattern, unnamed ones (redirects, catch-all) included."""
    return [(route, name) for route, name in url_patterns() if route.startswith("quan-tri/")]


def admin_url(route, world):
    """The route with its parameters filled from an existing record of its model, or None
    when no such record exists."""
    parts = route.removeprefix("quan-tri/").split("/")
    model = None
    if len(parts) > 2:
        try:
            model = apps.get_model(parts[0], parts[1])
        except LookupError:
            model = None
    record = _record_for(model, world) if model else None
    version = _version_for(model) if model and reversion.is_registered(model) else None
    record_pk = str(record.pk) if record else None
    fills = [
        ("<int:content_type_id>/<path:object_id>", f"{_article_type()}/{world['published'].pk}"),
        (r"^recover/(\d+)/$", f"recover/{version.pk}/" if version else None),
        (
            r"^([^/]+)/history/(\d+)/$",
            f"{record.pk}/history/{version.pk}/" if version and record else None,
        ),
        ("^recover/$", "recover/"),
        ("<path:object_id>", record_pk),
        ("<int:pk>", record_pk),
        ("<id>", record_pk),
        ("(?P<url>.*)$", "khong-co-trang-nay/"),
    ]
    url = re.sub(r"\^\(\?P<app_label>[^)]*\)/\$", "news/", route)
    for literal, value in fills:
        if literal in url:
            if value is None:
                return None
            url = url.replace(literal, value)
    assert not set("<(^$") & set(url), f"the walk cannot fill {route}"
    return "/" + url


def _article_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Article).pk


def _version_for(model):
    from reversion.models import Version

    return Version.objects.get_for_model(model).order_by("pk").first()


def _record_for(model, world):
    if model is Article:
        return world["draft"]
    if model is Document:
        return world["internal_document"]
    if model is Meeting:
        return world["internal_meeting"]
    if model is Attachment:
        return world["internal_paper"]
    return model._base_manager.order_by("pk").first()
