"""The newsroom's queues on the admin home (mattran/queues.py): articles waiting for a
reviewer, oldest first; and for a writer, what was sent back and what is scheduled."""

from django.db.models import DateTimeField, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from mattran.queues import Queue, Task, waited
from news.models import Article, ArticleEvent

S = Article.Status
A = ArticleEvent.Action


def _change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def _last_event(field):
    return Subquery(
        ArticleEvent.objects.filter(article_id=OuterRef("pk"))
        .order_by("-at", "-pk")
        .values(field)[:1]
    )


def waiting_for_review(user, limit):
    if not user.has_perm("news.publish_article"):
        return None
    waiting = Article.objects.filter(status=S.REVIEW)
    count = waiting.count()
    if not count:
        return None
    # Waiting since it was last submitted (an article entered straight in review by an
    # import has no event: its last save stands in).
    submitted = Subquery(
        ArticleEvent.objects.filter(article_id=OuterRef("pk"), action=A.SUBMITTED)
        .order_by("-at", "-pk")
        .values("at")[:1],
        output_field=DateTimeField(),
    )
    oldest = (
        waiting.annotate(since=Coalesce(submitted, F("updated_at")))
        .only("pk", "title")
        .order_by("since", "pk")[:limit]
    )
    now = timezone.now()
    return Queue(
        title="Bài chờ duyệt",
        count=count,
        tasks=[Task(a.title, _change_url(a), waited(a.since, now)) for a in oldest],
        menu=("news", "Article", "chờ duyệt"),
        more_url=reverse("admin:news_article_changelist") + "?status__exact=review",
    )


def returned_to_writer(user, limit):
    if not user.has_perm("news.change_article"):
        return None
    returned = (
        Article.objects.filter(status=S.DRAFT, created_by=user)
        .annotate(last_action=_last_event("action"), last_note=_last_event("note"))
        .filter(last_action=A.RETURNED)
        .only("pk", "title")
        .order_by("-updated_at", "-pk")
    )
    rows = list(returned[: limit + 1])
    if not rows:
        return None
    count = len(rows) if len(rows) <= limit else returned.count()
    return Queue(
        title="Bài bị trả lại",
        count=count,
        tasks=[Task(a.title, _change_url(a), "cần sửa", a.last_note) for a in rows[:limit]],
        menu=("news", "Article", "bị trả lại"),
    )


def scheduled_by_writer(user, limit):
    if not user.has_perm("news.change_article"):
        return None
    scheduled = (
        Article.objects.filter(status=S.PUBLISHED, published_at__gt=timezone.now(), created_by=user)
        .only("pk", "title", "published_at")
        .order_by("published_at", "pk")
    )
    rows = list(scheduled[: limit + 1])
    if not rows:
        return None
    return Queue(
        title="Bài hẹn giờ xuất bản",
        count=len(rows) if len(rows) <= limit else scheduled.count(),
        tasks=[
            Task(
                a.title,
                _change_url(a),
                "hẹn " + timezone.localtime(a.published_at).strftime("%H:%M %d/%m/%Y"),
            )
            for a in rows[:limit]
        ],
    )
