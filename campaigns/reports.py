"""What the public pages show, assembled from a fixed number of grouped queries.

Every function here runs the same number of queries however many entries there are:
the database sums (`EntryQuerySet.totals_by`), Python only files the few summed rows
under their indicator and works out bar lengths.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from campaigns.models import Entry, Indicator, Target
from mattran.models import ResidentialArea

CHART_ROW = 30  # height of one bar's row in the chart, SVG units
CHART_BAR = 150  # length of the longest bar
DOUBTFUL_SHOWN = 50  # doubtful entries listed on one page; the count says if there are more


@dataclass
class Progress:
    """Result against one target: 8.000.000 đ of 21.000.000 đ is 38 %."""

    target: Target
    result: object

    @property
    def percent(self):
        if not self.target.value:
            return None
        ratio = Decimal(self.result or 0) * 100 / self.target.value
        return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def bar(self):
        """Bar length out of 100, capped: a target beaten twice over fills the bar once."""
        return min(self.percent or 0, 100)


@dataclass
class Row:
    """One summed row: a period, an area, or the ward as a whole."""

    label: str
    value: object = None
    quantity: object = None
    money: object = None
    participants: object = None
    entries: int = 0
    doubtful_entries: int = 0
    bar: int = 0  # percent of the largest row
    y: int = 0  # chart coordinates, in the SVG's own units
    bar_length: int = 0


@dataclass
class IndicatorReport:
    indicator: Indicator
    total: Row
    targets: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    series: list = field(default_factory=list)
    doubtful: list = field(default_factory=list)

    @property
    def headline(self):
        return self.targets[0] if self.targets else None

    @property
    def has_quantity_and_money(self):
        return self.total.quantity is not None and self.total.money is not None

    @property
    def chart_height(self):
        return CHART_ROW * len(self.series) + 8


def _row(indicator, label, sums):
    sums = sums or {}
    quantity, money = sums.get("quantity"), sums.get("money")
    return Row(
        label=label,
        value=money if indicator.is_money else quantity,
        quantity=quantity,
        money=money,
        participants=sums.get("participants"),
        entries=sums.get("entries", 0),
        doubtful_entries=sums.get("doubtful_entries", 0),
    )


def _scale_bars(rows):
    largest = max((row.value or 0 for row in rows), default=0)
    for index, row in enumerate(rows):
        row.bar = int((row.value or 0) * 100 / largest) if largest else 0
        row.y = 4 + index * CHART_ROW
        row.bar_length = max(row.bar * CHART_BAR // 100, 1 if row.value else 0)
    return rows


def _period_label(day, monthly):
    return f"T{day.month}/{day.year}" if monthly else str(day.year)


def _progress_by_indicator(indicator_ids, year=None):
    """Ward-wide targets, newest period first, each with its result (one query)."""
    targets = defaultdict(list)
    rows = Target.objects.ward_wide().filter(indicator__in=indicator_ids).with_results()
    if year is not None:
        rows = rows.filter(period_start__year__lte=year, period_end__year__gte=year)
    rows = rows.select_related("indicator").order_by("indicator", "-period_start", "-period_end")
    for target in rows:
        result = target.result_money if target.indicator.is_money else target.result_quantity
        targets[target.indicator_id].append(Progress(target, result))
    return targets


def _report(indicators, entries, areas, monthly=False, year=None):
    """Reports for `indicators` from `entries` (an EntryQuerySet already narrowed)."""
    indicators = list(indicators)
    by_id = {indicator.pk: indicator for indicator in indicators}
    ids = list(by_id)
    entries = entries.filter(indicator__in=ids)

    totals = {row["indicator"]: row for row in entries.by_indicator()}
    reports = {
        pk: IndicatorReport(indicator, total=_row(indicator, "Toàn phường", totals.get(pk)))
        for pk, indicator in by_id.items()
    }
    for pk, progresses in _progress_by_indicator(ids, year).items():
        reports[pk].targets = progresses

    series = entries.by_month() if monthly else entries.by_year()
    for row in series:
        report = reports[row["indicator"]]
        report.series.append(_row(report.indicator, _period_label(row["period"], monthly), row))

    area_sums = defaultdict(dict)
    for row in entries.by_area():
        area_sums[row["indicator"]][row["area"]] = row
    for pk, report in reports.items():
        sums = area_sums[pk]
        report.areas = [_row(report.indicator, area.name, sums.get(area.pk)) for area in areas]
        if None in sums:
            report.areas.append(_row(report.indicator, "Chung toàn phường", sums[None]))

    doubtful = entries.filter(doubtful=True).select_related("indicator", "area")
    doubtful = doubtful.order_by("date", "pk")
    for entry in doubtful[:DOUBTFUL_SHOWN]:
        reports[entry.indicator_id].doubtful.append(entry)

    for report in reports.values():
        _scale_bars(report.series)
        _scale_bars(report.areas)
    return [reports[indicator.pk] for indicator in indicators]


def campaign_reports(campaign):
    """Everything the campaign page shows: per indicator, progress, areas and years."""
    areas = list(ResidentialArea.objects.all())
    return _report(campaign.indicators.all(), Entry.objects.all(), areas=areas)


def headline_reports(campaigns):
    """For the list of campaigns: each indicator's total and its newest target."""
    indicators = [indicator for campaign in campaigns for indicator in campaign.indicators.all()]
    ids = [indicator.pk for indicator in indicators]
    sums = Entry.objects.filter(indicator__in=ids).by_indicator()
    totals = {row["indicator"]: row for row in sums}
    progresses = _progress_by_indicator(ids)
    reports = {}
    for indicator in indicators:
        report = IndicatorReport(indicator, total=_row(indicator, "", totals.get(indicator.pk)))
        report.targets = progresses.get(indicator.pk, [])
        reports.setdefault(indicator.campaign_id, []).append(report)
    return reports


def year_reports(year):
    """The ward's year: every indicator with results in `year`, by month and by area."""
    entries = Entry.objects.in_year(year)
    indicators = (
        Indicator.objects.filter(pk__in=entries.values("indicator"))
        .select_related("campaign")
        .order_by("campaign__order", "campaign__name", "order", "pk")
    )
    areas = list(ResidentialArea.objects.all())
    return _report(indicators, entries, areas=areas, monthly=True, year=year)


def area_reports(area):
    """One residential area's results: each indicator with entries or a target there, its
    total in the area and the area's own targets with progress (three queries)."""
    totals = {row["indicator"]: row for row in Entry.objects.filter(area=area).by_indicator()}
    targets = list(
        Target.objects.filter(area=area)
        .with_results()
        .order_by("indicator", "-period_start", "-period_end")
    )
    # The ids come from the two summaries: no second pass over the area's entries.
    indicators = (
        Indicator.objects.filter(pk__in={*totals, *(target.indicator_id for target in targets)})
        .select_related("campaign")
        .order_by("campaign__order", "campaign__name", "order", "pk")
    )
    reports = []
    by_id = {}
    for indicator in indicators:
        report = IndicatorReport(
            indicator, total=_row(indicator, area.name, totals.get(indicator.pk))
        )
        reports.append(report)
        by_id[indicator.pk] = report
    for target in targets:
        report = by_id[target.indicator_id]
        target.indicator = report.indicator  # already loaded: no query per target
        result = target.result_money if report.indicator.is_money else target.result_quantity
        report.targets.append(Progress(target, result))
    return reports


def years_with_entries():
    return [day.year for day in Entry.objects.dates("date", "year", order="DESC")]


def published_articles(campaign):
    # news is a lower layer; its own queryset decides what residents may see.
    return campaign.articles.published().newest_first()[:6]
