import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Entry, Indicator, Target
from mattran.tests.accounts import PASSWORD
from meetings.models import Resolution, ResolutionTarget
from meetings.tests.factories import make_attachment

pytestmark = pytest.mark.django_db

LEADERS_URL = reverse("leaders")


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
    second = client.get(LEADERS_URL, {"page": 2}).content.decode()

    assert "Chỉ tiêu quá hạn duy nhất" in first
    assert first.count("Chỉ tiêu còn hạn") == 49
    assert "Trang 1 / 2" in first
    assert second.count("Chỉ tiêu còn hạn") == 6


def test_linked_target_shows_the_progress_recorded_for_it(
    client, leader, public_meeting, fund_raised
):
    resolution = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết 6 tháng")
    linked = _target(resolution, "Vận động Quỹ năm 2024", datetime.date(2030, 12, 31))
    _target(resolution, "Chỉ tiêu không có số liệu", datetime.date(2030, 12, 31))
    Target.objects.filter(indicator=fund_raised).update(resolution_target=linked)
    client.force_login(leader)

    page = client.get(LEADERS_URL).content.decode()

    linked_row = page[
        page.index("Vận động Quỹ năm 2024") : page.index(
            "</tr>", page.index("Vận động Quỹ năm 2024")
        )
    ]
    assert "8.000.000 đ" in linked_row
    assert "21.000.000 đ" in linked_row
    assert "38 %" in linked_row
    assert 'class="progress__fill" width="38"' in linked_row
    assert fund_raised.campaign.get_absolute_url() in linked_row
    plain_row = page[page.index("Chỉ tiêu không có số liệu") :]
    assert "progress__bar" not in plain_row[: plain_row.index("</tr>")]


@pytest.fixture(params=[5, 200], ids=lambda n: f"{n}-targets")
def many_linked_targets(request, public_meeting, internal_meeting, fund, areas):
    """`n` open resolution targets, each with a campaign target of its own and entries."""
    count = request.param
    resolution = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết Đại hội")
    targets = ResolutionTarget.objects.bulk_create(
        ResolutionTarget(
            resolution=resolution,
            text=f"Chỉ tiêu số {n}",
            deadline=timezone.localdate() + datetime.timedelta(days=n - 3),
        )
        for n in range(count)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            campaign=fund,
            name=f"Chỉ số {n}",
            unit=Indicator.Unit.DONG if n % 2 else Indicator.Unit.HOUSE,
            kind=Indicator.Kind.MONEY if n % 2 else Indicator.Kind.COUNT,
            order=n,
        )
        for n in range(count)
    )
    Target.objects.bulk_create(
        Target.for_year(
            2024,
            indicator=indicator,
            area=areas[n % 3] if n % 4 == 0 else None,
            value=Decimal(1000),
            resolution_target=target,
        )
        for n, (indicator, target) in enumerate(zip(indicators, targets, strict=True))
    )
    Entry.objects.bulk_create(
        Entry(
            indicator=indicator,
            date=datetime.date(2024, 3, 1),
            area=areas[n % 3],
            quantity=Decimal(n),
            money=n * 10,
        )
        for n, indicator in enumerate(indicators)
    )
    make_attachment(internal_meeting, "Biên bản họp kín", kind="bien-ban", visibility="leaders")
    return count


def test_leaders_page_queries(client, leader, django_assert_num_queries, many_linked_targets):
    client.force_login(leader)
    client.get(LEADERS_URL)  # the ward record is cached after the first page
    # session, user, leader group check, open targets count, a page of open targets with
    # resolution and meeting, their campaign targets with results, meetings with internal
    # minutes, their minutes
    with django_assert_num_queries(8):
        response = client.get(LEADERS_URL)
    assert response.status_code == 200
    shown = min(many_linked_targets, 50)
    assert response.content.decode().count('class="progress__bar"') == shown


def test_demo_leaders_page_shows_the_fund_against_its_resolution_target(client, leader):
    call_command("load_demo", stdout=StringIO())
    client.force_login(leader)

    page = client.get(LEADERS_URL).content.decode()

    row_start = page.index("giảm nghèo bền vững")
    row = page[row_start : page.index("</tr>", row_start)]
    assert "8.000.000 đ" in row
    assert "21.000.000 đ" in row
    assert "38 %" in row
