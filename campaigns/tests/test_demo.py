import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Campaign, Entry, Indicator, Target

pytestmark = pytest.mark.django_db


def page_text(client, url):
    html = client.get(url).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def counts():
    return [model.objects.count() for model in (Campaign, Indicator, Target, Entry)]


def test_demo_loads_twice_without_changes(demo):
    before = counts()
    snapshot = list(Entry.objects.order_by("pk").values())

    call_command("load_demo", stdout=StringIO())

    assert counts() == before
    assert list(Entry.objects.order_by("pk").values()) == snapshot


def test_demo_holds_the_figures_of_the_seed_articles(demo):
    houses = Entry.objects.get(indicator__name="Nhà tình thương cất mới")
    assert (houses.quantity, houses.money) == (10, 438_000_000)
    assert Entry.objects.get(indicator__name="Nhà tình thương sửa chữa").quantity == 3
    assert Entry.objects.get(indicator__name="Gạo tiếp nhận").quantity == 21090
    gifts = Entry.objects.get(indicator__name__startswith="Quà Tết")
    assert (gifts.quantity, gifts.money) == (607, 214_000_000)
    talks = Entry.objects.get(indicator__name="Tuyên truyền chủ trương, chính sách")
    assert (talks.quantity, talks.participants) == (77, 2288)


def test_doubtful_total_is_kept_as_printed_and_flagged(demo, client):
    total = Entry.objects.get(indicator__name="Tổng giá trị vận động trong năm")
    assert total.money == 1_151_800
    assert total.as_printed == "1.151.800đ"
    assert total.doubtful

    page = page_text(client, Campaign.objects.get(name="Ngày vì người nghèo").get_absolute_url())
    assert "Số liệu cần xác minh" in page
    assert "in là 1.151.800đ" in page


def test_demo_fund_page_shows_progress(demo, client):
    fund = Campaign.objects.get(kind=Campaign.Kind.FUND)

    page = page_text(client, fund.get_absolute_url())

    assert "8.000.000 đ / 21.000.000 đ 38 %" in page


def test_demo_pages_render(demo, client):
    for url in [reverse("campaigns:index"), reverse("campaigns:year", args=[2019])]:
        assert client.get(url).status_code == 200


def test_demo_ties_the_fund_target_to_its_resolution_target_once(demo):
    linked = Target.objects.exclude(resolution_target=None)
    assert [(t.indicator.name, t.value, t.period_start.year) for t in linked] == [
        ("Vận động Quỹ “Vì người nghèo”", 21_000_000, 2024)
    ]
    resolution_target = linked.get().resolution_target
    assert "giảm nghèo bền vững" in resolution_target.text
    assert resolution_target.resolution.meeting.starts_at.year == 2024

    call_command("load_demo", stdout=StringIO())

    assert list(Target.objects.exclude(resolution_target=None)) == list(linked)
