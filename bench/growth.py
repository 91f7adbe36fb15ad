"""How each page's cost grows with the data: time, SQL queries and bytes at seed, x10 and x100.

For every size (each a fresh database from bench/data.py) the app runs in this process and
Flask's test client requests every /beheer page type and every public page listed below,
logged in through the real login form: as the bench volunteer, or as the bench admin where only
admins may come. Logged-in visitors get freshly rendered, private pages (no page cache), so the
numbers are what a page costs whenever the public cache is renewed; caches inside the app that
are keyed by data version (the rendered map) stay warm after the first request.

Per page and size: the median time of --repeat requests after one warm-up request (slow pages,
over a second, are timed twice), the number of SQL statements of one request (SQLAlchemy's
`before_cursor_execute`), and the size of the response body. The table ends with the ratio
x100/seed of each, and a second table gives the first (cold) request's time.

The /beheer URLs come from the blueprints in campaign/*/views.py; keep PAGES below in step
when they move. `{motie_id}`, `{fractie_id}` and `{user_id}` are filled in from the database.

Run:
  .venv/bin/python bench/growth.py                         # seed, x10, x100 on SQLite
  .venv/bin/python bench/growth.py --size seed --size x10 --repeat 3 --only /beheer/
  .venv/bin/python bench/growth.py --database postgresql \\
      --postgres-server postgresql://postgres@127.0.0.1:5432/postgres

Temporary databases are removed at the end, also after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import find_form  # noqa: E402
from data import (  # noqa: E402
    BENCH_ADMIN,
    BENCH_PASSWORD,
    BENCH_VOLUNTEER,
    SIZES,
    add_database_options,
    build_database,
    counting_queries,
    dispose,
    make_app,
    sample_ids,
    temporary_database,
)
from flask.testing import FlaskClient  # noqa: E402
from tools import run_cleanly  # noqa: E402
from werkzeug.datastructures import MultiDict  # noqa: E402

VOLUNTEER, ADMIN = "vrijwilliger", "admin"
GEMEENTE = "amersfoort"
# (URL, who requests it). One place for every page the benchmark knows.
PAGES: list[tuple[str, str]] = [
    # /beheer
    ("/beheer/", VOLUNTEER),
    ("/beheer/gemeenten/", VOLUNTEER),
    ("/beheer/gemeenten/?opvolgen=1", VOLUNTEER),
    (f"/beheer/gemeenten/{GEMEENTE}", VOLUNTEER),
    (f"/beheer/gemeenten/{GEMEENTE}/moties/nieuw", VOLUNTEER),
    (f"/beheer/gemeenten/{GEMEENTE}/moties/{{motie_id}}", VOLUNTEER),
    (f"/beheer/gemeenten/{GEMEENTE}/fracties/{{fractie_id}}", VOLUNTEER),
    ("/beheer/oproep", VOLUNTEER),
    ("/beheer/oproep?provincie=Utrecht", VOLUNTEER),
    ("/beheer/meldingen", VOLUNTEER),
    ("/beheer/export/gemeenten.csv", VOLUNTEER),
    ("/beheer/gebruikers", ADMIN),
    ("/beheer/gebruikers/{user_id}", ADMIN),
    ("/beheer/import", ADMIN),
    ("/beheer/teksten/motie", ADMIN),
    ("/beheer/teksten/motie/1", ADMIN),
    ("/beheer/teksten/oproep", ADMIN),
    ("/beheer/teksten/oproep/1", ADMIN),
    ("/beheer/teksten/achtergrond", ADMIN),
    # public
    ("/", VOLUNTEER),
    ("/gemeenten", VOLUNTEER),
    ("/gemeenten?q=ut", VOLUNTEER),
    (f"/gemeente/{GEMEENTE}", VOLUNTEER),
    (f"/gemeente/{GEMEENTE}/motie", VOLUNTEER),
    (f"/gemeente/{GEMEENTE}/motie.docx", VOLUNTEER),
    (f"/gemeente/{GEMEENTE}/motie.pdf", VOLUNTEER),
    (f"/gemeente/{GEMEENTE}/kaart.png", VOLUNTEER),
    ("/partijen", VOLUNTEER),
    ("/kaart.svg", VOLUNTEER),
    ("/kaart.png", VOLUNTEER),
    ("/embed/kaart", VOLUNTEER),
    ("/open-data", VOLUNTEER),
    ("/open-data/gemeenten.csv", VOLUNTEER),
    ("/open-data/gemeenten.json", VOLUNTEER),
    ("/open-data/gemeenten.geojson", VOLUNTEER),
    ("/open-data/moties.json", VOLUNTEER),
    ("/api/v1/gemeenten", VOLUNTEER),
    (f"/api/v1/gemeenten/{GEMEENTE}", VOLUNTEER),
    ("/api/v1/openapi.json", VOLUNTEER),
    ("/over-het-kinderpardon", VOLUNTEER),
    ("/colofon", VOLUNTEER),
    ("/meld", VOLUNTEER),
    ("/healthz", VOLUNTEER),
]
SLOW_SECONDS = 1.0


@dataclass
class Measurement:
    status: int
    first_ms: float
    median_ms: float
    queries: int
    bytes: int


def log_in(client: FlaskClient, email: str) -> None:
    page = client.get("/login").get_data(as_text=True)
    form = find_form(page, "/login", page_path="/login")
    response = client.post(
        "/login", data=MultiDict(form.values(email=email, password=BENCH_PASSWORD))
    )
    if response.status_code != 302:
        raise SystemExit(f"cannot log in as {email}: {response.status_code}")


def measure_page(app: Any, client: FlaskClient, url: str, repeat: int) -> Measurement:
    started = time.perf_counter()
    first = client.get(url)
    first_seconds = time.perf_counter() - started
    times, queries, body = [], 0, first.get_data()
    for _ in range(2 if first_seconds > SLOW_SECONDS else repeat):
        with counting_queries(app) as statements:
            started = time.perf_counter()
            response = client.get(url)
            body = response.get_data()
            times.append(time.perf_counter() - started)
        queries = len(statements)
    return Measurement(
        first.status_code,
        first_seconds * 1000,
        statistics.median(times) * 1000,
        queries,
        len(body),
    )


def measure_size(size: str, args: argparse.Namespace) -> dict[str, Measurement]:
    with temporary_database(args.database, args.postgres_server) as database:
        print(f"[{size}] building the database on {args.database} ...", flush=True)
        built = build_database(database, size)
        print(
            f"[{size}] built in {built.seconds:.0f} s: "
            + ", ".join(f"{count} {table}" for table, count in built.counts.items()),
            flush=True,
        )
        app = make_app(database.url, database.instance)
        try:
            ids = sample_ids(app, GEMEENTE)
            clients = {VOLUNTEER: app.test_client(), ADMIN: app.test_client()}
            log_in(clients[VOLUNTEER], BENCH_VOLUNTEER)
            log_in(clients[ADMIN], BENCH_ADMIN)
            results = {}
            for template, role in selected_pages(args):
                url = template.format(**ids)
                results[template] = measure_page(app, clients[role], url, args.repeat)
                m = results[template]
                print(
                    f"[{size}] {m.status} {url:<48} {m.median_ms:9.1f} ms {m.queries:5d} q "
                    f"{m.bytes / 1000:9.1f} kB",
                    flush=True,
                )
        finally:
            dispose(app)
    return results


def selected_pages(args: argparse.Namespace) -> list[tuple[str, str]]:
    if not args.only:
        return PAGES
    return [(url, role) for url, role in PAGES if any(url.startswith(o) for o in args.only)]


def ratio(last: float, first: float) -> str:
    return f"{last / first:6.1f}" if first else "     -"


def report(results: dict[str, dict[str, Measurement]], database: str) -> None:
    sizes = list(results)
    pages = list(next(iter(results.values())))
    width = max(len(page) for page in pages)
    print()
    print(
        f"Per request: median ms, SQL queries, kB of body; {database}; logged in "
        "(private, uncached pages); status shown when not 200"
    )
    header = f"{'page':<{width}} "
    header += " ".join(f"{size + ' ms':>9} {'q':>5} {'kB':>7}" for size in sizes)
    label = f"  {sizes[-1]}/{sizes[0]}:"
    if len(sizes) > 1:
        header += f"{label} {'ms':>6} {'q':>6} {'kB':>6}"
    print(header)
    for page in pages:
        line = f"{page:<{width}} "
        cells = []
        for size in sizes:
            m = results[size][page]
            status = "" if m.status == 200 else f"[{m.status}]"
            timing = f"{status}{m.median_ms:.1f}"
            cells.append(f"{timing:>9} {m.queries:5d} {m.bytes / 1000:7.1f}")
        line += " ".join(cells)
        if len(sizes) > 1:
            last, first = results[sizes[-1]][page], results[sizes[0]][page]
            line += " " * len(label)
            line += f" {ratio(last.median_ms, first.median_ms)} "
            line += f"{ratio(last.queries, first.queries)} {ratio(last.bytes, first.bytes)}"
        print(line)
    print()
    print("First (cold) request, ms")
    print(f"{'page':<{width}} " + " ".join(f"{size:>9}" for size in sizes))
    for page in pages:
        print(
            f"{page:<{width}} " + " ".join(f"{results[size][page].first_ms:9.1f}" for size in sizes)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--size",
        choices=list(SIZES),
        action="append",
        dest="sizes",
        help="database size (repeatable; default: seed, x10 and x100)",
    )
    add_database_options(parser)
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page")
    parser.add_argument(
        "--only", action="append", help="measure only URLs starting with this (repeatable)"
    )
    args = parser.parse_args()
    results = {size: measure_size(size, args) for size in args.sizes or list(SIZES)}
    report(results, args.database)


if __name__ == "__main__":
    run_cleanly(main)
