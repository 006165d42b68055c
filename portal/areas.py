"""/khu-dan-cu/: each residential area with its Ban công tác Mặt trận, meetings and results.

The portal stands above the apps: meetings and campaign figures come through their own
`queries` modules, the board through the roster code of /to-chuc/.
"""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from campaigns import queries as campaign_queries
from mattran.models import Body, ResidentialArea
from meetings import queries as meeting_queries
from portal.committee import current_roster

MEETINGS_SHOWN = 10


@require_safe
def index(request):
    return render(request, "portal/areas/area_list.html", {"areas": ResidentialArea.objects.all()})


@require_safe
def detail(request, slug):
    area = get_object_or_404(ResidentialArea, slug=slug)
    today = timezone.localdate()
    boards = current_roster(today, body__area=area, body__kind=Body.Kind.AREA_BOARD)
    return render(
        request,
        "portal/areas/area_detail.html",
        {
            "area": area,
            "today": today,
            "boards": boards,
            "meetings": meeting_queries.for_area(area, request.user, limit=MEETINGS_SHOWN),
            "meetings_shown": MEETINGS_SHOWN,
            "reports": campaign_queries.results_for_area(area),
        },
    )
