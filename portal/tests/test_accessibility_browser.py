"""Accessibility in a real browser: axe-core on the pages residents read most, the skip
link and the menu by keyboard, a visible focus ring, print, and no third-party download.

axe-core comes from the npm registry (package.json; `npm ci` in `make test`) and is
injected by Playwright into the demo site served by the live server.
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from campaigns.models import Campaign
from documents.models import Document
from links.models import Link
from mattran.models import WardSettings
from mattran.tests.photos import jpeg_bytes
from mattran.visibility import Visibility
from meetings.models import Meeting
from news.models import Article

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@pytest.fixture
def axe_page(browser):
    """A phone-sized page that may inject axe despite the site's CSP (script-src 'self')."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does it)")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


def with_pictures():
    """The demo has no photos: give the ward a logo and banner, and the home page a
    banner and a pictured link, so their markup is checked too."""
    ward = WardSettings.current()
    ward.logo = SimpleUploadedFile("logo.jpg", jpeg_bytes(300, 300), "image/jpeg")
    ward.banner = SimpleUploadedFile("banner.jpg", jpeg_bytes(1600, 400), "image/jpeg")
    ward.save()
    for title, placement in [("Tháng cao điểm Vì người nghèo", "banner"), ("Báo ảnh", "block")]:
        Link.objects.create(
            title=title,
            url="https://example.vn/",
            placement=placement,
            image=SimpleUploadedFile("b.jpg", jpeg_bytes(1200, 400), "image/jpeg"),
        )


def demo_urls():
    return {
        "home": "/",
        "article": Article.objects.published().order_by("-published_at").first(),
        "meeting": Meeting.objects.filter(visibility=Visibility.PUBLIC).first(),
        "campaign": Campaign.objects.first(),
        "document": Document.objects.filter(visibility=Visibility.PUBLIC).first(),
    }


def run_axe(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document)).violations")


def describe(violations):
    return json.dumps(
        [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [node["target"] for node in v["nodes"]][:5],
            }
            for v in violations
        ],
        ensure_ascii=False,
        indent=1,
    )


@override_settings(PAGE_CACHE_SECONDS=0)
def test_axe_finds_no_serious_violation_on_the_pages_residents_read(
    transactional_db, live_server, axe_page
):
    call_command("load_demo", stdout=io.StringIO())
    with_pictures()
    pages = demo_urls()
    assert all(pages.values()), pages
    found = {}
    for name, target in pages.items():
        url = target if isinstance(target, str) else target.get_absolute_url()
        response = axe_page.goto(live_server.url + url)
        assert response.status == 200, url
        violations = run_axe(axe_page)
        if violations:
            print(f"\naxe on {name} ({url}):\n{describe(violations)}")
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        if blocking:
            found[url] = blocking
    assert not found, "serious or critical axe violations:\n" + "\n".join(
        f"{url}: {describe(violations)}" for url, violations in found.items()
    )


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            return {
                text: el.innerText || el.getAttribute('aria-label') || el.id,
                tag: el.tagName,
                id: el.id,
                inView: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0,
                outline: style.outlineStyle + ' ' + style.outlineWidth,
            };
        }"""
    )


def test_keyboard_reaches_the_skip_link_then_the_main_menu(
    transactional_db, live_server, phone_page
):
    call_command("load_demo", stdout=io.StringIO())
    page = phone_page
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Bỏ qua, đến nội dung chính"
    # Hidden off-screen until focused, then shown with a focus ring.
    assert first["inView"], first
    assert first["outline"].startswith("solid"), first

    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#noi-dung"
    assert focused(page)["id"] == "noi-dung"

    # From the top again: logo link, search box, its button, then the menu in order.
    page.goto(live_server.url + "/")
    menu = []
    for _ in range(12):
        page.keyboard.press("Tab")
        here = focused(page)
        is_menu = page.evaluate("!!document.activeElement.closest('.site-nav')")
        if is_menu:
            assert here["inView"], here
            assert here["outline"].startswith("solid"), here
            menu.append(here["text"])
    assert menu[:4] == ["Trang chủ", "Tin tức", "Hội nghị", "Vận động"]

    # The menu link works from the keyboard.
    page.keyboard.press("Shift+Tab")
    while page.evaluate("document.activeElement.innerText") != "Tin tức":
        page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/tin-tuc/")


def test_pages_use_no_third_party_host_and_print_without_chrome(
    transactional_db, live_server, phone_page
):
    """Fonts are the system's (Vietnamese-ready), nothing is fetched from another host,
    and the printed page leaves out the header, menu and footer."""
    call_command("load_demo", stdout=io.StringIO())
    page = phone_page
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    article = Article.objects.published().first()
    page.goto(live_server.url + article.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert hosts == {live_server.url.split("/")[2]}
    assert page.evaluate("document.fonts.size") == 0  # no web font downloaded
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans" in family or "sans-serif" in family

    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("main h1").is_visible()
    images = page.locator("main img")
    for index in range(images.count()):
        assert images.nth(index).get_attribute("alt") is not None
