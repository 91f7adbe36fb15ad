"""Requests per second of public pages against a trivial endpoint of the same app, under gunicorn.

Run: .venv/bin/python bench/public_pages.py [--seconds 10] [--workers 2]
Uses wrk (apt-get install wrk) on loopback; the app runs on a seeded SQLite database in a
temporary instance folder, or on DATABASE_URL when set. Goal: the map page at 0.5 or more of
the trivial endpoint (/healthz).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/healthz", "/", "/gemeente/amersfoort", "/kaart.svg", "/api/v1/gemeenten"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not come up at {url}")


def run_wrk(url: str, seconds: int, connections: int) -> tuple[float, str, str]:
    output = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+(\S+)", output).group(1)
    p99 = re.search(r"99%\s+(\S+)", output).group(1)
    if "Non-2xx" in output:
        raise SystemExit(f"errors while loading {url}:\n{output}")
    return rps, p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")

    instance = tempfile.mkdtemp(prefix="bench-public-")
    env = {**os.environ, "MOTIETRACKER_INSTANCE_PATH": instance, "SECRET_KEY": "bench-secret"}
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    subprocess.run([*flask, "init"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
            "app:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/healthz")
        for page in PAGES:  # warm the caches of every worker
            for _ in range(args.workers * 2):
                urllib.request.urlopen(base + page, timeout=10).read()
        print(
            f"gunicorn, {args.workers} workers, {os.cpu_count()} cores; wrk 1 thread, "
            f"{args.connections} connections, {args.seconds} s per page"
        )
        results = {page: run_wrk(base + page, args.seconds, args.connections) for page in PAGES}
        trivial = results["/healthz"][0]
        for page, (rps, p50, p99) in results.items():
            print(
                f"{page:<24} {rps:9.1f} req/s   p50 {p50:>8}   p99 {p99:>8}   "
                f"ratio {rps / trivial:5.2f}"
            )
        ratio = results["/"][0] / trivial
        verdict = "ok" if ratio >= 0.5 else "BELOW GOAL"
        print(f"map page ratio {ratio:.2f} (goal 0.5 or more): {verdict}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
