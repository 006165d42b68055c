"""One JSON line per request on the `mattran.requests` logger (stdout in production).

Fields: method, path (never the query string: a search can carry a name; `query` only
says whether there was one), status, duration_ms, db_queries and db_ms (counted with
`connection.execute_wrapper`, so DEBUG stays off), user (anonymous / staff / user /
session when the view never looked), page_cache (hit / miss / "-" for pages it does not
handle). gunicorn's access log is off: this line says more.

Placed right after WhiteNoise, so static files (answered by WhiteNoise before any of
this) are not logged; every page, including ones served from the page cache, is.
"""

import json
import logging
import time

from django.conf import settings
from django.db import connection

logger = logging.getLogger("mattran.requests")


class _QueryTimer:
    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def user_kind(request):
    # Never evaluate request.user here: for a visitor whose view did not, it would
    # cost a session query on a page whose query count is pinned.
    user = getattr(request, "_cached_user", None)
    if user is None:
        return "session" if settings.SESSION_COOKIE_NAME in request.COOKIES else "anonymous"
    if not user.is_authenticated:
        return "anonymous"
    return "staff" if user.is_staff else "user"


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timer = _QueryTimer()
        start = time.perf_counter()
        with connection.execute_wrapper(timer):
            response = self.get_response(request)
        duration = time.perf_counter() - start
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                json.dumps(self.fields(request, response, duration, timer), ensure_ascii=False)
            )
        return response

    @staticmethod
    def fields(request, response, duration, timer):
        return {
            "method": request.method,
            "path": request.path,
            "query": bool(request.META.get("QUERY_STRING")),
            "status": response.status_code,
            "duration_ms": round(duration * 1000, 2),
            "db_queries": timer.count,
            "db_ms": round(timer.seconds * 1000, 2),
            "user": user_kind(request),
            "page_cache": getattr(request, "page_cache", "-"),
        }
