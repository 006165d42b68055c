"""A resident on a phone: the home page with meetings and campaign bars, the search;
a leader: the header link to the leaders' page, campaign progress there, and log-out."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mattran.models import Body
from mattran.tests.accounts import PASSWORD
from meetings.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", stdout=StringIO())
    return Meeting.objects.create(
        body=Body.objects.order_by("pk").first(),
        title="Hội nghị tiếp xúc cử tri trước kỳ họp HĐND phường",
        kind=Meeting.Kind.VOTERS,
        starts_at=timezone.now() + datetime.timedelta(days=5),
        place="Hội trường khu phố 1",
    )


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_phone_home_shows_meetings_and_campaign_bars(
    live_server, phone_page, screenshot_dir, demo_site
):
    page = phone_page
    page.goto(live_server.url + "/")
    page.screenshot(path=str(screenshot_dir / "1-home-phone.png"), full_page=True)

    assert no_sideways_scroll(page)
    meetings = page.locator("section", has=page.locator("#meetings-title"))
    assert meetings.get_by_role("heading", name="Hội nghị sắp tới").is_visible()
    assert meetings.get_by_role("link", name=demo_site.title).is_visible()
    campaigns = page.locator("section", has=page.locator("#campaigns-title"))
    campaigns.scroll_into_view_if_needed()
    campaigns.screenshot(path=str(screenshot_dir / "2-home-campaigns-phone.png"))
    bars = campaigns.locator("svg.progress__bar")
    assert bars.count() >= 1
    assert bars.first.bounding_box()["width"] > 200  # a bar one can read, not a sliver
    assert "8.000.000 đ / 21.000.000 đ 38 %" in " ".join(campaigns.inner_text().split())

    page.get_by_label("Tìm kiếm trên cổng thông tin").fill("khong gian dai doan ket")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.wait_for_url("**/tim-kiem/**")
    page.screenshot(path=str(screenshot_dir / "3-search-phone.png"), full_page=True)
    assert no_sideways_scroll(page)
    assert page.get_by_role("link", name="Hội nghị (1)").is_visible()


def test_leader_follows_the_header_to_progress_and_logs_out(
    live_server, phone_page, screenshot_dir, demo_site, leader
):
    page = phone_page
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(leader.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Lãnh đạo"
    ).click()
    page.wait_for_url("**/hoi-nghi/lanh-dao/")
    row = page.locator("tr", has_text="giảm nghèo bền vững")
    assert "38 %" in row.inner_text()
    page.screenshot(path=str(screenshot_dir / "4-leaders-progress-phone.png"), full_page=True)

    page.locator(".site-footer").get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator(".site-footer").get_by_role("link", name="Đăng nhập lãnh đạo").is_visible()
    page.goto(live_server.url + "/hoi-nghi/lanh-dao/")
    assert "/tai-khoan/dang-nhap/" in page.url
