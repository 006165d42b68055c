"""Generated campaign results for load tests (`manage.py generate_data --entries N`).

Entries are spread over the existing campaigns' indicators, every residential area
(and some ward-wide ones), and monthly or half-year periods over fifteen years; each
area gets a yearly target per indicator. Figures follow the indicator's kind: money in
whole dong, whole counts, kilograms with one decimal.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from campaigns.models import Campaign, Entry, Indicator, Target
from mattran.generate import bulk_insert
from mattran.lib.text import format_money_vi, format_number_vi
from mattran.models import Body, ResidentialArea

YEARS = 15
SOURCES = [
    "Báo cáo tháng của Ban công tác Mặt trận",
    "Báo cáo sơ kết 6 tháng của Ủy ban MTTQ phường",
    "Sổ theo dõi của Ban vận động quỹ",
]


def _ensure_campaign():
    """The demo's campaigns when loaded; otherwise one fund with two indicators."""
    if Indicator.objects.exists():
        return
    body = Body.objects.filter(kind=Body.Kind.COMMITTEE).first()
    fund = Campaign.objects.create(name="Quỹ “Vì người nghèo”", kind=Campaign.Kind.FUND, body=body)
    Indicator.objects.create(campaign=fund, name="Tiền quỹ", unit="dong", kind="money", order=1)
    Indicator.objects.create(campaign=fund, name="Gạo", unit="kg", kind="weight", order=2)


def _figure(rng, indicator):
    if indicator.kind == Indicator.Kind.MONEY:
        money = rng.randint(1, 400) * 100_000
        return None, money, format_money_vi(money)
    if indicator.kind == Indicator.Kind.WEIGHT:
        quantity = Decimal(rng.randint(10, 5000)) / 10
        return quantity, None, f"{format_number_vi(quantity)} kg"
    quantity = Decimal(rng.randint(1, 40))
    return quantity, None, f"{format_number_vi(quantity)} {indicator.get_unit_display()}"


def _entry(rng, indicator, areas, first_month, months, today):
    month = first_month + rng.randrange(months)
    year, month_index = divmod(month, 12)
    start = datetime.date(year, month_index + 1, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    end = min(end, today)  # this month's figures so far
    quantity, money, printed = _figure(rng, indicator)
    doubtful = rng.random() < 0.01
    return Entry(
        indicator=indicator,
        date=end,
        period_start=start,
        period_label=f"Tháng {start.month}/{start.year}",
        area=rng.choice(areas) if rng.random() < 0.9 else None,
        quantity=quantity,
        money=money,
        participants=rng.randint(5, 300) if rng.random() < 0.5 else None,
        as_printed=printed if rng.random() < 0.3 else "",
        source=rng.choice(SOURCES),
        doubtful=doubtful,
        doubt_note="Số liệu chưa khớp với sổ theo dõi." if doubtful else "",
    )


def _yearly_targets(rng, indicators, areas, first_year, last_year):
    have = set(Target.objects.values_list("indicator_id", "area_id", "period_start", "period_end"))
    rows = []
    for indicator in indicators:
        for area in areas:
            for year in range(first_year, last_year + 1):
                target = Target.for_year(year, indicator=indicator, area=area)
                key = (indicator.pk, area.pk, target.period_start, target.period_end)
                if key in have:
                    continue
                scale = 12_000_000 if indicator.is_money else 60
                target.value = Decimal(rng.randint(scale // 2, scale * 2))
                target.note = "Chỉ tiêu khu dân cư (dữ liệu sinh tự động)"
                rows.append(target)
    bulk_insert(Target, rows)


def generate(rng, count, stdout=None):
    """Add `count` entries, and yearly targets per area where none exists yet."""
    _ensure_campaign()
    indicators = list(Indicator.objects.order_by("pk"))
    areas = list(ResidentialArea.objects.order_by("pk"))
    today = timezone.localdate()
    first_year = today.year - YEARS + 1
    first_month = first_year * 12
    months = (today.year * 12 + today.month - 1) - first_month + 1
    _yearly_targets(rng, indicators, areas, first_year, today.year)
    bulk_insert(
        Entry,
        (
            _entry(rng, rng.choice(indicators), areas, first_month, months, today)
            for _ in range(count)
        ),
    )
    if stdout:
        stdout.write(f"  Kết quả vận động: {count}")
    return count
