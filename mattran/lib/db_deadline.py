"""A database that stops answering must not hang a page.

PostgreSQL's own limits do not cover every fault: `statement_timeout` is the server's,
and a server that is frozen or cut off never applies it; TCP keepalives only watch idle
connections, and `tcp_user_timeout` only data no one acknowledged. A web worker waiting
on such a connection waited until gunicorn killed it (31 s, an empty reply).

So in web processes (mattran/wsgi.py turns it on) every database call is watched: one
daemon thread per process shuts the socket of a call that has had no answer for
DATABASE_ANSWER_TIMEOUT seconds (PING_SECONDS for the check Django makes of a kept
connection). The waiting call then fails as on a lost connection, Django drops the
connection, and the visitor gets the Vietnamese 503 page (mattran/unavailable.py).
Management commands and cron are not watched: a migration may take its time.
"""

import contextlib
import os
import socket
import threading
import time

from django.conf import settings

PING_SECONDS = 1.0
_watching = {"on": False}
_waiting = {}  # thread id -> (deadline, socket file descriptor)
_lock = threading.Lock()
_watcher = []


def watch_this_process():
    _watching["on"] = True


def is_watching():
    return _watching["on"]


def answer_seconds():
    return settings.DATABASE_ANSWER_TIMEOUT if _watching["on"] else None


@contextlib.contextmanager
def answer_within(seconds, raw_connection):
    """The call inside gets an answer within `seconds`, or its socket is shut (a
    connection without one, SQLite's, is not watched)."""
    if not seconds or not hasattr(raw_connection, "fileno"):
        yield
        return
    waiter = threading.get_ident()
    with _lock:
        _waiting[waiter] = (time.monotonic() + seconds, raw_connection.fileno())
        if not _watcher:
            _watcher.append(threading.Thread(target=_watch, name="db-deadline", daemon=True))
            _watcher[0].start()
    try:
        yield
    finally:
        with _lock:
            _waiting.pop(waiter, None)


def _watch():
    while True:
        time.sleep(0.1)
        now = time.monotonic()
        with _lock:
            # Under the lock: the waiting thread cannot leave answer_within, nor close
            # and reuse its descriptor, while it is being shut.
            for waiter, (deadline, fd) in list(_waiting.items()):
                if deadline <= now:
                    del _waiting[waiter]
                    _shut(fd)


def _shut(fd):
    try:
        sock = socket.socket(fileno=os.dup(fd))
    except OSError:
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
