"""Whole-page cache for residents: anonymous GETs of the pages hit most.

A page is stored under the current *content version*. Staff writes bump the version
(apps call `forget_cached_pages()` from their signals), so every page rendered before
the change is simply never looked up again: no key hunting. Apps that know when content
will change by itself (a scheduled article) register a function returning that moment;
no cached page outlives it.

The version lives in the database (`ContentVersion`, one row), not in the cache:
- every gunicorn worker, cron and management command sees the same version whatever
  the cache is: with the embedded local-memory cache each worker keeps its own pages,
  but never serves one made before a change some other process made;
- the bump is an UPDATE in the staff member's own transaction, so it becomes visible
  at the very moment the change does, and a Redis that does not answer cannot lose it.
A cached page therefore costs one primary-key read of that row (a fraction of a
millisecond); a staff write costs one UPDATE, plus the next-change queries when the
page cache is on.

Values derived from content that apps keep in the cache themselves (the pages menu,
campaign totals, the ward record) are stored under `content_key(...)`: the same version,
so they go stale for no process either. Outside the page cache a process re-reads the
version at most every CONTENT_VERSION_CHECK_SECONDS (settings).

The core imports no app: apps register themselves here, not the other way round.
"""

import contextvars
import hashlib
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.cache import patch_vary_headers

_next_change_functions = []
_replay_functions = {}
_replays = contextvars.ContextVar("page_cache_replays", default=None)


def register_next_change(function):
    """`function()` returns the next aware datetime at which public content changes
    without a write (or None)."""
    _next_change_functions.append(function)


def register_replay(name, function):
    """`function(*args)` is what `replay_on_hit(name, *args)` runs on a cache hit."""
    _replay_functions[name] = function


def replay_on_hit(name, *args):
    """Called while a page renders: a side effect that must happen on every visit
    (a view counter) is run again each time the cached page is served."""
    calls = _replays.get()
    if calls is not None:
        calls.append((name, args))


class ContentVersion(models.Model):
    """The one row every process reads to know whether a cached page is still good."""

    version = models.BigIntegerField("phiên bản nội dung", default=0)
    next_change = models.DateTimeField("thay đổi hẹn giờ kế tiếp", null=True, blank=True)
    # The version `next_change` was worked out for: a bump made with the page cache off
    # leaves it behind, and the next reader works it out again.
    next_change_of = models.BigIntegerField(null=True, blank=True)

    class Meta:
        app_label = "mattran"
        verbose_name = "phiên bản nội dung"
        verbose_name_plural = "phiên bản nội dung"

    def __str__(self):
        return str(self.version)


ROW = 1
# Values under an old version are never read again; they need not outlive a day.
CONTENT_KEY_SECONDS = 24 * 60 * 60
_known = {"version": None, "read_at": 0.0}  # this process's copy, for content_key()


def bump_content_version():
    """Forget every cached page and derived value, in every process, once the current
    transaction commits (and at once when there is none)."""
    next_change = _next_change() if settings.PAGE_CACHE_SECONDS else None
    rows = ContentVersion.objects.filter(pk=ROW)
    values = {"version": F("version") + 1, "next_change": next_change}
    if settings.PAGE_CACHE_SECONDS:
        values["next_change_of"] = F("version") + 1
    if not rows.update(**values):
        ContentVersion.objects.get_or_create(pk=ROW)  # a flushed database: begin again
        rows.update(**values)
    _known["version"] = None  # read again, in this transaction: it sees the new one


def forget_cached_pages(*keys):
    """Every cached page and derived value forgotten, and the given plain cache keys
    (values not stored under `content_key`) deleted."""
    if keys:
        cache.delete_many(keys)
    bump_content_version()


def content_key(key):
    """`key` inside the current content version: a value made before the last staff
    change is never read again by any process."""
    return f"{key}:v{content_version()}"


def content_version():
    check = settings.CONTENT_VERSION_CHECK_SECONDS
    known = _known["version"]
    if known is None or (check is not None and time.monotonic() - _known["read_at"] > check):
        known = _read_state()["version"]
    return known


def forget_known_version():
    _known["version"] = None


def _next_change():
    moments = [f() for f in _next_change_functions]
    return min((m for m in moments if m is not None), default=None)


def _read_state():
    """{version, next_change as a unix time or None}: one query, more only when the
    next scheduled change is not known for this version or has come."""
    row = ContentVersion.objects.filter(pk=ROW).values(*STATE_FIELDS).first()
    if row is None:  # a new (or flushed) database
        ContentVersion.objects.get_or_create(pk=ROW)
        row = {"version": 0, "next_change": None, "next_change_of": None}
    _known.update(version=row["version"], read_at=time.monotonic())
    next_change = row["next_change"]
    if settings.PAGE_CACHE_SECONDS and (
        row["next_change_of"] != row["version"]
        or (next_change is not None and next_change <= timezone.now())
    ):
        # Unknown, or come: work out the one after. Pages stored until now expire by
        # the old moment on their own, so the version itself stays.
        next_change = _next_change()
        ContentVersion.objects.filter(pk=ROW, version=row["version"]).update(
            next_change=next_change, next_change_of=row["version"]
        )
    return {
        "version": row["version"],
        "next_change": next_change.timestamp() if next_change else None,
    }


STATE_FIELDS = ("version", "next_change", "next_change_of")


def _is_cacheable_path(path):
    return path == "/" or any(path.startswith(p) for p in settings.PAGE_CACHE_PREFIXES)


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for visitors without a session.

    Placed after AuthenticationMiddleware; anyone carrying a session cookie (staff,
    leaders) always gets a freshly rendered page, and a response that sets a cookie
    (CSRF, messages, session) is never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            # A pending flash message must be rendered for this visitor, not served stale.
            or CookieStorage.cookie_name in request.COOKIES
            or not _is_cacheable_path(request.path)
        ):
            return self.get_response(request)

        state = _read_state()
        key = self._key(request, state["version"])
        cached = cache.get(key)
        if cached is not None:
            request.page_cache = "hit"  # read by the request log (ops/request_log.py)
            for name, args in cached["replays"]:
                _replay_functions[name](*args)
            return cached["response"]

        request.page_cache = "miss"
        token = _replays.set([])
        try:
            response = self.get_response(request)
            replays = _replays.get()
        finally:
            _replays.reset(token)
        patch_vary_headers(response, ["Cookie"])
        if self._storable(response):
            timeout = seconds
            if state["next_change"] is not None:
                timeout = max(1, min(seconds, int(state["next_change"] - time.time())))
            # Template responses are already rendered when they reach middleware.
            cache.set(key, {"response": response, "replays": replays}, timeout)
        return response

    @staticmethod
    def _key(request, version):
        url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
        return f"pagecache:{version}:{request.method}:{url.hexdigest()}"

    @staticmethod
    def _storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )
