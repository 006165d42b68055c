"""A resident opens a campaign page on a phone and on a desktop; screenshots are kept."""

from io import StringIO

import pytest
from django.core.management import call_command

from campaigns.models import Campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_campaigns(live_server):
    call_command("load_demo", stdout=StringIO())
    return {
        "fund": Campaign.objects.get(kind=Campaign.Kind.FUND),
        "poor_day": Campaign.objects.get(name="Ngày vì người nghèo"),
    }


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_campaign_page_is_readable(
    request, page_fixture, live_server, demo_campaigns, screenshot_dir
):
    page = request.getfixturevalue(page_fixture)
    for name, campaign in demo_campaigns.items():
        page.goto(live_server.url + campaign.get_absolute_url())
        page.screenshot(path=str(screenshot_dir / f"{name}-{page_fixture}.png"), full_page=True)

        # Nothing wider than the screen: no sideways scrolling of the whole page.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        assert page.get_by_role("heading", level=1).inner_text() == campaign.name

    fund_page = live_server.url + demo_campaigns["fund"].get_absolute_url()
    page.goto(fund_page)
    figures = page.locator(".progress__figures").first
    assert figures.is_visible()
    assert " ".join(figures.inner_text().split()).startswith("8.000.000 đ / 21.000.000 đ 38 %")
    chart = page.get_by_role("img", name="Theo năm: Vận động Quỹ “Vì người nghèo”")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] >= 300  # large enough for its labels to be read


def test_list_and_year_dashboard_fit_a_phone(
    phone_page, live_server, demo_campaigns, screenshot_dir
):
    for name, path in [("list", "/van-dong/"), ("year-2024", "/van-dong/nam/2024/")]:
        phone_page.goto(live_server.url + path)
        phone_page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=True)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0

    fund = phone_page.get_by_role("heading", name="Vận động Quỹ “Vì người nghèo”")
    assert fund.is_visible()
    assert phone_page.locator("table.figures th", has_text="T6/2024").first.is_visible()
