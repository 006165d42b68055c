"""A resident's browser fills the footer's visitor statistics, on a cached page too."""

import pytest

from pages.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_footer_shows_the_visit_counted_for_this_page(
    phone_page, live_server, settings, screenshot_dir
):
    settings.PAGE_CACHE_SECONDS = 300
    Page.objects.create(title="Lịch sử", body="<p>Năm 1930</p>", is_published=True)

    for expected_today in ("1", "2"):  # the second view is served by the page cache
        phone_page.goto(live_server.url + "/gioi-thieu/lich-su/")
        stats = phone_page.get_by_role("region", name="Thống kê truy cập")
        stats.wait_for(state="visible")
        assert stats.locator('[data-stat="today"]').inner_text() == expected_today
    assert stats.locator('[data-stat="online"]').inner_text() == "1"
    assert stats.locator('[data-stat="total"]').inner_text() == "2"
    stats.scroll_into_view_if_needed()
    phone_page.screenshot(path=str(screenshot_dir / "visitor-stats.png"))
