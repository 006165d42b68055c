"""Every URL in the URLconf, asked by a resident, an editor, a reviewer and a leader.

The walk reads the URLconf itself, so a new URL fails `test_every_url_is_classified`
until someone writes down here who may see it. Admin URLs (namespace "admin") follow one
rule: residents and leaders are sent to the admin login; staff get what their group's
rights give them, never an error; a few rights are pinned by name below.
"""

import datetime
import io
import re

import pytest
import reversion
from axes.models import AccessFailureLog
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from conftest import make_user
from mattran import roles
from mattran.models import Document, Page, ResidentialArea
from mattran.sitemaps import gather_sitemaps
from mattran.visibility import Visibility
from meetings.models import Attachment, Meeting
from meetings.tests.conftest import make_attachment
from news.models import Article

ROLES = ("visitor", "editor", "reviewer", "leader")
LOGIN = "login"  # a redirect to the leaders' login page
ADMIN_LOGIN = "admin-login"  # a redirect to the admin's login page


def everyone(status):
    return dict.fromkeys(ROLES, status)


def leaders_only():
    """Residents and staff get the same 404 as for a record that does not exist."""
    return {"visitor": 404, "editor": 404, "reviewer": 404, "leader": 200}


# (URL name, case) -> the status each role gets. Cases name the record a URL is asked
# about; every URL name of the URLconf outside the admin must appear here.
EXPECTED = {
    ("home", ""): everyone(200),
    ("search", ""): everyone(200),
    ("sitemap", ""): everyone(200),
    ("sitemap-section", "each section"): everyone(200),
    ("robots", ""): everyone(200),
    ("visitor-stats", ""): everyone(200),
    # Logged-in people are sent on instead of seeing the form again.
    ("accounts:login", ""): {"visitor": 200, "editor": 302, "reviewer": 302, "leader": 302},
    ("accounts:logout", ""): everyone(405),  # POST only, with the CSRF token
    ("editor_image_upload", ""): everyone(405),  # POST only
    ("news_preview:article", "draft"): {
        "visitor": 404,
        "editor": 200,
        "reviewer": 200,
        "leader": 404,
    },
    ("news_preview:article", "published"): {
        "visitor": 404,
        "editor": 200,
        "reviewer": 200,
        "leader": 404,
    },
    ("leaders", ""): {"visitor": LOGIN, "editor": 404, "reviewer": 404, "leader": 200},
    ("meetings:index", ""): everyone(200),
    ("meetings:calendar", ""): everyone(200),
    ("meetings:detail", "public"): everyone(200),
    ("meetings:detail", "leaders-only"): leaders_only(),
    ("meetings:print", "public"): everyone(200),
    ("meetings:print", "leaders-only"): leaders_only(),
    ("meetings:attachment", "public paper"): everyone(200),
    ("meetings:attachment", "leaders-only paper"): leaders_only(),
    ("committee:index", ""): everyone(200),
    ("pages:index", ""): everyone(200),
    ("pages:detail", "page"): everyone(200),
    ("areas:index", ""): everyone(200),
    ("areas:detail", "area"): everyone(200),
    ("campaigns:index", ""): everyone(200),
    ("campaigns:year", "year"): everyone(200),
    ("campaigns:year_summary", "csv"): everyone(200),
    ("campaigns:year_summary", "xlsx"): everyone(200),
    ("campaigns:detail", "campaign"): everyone(200),
    ("campaigns:export", "csv"): everyone(200),
    ("campaigns:export", "xlsx"): everyone(200),
    ("campaigns:summary", "csv"): everyone(200),
    ("campaigns:summary", "xlsx"): everyone(200),
    ("documents:index", ""): everyone(200),
    ("documents:detail", "public"): everyone(200),
    ("documents:detail", "leaders-only"): leaders_only(),
    ("documents:download", "public"): everyone(200),
    ("documents:download", "leaders-only"): leaders_only(),
    ("news:index", ""): everyone(200),
    ("news:by_date_form", ""): everyone(200),
    ("news:by_date", "day"): everyone(200),
    ("news:slug", "published"): everyone(200),
    # A draft's public address is not found for anyone; staff read it in the preview.
    ("news:slug", "draft"): everyone(404),
    ("news:print", "published"): everyone(200),
    ("news:print", "draft"): everyone(404),
    ("news:count_view", "published"): everyone(405),  # the beacon takes POST only
    ("news:tag", "tag"): everyone(200),
    ("news:rss", ""): everyone(200),
}

# Admin rights pinned by name (staff only); everything else in the admin is checked by
# the admin rule.
ADMIN_EXPECTED = {
    ("admin:index", ""): {"editor": 200, "reviewer": 200},
    ("admin:news_article_changelist", ""): {"editor": 200, "reviewer": 200},
    ("admin:news_article_delete", "draft"): {"editor": 403, "reviewer": 200},
    ("admin:auth_user_changelist", ""): {"editor": 403, "reviewer": 403},
    ("admin:auth_group_changelist", ""): {"editor": 403, "reviewer": 403},
    ("admin:mattran_document_delete", "leaders-only"): {"editor": 403, "reviewer": 200},
    ("admin:news_category_add", ""): {"editor": 403, "reviewer": 200},
}
# Open to anyone by design: the login form, and logout (which sends a resident to the
# admin's index, and so to the login form).
ADMIN_PUBLIC = {"admin:login", "admin:logout"}


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
    with reversion.create_revision():
        for record in (draft, page, Document.objects.order_by("pk").first()):
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


def clients(world, client_class):
    made = {"visitor": client_class()}
    for role, user in world["users"].items():
        made[role] = client_class()
        made[role].force_login(user)
    return made


def outcome(response):
    """The status, or where a redirect to a login page points."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("accounts:login") + "?next="):
            return LOGIN
        if location.startswith(reverse("admin:login") + "?next="):
            return ADMIN_LOGIN
    return response.status_code


def test_every_url_is_classified(world):
    cases = public_cases(world)
    names = {name for _, name in url_patterns() if not name.startswith("admin:")}
    unnamed = [route for route, name in url_patterns() if not name]
    assert not unnamed, f"URL patterns without a name cannot be classified: {unnamed}"
    classified = {name for name, _ in EXPECTED}
    assert names - classified == set(), "new URLs: say who may see them in EXPECTED"
    assert classified - names == set(), "EXPECTED names URLs that no longer exist"
    assert set(cases) == set(EXPECTED)


def test_public_urls_give_each_role_what_the_table_says(world, client):
    cases = public_cases(world)
    browsers = clients(world, type(client))
    wrong = []
    for key, urls in cases.items():
        for url in urls:
            for role in ROLES:
                got = outcome(browsers[role].get(url))
                if got != EXPECTED[key][role]:
                    wrong.append(f"{key} {url} as {role}: {got}, expected {EXPECTED[key][role]}")
    assert wrong == []


def test_leaders_only_titles_never_reach_residents_or_staff(world, client):
    """The 404 pages and every public list leave out what leaders alone may read."""
    secrets = [world["internal_meeting"].title, world["internal_document"].summary]
    browsers = clients(world, type(client))
    for key, urls in public_cases(world).items():
        for url in urls:
            for role in ("visitor", "editor", "reviewer"):
                response = browsers[role].get(url)
                raw = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                body = raw.decode(errors="replace")
                for secret in secrets:
                    assert secret not in body, (key, url, role)


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
        ("<path:content_type_id>/<path:object_id>", f"{_article_type()}/{world['published'].pk}"),
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


def test_the_admin_is_for_staff_only_and_never_fails(world, client):
    browsers = clients(world, type(client))
    asked = 0
    skipped = []
    problems = []
    for route, name in admin_routes():
        url = admin_url(route, world)
        if url is None:
            skipped.append(route)
            continue
        asked += 1
        for role in ROLES:
            response = browsers[role].get(url)
            got = outcome(response)
            if name in ADMIN_PUBLIC:
                expected_ok = got in (200, 302, 405)
            elif role in ("visitor", "leader"):
                # Nothing of the admin, not even whether a record exists.
                expected_ok = got == ADMIN_LOGIN
            else:
                expected_ok = got in (200, 302, 403, 404, 405)
            if not expected_ok:
                problems.append(f"{name} {url} as {role}: {got}")
    assert problems == []
    print(f"admin walk: {asked} of {len(admin_routes())} admin URLs asked by {len(ROLES)} roles")
    # Most of the admin was asked about (routes without a record to fill are few).
    assert asked == len(admin_routes()), skipped


@pytest.mark.parametrize("key", sorted(ADMIN_EXPECTED))
def test_admin_rights_by_group(world, client, key):
    name, _ = key
    (route,) = [route for route, named in admin_routes() if named == name]
    url = admin_url(route, world)
    assert url is not None, name
    browsers = clients(world, type(client))
    for role, expected in ADMIN_EXPECTED[key].items():
        assert outcome(browsers[role].get(url)) == expected, (name, role)


def test_a_leader_is_not_staff_and_the_groups_are_the_roles(world):
    leader = world["users"]["leader"]
    assert not leader.is_staff
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.EDITORS,
        roles.REVIEWERS,
        roles.LEADERS,
    }


def test_a_meeting_with_a_private_paper_opens_in_the_admin(world, client):
    """Found by the walk: the file widget asked the private storage for a URL (a 500)."""
    meeting, paper = world["internal_meeting"], world["internal_paper"]
    client.force_login(world["users"]["reviewer"])

    response = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert response.status_code == 200
    # The saved paper links to the view that checks who reads it, never to a file path.
    assert f'href="{paper.get_absolute_url()}"' in response.content.decode()
