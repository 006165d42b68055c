"""Documents a reviewer has yet to publish, for the admin home (mattran/queues.py)."""

from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from mattran import roles
from mattran.queues import Queue, Task, waited
from mattran.visibility import Visibility


def waiting_documents(user, limit):
    # Editors upload documents unpublished; they wait since they were last saved.
    if not user.has_perm(roles.PUBLISH_DOCUMENT):
        return None
    waiting = Document.objects.filter(is_published=False)
    if not roles.is_leader(user):
        waiting = waiting.filter(visibility=Visibility.PUBLIC)
    rows = list(
        waiting.only("pk", "number", "summary", "updated_at").order_by("updated_at", "pk")[
            : limit + 1
        ]
    )
    if not rows:
        return None
    now = timezone.now()
    return Queue(
        title="Văn bản chờ duyệt",
        count=len(rows) if len(rows) <= limit else waiting.count(),
        tasks=[
            Task(
                str(d),
                reverse("admin:documents_document_change", args=[d.pk]),
                waited(d.updated_at, now),
            )
            for d in rows[:limit]
        ],
        menu=("documents", "Document", "chờ duyệt"),
        more_url=reverse("admin:documents_document_changelist") + "?is_published__exact=0",
    )
