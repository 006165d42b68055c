"""What a leader and a resident actually do, in a real Chromium."""

import pytest

from mattran.tests.accounts import PASSWORD
from meetings.tests.factories import make_attachment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def minutes(internal_meeting, public_meeting):
    return make_attachment(
        internal_meeting, "Biên bản họp Ban Thường trực", visibility="leaders", kind="bien-ban"
    )


def test_leader_logs_in_and_opens_the_internal_minutes(
    live_server, desktop_page, screenshot_dir, leader, internal_meeting, minutes
):
    page = desktop_page
    page.goto(f"{live_server.url}/hoi-nghi/lanh-dao/")
    # Not logged in yet: the leaders' page sends them to the public login.
    assert "/tai-khoan/dang-nhap/" in page.url
    page.screenshot(path=screenshot_dir / "1-login.png", full_page=True)

    page.get_by_label("Tên đăng nhập").fill(leader.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.wait_for_url(f"{live_server.url}/hoi-nghi/lanh-dao/")
    assert page.get_by_role("heading", name="Dành cho lãnh đạo").is_visible()
    page.screenshot(path=screenshot_dir / "2-leaders-page.png", full_page=True)

    page.get_by_role("link", name=internal_meeting.title).click()
    page.wait_for_url(f"{live_server.url}{internal_meeting.get_absolute_url()}")
    assert page.get_by_text("Hồ sơ nội bộ").is_visible()
    page.screenshot(path=screenshot_dir / "3-internal-meeting.png", full_page=True)

    link = page.get_by_role("link", name="Biên bản: Biên bản họp Ban Thường trực")
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_resident_cannot_reach_the_internal_minutes(
    live_server, phone_page, screenshot_dir, internal_meeting, public_meeting, minutes
):
    page = phone_page

    page.goto(f"{live_server.url}/hoi-nghi/")
    assert page.get_by_role("link", name=public_meeting.title).is_visible()
    assert page.get_by_text(internal_meeting.title).count() == 0
    page.screenshot(path=screenshot_dir / "1-meeting-list.png", full_page=True)

    response = page.goto(f"{live_server.url}{internal_meeting.get_absolute_url()}")
    assert response.status == 404
    assert page.get_by_role("heading", name="Không tìm thấy trang").is_visible()
    page.screenshot(path=screenshot_dir / "2-internal-meeting-404.png", full_page=True)

    paper = page.request.get(live_server.url + minutes.get_absolute_url())
    assert paper.status == 404

    page.goto(f"{live_server.url}{public_meeting.get_absolute_url()}")
    assert page.get_by_role("heading", name=public_meeting.title).is_visible()
    page.screenshot(path=screenshot_dir / "3-public-meeting.png", full_page=True)
