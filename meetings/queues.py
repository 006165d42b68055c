"""Meetings' queues on the admin home (mattran/queues.py).

- Overdue resolution targets (open, deadline passed), oldest deadline first, for whoever
  sees leaders-only records (Lãnh đạo, Thư ký): the same list the daily digest mails.
- Meetings whose minutes wait: a meeting held in the last MINUTES_WINDOW_DAYS with no
  minutes (biên bản) attached yet, for whoever records meetings' papers.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

from mattran import roles
from mattran.queues import Queue, Task
from meetings.models import Attachment, Meeting, ResolutionTarget

MINUTES_WINDOW_DAYS = 90


def overdue_targets_of(user, today=None):
    """Open targets past their deadline that `user` may see, oldest deadline first."""
    today = today or timezone.localdate()
    return (
        ResolutionTarget.objects.open()
        .visible_to(user)
        .filter(deadline__lt=today)
        .select_related("resolution__meeting")
        .order_by("deadline", "pk")
    )


def overdue_targets(user, limit):
    if not roles.is_leader(user):
        return None
    today = timezone.localdate()
    overdue = overdue_targets_of(user, today)
    rows = list(overdue[: limit + 1])
    if not rows:
        return None
    return Queue(
        title="Chỉ tiêu nghị quyết quá hạn",
        count=len(rows) if len(rows) <= limit else overdue.count(),
        tasks=[
            Task(
                f"{target.text} ({target.resolution.title})",
                reverse("admin:meetings_resolutiontarget_change", args=[target.pk]),
                f"quá hạn {(today - target.deadline).days} ngày, hạn {target.deadline:%d/%m/%Y}",
            )
            for target in rows[:limit]
        ],
        menu=("meetings", "ResolutionTarget", "quá hạn"),
    )


def minutes_awaited(user, limit):
    if not user.has_perm("meetings.add_attachment"):
        return None
    now = timezone.now()
    with_minutes = Attachment.objects.filter(kind=Attachment.Kind.MINUTES).values("meeting_id")
    waiting = (
        Meeting.objects.visible_to(user)
        .filter(starts_at__lt=now, starts_at__gte=now - datetime.timedelta(MINUTES_WINDOW_DAYS))
        .exclude(pk__in=with_minutes)
        .only("pk", "title", "starts_at")
        .order_by("starts_at", "pk")
    )
    rows = list(waiting[: limit + 1])
    if not rows:
        return None
    return Queue(
        title="Hội nghị chưa có biên bản",
        count=len(rows) if len(rows) <= limit else waiting.count(),
        tasks=[
            Task(
                meeting.title,
                reverse("admin:meetings_meeting_change", args=[meeting.pk]),
                "họp " + timezone.localtime(meeting.starts_at).strftime("%d/%m/%Y"),
            )
            for meeting in rows[:limit]
        ],
        menu=("meetings", "Meeting", "chưa có biên bản"),
    )
