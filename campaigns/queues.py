"""Figures not entered yet, for the data-entry staff's admin home (mattran/queues.py).

For each running campaign: every indicator × residential area × month of the last
MONTHS months (this one included) with no entry dated in that month, most recent month
first. Three queries whatever the size: indicators, areas, and the (indicator, area,
month) triples that have an entry; the gaps are worked out here.
"""

import datetime

from django.db.models import Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Entry, Indicator
from mattran.models import ResidentialArea
from mattran.queues import Queue, Task
from mattran.roles import staff_areas

MONTHS = 3


def month_starts(today, count=MONTHS):
    """The first day of this month and of the `count - 1` before it, newest first."""
    first = today.replace(day=1)
    months = [first]
    for _ in range(count - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        months.append(first)
    return months


def missing_figures(user, limit):
    if not user.has_perm("campaigns.add_entry"):
        return None
    today = timezone.localdate()
    months = month_starts(today)
    running = Q(campaign__start__isnull=True) | Q(campaign__start__lte=today)
    running &= Q(campaign__end__isnull=True) | Q(campaign__end__gte=months[-1])
    indicators = list(
        Indicator.objects.filter(running)
        .select_related("campaign")
        .order_by("campaign__order", "campaign__name", "order", "pk")
    )
    if not indicators:
        return None
    areas = ResidentialArea.objects.all()
    scope = staff_areas(user)
    if scope is not None:
        areas = areas.filter(pk__in=scope)
    areas = list(areas.only("pk", "name"))
    entered = set(
        Entry.objects.filter(indicator__in=indicators, area__in=areas, date__gte=months[-1])
        .annotate(month=TruncMonth("date"))
        .values_list("indicator_id", "area_id", "month")
        .distinct()
    )
    gaps = [
        (month, indicator, area)
        for month in months
        for indicator in indicators
        for area in areas
        if (indicator.pk, area.pk, month) not in entered
    ]
    if not gaps:
        return None
    add_url = reverse("admin:campaigns_entry_add")
    return Queue(
        title="Số liệu chưa nhập",
        count=len(gaps),
        tasks=[
            Task(
                f"{indicator.campaign.name}: {indicator.name} — {area.name}",
                f"{add_url}?indicator={indicator.pk}&area={area.pk}",
                f"tháng {month:%m/%Y}",
            )
            for month, indicator, area in gaps[:limit]
        ],
        menu=("campaigns", "Entry", "chưa nhập"),
    )
