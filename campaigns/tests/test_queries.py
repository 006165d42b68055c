import pytest

from campaigns import queries
from campaigns.sitemaps import CampaignSitemap, CampaignYearSitemap

pytestmark = pytest.mark.django_db


def test_portal_gets_campaigns_with_headlines(fund_raised, fund):
    (campaign,) = queries.campaigns_with_headlines()

    assert campaign == fund
    (headline,) = campaign.headlines
    assert headline.total.value == 8_000_000
    assert headline.headline.percent == 38


def test_search_finds_campaigns_by_every_word(fund, poor_day):
    assert set(queries.search(["vì", "nghèo"])) == {poor_day, fund}
    assert list(queries.search(["Quỹ"])) == [fund]


def test_sitemaps_list_campaigns_and_years(fund_raised, fund):
    assert [item.get_absolute_url() for item in CampaignSitemap().items()] == [
        fund.get_absolute_url()
    ]
    sitemap = CampaignYearSitemap()
    assert [sitemap.location(year) for year in sitemap.items()] == ["/van-dong/nam/2024/"]
