"""E-mail notices to staff: a change in their work (an article to review, one returned
to them, one published) and the leaders' daily digest.

A notice is sent after the transaction that made the change commits (a rolled-back
change tells nobody), one message per person, and a mail server that fails or does not
answer is logged, never raised: the staff member's save has already succeeded. Each
account may turn notices off (`NoticePreference`, at /quan-tri/thong-bao/).

The core imports no app: apps call `notify()` with the people and the words.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import models, transaction

logger = logging.getLogger(__name__)


class NoticePreference(models.Model):
    """Whether an account receives notices by e-mail; no row means yes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="notice_preference",
    )
    by_email = models.BooleanField(
        "nhận thông báo qua thư điện tử",
        default=True,
        help_text="Thư báo khi có bài cần duyệt, bài bị trả lại, bài đã xuất bản hoặc hẹn giờ, "
        "và thư tổng hợp chỉ tiêu quá hạn hằng ngày (với lãnh đạo).",
    )

    class Meta:
        app_label = "mattran"
        verbose_name = "thông báo qua thư"
        verbose_name_plural = "thông báo qua thư"

    def __str__(self):
        return f"Thông báo của {self.user}"


def wants_notices(users):
    """Of `users`, the active ones with an address who have not turned notices off."""
    return [user for user in users if user.is_active and user.email and not _opted_out(user)]


def _opted_out(user):
    try:
        return not user.notice_preference.by_email
    except NoticePreference.DoesNotExist:
        return False


def recipients(queryset):
    """The accounts of `queryset` a notice goes to: one query."""
    return list(
        queryset.filter(is_active=True)
        .exclude(email="")
        .exclude(notice_preference__by_email=False)
        .distinct()
        .order_by("pk")
    )


def notify(users, subject, body):
    """Mail each of `users` (a list or queryset) once the current transaction commits."""
    is_queryset = isinstance(users, models.QuerySet)
    users = recipients(users) if is_queryset else wants_notices(users)
    addresses = list(dict.fromkeys(user.email for user in users))
    if addresses:
        transaction.on_commit(lambda: send_now(addresses, subject, body))


def send_now(addresses, subject, body):
    """Send one message per address; log a failure instead of raising it."""
    messages = [EmailMessage(subject, body, to=[address]) for address in addresses]
    try:
        # The SMTP backend waits at most EMAIL_TIMEOUT seconds for the server.
        get_connection().send_messages(messages)
    except Exception:
        # The change is saved; a lost notice is not worth a 500 page to the staff member.
        logger.exception("Could not send the notice %r to %d people", subject, len(addresses))
