"""What the portal's own pages (home, site-wide search) may ask of meetings. Everything
here goes through `Meeting.objects.visible_to(user)`, so a leaders-only meeting never
shows up where it should not."""

from django.utils import timezone

from meetings.models import Meeting


def search(q, user):
    """Meetings matching every word of `q` (diacritics optional), newest first."""
    return Meeting.objects.visible_to(user).search(q).for_listing().order_by("-starts_at", "-pk")


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
