"""Redis as the shared cache, and a cut-out for when it stops answering.

django-redis with IGNORE_EXCEPTIONS serves pages from the database when Redis fails, but
each cache call still waits for its own timeout, and a page makes several: with Redis
partitioned (packets dropped) the home page took 9 s. After REDIS_CUTOUT_FAILURES
failures in a row this process stops asking Redis for REDIS_CUTOUT_SECONDS: calls fail
at once (and are served from the database); then one call tries again, and either
closes the cut-out or opens it for another period. A partition costs each worker about
one timeout per period, not one per cache call.

Nothing is lost meanwhile: the content version lives in the database (mattran/cache.py),
so a page or a value stored before a change is never served after it.
"""

import threading
import time

from django.conf import settings
from redis.backoff import NoBackoff
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class CutOut:
    """Per process: failures in a row, and until when calls are not even tried (but
    by the one thread trying again once a period is over)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        self.failures = 0
        self.open_until = 0.0
        self.trying = None

    def check(self):
        with self._lock:
            if not self.open_until or self.trying == threading.get_ident():
                return
            now = time.monotonic()
            if self.open_until > now:
                raise RedisConnectionError("Redis cut out after repeated failures")
            # The period is over: this thread tries; the others wait for its answer.
            self.trying = threading.get_ident()
            self.open_until = now + settings.REDIS_CUTOUT_SECONDS

    def failed(self):
        with self._lock:
            self.failures += 1
            self.trying = None
            if self.failures >= settings.REDIS_CUTOUT_FAILURES:
                self.open_until = time.monotonic() + settings.REDIS_CUTOUT_SECONDS

    def answered(self):
        if self.failures or self.open_until:
            with self._lock:
                self.reset()


cut_out = CutOut()


class CutOutConnection(Connection):
    """redis-py's TCP connection, asking `cut_out` first and telling it how it went."""

    def connect_check_health(self, *args, **kwargs):
        if self._sock:
            return
        cut_out.check()
        try:
            super().connect_check_health(*args, **kwargs)
        except FAILURES:
            cut_out.failed()
            raise

    def send_packed_command(self, command, check_health=True):
        cut_out.check()
        try:
            super().send_packed_command(command, check_health)
        except FAILURES:
            cut_out.failed()
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except FAILURES:
            cut_out.failed()
            raise
        cut_out.answered()
        return response


def cache_settings(url, timeout=0.5):
    """CACHES["default"] for django-redis at `url`, as production runs it."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "mattran",
        "OPTIONS": {
            # A cache outage must not take the site down: fall back to the database.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            "CONNECTION_POOL_KWARGS": {
                "connection_class": CutOutConnection,
                # redis-py retries a failed call three times by default: four timeouts.
                "retry": Retry(NoBackoff(), 0),
            },
        },
    }
