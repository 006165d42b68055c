"""Campaign data shared by the tests: a fund with a target, houses with money, rice."""

import datetime
from decimal import Decimal

import pytest

from campaigns.models import Campaign, Entry, Indicator, Target
from mattran.models import Body, ResidentialArea, WardSettings


@pytest.fixture
def ward(db):
    # The ward record is cached on every page; load it once so query counts are the page's own.
    return WardSettings.current()


@pytest.fixture
def areas(db):
    return [
        ResidentialArea.objects.create(name=f"Khu phố {number}", order=number)
        for number in (1, 2, 3)
    ]


@pytest.fixture
def committee(db):
    return Body.objects.create(name="Ủy ban MTTQ Việt Nam Phường 2", kind=Body.Kind.COMMITTEE)


@pytest.fixture
def fund(committee):
    return Campaign.objects.create(
        name="Quỹ “Vì người nghèo”", kind=Campaign.Kind.FUND, body=committee
    )


@pytest.fixture
def fund_indicator(fund):
    return Indicator.objects.create(
        campaign=fund,
        name="Vận động Quỹ “Vì người nghèo”",
        unit=Indicator.Unit.DONG,
        kind=Indicator.Kind.MONEY,
    )


@pytest.fixture
def fund_raised(fund_indicator, areas):
    """8.000.000 đ raised in the first half of 2024 against 21.000.000 đ for the year."""
    Target.for_year(2024, indicator=fund_indicator, value=Decimal(21_000_000)).save()
    day = datetime.date(2024, 6, 30)
    Entry.objects.create(indicator=fund_indicator, date=day, area=areas[0], money=5_000_000)
    Entry.objects.create(indicator=fund_indicator, date=day, money=3_000_000)
    return fund_indicator


@pytest.fixture
def poor_day(committee):
    return Campaign.objects.create(name="Ngày vì người nghèo", body=committee)


@pytest.fixture
def houses(poor_day):
    return Indicator.objects.create(
        campaign=poor_day,
        name="Nhà tình thương cất mới",
        unit=Indicator.Unit.HOUSE,
        kind=Indicator.Kind.COUNT,
        order=1,
    )


@pytest.fixture
def rice(poor_day):
    return Indicator.objects.create(
        campaign=poor_day,
        name="Gạo tiếp nhận",
        unit=Indicator.Unit.KG,
        kind=Indicator.Kind.WEIGHT,
        order=2,
    )


def make_entries(indicator, count, areas, start=datetime.date(2020, 1, 1)):
    """`count` entries spread over areas (and the ward itself) and over five years."""
    rows = []
    for number in range(count):
        area = (areas + [None])[number % (len(areas) + 1)]
        rows.append(
            Entry(
                indicator=indicator,
                date=start + datetime.timedelta(days=(number * 7) % 1800),
                area=area,
                quantity=Decimal(number % 5 + 1),
                money=(number % 7 + 1) * 100_000,
                participants=number % 11,
                doubtful=number % 997 == 0,
                doubt_note="Số liệu thử nghiệm" if number % 997 == 0 else "",
            )
        )
    Entry.objects.bulk_create(rows, batch_size=2000)
    return rows
