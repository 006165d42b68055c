"""Public meeting pages, attachments and the calendar feed (the leaders' page, which
also shows campaign progress, lives in the portal layer: mattran/leaders.py).

Every view starts from `Meeting.objects.visible_to(user)` (or the attachment's own
`visible_to`): what a visitor may not see is a 404, never a 403 that admits it exists.
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from mattran.models import Body
from meetings import ical
from meetings.forms import MeetingFilterForm
from meetings.models import (
    Attachment,
    Attendance,
    ElectedMember,
    Election,
    Meeting,
    Resolution,
)

PAGE_SIZE = 20
UPCOMING_LIMIT = 10
CALENDAR_LIMIT = 200


@require_safe
def meeting_list(request):
    meetings = Meeting.objects.visible_to(request.user).for_listing()
    # EXISTS probes the body index once per body; a join with DISTINCT read every meeting.
    held = meetings.filter(body=OuterRef("pk"))
    bodies = Body.objects.filter(Exists(held)).order_by("order", "name")
    years = [d.year for d in meetings.dates("starts_at", "year", order="DESC")]
    form = MeetingFilterForm(request.GET or None, bodies=bodies, years=years)
    meetings = form.filter(meetings)
    now = timezone.now()
    page = Paginator(meetings.past(now), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "upcoming": list(meetings.upcoming(now)[:UPCOMING_LIMIT]),
            "page_obj": page,
            "pagination_query": form.query_string(),
        },
    )


def _meeting_record(request, slug):
    """The meeting and everything its page shows, in a fixed number of queries."""
    user = request.user
    meeting = get_object_or_404(
        Meeting.objects.visible_to(user)
        .select_related("body", "term", "article")
        .prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.select_related("person")),
            "attending_groups",
            Prefetch(
                "resolutions",
                queryset=Resolution.objects.prefetch_related("targets"),
            ),
            Prefetch(
                "elections",
                queryset=Election.objects.select_related("body", "term").prefetch_related(
                    Prefetch(
                        "members",
                        queryset=ElectedMember.objects.select_related("person").order_by(
                            "order", "person__sort_key", "pk"
                        ),
                    )
                ),
            ),
            Prefetch(
                "attachments",
                queryset=Attachment.objects.visible_to(user),
                to_attr="visible_attachments",
            ),
        ),
        slug=slug,
    )
    roles_present = _group_by_role(meeting.attendances.all())
    return {
        "meeting": meeting,
        "roles_present": roles_present,
        "chairs": roles_present.get(Attendance.Role.CHAIR, {}).get("people", []),
        "article": meeting.article if meeting.article and meeting.article.is_public else None,
    }


def _group_by_role(attendances):
    groups = {}
    for attendance in attendances:
        entry = groups.setdefault(
            attendance.role, {"label": attendance.get_role_display(), "people": []}
        )
        entry["people"].append(attendance)
    return groups


def _render_record(request, template, context):
    response = render(request, template, context)
    meeting = context["meeting"]
    if not meeting.is_public or any(p.is_internal for p in meeting.visible_attachments):
        # What only leaders see must never sit in a shared cache for the next visitor.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def meeting_detail(request, slug):
    return _render_record(request, "meetings/meeting_detail.html", _meeting_record(request, slug))


@require_safe
def meeting_print(request, slug):
    return _render_record(request, "meetings/meeting_print.html", _meeting_record(request, slug))


@require_safe
def attachment(request, slug, pk):
    paper = get_object_or_404(
        Attachment.objects.visible_to(request.user).select_related("meeting"),
        pk=pk,
        meeting__slug=slug,
    )
    try:
        handle = paper.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("Tệp không còn trên máy chủ.") from missing
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{paper.meeting.slug}-{paper.pk}.pdf"'
    if paper.is_internal:
        # Leaders' papers must not stay in a shared or proxy cache.
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def calendar(request):
    """Upcoming public meetings for a calendar app; always the public view, since a
    subscribed calendar is fetched without anyone's login."""
    meetings = Meeting.objects.public().upcoming().select_related("body")[:CALENDAR_LIMIT]
    body = ical.calendar(meetings, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-hoi-nghi.ics"'
    return response
