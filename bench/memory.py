"""A worker's memory after every gemeente's share image has been asked for once.

Each gemeente page names its share image (`/gemeente/<slug>/kaart.png`, the map with that
gemeente highlighted) for social media, so crawlers ask for all 342 of them. The server is
`gunicorn -c gunicorn.conf.py app:app` with one worker (so one process gets every request) and
the production thread count, on a fresh database of the chosen size (bench/data.py). The
script reads the worker's resident memory (`VmRSS` in /proc) after start-up and a few pages,
then asks for every share image once with as many concurrent requests as the worker has
threads, and reads `VmRSS` and the peak `VmHWM` again; then it asks for all of them a second
time (from the disk cache) and reads once more.

Run:
  .venv/bin/python bench/memory.py                      # seed, SQLite
  .venv/bin/python bench/memory.py --size x10 --database postgresql \\
      --postgres-server postgresql://postgres@127.0.0.1:5432/postgres

Needs gunicorn (in the project's .venv). Everything it starts or creates is stopped and removed
at the end, also after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import (  # noqa: E402
    SIZES,
    add_database_options,
    build_database,
    instance_environment,
    temporary_database,
)
from tools import gunicorn, require, run_cleanly  # noqa: E402

WARM_UP = ["/", "/gemeente/amersfoort", "/partijen", "/kaart.png"]


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (gunicorn's workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def memory_mb(pid: int) -> dict[str, float]:
    """`VmRSS` (resident now) and `VmHWM` (the peak) of a process, in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values


def fetch(url: str) -> int:
    with urllib.request.urlopen(url, timeout=120) as response:  # nosec B310: loopback
        return len(response.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="seed")
    add_database_options(parser)
    parser.add_argument("--threads", type=int, help="override gunicorn.conf.py's threads")
    args = parser.parse_args()
    require("gunicorn")

    with temporary_database(args.database, args.postgres_server) as database:
        print(f"building a {args.size} database on {args.database} ...", flush=True)
        build_database(database, args.size)
        env = instance_environment(database.url, database.instance)
        with gunicorn(env, workers=1, threads=args.threads) as (base, settings):
            (worker,) = children(settings.pid)
            for page in WARM_UP:
                fetch(base + page)
            start = memory_mb(worker)
            with urllib.request.urlopen(base + "/api/v1/gemeenten") as response:  # nosec B310
                slugs = [g["slug"] for g in json.load(response)]
            urls = [f"{base}/gemeente/{slug}/kaart.png" for slug in slugs]
            rounds = []
            for label in ("rendered", "from disk"):
                started = time.perf_counter()
                with ThreadPoolExecutor(settings.threads) as pool:
                    sizes = list(pool.map(fetch, urls))
                rounds.append((label, time.perf_counter() - started, sum(sizes), memory_mb(worker)))

    print(
        f"size {args.size}, {args.database}; gunicorn -c gunicorn.conf.py: 1 worker x "
        f"{settings.threads} threads; {len(urls)} share images, {settings.threads} at a time"
    )
    print(f"after start-up and {len(WARM_UP)} pages: VmRSS {start['VmRSS']:.0f} MB")
    for label, seconds, total, memory in rounds:
        print(
            f"every share image once, {label}: {seconds:.1f} s ({total / 2**20:.0f} MB of PNG); "
            f"VmRSS {memory['VmRSS']:.0f} MB, peak VmHWM {memory['VmHWM']:.0f} MB"
        )


if __name__ == "__main__":
    run_cleanly(main)
