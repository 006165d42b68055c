"""Pages a reviewer has yet to publish, for the admin home (mattran/queues.py)."""

from django.urls import reverse
from django.utils import timezone

from mattran import roles
from mattran.queues import Queue, Task, waited
from pages.models import Page


def waiting_pages(user, limit):
    # Editors write pages unpublished; publishing one is the reviewer's step. The page
    # has no submit step of its own: it waits since it was last saved.
    if not user.has_perm(roles.PUBLISH_PAGE):
        return None
    waiting = Page.objects.filter(is_published=False)
    rows = list(waiting.only("pk", "title", "updated_at").order_by("updated_at", "pk")[: limit + 1])
    if not rows:
        return None
    now = timezone.now()
    return Queue(
        title="Trang chờ duyệt",
        count=len(rows) if len(rows) <= limit else waiting.count(),
        tasks=[
            Task(
                p.title, reverse("admin:pages_page_change", args=[p.pk]), waited(p.updated_at, now)
            )
            for p in rows[:limit]
        ],
        menu=("pages", "Page", "chờ duyệt"),
        more_url=reverse("admin:pages_page_changelist") + "?is_published__exact=0",
    )
