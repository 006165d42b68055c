"""The leaders' page: internal minutes, open resolution targets and, where a campaign
target comes from a resolution target, the progress recorded against it.

It lives in the portal layer because it gathers from two apps (meetings and campaigns)
that must not import each other upwards; each is asked through its own queries module.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from campaigns import queries as campaign_queries
from mattran import roles
from meetings import queries as meeting_queries

TARGETS_PAGE_SIZE = 50


def _attach_progress(targets):
    """Give each resolution target `.progress`: the campaign targets set from it, with
    their recorded results, fetched in one query for the whole page."""
    by_target = {target.pk: target for target in targets}
    for target in targets:
        target.progress = []
    if not by_target:
        return
    for progress in campaign_queries.target_progress(resolution_target__in=list(by_target)):
        by_target[progress.target.resolution_target_id].progress.append(progress)


@login_required
@never_cache
@require_safe
def leaders(request):
    if not roles.is_leader(request.user):
        raise Http404
    page = Paginator(meeting_queries.open_targets(), TARGETS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    targets = list(page.object_list)
    _attach_progress(targets)
    return render(
        request,
        "meetings/leaders.html",
        {
            "meetings": meeting_queries.meetings_with_internal_minutes(),
            "targets": targets,
            "page_obj": page,
        },
    )
