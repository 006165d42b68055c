"""What the portal's own pages (home, site-wide search) may ask of meetings. Everything
here goes through `Meeting.objects.visible_to(user)`, so a leaders-only meeting never
shows up where it should not."""

from operator import attrgetter

from django.db.models import Prefetch
from django.utils import timezone

from mattran.lib.sql import pk_in_any
from mattran.search import fulltext
from mattran.search.text import query_words
from meetings.models import Attachment, Meeting, ResolutionTarget


def search(q, user):
    """Meetings the user may see holding every word of `q` (diacritics optional), best
    first: the phrase, then rank, then the newest. A lazy queryset; each row carries
    `found` (see `mattran.search.fulltext.ranked`) and its summary for the excerpt."""
    found = fulltext.ranked(
        Meeting.objects.visible_to(user), query_words(q), newest=["-starts_at", "-pk"]
    )
    return found.select_related("body", "term").defer("search_text", "search_vector")


def upcoming(user, limit=5):
    return list(Meeting.objects.visible_to(user).upcoming().for_listing()[:limit])


def latest(user, limit=5):
    return list(Meeting.objects.visible_to(user).past().for_listing()[:limit])


def count(user):
    return Meeting.objects.visible_to(user).count()


def count_this_year(user):
    return (
        Meeting.objects.visible_to(user).filter(starts_at__year=timezone.localdate().year).count()
    )


def for_area(area, user, limit=10):
    """Meetings held by the bodies of one residential area (its Ban công tác Mặt trận),
    newest first."""
    meetings = Meeting.objects.visible_to(user).filter(body__area=area).for_listing()
    return list(meetings.order_by("-starts_at", "-pk")[:limit])


def meetings_with_internal_minutes():
    """For the leaders' page: meetings with internal minutes, each with `.minutes`."""
    minutes = Attachment.objects.internal_minutes()
    return (
        Meeting.objects.filter(attachments__in=minutes)
        .distinct()
        .select_related("body")
        .prefetch_related(Prefetch("attachments", queryset=minutes, to_attr="minutes"))
        .order_by("-starts_at", "-pk")
    )


def open_targets():
    """Every open resolution target with its resolution and meeting, overdue ones first."""
    return (
        ResolutionTarget.objects.open()
        .select_related("resolution__meeting")
        .overdue_first(timezone.localdate())
    )


def upcoming_or_latest(user, limit=3):
    """`(meetings, are_upcoming)`: the next `limit` meetings, soonest first, or the latest
    ones, newest first, when none is coming. One query either way, and its cost does not
    grow with the archive: the ids of the soonest coming and of the latest past meetings
    are each read off an end of the (visibility, starts_at) index, and the few rows found
    are sorted here."""
    now = timezone.now()
    visible = Meeting.objects.visible_to(user)
    soonest = visible.upcoming(now).values("pk")[:limit]
    latest = visible.past(now).values("pk")[:limit]
    rows = Meeting.objects.for_listing().filter(pk_in_any(soonest, latest))
    upcoming, past = [], []
    for meeting in rows:
        (upcoming if meeting.starts_at >= now else past).append(meeting)
    by_start = attrgetter("starts_at", "pk")
    if upcoming:
        return sorted(upcoming, key=by_start)[:limit], True
    return sorted(past, key=by_start, reverse=True)[:limit], False
