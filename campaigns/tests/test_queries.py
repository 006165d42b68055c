from decimal import Decimal

import pytest

from campaigns import queries
from campaigns.models import Target
from campaigns.sitemaps import CampaignSitemap, CampaignYearSitemap

pytestmark = pytest.mark.django_db


def test_portal_gets_campaigns_with_headlines(fund_raised, fund):
    (campaign,) = queries.campaigns_with_headlines()

    assert campaign == fund
    (headline,) = campaign.headlines
    assert headline.total.value == 8_000_000
    assert headline.headline.percent == 38


def test_search_finds_campaigns_by_every_word(fund, poor_day):
    assert set(queries.search("vì nghèo")) == {poor_day, fund}
    assert list(queries.search("Quỹ")) == [fund]


def test_search_matches_whole_words_and_puts_the_phrase_in_the_name_first(fund, poor_day):
    assert queries.search("ngh") == []
    assert queries.search("quy vi nguoi ngheo")[0] == fund


def test_search_ignores_diacritics_and_case(fund, poor_day):
    assert list(queries.search("QUY vi nguoi ngheo")) == [fund]
    assert queries.search("khong-co-dau-nay") == []


def test_sitemaps_list_campaigns_and_years(fund_raised, fund):
    assert [item.get_absolute_url() for item in CampaignSitemap().items()] == [
        fund.get_absolute_url()
    ]
    sitemap = CampaignYearSitemap()
    assert [sitemap.location(year) for year in sitemap.items()] == ["/van-dong/nam/2024/"]


def test_target_progress_counts_an_area_target_in_its_area_only(
    django_assert_num_queries, fund_raised, areas
):
    Target.for_year(2024, indicator=fund_raised, area=areas[0], value=Decimal(10_000_000)).save()

    with django_assert_num_queries(1):
        progress = {p.target.area: p for p in queries.target_progress(indicator=fund_raised)}

    assert progress[None].result == 8_000_000  # the whole ward
    assert (progress[areas[0]].result, progress[areas[0]].percent) == (5_000_000, 50)
