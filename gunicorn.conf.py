"""gunicorn's settings for `make serve`, read from the environment.

WEB_CONCURRENCY  worker processes (default 2 x CPUs + 1, the CPUs this process may use)
GUNICORN_THREADS threads per worker (default 1: sync workers)
BIND or PORT     where to listen (default 127.0.0.1:8000; behind a proxy keep loopback
                 or a private address)
GUNICORN_TIMEOUT seconds before a stuck worker is killed and replaced (default 30)

No access log: the portal logs one JSON line per request itself (ops/request_log.py),
with its duration and SQL count, which an access log line cannot know.
"""

import os


def _cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _cpus() + 1)
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT') or 8000}"
wsgi_app = "mattran.wsgi:application"

timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, spread out so they never restart all at once. Not often:
# a fresh worker spends about a second of CPU importing and warming up, and the benchmark
# showed recycling every 2,000 requests stalling requests for 1-1.5 s under load.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 20000)
max_requests_jitter = max_requests // 10
# The heartbeat file on a RAM disk: a slow /tmp (a full or network disk) would have the
# arbiter kill healthy workers.
_shm = "/dev/shm"  # noqa: S108 - gunicorn's own heartbeat files, not shared data
worker_tmp_dir = _shm if os.path.isdir(_shm) else None

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# X-Forwarded-* are trusted from these addresses only (the reverse proxy).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "mattran"
# gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl),
# which two servers on one machine (a benchmark beside a running site) would fight over.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]


def post_worker_init(worker):
    # Templates compiled and URLs resolved before the first request (ops/warmup.py).
    from ops.warmup import warm_up

    worker.log.debug("warm-up: %d templates compiled", warm_up())
