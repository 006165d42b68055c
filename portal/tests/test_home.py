"""The home page gathers news, meetings and campaign highlights through each app's
queries module, in the same few queries however much there is."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from campaigns.models import Campaign, Entry, Indicator, Target
from meetings.models import Meeting
from meetings.tests.factories import make_meeting

pytestmark = pytest.mark.django_db

SIZES = [5, 200]


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_home_lists_upcoming_public_meetings_but_not_leaders_only_ones(client, body):
    soon = timezone.now() + datetime.timedelta(days=3)
    make_meeting(body, "Hội nghị tiếp xúc cử tri sắp tới", soon, slug="tiep-xuc")
    make_meeting(body, "Họp kín sắp tới", soon, slug="hop-kin", visibility="leaders")
    make_meeting(body, "Hội nghị đã qua", timezone.now() - datetime.timedelta(days=3), slug="qua")

    meetings = section(client.get("/").content.decode(), "meetings-title")

    assert "Hội nghị sắp tới" in meetings
    assert "Hội nghị tiếp xúc cử tri sắp tới" in meetings
    assert "Họp kín sắp tới" not in meetings
    assert "Hội nghị đã qua" not in meetings


def test_leader_sees_the_leaders_only_upcoming_meeting_on_the_home_page(client, body, leader):
    soon = timezone.now() + datetime.timedelta(days=3)
    make_meeting(body, "Họp kín sắp tới", soon, slug="hop-kin", visibility="leaders")
    client.force_login(leader)

    assert "Họp kín sắp tới" in section(client.get("/").content.decode(), "meetings-title")


def test_home_shows_the_latest_meetings_when_none_is_coming(client, body):
    make_meeting(body, "Hội nghị đã qua", timezone.now() - datetime.timedelta(days=3), slug="qua")

    meetings = section(client.get("/").content.decode(), "meetings-title")

    assert "Hội nghị gần đây" in meetings
    assert "Hội nghị đã qua" in meetings


def titles_in_order(html, titles):
    found = [(html.index(title), title) for title in titles if title in html]
    return [title for _, title in sorted(found)]


def test_home_shows_the_three_soonest_meetings_soonest_first(client, body):
    now = timezone.now()
    for days in (4, 2, -1, 1, 3, -2):
        when = now + datetime.timedelta(days=days)
        make_meeting(body, f"Hội nghị ngày {days:+d}", when, slug=f"ngay{days + 10}")

    meetings = section(client.get("/").content.decode(), "meetings-title")

    every = [f"Hội nghị ngày {days:+d}" for days in (4, 3, 2, 1, -1, -2)]
    assert titles_in_order(meetings, every) == [
        "Hội nghị ngày +1",
        "Hội nghị ngày +2",
        "Hội nghị ngày +3",
    ]


def test_home_shows_the_three_newest_past_meetings_newest_first(client, body):
    now = timezone.now()
    for days in (-5, -1, -3, -2, -4):
        when = now + datetime.timedelta(days=days)
        make_meeting(body, f"Hội nghị ngày {days:+d}", when, slug=f"ngay{days + 10}")

    meetings = section(client.get("/").content.decode(), "meetings-title")

    every = [f"Hội nghị ngày {days:+d}" for days in (-1, -2, -3, -4, -5)]
    assert titles_in_order(meetings, every) == [
        "Hội nghị ngày -1",
        "Hội nghị ngày -2",
        "Hội nghị ngày -3",
    ]


def test_home_shows_campaign_progress_bars(client, fund_raised):
    campaigns = section(client.get("/").content.decode(), "campaigns-title")

    assert fund_raised.campaign.name in campaigns
    assert "8.000.000 đ" in campaigns
    assert "21.000.000 đ" in campaigns
    assert "38 %" in campaigns
    assert 'class="progress__fill" width="38"' in campaigns


def test_home_leaves_out_sections_with_nothing_to_show(client):
    html = client.get("/").content.decode()

    assert 'id="meetings-title"' not in html
    assert 'id="campaigns-title"' not in html


def test_home_page_drops_its_cached_copy_when_a_meeting_is_saved(client, body, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/")
    make_meeting(body, "Hội nghị mới thêm", timezone.now() + datetime.timedelta(days=2))

    assert "Hội nghị mới thêm" in client.get("/").content.decode()


def test_home_page_drops_its_cached_copy_when_campaign_figures_change(
    client, fund_raised, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/")
    Entry.objects.create(indicator=fund_raised, date=datetime.date(2024, 7, 1), money=13_000_000)

    assert "100 %" in section(client.get("/").content.decode(), "campaigns-title")


@pytest.fixture(params=SIZES, ids=lambda n: f"{n}-rows")
def lots(request, many_articles, body, committee, areas):
    """`n` articles, `n` meetings (half upcoming, every third leaders-only), `n` campaigns
    with a target each, and `n` entries."""
    n = request.param
    many_articles(n)
    now = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(
            body=body,
            title=f"Hội nghị số {i}",
            slug=f"hoi-nghi-so-{i}",
            starts_at=now + datetime.timedelta(days=i - n // 2),
            visibility="leaders" if i % 3 == 0 else "public",
        )
        for i in range(n)
    )
    campaigns = Campaign.objects.bulk_create(
        Campaign(name=f"Cuộc vận động {i}", slug=f"cuoc-van-dong-{i}", body=committee, order=i)
        for i in range(n)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            campaign=c, name="Tiền vận động", unit=Indicator.Unit.DONG, kind=Indicator.Kind.MONEY
        )
        for c in campaigns
    )
    Target.objects.bulk_create(
        Target.for_year(2024, indicator=i, value=Decimal(1_000_000)) for i in indicators
    )
    Entry.objects.bulk_create(
        Entry(
            indicator=indicators[k % len(indicators)],
            date=datetime.date(2024, 5, 1),
            area=areas[k % 3],
            money=10_000 * k,
        )
        for k in range(n)
    )
    return n


def test_home_queries(client, django_assert_num_queries, lots):
    assert client.get("/").status_code == 200  # warms the ward record and campaign figures
    # the sections shown, then featured, latest and each section's newest in one UNION;
    # upcoming meetings with body and term; the newest documents (campaign highlights
    # come from their cache)
    with django_assert_num_queries(4):
        response = client.get("/")
    html = response.content.decode()
    coming = Meeting.objects.public().upcoming().count()
    assert section(html, "meetings-title").count('class="meeting-row"') == min(coming, 3) > 0
    assert section(html, "campaigns-title").count('class="progress__bar"') == 3


def test_home_queries_on_a_cold_campaign_cache(client, django_assert_num_queries, lots):
    client.get("/")
    cache.delete("campaigns:version")  # as any campaign save does
    # the four above, plus campaigns with body and indicators (2), totals per indicator,
    # targets with results
    with django_assert_num_queries(8):
        assert client.get("/").status_code == 200
