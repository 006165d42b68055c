"""The public roster: who holds which position in the Front's bodies today."""

from itertools import groupby

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from mattran.models import Body, Membership

# The standing board first, then the full committee, then each area's board.
BODY_KIND_ORDER = [Body.Kind.STANDING_BOARD, Body.Kind.COMMITTEE, Body.Kind.AREA_BOARD]


def current_roster(day, **filters):
    """[(body, term, [memberships by rank, then name])] for the bodies with members on `day`,
    narrowed by `filters` on Membership (`body__area=area` for one area's board)."""
    memberships = (
        Membership.objects.current(day)
        .filter(**filters)
        .select_related("person", "body", "body__area", "term")
        .order_by("body__order", "body__name", "body_id", "-term__start_year")
    )
    roster = []
    for _body_id, rows in groupby(memberships, key=lambda m: m.body_id):
        rows = list(rows)
        term = rows[0].term
        rows = [m for m in rows if m.term_id == term.pk]  # the newest term only
        rows.sort(key=lambda m: (m.rank, m.order, m.person.sort_key))
        roster.append((rows[0].body, term, rows))
    roster.sort(key=lambda entry: BODY_KIND_ORDER.index(entry[0].kind))
    return roster


@require_safe
def committee(request):
    today = timezone.localdate()
    return render(
        request, "portal/committee.html", {"roster": current_roster(today), "today": today}
    )
