"""/healthz: is this app server able to serve? For load balancers and monitoring.

Checks the database (SELECT 1) and the cache (write then read a random key: a Redis
outage hidden by django-redis's IGNORE_EXCEPTIONS reads back nothing). Answers JSON,
200 when both work, 503 naming what failed. No login, never cached, not counted in
the visitor statistics (it is not an HTML page) nor stored by the page cache.

Both checks run at once, each in its own thread with its own connection, and the answer
comes within ANSWER_SECONDS whatever they do: a database or Redis that stopped
answering is named as failed, not waited for (a load balancer's probe gives up).
"""

import logging
import threading
import time
import uuid

from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from mattran.lib import db_deadline

logger = logging.getLogger(__name__)

OK = "ok"
FAILED = "error"


ANSWER_SECONDS = 1.5


def check_database():
    try:
        connection.ensure_connection()  # bounded by DATABASE_CONNECT_TIMEOUT
        with (
            db_deadline.answer_within(db_deadline.PING_SECONDS, connection.connection),
            connection.cursor() as cursor,
        ):
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:  # OperationalError, InterfaceError (a closed connection), …
        logger.warning("Health check: the database does not answer", exc_info=True)
        return FAILED
    finally:
        connection.close()  # this thread's own connection; it ends with the thread
    return OK


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        answered = cache.get(key)
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any backend's failure means "not working"
        logger.warning("Health check: the cache does not answer", exc_info=True)
        return FAILED
    if answered != value:
        logger.warning("Health check: the cache did not keep a value")
        return FAILED
    return OK


def run_checks(checks, seconds):
    """{name: result} of every check run at once; FAILED for any still waiting after
    `seconds` (its thread ends by its own timeouts)."""
    results = dict.fromkeys(checks, FAILED)
    threads = []
    for name, check in checks.items():

        def run(name=name, check=check):
            results[name] = check()

        thread = threading.Thread(target=run, name=f"healthz-{name}", daemon=True)
        thread.start()
        threads.append((name, thread))
    deadline = time.monotonic() + seconds
    for name, thread in threads:
        thread.join(max(0, deadline - time.monotonic()))
        if thread.is_alive():
            logger.warning("Health check: the %s did not answer within %s s", name, seconds)
    return {name: results[name] if not thread.is_alive() else FAILED for name, thread in threads}


@never_cache
@require_safe
def healthz(request):
    checks = run_checks({"database": check_database, "cache": check_cache}, ANSWER_SECONDS)
    healthy = all(result == OK for result in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


class CacheOutageFilter:
    """django-redis logs each swallowed error with a traceback at ERROR: with Redis down
    that is several per page. Keep one WARNING line (with the reason) every
    `interval` seconds per process; the site is still serving from the database."""

    def __init__(self, interval=10):
        self.interval = interval
        self.last = float("-inf")

    def filter(self, record):
        now = time.monotonic()
        if now - self.last < self.interval:
            return False
        self.last = now
        reason = record.exc_info[1] if record.exc_info else record.getMessage()
        record.msg = "Cache unavailable, serving from the database: %s"
        record.args = (reason,)
        record.exc_info = None
        record.exc_text = None
        record.levelno = logging.WARNING
        record.levelname = "WARNING"
        return True
