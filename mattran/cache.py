"""Whole-page cache for residents: anonymous GETs of the pages hit most.

With the local-memory cache each process keeps its own pages and versions, so a
bump reaches only the process that made it: production with several workers sets
REDIS_URL (settings) so all of them share one version.

A page is stored under the current *content version*. Staff writes bump the version
(apps call `bump_content_version()` from their signals), so every page rendered
before the change is simply never looked up again: no key hunting. Apps that know
when content will change by itself (a scheduled article) register a function
returning that moment; no cached page outlives it.

The core imports no app: apps register themselves here, not the other way round.
"""

import contextvars
import hashlib
import time
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_vary_headers

STATE_KEY = "pagecache:state"
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


def bump_content_version():
    """Forget every cached page. The new state is worked out here, on the write,
    so the next resident's page costs no extra query."""
    if settings.PAGE_CACHE_SECONDS:
        _new_state()


def forget_cached_pages(*keys):
    """Every cached page, and the given cache keys, forgotten now and again when the
    transaction commits: a request served between the two, still reading the old rows,
    would otherwise cache them once more."""

    def forget():
        if keys:
            cache.delete_many(keys)
        bump_content_version()

    forget()
    transaction.on_commit(forget)


def _current_state():
    """(version, next change as a unix time or None); made anew when missing (a
    cold cache) or when the next scheduled change has come."""
    state = cache.get(STATE_KEY)
    if state is not None and (state["next_change"] is None or state["next_change"] > time.time()):
        return state
    return _new_state()


def _new_state():
    moments = [f() for f in _next_change_functions]
    moments = [m.timestamp() for m in moments if m is not None]
    state = {"version": uuid.uuid4().hex, "next_change": min(moments, default=None)}
    cache.set(STATE_KEY, state, timeout=None)
    return state


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

        state = _current_state()
        key = self._key(request, state["version"])
        cached = cache.get(key)
        if cached is not None:
            request.page_cache = "hit"  # read by the request log (mattran/request_log.py)
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
