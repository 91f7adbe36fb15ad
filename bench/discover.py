"""A full `flask discover` over all 342 gemeenten against the local fake of Open Besluitvorming.

Run: .venv/bin/python bench/discover.py [--documents-share 0.8] [--motions 40] [--scan-limit 900]

Builds a seeded SQLite database in a temporary folder and a fake API on loopback with a
country's worth of sources in the shapes of the real `/api/status` (about 330: 292 gemeenten,
Amsterdam's stadsdelen, gemeenten merged away, water boards and provinces; some stale, failing
or never imported) and records in which the motion turns up: the appeal letter among the
incoming documents of most gemeenten, the motion itself with its PDF in some, with votes in
half of those, and unrelated documents everywhere. Nothing leaves the machine.

For each strategy (nationwide, per source) it measures a first run over all dates and the next
night's run. The API's rate limit runs on a simulated clock shared with the client, so the
client paces itself exactly as against the real API without the bench waiting for it:

- requests and units: what the run asks of the API;
- wall time: the real time the run took here (our code and the fake server);
- paced time: wall time plus the waits the client's pacing added;
- least time: what the API's budget allows at best, max(0, units - 60) seconds (a full bucket
  of 60 units, refilling one a second).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from campaign import create_app  # noqa: E402
from campaign.discovery.client import OpenBesluitvormingClient  # noqa: E402
from campaign.discovery.runs import RunOptions  # noqa: E402
from campaign.discovery.searching import run_discovery  # noqa: E402
from campaign.extensions import db  # noqa: E402
from campaign.seeding import load_seed_data  # noqa: E402
from tests.discovery.fake_server import FakeOpenBesluitvorming, FakeTime, running  # noqa: E402

BUDGET_BURST = 60
# The API scans at most 6,000 index rows for one search, about 6.7 rows per document.
SCAN_LIMIT = 900
STADSDELEN = ["centrum", "nieuw-west", "noord", "oost", "west", "zuid", "zuidoost"]


def build_world(
    fake: FakeOpenBesluitvorming, share: float, motions: int, seed: int
) -> dict[str, int]:
    rng = random.Random(seed)
    with (ROOT / "seed_data" / "gemeenten_2025.csv").open(encoding="utf-8") as handle:
        gemeenten = list(csv.DictReader(handle))
    rng.shuffle(gemeenten)
    covered = gemeenten[:292]
    if not any(g["code"] == "GM0363" for g in covered):
        covered[-1] = next(g for g in gemeenten if g["code"] == "GM0363")
    sources: list[tuple[str, str, str]] = []
    for number, gemeente in enumerate(covered):
        key = gemeente["name"].lower().replace(" ", "-").replace("(", "").replace(")", "")
        key = key.replace(".", "").replace("'", "")
        state = "ok"
        if number % 23 == 0:
            state = "failing"
        elif number % 31 == 0:
            state = "stale"
        elif number in (5, 50, 150):
            state = "never_imported"
        supplier = "ibabs" if number % 2 else "notubiz"
        fake.add_source(
            key,
            gemeente["name"],
            state,
            supplier=supplier,
            cbsId=gemeente["code"],
            lastSuccessAt="2026-08-16T01:12:09.883Z",
        )
        if state != "never_imported":
            sources.append((key, gemeente["name"], supplier))
        if gemeente["code"] == "GM0363":
            for part in STADSDELEN:
                fake.add_source(f"amsterdam-{part}", f"Stadsdeel {part}", "ok", cbsId="GM0363")
                sources.append((f"amsterdam-{part}", f"Stadsdeel {part}", "notubiz"))
    for number in range(10):
        successor = covered[number * 7]
        fake.add_source(
            f"opgeheven-{number}",
            f"Opgeheven gemeente {number}",
            "discontinued",
            cbsId=f"GM{9000 + number}",
            discontinuedAt="2019-01-01",
            succeededBy={"cbsId": successor["code"], "label": successor["name"]},
        )
    for number in range(21):
        kind = "waterschap" if number < 12 else "provincie"
        fake.add_source(f"{kind}-{number}", f"{kind.title()} {number}", "ok", organizationType=kind)

    letters = motion_count = 0
    for index, (key, name, supplier) in enumerate(sources):
        for noise in range(10):
            fake.add_entity(
                {
                    "entityId": f"document:{supplier}:gemeente:{key}:n{noise}",
                    "entityType": "Document",
                    "title": f"Raadsvoorstel {noise}",
                    "organization": name,
                    "sortDate": f"2025-{1 + noise:02d}-15 00:00:00",
                    "markdownText": "Begroting, woningbouw en kinderopvang in de gemeente.",
                }
            )
        if rng.random() < share:
            letters += 1
            fake.add_entity(
                {
                    "entityId": f"document:{supplier}:gemeente:{key}:brief",
                    "entityType": "Document",
                    "title": "Brief KinderpardonNU",
                    "organization": name,
                    "sortDate": f"2025-0{rng.randint(5, 9)}-0{rng.randint(1, 9)} 00:00:00",
                    "markdownText": "Verzoek: neem de motie Pleidooi voor gewortelde kinderen aan.",
                    "meetingId": f"meeting:{supplier}:gemeente:{key}:m1",
                }
            )
            fake.add_entity(
                {
                    "entityId": f"meeting:{supplier}:gemeente:{key}:m1",
                    "entityType": "Meeting",
                    "title": "Gemeenteraad",
                    "organization": name,
                    "sortDate": "2025-06-12 20:00:00",
                    "motions": [],
                }
            )
        if motion_count < motions and index % 7 == 3:
            motion_count += 1
            motion_id = f"motion:{supplier}:gemeente:{key}:pleidooi"
            pdf = f"document:{supplier}:gemeente:{key}:pleidooi-pdf"
            votes = [
                {"option": "voor" if n < 20 else "tegen", "group_name": f"Fractie {n % 6}"}
                for n in range(31)
            ]
            record = {
                "id": motion_id,
                "name": "Motie Pleidooi voor gewortelde kinderen",
                "result": "aangenomen",
                "tally": {"in_favour": 20, "against": 11},
                "votes": votes if motion_count % 2 else [],
                "attachment_id": pdf,
            }
            fake.add_entity(
                {
                    "entityId": motion_id,
                    "entityType": "Motion",
                    "title": record["name"],
                    "organization": name,
                    "sortDate": "2025-04-10 20:00:00",
                    "motion": record,
                    "pdfEntityId": pdf,
                }
            )
            fake.add_entity(
                {
                    "entityId": pdf,
                    "entityType": "Document",
                    "title": "Motie Pleidooi voor gewortelde kinderen",
                    "organization": name,
                    "sortDate": "2025-04-10 00:00:00",
                    "markdownText": "MOTIE Pleidooi voor gewortelde kinderen. De raad ...",
                }
            )
    return {
        "sources": len(fake.statuses),
        "entities": len(fake.entities),
        "letters": letters,
        "motions": motion_count,
    }


@dataclass
class Measure:
    label: str
    requests: int
    units: float
    rate_limited: int
    new_leads: int
    wall: float
    paced: float

    @property
    def least(self) -> float:
        return max(0.0, self.units - BUDGET_BURST)


def measure(
    label: str, app_folder: Path, strategy: str, args: argparse.Namespace
) -> tuple[Measure, Measure]:
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{app_folder / f'{strategy}.sqlite'}",
            "SECRET_KEY": "bench",
        }
    )
    clock = FakeTime()
    fake = FakeOpenBesluitvorming(clock=clock.monotonic)
    fake.scan_limit = args.scan_limit
    world = build_world(fake, args.documents_share, args.motions, args.seed)
    results = []
    with app.app_context():
        db.create_all()
        load_seed_data(ROOT / "seed_data")
        for api in running(fake):
            for night in ("first run", "next night"):
                with OpenBesluitvormingClient(
                    api.url, sleep=clock.sleep, clock=clock.monotonic, now=clock.now
                ) as client:
                    waited = clock.elapsed
                    started = time.perf_counter()
                    summary = run_discovery(client, RunOptions(strategy=strategy))
                    wall = time.perf_counter() - started
                    results.append(
                        Measure(
                            f"{label}, {night}",
                            client.stats.requests,
                            client.stats.units,
                            client.stats.rate_limited,
                            summary.new_leads,
                            wall,
                            wall + clock.elapsed - waited,
                        )
                    )
                # The next night starts a day later, with a full bucket.
                clock.sleep(24 * 3600)
        db.session.remove()
        db.engine.dispose()
    print(
        f"World: {world['sources']} sources, {world['entities']} records, the letter in "
        f"{world['letters']} sources, the motion in {world['motions']}."
    )
    return results[0], results[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents-share", type=float, default=0.8)
    parser.add_argument("--motions", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--scan-limit",
        type=int,
        default=SCAN_LIMIT,
        help="results one search scans at most; below the hits, nationwide falls back per source",
    )
    args = parser.parse_args()
    rows: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="bench-discover-") as folder:
        for label, strategy in (("nationwide", "nationwide"), ("per source", "per-source")):
            rows.extend(measure(label, Path(folder), strategy, args))
    print()
    print("| run | requests | units | 429s | new leads | wall time | paced time | least time |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row.label} | {row.requests} | {row.units:g} | {row.rate_limited} | "
            f"{row.new_leads} | {row.wall:.1f} s | {row.paced:.0f} s | {row.least:.0f} s |"
        )


if __name__ == "__main__":
    main()
