""" "Việc cần làm": what waits for the logged-in staff member, gathered from every app.

Each app registers, from its AppConfig.ready(), a function `provider(user, limit)` that
returns a `Queue` (or None when the user has no such work); the admin home asks every
provider (mattran/admin_site.py) and shows the queues that have something in them, with
their counts beside the app list's models. A provider costs a query or two however long
its queue: a count and the first `limit` rows.

The core imports no app: apps register here, as they do in mattran/cache.py.
"""

from dataclasses import dataclass, field

from django.utils import timezone

_providers = []


@dataclass(frozen=True)
class Task:
    title: str
    url: str
    detail: str = ""  # "chờ 3 ngày", "hẹn 08:00 05/12/2026", "tháng 11/2026"
    note: str = ""  # the reviewer's note on a returned article


@dataclass
class Queue:
    title: str  # "Bài chờ duyệt"
    count: int
    tasks: list = field(default_factory=list)
    # Where the count shows in the app list: (app_label, object_name, words after it).
    menu: tuple | None = None
    more_url: str = ""


def register_queue(provider, order=100):
    """`order` places the queue on the home: lower first (the newsroom's articles, the
    work of every day, come before pages and documents)."""
    _providers.append((order, len(_providers), provider))
    return provider


def queues_for(user, limit=10):
    """The non-empty queues of `user`, in their order."""
    queues = (provider(user, limit) for _, _, provider in sorted(_providers, key=lambda p: p[:2]))
    return [queue for queue in queues if queue is not None and queue.count]


def waited(since, now=None):
    """How long something has waited, in Vietnamese: "chờ 3 ngày", "chờ 5 giờ"."""
    seconds = max(0, ((now or timezone.now()) - since).total_seconds())
    if seconds >= 86400:
        return f"chờ {int(seconds // 86400)} ngày"
    if seconds >= 3600:
        return f"chờ {int(seconds // 3600)} giờ"
    return f"chờ {max(1, int(seconds // 60))} phút"
