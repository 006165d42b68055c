"""Every URL in the URLconf, asked by a resident, an editor, a reviewer and a leader.

The walk reads the URLconf itself, so a new URL fails `test_every_url_is_classified`
until someone writes down here who may see it. Admin URLs (namespace "admin") follow one
rule: residents and leaders are sent to the admin login; staff get what their group's
rights give them, never an error; a few rights are pinned by name below.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from mattran import roles
from portal.tests.walk import admin_routes, admin_url, public_cases, url_patterns

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
    # For load balancers: "ok"/"error" per dependency, nothing about the content.
    ("healthz", ""): everyone(200),
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
    # A leaders-only document does not exist for staff without the right.
    ("admin:documents_document_delete", "leaders-only"): {"editor": 403, "reviewer": 302},
    ("admin:news_category_add", ""): {"editor": 403, "reviewer": 200},
}
# Open to anyone by design: the login form, and logout (which sends a resident to the
# admin's index, and so to the login form).
ADMIN_PUBLIC = {"admin:login", "admin:logout"}


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


def test_a_meeting_with_a_private_paper_opens_in_the_admin(world, client, secretary):
    """Found by the walk: the file widget asked the private storage for a URL (a 500)."""
    meeting, paper = world["internal_meeting"], world["internal_paper"]
    client.force_login(secretary)

    response = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert response.status_code == 200
    # The saved paper links to the view that checks who reads it, never to a file path.
    assert f'href="{paper.get_absolute_url()}"' in response.content.decode()
