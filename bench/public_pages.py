"""Throughput of each public page relative to /healthz, under gunicorn's production settings.

For every public GET below, wrk (16 connections, gzip accepted, `--latency`) loads the page and
then /healthz, alternately, in several pairs (page, healthz, page, healthz, ...). Per page the
report gives the median over the pairs of page req/s divided by healthz req/s, the medians of
both rates, and p50/p99 latency read from wrk's latency distribution table. Comparing each page
with /healthz measured right next to it cancels out most of the noise of a shared machine:
the ratio says what the page costs beyond the app's fixed cost per request (routing, session,
security headers, one trivial query).

The server is `gunicorn -c gunicorn.conf.py app:app` (its workers and threads, its access log)
on a fresh database of the chosen size (bench/data.py): SQLite in a temporary folder, or a
temporary database on a PostgreSQL server. Visitors are anonymous, so pages come from the
app's per-worker page cache after the warm-up, as on the live site.

Run:
  .venv/bin/python bench/public_pages.py                       # seed, SQLite, 5 pairs of 3 s
  .venv/bin/python bench/public_pages.py --size x10 --database postgresql \\
      --postgres-server postgresql://postgres@127.0.0.1:5432/postgres
  .venv/bin/python bench/public_pages.py --pairs 1 --seconds 1 --page / --page /partijen

Needs wrk (apt-get install wrk) and gunicorn (in the project's .venv). Everything it starts or
creates is stopped and removed at the end, also after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import (  # noqa: E402
    SIZES,
    add_database_options,
    build_database,
    instance_environment,
    temporary_database,
)
from tools import WrkResult, gunicorn, median, require, run_cleanly, run_wrk  # noqa: E402

HEALTHZ = "/healthz"
PAGES = [
    "/",
    "/gemeente/amersfoort",
    "/gemeenten?q=ut",
    "/partijen",
    "/kaart.svg",
    "/open-data/gemeenten.csv",
    "/open-data/gemeenten.json",
    "/open-data/gemeenten.geojson",
    "/open-data/moties.json",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/amersfoort",
    "/embed/kaart",
]


@dataclass
class PageResult:
    page: str
    pairs: list[tuple[WrkResult, WrkResult]]
    gzip_bytes: int
    plain_bytes: int

    @property
    def ratios(self) -> list[float]:
        return [page.rps / healthz.rps for page, healthz in self.pairs if healthz.rps]

    @property
    def ratio(self) -> float:
        return median(self.ratios)

    def median_of(self, which: int, value: str) -> float:
        results = [pair[which] for pair in self.pairs]
        if value == "rps":
            return median([result.rps for result in results])
        return median([result.latency_ms.get(int(value), float("nan")) for result in results])

    @property
    def errors(self) -> int:
        return sum(page.errors + healthz.errors for page, healthz in self.pairs)


def response_sizes(url: str) -> tuple[int, int]:
    """Bytes on the wire with gzip accepted, and the page's size unpacked."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        packed = response.headers.get("Content-Encoding") == "gzip"
    return len(body), len(gzip.decompress(body)) if packed else len(body)


def measure(base: str, pages: list[str], args: argparse.Namespace) -> list[PageResult]:
    warm = max(1, args.seconds // 2)
    run_wrk(base + HEALTHZ, warm, args.connections)  # every worker booted and connected
    results = []
    for page in pages:
        run_wrk(base + page, warm, args.connections)  # every worker has the page in its cache
        pairs = [
            (
                run_wrk(base + page, args.seconds, args.connections),
                run_wrk(base + HEALTHZ, args.seconds, args.connections),
            )
            for _ in range(args.pairs)
        ]
        result = PageResult(page, pairs, *response_sizes(base + page))
        results.append(result)
        print(
            f"  {page:<30} ratio {result.ratio:5.2f}  "
            f"({result.median_of(0, 'rps'):7.0f} vs {result.median_of(1, 'rps'):6.0f} req/s)",
            flush=True,
        )
    return results


def report(results: list[PageResult], heading: str) -> None:
    print()
    print(heading)
    print(
        f"{'page':<30} {'req/s':>7} {'healthz':>7} {'ratio':>6} {'range':>10} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'kB gz':>7} {'kB':>7} {'errors':>6}"
    )
    for result in results:
        spread = f"{min(result.ratios, default=0):.2f}-{max(result.ratios, default=0):.2f}"
        print(
            f"{result.page:<30} {result.median_of(0, 'rps'):7.0f} "
            f"{result.median_of(1, 'rps'):7.0f} {result.ratio:6.2f} {spread:>10} "
            f"{result.median_of(0, '50'):8.1f} {result.median_of(0, '99'):8.1f} "
            f"{result.gzip_bytes / 1000:7.1f} {result.plain_bytes / 1000:7.1f} "
            f"{result.errors:6d}"
        )
    healthz_p50 = median([r.median_of(1, "50") for r in results])
    healthz_p99 = median([r.median_of(1, "99") for r in results])
    print(f"{HEALTHZ:<30} p50 {healthz_p50:.1f} ms, p99 {healthz_p99:.1f} ms (median over pages)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="Ratios are medians over the pairs (range: lowest and highest pair); req/s, "
        "p50 and p99 are medians too.",
    )
    parser.add_argument("--size", choices=list(SIZES), default="seed")
    add_database_options(parser)
    parser.add_argument("--pairs", type=int, default=5, help="page/healthz pairs per page")
    parser.add_argument("--seconds", type=int, default=3, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, help="override gunicorn.conf.py's workers")
    parser.add_argument("--threads", type=int, help="override gunicorn.conf.py's threads")
    parser.add_argument(
        "--page", action="append", dest="pages", help="measure only this page (repeatable)"
    )
    args = parser.parse_args()
    require("wrk", "gunicorn")
    pages = args.pages or PAGES

    with temporary_database(args.database, args.postgres_server) as database:
        print(f"building a {args.size} database on {args.database} ...", flush=True)
        built = build_database(database, args.size)
        print(
            f"built in {built.seconds:.0f} s: "
            + ", ".join(f"{count} {table}" for table, count in built.counts.items())
        )
        env = instance_environment(database.url, database.instance)
        with gunicorn(env, args.workers, args.threads) as (base, settings):
            heading = (
                f"size {args.size}, {args.database}; gunicorn -c gunicorn.conf.py: "
                f"{settings.workers} workers x {settings.threads} threads; "
                f"{os.cpu_count()} cores; wrk 1 thread, {args.connections} connections, "
                f"gzip; {args.pairs} pairs of {args.seconds:g} s per page"
            )
            print(heading, flush=True)
            results = measure(base, pages, args)
    report(results, heading)


if __name__ == "__main__":
    run_cleanly(main)
