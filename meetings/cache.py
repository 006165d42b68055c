"""Keep the portal's cached pages honest about meetings: the home page lists upcoming
ones, so any saved or deleted meeting, and the moment the next one starts (it leaves
"upcoming" by itself), must retire every cached page."""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from mattran import cache as page_cache


def refresh_public_pages(sender, raw=False, **kwargs):
    if raw:
        return
    page_cache.forget_cached_pages()


def next_public_meeting_start():
    from meetings.models import Meeting

    return (
        Meeting.objects.public()
        .filter(starts_at__gt=timezone.now())
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )


def connect():
    from mattran.models import Body, Person
    from meetings import models

    post_save.connect(
        refresh_public_pages, sender=models.Meeting, dispatch_uid="meetings-page-cache-save"
    )
    post_delete.connect(
        refresh_public_pages, sender=models.Meeting, dispatch_uid="meetings-page-cache-delete"
    )
    # A meeting's page (cached for residents) also shows its attendees, resolutions,
    # elections and papers, and the names and bodies they point to.
    shown = [
        models.Attendance, models.AttendingGroup, models.Resolution, models.ResolutionTarget,
        models.Election, models.ElectedMember, models.Attachment, Person, Body,
    ]  # fmt: skip
    for model in shown:
        uid = f"meetings-page-cache-{model._meta.label_lower}"
        post_save.connect(refresh_public_pages, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(refresh_public_pages, sender=model, dispatch_uid=f"{uid}-delete")
    page_cache.register_next_change(next_public_meeting_start)
