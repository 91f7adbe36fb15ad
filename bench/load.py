"""Load run: public pages under wrk while a volunteer logs contacts and records votes.

Starts everything on loopback and stops by itself: a throwaway PostgreSQL cluster (or
DATABASE_URL), Redis for the rate limits, and gunicorn with two workers. wrk drives a mix of
public pages; meanwhile a second process logs in through the real form and keeps logging
contacts and recording moties with votes. Reports throughput, p50/p95/p99 latency and errors,
then checks that the login rate limit holds across both workers.

Run: .venv/bin/python bench/load.py [--seconds 20] [--connections 8] [--threads 2]
Goal: at least 200 requests per second with 0 errors and p99 under 250 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support_servers import Cluster, Server, free_port, postgres_bin  # noqa: E402

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
WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%%d seconds=%%.2f p50=%%d p95=%%d p99=%%d errors=%%d non2xx=%%d\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors, summary.errors.status))
end
"""


def volunteer_writes(
    base: str, email: str, password: str, stop: threading.Event, results: dict
) -> None:
    """Log contacts and record motions through the forms, as volunteers would: one contact
    and one motion every second, far busier than the whole team on a campaign day. Each
    motion changes what the public pages show, so their caches are renewed every second."""
    from tests.faults.test_faults import Browser

    client = Browser(base)
    client.post(
        "/login", {"email": email, "password": password, "csrf_token": client.token("/login")}
    )
    slugs = ["zeist", "utrecht", "de-bilt", "bunnik", "houten", "nieuwegein"]
    while not stop.is_set():
        slug = slugs[results["writes"] % len(slugs)]
        token = client.token(f"/beheer/gemeenten/{slug}")
        started = time.perf_counter()
        status = client.post(
            f"/beheer/gemeenten/{slug}/contacten",
            {
                "csrf_token": token,
                "occurred_on": "2026-11-20",
                "channel": "telefoon",
                "direction": "inkomend",
                "contact_person": "",
                "with_whom": "griffie",
                "summary": f"belasting {results['writes']}",
                "follow_up_on": "",
            },
        )
        motie = client.post(
            f"/beheer/gemeenten/{slug}/moties/nieuw",
            {
                "csrf_token": token,
                "title": "Pleidooi",
                "submitted_on": "2026-11",
                "voted_on": "",
                "outcome": "",
                "votes_for": "",
                "votes_against": "",
                "record_url": "",
                "indiener_names": "",
                "notes": "",
            },
        )
        elapsed = time.perf_counter() - started
        results["latencies"].append(elapsed)
        results["writes"] += 2
        results["errors"] += (status != 302) + (motie != 302)
        stop.wait(max(0.0, 1.0 - elapsed))


def main() -> None:
    parser = argparse.ArgumentParser(description="Load run on loopback")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker")
    args = parser.parse_args()
    for program in ("wrk", "redis-server"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is not installed: apt-get install wrk redis-server")

    cluster = None
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        bin_dir = postgres_bin()
        if bin_dir is None:
            raise SystemExit("set DATABASE_URL or install PostgreSQL (apt-get install postgresql)")
        cluster = Cluster(bin_dir)
        cluster.start()
        database_url = cluster.url
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    workdir = Path(tempfile.mkdtemp(prefix="motietracker-load-"))
    server = Server(
        database_url,
        workdir / "instance",
        {"MOTIETRACKER_RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{redis_port}"},
    )
    try:
        flask = [sys.executable, "-m", "flask", "--app", "app"]
        subprocess.run([*flask, "init"], cwd=ROOT, env=server.env, check=True, capture_output=True)
        password = "belasting-wachtwoord"
        subprocess.run(
            [
                *flask,
                "users",
                "create",
                "--email",
                "load@example.org",
                "--name",
                "Belasting",
                "--role",
                "vrijwilliger",
                "--password-stdin",
            ],
            cwd=ROOT,
            env=server.env,
            input=password + "\n",
            text=True,
            check=True,
            capture_output=True,
        )
        server.start(workers=2, threads=args.threads)
        script = workdir / "pages.lua"
        script.write_text(WRK_SCRIPT % ", ".join(f'"{page}"' for page in PAGES))

        stop, results = threading.Event(), {"writes": 0, "errors": 0, "latencies": []}
        writer = threading.Thread(
            target=volunteer_writes, args=(server.url, "load@example.org", password, stop, results)
        )
        writer.start()
        output = subprocess.run(
            [
                "wrk",
                "-H",
                "Accept-Encoding: gzip",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "-s",
                str(script),
                server.url,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        stop.set()
        writer.join(60)
        found = dict(re.findall(r"(\w+)=([\d.]+)", output.split("RESULT", 1)[1]))
        rps = int(found["requests"]) / float(found["seconds"])
        errors = int(found["errors"]) + int(found["non2xx"])
        p50, p95, p99 = (int(found[k]) / 1000 for k in ("p50", "p95", "p99"))
        print(
            "gunicorn 2 workers, PostgreSQL, Redis; "
            f"wrk 2 threads, {args.connections} connections, {args.seconds} s"
        )
        print(
            f"public pages: {rps:.0f} req/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"p99 {p99:.1f} ms, errors {errors}"
        )
        latencies = sorted(results["latencies"])
        median = latencies[len(latencies) // 2] * 1000 if latencies else 0
        print(
            f"volunteer writes meanwhile: {results['writes']} form posts, "
            f"{results['errors']} errors, "
            f"median {median:.0f} ms per contact + motie"
        )

        from tests.faults.test_faults import Browser

        statuses = []
        for attempt in range(7):
            client = Browser(server.url)  # a new connection each time: either worker may answer
            statuses.append(
                client.post(
                    "/login",
                    {
                        "email": "load@example.org",
                        "password": f"fout {attempt}",
                        "csrf_token": client.token("/login"),
                    },
                )
            )
        holds = statuses[:5] == [400] * 5 and statuses[5:] == [429, 429]
        print(f"rate limit across workers: {statuses} -> {'holds' if holds else 'DOES NOT HOLD'}")
        ok = rps >= 200 and errors == 0 and p99 < 250 and results["errors"] == 0 and holds
        print(
            "goal (>= 200 req/s, 0 errors, p99 < 250 ms, limit holds):", "met" if ok else "NOT MET"
        )
        if not ok:
            raise SystemExit(1)
    finally:
        server.stop()
        redis.terminate()
        redis.wait(timeout=10)
        if cluster is not None:
            cluster.remove()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
