"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py app:app`.

Every value can be overridden with GUNICORN_CMD_ARGS or the environment variables below.
"""

import multiprocessing
import os

bind = os.environ.get("MOTIETRACKER_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("MOTIETRACKER_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads let a worker answer while an appeal batch is sent in the background.
threads = int(os.environ.get("MOTIETRACKER_THREADS", "2"))
timeout = 60
graceful_timeout = 30
# The reverse proxy terminates TLS and sets X-Forwarded-*; trust it only on loopback.
forwarded_allow_ips = os.environ.get("MOTIETRACKER_PROXY_IPS", "127.0.0.1")
# One line per request on stdout, errors on stderr: collected by the service manager.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'


def when_ready(server):  # type: ignore[no-untyped-def]
    """Rate limits (failed logins, /meld) counted in memory are per worker: with several
    workers each allows the full number. Say so at start-up; the README's set-up uses Redis."""
    storage = os.environ.get("MOTIETRACKER_RATELIMIT_STORAGE_URI", "memory://")
    if workers > 1 and storage.startswith("memory://"):
        server.log.warning(
            "Rate limits are counted in memory by each of the %d workers, so every worker "
            "allows the full number. Set MOTIETRACKER_RATELIMIT_STORAGE_URI=redis://... "
            "to count them once for the whole site.",
            workers,
        )
