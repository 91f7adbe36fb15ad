"""Load run: public pages under wrk while a volunteer writes through the forms, per size.

For each size asked for (default: seed, then x10), on a fresh database (bench/data.py):
gunicorn with the production settings (gunicorn.conf.py) and Redis for the login limits, on
loopback. wrk drives a mix of public pages (anonymous, gzip accepted) for --seconds; meanwhile
one volunteer logs in through the real login form and, once a second, logs a contact through
the workspace form and edits a motion through its form (a new note, every other field posted
back as shown). Each motion edit changes what the public pages show, so their caches are
renewed every second, as on a busy campaign day (far busier than the whole team).

Reports per size: wrk's req/s, p50/p95/p99 latency, errors (non-2xx/3xx responses and socket
errors), and the volunteer's writes (count, failures, median time per contact + motion). Then
it checks that the login limit holds across workers (429 on the sixth wrong password).
Goal from the speed issue: at ten times seed data, at least 400 req/s with 0 errors and p99 under
250 ms.

Run:
  .venv/bin/python bench/load.py                         # seed and x10 on SQLite, 20 s each
  .venv/bin/python bench/load.py --size x10 --seconds 5 --database postgresql \\
      --postgres-server postgresql://postgres@127.0.0.1:5432/postgres

Needs wrk, redis-server (apt-get install wrk redis-server) and gunicorn (in .venv). All it
starts or creates is stopped and removed at the end, also after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser, find_form  # noqa: E402
from data import (  # noqa: E402
    BENCH_PASSWORD,
    BENCH_VOLUNTEER,
    SIZES,
    add_database_options,
    build_database,
    instance_environment,
    temporary_database,
)
from tools import (  # noqa: E402
    WrkResult,
    gunicorn,
    median,
    redis_server,
    require,
    run_cleanly,
    run_wrk,
)

PAGES = [
    "/",
    "/gemeente/amersfoort",
    "/gemeente/zeist",
    "/gemeenten",
    "/kaart.svg",
    "/api/v1/gemeenten/amersfoort",
    "/partijen",
    "/gemeente/utrecht/motie",
]
# Gemeenten with a motion at every size (the seeded adoptions), so the volunteer edits one.
WRITE_SLUGS = ["amersfoort", "maastricht", "heerlen", "beekdaelen", "amsterdam", "kampen"]
WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50=%%d p95=%%d p99=%%d\\n", latency:percentile(50),
    latency:percentile(95), latency:percentile(99)))
end
"""
GOAL_RPS, GOAL_P99_MS = 400, 250


@dataclass
class Writes:
    cycles: int = 0
    posts: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


def saved(status: int, location: str, workspace_path: str) -> bool:
    """A save redirects back to the workspace; a lost session would redirect to /login."""
    return status == 302 and workspace_path in (location or "")


def write_once(client: Browser, slug: str, number: int) -> list[str]:
    """Log a contact and edit a motion of `slug` as a volunteer would; returns what failed."""
    failed = []
    workspace_path = f"/beheer/gemeenten/{slug}"
    workspace = client.get(workspace_path)
    contact = find_form(workspace, "/contacten")
    status, _, location = client.request(
        contact.action,
        contact.values(
            channel="telefoon",
            direction="inkomend",
            with_whom="griffie",
            summary=f"Belastingproef: gebeld met de griffie ({number}).",
        ),
    )
    if not saved(status, location, workspace_path):
        failed.append(f"contact {slug}: {status} {location}")
    motie = re.search(rf'href="({re.escape(workspace_path)}/moties/\d+)"', workspace)
    if motie is None:
        return [*failed, f"no motion to edit on {workspace_path}"]
    page = client.get(motie.group(1))
    form = find_form(page, motie.group(1), page_path=motie.group(1))
    status, body, location = client.request(
        form.action, form.values(notes=f"Belastingproef: notitie {number}.")
    )
    if not saved(status, location, workspace_path):
        reason = re.search(r'class="[^"]*(?:error|flash)[^"]*"[^>]*>([^<]+)', body)
        failed.append(f"motie {slug}: {status} {reason.group(1).strip() if reason else ''}")
    return failed


def volunteer_writes(base: str, stop: threading.Event, writes: Writes) -> None:
    """One contact and one motion edit per second until `stop`, through the real forms."""
    client = Browser(base)
    status = client.log_in(BENCH_VOLUNTEER, BENCH_PASSWORD)
    if status != 302:
        writes.failures.append(f"login: {status}")
        return
    while not stop.is_set():
        slug = WRITE_SLUGS[writes.cycles % len(WRITE_SLUGS)]
        started = time.perf_counter()
        try:
            writes.failures += write_once(client, slug, writes.cycles)
        except (OSError, RuntimeError, LookupError) as error:
            writes.failures.append(f"{slug}: {error}")
        elapsed = time.perf_counter() - started
        writes.seconds.append(elapsed)
        writes.cycles += 1
        writes.posts += 2
        stop.wait(max(0.0, 1.0 - elapsed))


def login_limit_holds(base: str) -> tuple[bool, list[int]]:
    """Seven wrong passwords, each on a new connection (any worker may answer): the first
    five are refused with 400, then 429 for the rest of the ten minutes."""
    statuses = []
    for attempt in range(7):
        client = Browser(base)
        form = find_form(client.get("/login"), "/login", page_path="/login")
        status, _, _ = client.request(
            "/login", form.values(email=BENCH_VOLUNTEER, password=f"fout {attempt}")
        )
        statuses.append(status)
    return statuses[:5] == [400] * 5 and statuses[5:] == [429, 429], statuses


@dataclass
class SizeResult:
    size: str
    heading: str
    wrk: WrkResult
    writes: Writes
    limit_holds: bool
    limit_statuses: list[int]

    @property
    def goal_met(self) -> bool:
        return (
            self.wrk.rps >= GOAL_RPS
            and self.wrk.errors == 0
            and self.wrk.latency_ms.get(99, float("inf")) < GOAL_P99_MS
            and not self.writes.failures
            and self.limit_holds
        )


def run_size(size: str, args: argparse.Namespace, workdir: Path) -> SizeResult:
    with temporary_database(args.database, args.postgres_server) as database:
        print(f"[{size}] building the database on {args.database} ...", flush=True)
        built = build_database(database, size)
        print(
            f"[{size}] built in {built.seconds:.0f} s: "
            + ", ".join(f"{count} {table}" for table, count in built.counts.items()),
            flush=True,
        )
        with redis_server() as redis_url:
            env = {
                **instance_environment(database.url, database.instance),
                "MOTIETRACKER_RATELIMIT_STORAGE_URI": redis_url,
            }
            with gunicorn(env, args.workers, args.threads) as (base, settings):
                script = workdir / "pages.lua"
                pages = args.pages or PAGES
                script.write_text(WRK_SCRIPT % ", ".join(f'"{page}"' for page in pages))
                # Warm up: every worker boots, connects and renders each page once.
                run_wrk(base, 2, args.connections, threads=2, script=script)
                stop, writes = threading.Event(), Writes()
                writer = threading.Thread(target=volunteer_writes, args=(base, stop, writes))
                writer.start()
                try:
                    result = run_wrk(base, args.seconds, args.connections, threads=2, script=script)
                finally:
                    stop.set()
                    writer.join(60)
                holds, statuses = login_limit_holds(base)
    heading = (
        f"size {size}, {args.database}, Redis; gunicorn -c gunicorn.conf.py: "
        f"{settings.workers} workers x {settings.threads} threads; {os.cpu_count()} cores; "
        f"wrk 2 threads, {args.connections} connections, {args.seconds} s"
    )
    return SizeResult(size, heading, result, writes, holds, statuses)


def report(results: list[SizeResult]) -> None:
    print()
    for result in results:
        print(result.heading)
    print()
    print(
        f"{'size':<6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'writes':>7} {'failed':>7} {'ms/write':>9} {'limit':>6} goal"
    )
    for r in results:
        latency = r.wrk.latency_ms
        print(
            f"{r.size:<6} {r.wrk.rps:7.0f} {latency.get(50, 0):8.1f} {latency.get(95, 0):8.1f} "
            f"{latency.get(99, 0):8.1f} {r.wrk.errors:7d} {r.writes.posts:7d} "
            f"{len(r.writes.failures):7d} {median(r.writes.seconds) * 1000:9.0f} "
            f"{'holds' if r.limit_holds else 'NO':>6} {'met' if r.goal_met else 'NOT MET'}"
        )
    print(
        f"errors: non-2xx/3xx + socket errors; writes: form posts (contact + motion edit "
        f"per second), ms/write: median per pair; goal: >= {GOAL_RPS} req/s, 0 errors, "
        f"p99 < {GOAL_P99_MS} ms, limit holds"
    )
    for r in results:
        for failure in r.writes.failures[:5]:
            print(f"  [{r.size}] write failed: {failure}")
        if not r.limit_holds:
            print(f"  [{r.size}] login statuses: {r.limit_statuses}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--size",
        choices=list(SIZES),
        action="append",
        dest="sizes",
        help="database size (repeatable; default: seed and x10)",
    )
    add_database_options(parser)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--page", action="append", dest="pages", help="page in the mix (repeatable; replaces it)"
    )
    parser.add_argument("--workers", type=int, help="override gunicorn.conf.py's workers")
    parser.add_argument("--threads", type=int, help="override gunicorn.conf.py's threads")
    args = parser.parse_args()
    require("wrk", "redis-server", "gunicorn")
    with tempfile.TemporaryDirectory(prefix="motietracker-load-") as workdir:
        results = [run_size(size, args, Path(workdir)) for size in args.sizes or ["seed", "x10"]]
    report(results)


if __name__ == "__main__":
    run_cleanly(main)
