"""Shared fixtures: named users, a clean cache per test, uploads in a temporary folder,
and a real Chromium for browser tests."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from mattran import cache as page_cache
from mattran import roles

CHROMIUM = "/usr/bin/chromium"
OUTPUT_DIR = Path(__file__).resolve().parent / "test-output"
PASSWORD = "mat-khau-thu-nghiem-2024"


@pytest.fixture(autouse=True)
def _clean_cache():
    # Pages and the ward record are cached; every test starts from nothing.
    cache.clear()
    page_cache.forget_known_version()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_user(django_user_model, username, *groups, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if groups:
        # A serialized_rollback test's closing flush skips post_migrate, so the groups
        # may be gone for the next transactional test; make them again (idempotent).
        roles.grant_group_permissions()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """Writes drafts and submits them for review; cannot publish."""
    return make_user(django_user_model, "bientap", roles.EDITORS, is_staff=True)


@pytest.fixture
def reviewer(db, django_user_model):
    """Reviews, publishes, unpublishes and schedules."""
    return make_user(django_user_model, "duyettin", roles.REVIEWERS, is_staff=True)


@pytest.fixture
def secretary(db, django_user_model):
    """Records every meeting and keeps documents, leaders-only ones included."""
    return make_user(django_user_model, "thuky-noibo", roles.SECRETARIES, is_staff=True)


@pytest.fixture
def leader(db, django_user_model):
    """Reads leaders-only meeting records on the public site."""
    return make_user(django_user_model, "lanhdao", roles.LEADERS)


@pytest.fixture
def visitor(client):
    """A resident: not logged in."""
    return client


# Browser tests -------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    _deselect_postgresql_only_off_postgresql(config, items)
    if os.path.exists(CHROMIUM):
        return
    browser_tests = [item for item in items if "browser" in item.keywords]
    if not browser_tests:
        return
    if os.environ.get("CI") == "true":
        # In CI every test is required: a missing browser is a failure, not a skip.
        return
    reason = f"SKIPPED LOUDLY: {CHROMIUM} is missing (apt-get install chromium)"
    print(f"\n*** {reason}: {len(browser_tests)} browser tests not run ***\n")
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))


def _deselect_postgresql_only_off_postgresql(config, items):
    """PostgreSQL's own features (full-text search, a real outage, two connections racing)
    have no SQLite counterpart to test: they are left out of the SQLite pass, not skipped,
    and `make test` runs them in its PostgreSQL pass."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if "postgresql" not in item.keywords]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is required for browser tests (apt-get install chromium)")
    # Playwright's sync API runs an event loop; the ORM calls around it are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def phone_page(browser):
    """A page the size of a phone screen (390 px wide)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", device_scale_factor=1
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir(request):
    """test-output/screenshots/<test name>/, emptied first."""
    folder = OUTPUT_DIR / "screenshots" / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
