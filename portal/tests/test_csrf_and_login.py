"""CSRF on every URL, safe `next` redirects and session rotation on both login pages.

Each URL of the URLconf (the access walk's list, admin included) is posted to without a
CSRF token by a resident and by a logged-in reviewer: all refuse with 403 before the view
runs, except the view beacon, which is exempt on purpose (named below).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from mattran.tests.accounts import PASSWORD
from portal.tests.walk import admin_routes, admin_url, public_cases

# URL name -> why it takes a POST without a token.
CSRF_EXEMPT = {
    "news:count_view": (
        "the view beacon from a cached page has no cookie; it can only add one view "
        "to a published article"
    ),
}

LOGIN_PAGES = ["/tai-khoan/dang-nhap/", "/quan-tri/login/"]
HOSTILE_NEXT = [
    "//evil.example",
    "https://evil.example",
    "http://evil.example/tin-tuc/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "///evil.example",
    "https:evil.example",
    " //evil.example",
    "/%2F/evil.example",
]


def every_url(world):
    for (name, _), urls in public_cases(world).items():
        for url in urls:
            yield name, url
    for route, name in admin_routes():
        url = admin_url(route, world)
        assert url is not None, route
        yield name, url


def test_every_url_refuses_a_post_without_the_csrf_token(world):
    resident = Client(enforce_csrf_checks=True)
    reviewer = Client(enforce_csrf_checks=True)
    reviewer.force_login(world["users"]["reviewer"])
    accepted = []
    for name, url in every_url(world):
        for who, browser in (("resident", resident), ("reviewer", reviewer)):
            response = browser.post(url, {"title": "x", "username": "a", "password": "b"})
            if name in CSRF_EXEMPT:
                continue
            if response.status_code != 403:
                accepted.append(f"{name} {url} as {who}: {response.status_code}")
    assert accepted == []


def test_the_csrf_exempt_beacon_is_what_the_table_says(world):
    beacon = reverse("news:count_view", args=[world["published"].slug])
    response = Client(enforce_csrf_checks=True).post(beacon)
    assert response.status_code == 204
    # And it counts nothing for a draft: exemption gives no way to touch hidden records.
    draft = reverse("news:count_view", args=[world["draft"].slug])
    assert Client(enforce_csrf_checks=True).post(draft).status_code == 404


def test_a_post_with_the_token_gets_through_to_the_login_form(world):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(LOGIN_PAGES[0]).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(
        LOGIN_PAGES[0],
        {"csrfmiddlewaretoken": token, "username": "w-lanhdao", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert browser.session["_auth_user_id"] == str(world["users"]["leader"].pk)


def stays_on_site(location):
    """A path on this site: no scheme, no host, and nothing a browser reads as one
    ("//host", "/\\host"). "/%2F/evil.example" is a path here, and fine."""
    parts = urlsplit(location)
    return (
        not parts.scheme
        and not parts.netloc
        and location.startswith("/")
        and not location.startswith(("//", "/\\"))
    )


@pytest.mark.parametrize("login", LOGIN_PAGES)
@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_login_never_redirects_off_site(reviewer, login, target):
    user = reviewer  # staff, so both login pages let them in
    browser = Client()

    form = browser.get(login, {"next": target}).content.decode()
    # The form carries no hostile target onward (the admin's form action repeats the query
    # string URL-encoded; what it posts back is checked below).
    for carried in re.findall(r'name="next" value="([^"]*)"', form):
        assert carried == "" or stays_on_site(carried), carried
    assert "javascript:alert" not in form

    response = browser.post(
        f"{login}?next={target}", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]
    assert browser.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_a_logged_in_visit_to_the_login_page_does_not_redirect_off_site(leader, target):
    browser = Client()
    browser.force_login(leader)
    response = browser.get(LOGIN_PAGES[0], {"next": target})
    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("login", LOGIN_PAGES)
def test_a_same_site_next_is_still_honoured(reviewer, login):
    browser = Client()
    user = reviewer
    response = browser.post(
        f"{login}?next=/hoi-nghi/", {"username": user.username, "password": PASSWORD}
    )
    assert response["Location"] == "/hoi-nghi/"


@pytest.mark.parametrize("login", LOGIN_PAGES)
def test_the_session_key_changes_at_login_and_is_gone_after_logout(reviewer, login):
    browser = Client(enforce_csrf_checks=True)
    user = reviewer
    form = browser.get(login).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    # A session that existed before login (as one planted by someone else would).
    before = browser.session
    before["planted"] = "x"
    before.save()
    browser.cookies["sessionid"] = before.session_key
    old_key = before.session_key

    browser.post(
        login, {"csrfmiddlewaretoken": token, "username": user.username, "password": PASSWORD}
    )

    new_key = browser.cookies["sessionid"].value
    assert new_key and new_key != old_key
    assert not SessionStore().exists(old_key)
    assert browser.session["_auth_user_id"] == str(user.pk)

    home = browser.get("/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', home).group(1)
    logout = reverse("accounts:logout") if login == LOGIN_PAGES[0] else reverse("admin:logout")
    browser.post(logout, {"csrfmiddlewaretoken": token})

    assert not SessionStore().exists(new_key)
    assert "_auth_user_id" not in browser.session
    assert browser.get(reverse("admin:index")).status_code == 302
