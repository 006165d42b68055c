import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from meetings.models import Resolution, ResolutionTarget
from meetings.tests.conftest import make_attachment

pytestmark = pytest.mark.django_db

LEADERS_URL = reverse("meetings:leaders")


def _target(resolution, text, deadline, status=ResolutionTarget.Status.IN_PROGRESS):
    return ResolutionTarget.objects.create(
        resolution=resolution, text=text, deadline=deadline, status=status
    )


def test_leader_page_lists_overdue_targets_first(client, leader, public_meeting):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    resolution = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết Đại hội")
    _target(resolution, "Chỉ tiêu còn hạn xa", today + 300 * day)
    _target(resolution, "Chỉ tiêu chưa định hạn", None)
    _target(resolution, "Chỉ tiêu quá hạn lâu", today - 100 * day)
    _target(resolution, "Chỉ tiêu sắp đến hạn", today + 3 * day)
    _target(resolution, "Chỉ tiêu quá hạn hôm qua", today - day)
    _target(resolution, "Chỉ tiêu đã xong", today - 50 * day, ResolutionTarget.Status.DONE)
    client.force_login(leader)

    page = client.get(LEADERS_URL).content.decode()

    order = [
        "Chỉ tiêu quá hạn lâu",
        "Chỉ tiêu quá hạn hôm qua",
        "Chỉ tiêu sắp đến hạn",
        "Chỉ tiêu còn hạn xa",
        "Chỉ tiêu chưa định hạn",
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Chỉ tiêu đã xong" not in page
    assert page.count("Quá hạn</span>") == 2


def test_leader_page_lists_meetings_with_internal_minutes(
    client, leader, internal_meeting, public_meeting
):
    make_attachment(internal_meeting, "Biên bản họp kín", kind="bien-ban", visibility="leaders")
    make_attachment(public_meeting, "Chương trình công khai", kind="chuong-trinh")
    client.force_login(leader)

    page = client.get(LEADERS_URL).content.decode()

    assert internal_meeting.title in page
    assert "Biên bản họp kín" in page
    assert public_meeting.title not in page


def test_leader_page_asks_residents_to_log_in(client):
    response = client.get(LEADERS_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/dang-nhap/?next=/hoi-nghi/lanh-dao/")


def test_leader_page_is_404_for_staff_outside_leaders(client, staff_outside_leaders):
    client.force_login(staff_outside_leaders)

    assert client.get(LEADERS_URL).status_code == 404


def test_leader_logs_in_at_the_public_login_and_reaches_the_page(client, leader):
    response = client.post(
        "/tai-khoan/dang-nhap/",
        {"username": "lanhdao", "password": PASSWORD, "next": LEADERS_URL},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == LEADERS_URL
    assert "Dành cho lãnh đạo" in response.content.decode()


def test_wrong_password_gets_a_vietnamese_error_and_keeps_the_username(client, leader):
    page = client.post(
        "/tai-khoan/dang-nhap/", {"username": "lanhdao", "password": "sai-mat-khau"}
    ).content.decode()

    assert "Tên đăng nhập và mật khẩu chính xác" in page
    assert 'value="lanhdao"' in page


def test_leader_page_pages_targets_keeping_overdue_ones_on_the_first_page(
    client, leader, public_meeting
):
    today = timezone.localdate()
    resolution = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết Đại hội")
    for n in range(55):
        _target(resolution, f"Chỉ tiêu còn hạn {n}", today + datetime.timedelta(days=10 + n))
    _target(resolution, "Chỉ tiêu quá hạn duy nhất", today - datetime.timedelta(days=1))
    client.force_login(leader)

    first = client.get(LEADERS_URL).content.decode()
    second = client.get(LEADERS_URL, {"trang": 2}).content.decode()

    assert "Chỉ tiêu quá hạn duy nhất" in first
    assert first.count("Chỉ tiêu còn hạn") == 49
    assert "Trang 1 / 2" in first
    assert second.count("Chỉ tiêu còn hạn") == 6
