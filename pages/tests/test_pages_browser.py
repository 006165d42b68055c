"""A resident reads the "Giới thiệu" pages and an area's page on a phone; screenshots kept."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo", stdout=StringIO())


def _fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_resident_moves_between_pages_with_the_side_menu_on_a_phone(
    phone_page, live_server, demo, screenshot_dir
):
    phone_page.goto(live_server.url + "/gioi-thieu/")
    phone_page.screenshot(path=str(screenshot_dir / "index.png"), full_page=True)
    assert _fits_the_screen(phone_page)

    phone_page.locator("#noi-dung").get_by_role("link", name="Lịch sử").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Lịch sử"
    menu = phone_page.get_by_role("navigation", name="Các trang giới thiệu")
    menu.get_by_role("link", name="Liên hệ").click()

    assert phone_page.get_by_role("heading", level=1).inner_text() == "Liên hệ"
    assert phone_page.get_by_role("link", name="Xem bản đồ đường đến trụ sở").is_visible()
    current = menu.locator('[aria-current="page"]')
    assert current.inner_text() == "Liên hệ"
    phone_page.screenshot(path=str(screenshot_dir / "contact.png"), full_page=True)
    assert _fits_the_screen(phone_page)


def test_area_page_fits_a_phone(phone_page, live_server, demo, screenshot_dir):
    phone_page.goto(live_server.url + "/khu-dan-cu/")
    phone_page.get_by_role("link", name="Khu phố 1").click()

    assert phone_page.get_by_role("heading", level=1).inner_text() == "Khu phố 1"
    board = phone_page.get_by_role("heading", name="Ban công tác Mặt trận", exact=True)
    assert board.is_visible()
    phone_page.screenshot(path=str(screenshot_dir / "khu-pho-1.png"), full_page=True)
    assert _fits_the_screen(phone_page)
