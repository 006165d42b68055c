"""axe-core on the admin screens staff live in: the article list and form, the meeting
form and the figures' import. No serious or critical violation (the residents' pages have
their own test: test_accessibility_browser.py, whose axe helpers this one shares)."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from mattran.tests.accounts import make_user
from meetings.models import Meeting
from news.models import Article
from news.tests.browser_steps import log_in
from portal.tests.test_accessibility_browser import AXE, BLOCKING, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def axe_desktop(browser):
    """A laptop-sized page that may inject axe despite the admin's CSP."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does it)")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


@override_settings(PAGE_CACHE_SECONDS=0)
def test_axe_finds_no_serious_violation_on_the_main_admin_screens(
    live_server, axe_desktop, django_user_model, screenshot_dir
):
    call_command("load_demo", stdout=io.StringIO())
    staff = make_user(django_user_model, "quantri-axe", is_staff=True, is_superuser=True)
    article = Article.objects.order_by("pk").first()
    meeting = Meeting.objects.filter(attendances__isnull=False).order_by("pk").first()
    screens = {
        "article-list": "/quan-tri/news/article/",
        "article-form": f"/quan-tri/news/article/{article.pk}/change/",
        "article-add": "/quan-tri/news/article/add/",
        "meeting-form": f"/quan-tri/meetings/meeting/{meeting.pk}/change/",
        "entry-import": "/quan-tri/campaigns/entry/import/",
    }
    page = axe_desktop
    log_in(page, live_server, staff)
    found = {}
    for name, path in screens.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        violations = run_axe(page)
        page.screenshot(path=screenshot_dir / f"{name}.png", full_page=True)
        if violations:
            print(f"\naxe on {name} ({path}):\n{describe(violations)}")
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        if blocking:
            found[path] = blocking
    assert not found, "serious or critical axe violations:\n" + "\n".join(
        f"{path}: {describe(violations)}" for path, violations in found.items()
    )
