"""The e-mails an article's steps send (mattran/notices.py sends them after commit).

Submitted: every reviewer. Returned (with the reviewer's note), published or scheduled:
the article's writer (`created_by`). Nobody is told of a step they took themselves.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from mattran.notices import notify

PUBLISH = "news.publish_article"


def article_stepped(article, event):
    """Tell whoever the step of `event` concerns."""
    Action = type(event).Action
    link = settings.SITE_URL.rstrip("/") + reverse("admin:news_article_change", args=[article.pk])
    actor = event.user.get_username() if event.user else "Hệ thống"
    if event.action == Action.SUBMITTED:
        # Group rights and superusers, as ModelBackend grants them (axes is the other backend).
        reviewers = get_user_model().objects.with_perm(
            PUBLISH, backend="django.contrib.auth.backends.ModelBackend"
        )
        if event.user is not None:
            reviewers = reviewers.exclude(pk=event.user.pk)
        notify(
            reviewers,
            f"Bài chờ duyệt: {article.title}",
            f"{actor} đã gửi bài «{article.title}» để duyệt.\n\nMở bài: {link}\n",
        )
    elif event.action == Action.RETURNED:
        _tell_writer(
            article,
            event,
            f"Bài bị trả lại: {article.title}",
            f"{actor} đã trả lại bài «{article.title}» với ghi chú:\n\n{event.note}\n\n"
            f"Sửa bài rồi gửi duyệt lại: {link}\n",
        )
    elif event.action == Action.PUBLISHED:
        _tell_writer(
            article,
            event,
            f"Bài đã xuất bản: {article.title}",
            f"{actor} đã xuất bản bài «{article.title}».\n\n"
            f"Trên trang: {settings.SITE_URL.rstrip('/')}{article.get_absolute_url()}\n",
        )
    elif event.action == Action.SCHEDULED:
        when = timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y")
        _tell_writer(
            article,
            event,
            f"Bài được hẹn giờ xuất bản: {article.title}",
            f"{actor} đã hẹn giờ xuất bản bài «{article.title}» lúc {when}.\n\nMở bài: {link}\n",
        )


def _tell_writer(article, event, subject, body):
    writer = article.created_by
    if writer is None or writer == event.user:
        return
    notify([writer], subject, body)
