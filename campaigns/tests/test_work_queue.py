"""The data-entry staff's "Việc cần làm": areas and months with no figures yet."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import Entry
from campaigns.queues import month_starts
from mattran import roles
from mattran.models import StaffAreas
from mattran.tests.accounts import make_user

pytestmark = pytest.mark.django_db

HOME = "/quan-tri/"


@pytest.fixture
def clerk(db, django_user_model):
    return make_user(django_user_model, "nhaplieu", roles.DATA_ENTRY, is_staff=True)


def test_month_starts_go_back_across_a_year():
    assert month_starts(datetime.date(2026, 2, 14)) == [
        datetime.date(2026, 2, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2025, 12, 1),
    ]


def test_clerk_sees_each_missing_area_and_month_newest_first(client, clerk, rice, areas):
    this_month = timezone.localdate().replace(day=1)
    Entry.objects.create(indicator=rice, date=this_month, area=areas[0], quantity=50)
    client.force_login(clerk)
    page = client.get(HOME).content.decode()
    assert "Số liệu chưa nhập" in page
    # 3 areas × 3 months, less the one entered.
    assert "(8 chưa nhập)" in page
    first_gap = page.index("Gạo tiếp nhận — Khu phố 2")
    assert page.index(f"tháng {this_month:%m/%Y}") < page.index(
        f"tháng {month_starts(this_month)[1]:%m/%Y}"
    )
    assert "Gạo tiếp nhận — Khu phố 1" not in page[:first_gap]


def test_area_staff_sees_only_their_areas(client, django_user_model, rice, areas):
    board = make_user(django_user_model, "khu1", roles.AREA_STAFF, is_staff=True)
    StaffAreas.objects.create(user=board).areas.set([areas[0]])
    client.force_login(board)
    page = client.get(HOME).content.decode()
    assert "(3 chưa nhập)" in page  # one area × 3 months
    assert "Gạo tiếp nhận — Khu phố 1" in page
    assert "Khu phố 2" not in page


def test_an_ended_campaign_asks_for_nothing(client, clerk, rice, areas):
    rice.campaign.end = timezone.localdate() - datetime.timedelta(days=200)
    rice.campaign.save()
    client.force_login(clerk)
    assert "Số liệu chưa nhập" not in client.get(HOME).content.decode()
