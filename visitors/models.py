"""Visitor statistics ("Thống kê truy cập"): online now, today, this month, all time.

Privacy: no IP address is ever stored. A visitor is recognised, for one day at most,
by a keyed hash of (address, user agent) salted with SECRET_KEY and the date; the hash
lives only in the cache and expires with the day.

Cost: a page view writes nothing to the database. Counters are kept in the cache with
atomic add/incr (locmem and django-redis alike) and moved to `VisitDay` in batches:
when the pending count crosses a threshold or a minute has passed, under a cache lock
so two workers never move the same visits twice; `manage.py flush_visits` does the same
from cron.

The counting middleware sits before the page cache, which answers early with stored
pages, so cached pages are counted too. It never sets a cookie: that would make every
page uncacheable.
"""

import contextlib
import datetime
import hashlib
import hmac
import re
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

ONLINE_WINDOW_MINUTES = 5
PENDING_TIMEOUT = 7 * 24 * 3600  # survives a long flush outage, never forever
LOCK_KEY = "visits:flush-lock"
LAST_FLUSH_KEY = "visits:last-flush"
PENDING_DATES_KEY = "visits:pending-dates"
FIGURES_KEY = "visits:figures"
FIGURES_SECONDS = 30

# Only clear robot markers: real browsers (and the Chromium the browser tests drive) count.
BOT_PATTERN = re.compile(
    r"bot|spider|crawl|slurp|facebookexternalhit|mediapartners|lighthouse|"
    r"curl/|wget/|python-requests|httpx|go-http-client|java/|libwww|scrapy",
    re.IGNORECASE,
)


class VisitDay(models.Model):
    """One day's counted page views, moved here from the cache in batches."""

    date = models.DateField("ngày", unique=True)
    visits = models.PositiveIntegerField("lượt truy cập", default=0)
    unique_visitors = models.PositiveIntegerField("người truy cập", default=0)

    class Meta:
        db_table = "mattran_visitday"  # made by the core app before visitors had their own
        ordering = ["-date"]
        verbose_name = "ngày truy cập"
        verbose_name_plural = "thống kê truy cập theo ngày"

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.visits} lượt"


# --- counting ------------------------------------------------------------------------


def _pending_key(day, what):
    return f"visits:pending:{day.isoformat()}:{what}"


def _incr(key, timeout, delta=1):
    """Atomic increment that also creates the counter (locmem's incr fails on a missing key)."""
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key, delta)
    except ValueError:  # expired between add and incr
        cache.add(key, delta, timeout)
        return delta


def visitor_hash(request, day):
    """A daily pseudonym: the salt changes each day, so hashes cannot be linked across days."""
    salt = f"{settings.SECRET_KEY}:visitors:{day.isoformat()}".encode()
    # The same client address the login limits use: behind a reverse proxy REMOTE_ADDR is
    # the proxy's, and every resident would count as one visitor.
    address = get_client_ip_address(request) or ""
    ident = f"{address}|{request.META.get('HTTP_USER_AGENT', '')}"
    return hmac.new(salt, ident.encode(), hashlib.sha256).hexdigest()[:20]


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def _excluded_paths():
    return (
        settings.STATIC_URL,
        settings.MEDIA_URL,
        "/quan-tri/",
        "/bien-tap/",
        "/thong-ke-truy-cap.json",
    )


def is_countable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not request.path.startswith(_excluded_paths())
        and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
    )


def count_visit(request):
    """Count one page view in the cache; returns the day's pending views."""
    now = timezone.localtime()
    day = now.date()
    digest = visitor_hash(request, day)
    seconds_left_today = 24 * 3600 - (now.hour * 3600 + now.minute * 60 + now.second) + 60
    _remember_pending_date(day)
    pending = _incr(_pending_key(day, "visits"), PENDING_TIMEOUT)
    if cache.add(f"visits:seen:{day.isoformat()}:{digest}", 1, seconds_left_today):
        _incr(_pending_key(day, "uniques"), PENDING_TIMEOUT)
    _mark_online(digest)
    return pending


def _remember_pending_date(day):
    dates = cache.get(PENDING_DATES_KEY) or []
    if day.isoformat() not in dates:
        cache.set(PENDING_DATES_KEY, [*dates[-6:], day.isoformat()], PENDING_TIMEOUT)


def _mark_online(digest):
    """Sliding-window distinct count without listing keys: each visitor is counted in the
    minute of their latest view; moving to a newer minute takes them out of the old one."""
    minute = int(time.time() // 60)
    last_key = f"visits:last-seen:{digest}"
    previous = cache.get(last_key)
    window = ONLINE_WINDOW_MINUTES * 60 + 60
    cache.set(last_key, minute, window)
    if previous == minute:
        return
    if previous is not None and previous > minute - ONLINE_WINDOW_MINUTES:
        with contextlib.suppress(ValueError):
            cache.decr(f"visits:online:{previous}")
    _incr(f"visits:online:{minute}", window)


def online_count():
    minute = int(time.time() // 60)
    keys = [f"visits:online:{m}" for m in range(minute - ONLINE_WINDOW_MINUTES + 1, minute + 1)]
    return max(0, sum(cache.get_many(keys).values()))


# --- flushing ------------------------------------------------------------------------


def flush_due(pending):
    """Flush when the batch is full or a minute has passed; the first view only starts the clock."""
    if pending >= settings.VISITS_FLUSH_THRESHOLD:
        return True
    last = cache.get(LAST_FLUSH_KEY)
    if last is None:
        cache.add(LAST_FLUSH_KEY, time.time(), None)
        return False
    return time.time() - last >= settings.VISITS_FLUSH_SECONDS


def flush_visits():
    """Move pending counts from the cache to VisitDay; returns the visits moved.

    The lock keeps a second worker out while one flushes. Each counter is decremented by
    exactly what was read, so views counted meanwhile stay pending for the next flush.
    """
    if not cache.add(LOCK_KEY, 1, 60):
        return 0
    moved = 0
    try:
        cache.set(LAST_FLUSH_KEY, time.time(), None)
        for iso in cache.get(PENDING_DATES_KEY) or []:
            day = datetime.date.fromisoformat(iso)
            visits = cache.get(_pending_key(day, "visits")) or 0
            uniques = cache.get(_pending_key(day, "uniques")) or 0
            if not visits and not uniques:
                continue
            with transaction.atomic():
                VisitDay.objects.get_or_create(date=day)
                VisitDay.objects.filter(date=day).update(
                    visits=F("visits") + visits, unique_visitors=F("unique_visitors") + uniques
                )
            for what, moved_now in (("visits", visits), ("uniques", uniques)):
                if moved_now:
                    with contextlib.suppress(ValueError):  # expired meanwhile: nothing left
                        cache.decr(_pending_key(day, what), moved_now)
            moved += visits
        today = timezone.localdate().isoformat()
        cache.set(
            PENDING_DATES_KEY,
            [d for d in cache.get(PENDING_DATES_KEY) or [] if d == today],
            PENDING_TIMEOUT,
        )
        cache.delete(FIGURES_KEY)
    finally:
        cache.delete(LOCK_KEY)
    return moved


# --- figures -------------------------------------------------------------------------


def figures():
    """Online, today, this month, total: at most one query (cached briefly) plus
    whatever is still pending in the cache."""
    today = timezone.localdate()
    stored = cache.get(FIGURES_KEY)
    if stored is None or stored["date"] != today.isoformat():
        totals = VisitDay.objects.aggregate(
            today=Sum("visits", filter=Q(date=today)),
            month=Sum("visits", filter=Q(date__gte=today.replace(day=1), date__lte=today)),
            total=Sum("visits"),
        )
        stored = {"date": today.isoformat(), **{k: v or 0 for k, v in totals.items()}}
        cache.set(FIGURES_KEY, stored, FIGURES_SECONDS)
    pending = {
        datetime.date.fromisoformat(iso): cache.get(
            _pending_key(datetime.date.fromisoformat(iso), "visits")
        )
        or 0
        for iso in cache.get(PENDING_DATES_KEY) or []
    }
    first_of_month = today.replace(day=1)
    return {
        "online": online_count(),
        "today": stored["today"] + pending.get(today, 0),
        "month": stored["month"]
        + sum(n for d, n in pending.items() if first_of_month <= d <= today),
        "total": stored["total"] + sum(pending.values()),
    }
