import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns.models import Entry, Target
from campaigns.tests.factories import make_entries

pytestmark = pytest.mark.django_db


def text_of(response):
    """The page as a reader sees it: tags dropped, spaces squeezed."""
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_fund_shows_raised_against_target_and_percent(client, ward, fund_raised, fund):
    response = client.get(fund.get_absolute_url())

    assert response.status_code == 200
    page = text_of(response)
    assert "8.000.000 đ / 21.000.000 đ 38 %" in page
    assert "chỉ tiêu năm 2024" in page
    assert 'width="38"' in response.content.decode()


def test_campaign_list_shows_headline_result_and_progress(client, ward, fund_raised, fund):
    response = client.get(reverse("campaigns:index"))

    page = text_of(response)
    assert fund.name in page
    assert "8.000.000 đ / 21.000.000 đ 38 %" in page


def test_progress_bar_is_capped_but_percent_is_not(client, ward, fund_raised, fund):
    Entry.objects.create(indicator=fund_raised, date=datetime.date(2024, 9, 1), money=40_000_000)

    response = client.get(fund.get_absolute_url())

    assert "48.000.000 đ / 21.000.000 đ 229 %" in text_of(response)
    assert 'width="100"' in response.content.decode()


def test_area_totals_add_up_to_ward_total(client, ward, rice, poor_day, areas):
    created = make_entries(rice, 250, areas)

    response = client.get(poor_day.get_absolute_url())

    (report,) = [r for r in response.context["reports"] if r.indicator == rice]
    expected = sum(entry.quantity for entry in created)
    assert report.total.value == expected
    assert sum(row.value or 0 for row in report.areas) == expected
    assert sum(row.value or 0 for row in report.series) == expected
    labels = [row.label for row in report.areas]
    assert labels == ["Khu phố 1", "Khu phố 2", "Khu phố 3", "Chung toàn phường"]
    # The total line of the area table shows the same figure, formatted.
    assert f"Cộng {expected:,} kg".replace(",", ".") in text_of(response)


def test_entry_with_quantity_and_money_shows_both(client, ward, houses, poor_day):
    Entry.objects.create(
        indicator=houses, date=datetime.date(2019, 12, 31), quantity=10, money=438_000_000
    )

    page = text_of(client.get(poor_day.get_absolute_url()))

    assert "10 căn nhà trị giá 438.000.000 đ" in page


def test_doubtful_figure_is_shown_as_printed_with_a_note(client, ward, fund_indicator, fund):
    Entry.objects.create(
        indicator=fund_indicator,
        date=datetime.date(2019, 12, 31),
        money=1_151_800,
        as_printed="1.151.800đ",
        doubtful=True,
        doubt_note="Nhỏ hơn trị giá nhà tình thương; có thể in thiếu ba số 0.",
    )

    page = text_of(client.get(fund.get_absolute_url()))

    assert "Số liệu cần xác minh" in page
    assert "in là 1.151.800đ — Nhỏ hơn trị giá nhà tình thương" in page


def test_chart_and_tables_carry_text_alternatives(client, ward, fund_raised, fund):
    html = client.get(fund.get_absolute_url()).content.decode()

    assert re.search(r'<svg class="chart__svg"[^>]*role="img"', html)
    assert "<title id=" in html
    assert "<desc id=" in html
    assert "<caption>Theo năm</caption>" in html
    assert "<caption>Theo khu dân cư</caption>" in html


def test_year_dashboard_sums_the_year_by_month(client, ward, fund_raised):
    Entry.objects.create(indicator=fund_raised, date=datetime.date(2023, 5, 1), money=7_000_000)

    response = client.get(reverse("campaigns:year", args=[2024]))

    page = text_of(response)
    assert "Kết quả vận động toàn phường năm 2024" in page
    assert "T6/2024 8.000.000 đ" in page
    assert "7.000.000" not in page
    assert "8.000.000 đ / 21.000.000 đ 38 %" in page


def test_year_out_of_range_is_not_found(client, ward):
    assert client.get("/van-dong/nam/1200/").status_code == 404


def test_unknown_campaign_is_not_found(client, ward):
    assert client.get("/van-dong/khong-co/").status_code == 404


@pytest.fixture
def big_campaign(request, ward, houses, rice, areas, poor_day):
    Target.for_year(2020, indicator=houses, value=Decimal(500)).save()
    make_entries(houses, request.param, areas)
    make_entries(rice, request.param, areas)
    return poor_day


SIZES = [10, 10_000]


@pytest.mark.parametrize("big_campaign", SIZES, indirect=True)
def test_campaign_list_queries(client, django_assert_num_queries, big_campaign):
    # campaigns + body, indicators, totals by indicator, targets with results, years,
    # the footer's "Giới thiệu" menu and its links (both cached after this first visit),
    # the content version and the ward record (the fixtures' writes retired them: mattran/cache.py)
    with django_assert_num_queries(9):
        response = client.get(reverse("campaigns:index"))
    assert response.status_code == 200


@pytest.mark.parametrize("big_campaign", SIZES, indirect=True)
def test_campaign_page_queries(client, django_assert_num_queries, big_campaign):
    # campaign + body, areas, indicators, totals by indicator, targets with results,
    # totals by year, totals by area, doubtful entries, related articles, the footer's menu
    # and links, the content version and the ward record (the fixtures' writes retired
    # them: mattran/cache.py)
    with django_assert_num_queries(13):
        response = client.get(big_campaign.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("big_campaign", SIZES, indirect=True)
def test_year_dashboard_queries(client, django_assert_num_queries, big_campaign):
    # indicators with entries that year + campaign, areas, totals by indicator,
    # targets with results, totals by month, totals by area, doubtful entries, years,
    # the footer's menu and links, the content version and the ward record (the
    # fixtures' writes retired them: mattran/cache.py)
    with django_assert_num_queries(12):
        response = client.get(reverse("campaigns:year", args=[2020]))
    assert response.status_code == 200


@pytest.mark.parametrize("big_campaign", SIZES, indirect=True)
def test_repeat_visits_are_served_from_the_cache(client, django_assert_num_queries, big_campaign):
    for url in [
        reverse("campaigns:index"),
        big_campaign.get_absolute_url(),
        reverse("campaigns:year", args=[2020]),
    ]:
        client.get(url)
    with django_assert_num_queries(0):
        client.get(reverse("campaigns:index"))
    # campaign, related articles: the figures come from the cache
    with django_assert_num_queries(2):
        client.get(big_campaign.get_absolute_url())
    with django_assert_num_queries(0):
        client.get(reverse("campaigns:year", args=[2020]))


def test_a_saved_entry_shows_at_once_despite_the_cache(client, ward, fund_raised, fund):
    assert "8.000.000 đ / 21.000.000 đ" in text_of(client.get(fund.get_absolute_url()))

    Entry.objects.create(indicator=fund_raised, date=datetime.date(2024, 7, 1), money=2_500_000)

    assert "10.500.000 đ / 21.000.000 đ 50 %" in text_of(client.get(fund.get_absolute_url()))
    assert "10.500.000 đ / 21.000.000 đ 50 %" in text_of(client.get(reverse("campaigns:index")))
