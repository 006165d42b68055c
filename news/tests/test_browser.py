"""A resident on a 390 px phone: home page, an article, its print view."""

import io

import pytest
from django.core.management import call_command

from news.models import Article

pytestmark = pytest.mark.browser


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_phone_reader_goes_home_to_article_to_print_view(
    transactional_db, live_server, phone_page, screenshot_dir
):
    call_command("load_demo", stdout=io.StringIO())
    page = phone_page

    page.goto(live_server.url + "/")
    assert page.get_by_role("link", name="Tin tức", exact=True).is_visible()
    assert no_sideways_scroll(page)
    page.screenshot(path=screenshot_dir / "1-home.png", full_page=True)

    lead = page.locator(".lead-story h3 a")
    title = lead.inner_text()
    with page.expect_response(lambda response: "/luot-xem/" in response.url) as beacon:
        lead.click()
    assert beacon.value.request.method == "POST"
    assert beacon.value.status == 204
    assert page.locator("h1").inner_text() == title
    assert page.get_by_text("Thông tin khác").is_visible()
    assert page.get_by_role("button", name="Chép liên kết").is_visible()
    assert no_sideways_scroll(page)
    page.screenshot(path=screenshot_dir / "2-article.png", full_page=True)
    assert Article.objects.get(title=title).view_count == 1

    page.get_by_role("link", name="Bản in").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert page.get_by_role("button", name="In bài này").is_visible()
    assert no_sideways_scroll(page)
    page.screenshot(path=screenshot_dir / "3-print-view.png", full_page=True)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="In bài này").is_visible()
    page.screenshot(path=screenshot_dir / "4-print-media.png", full_page=True)
