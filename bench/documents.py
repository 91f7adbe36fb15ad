"""Time the motion documents: per .docx, per .pdf (cold and warm), the zip of all 342.

Run: .venv/bin/python bench/documents.py   (goals from the motion generator issue:
.docx < 20 ms, .pdf < 2 s cold and < 500 ms warm, zip of 342 .docx < 10 s)
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD_PDF = """
import time, sys
start = time.perf_counter()
sys.path.insert(0, {root!r})
from campaign import create_app
from campaign.extensions import db
from campaign.seeding import load_seed_data
from pathlib import Path
app = create_app({{"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "bench"}})
started = time.perf_counter() - start  # imports (WeasyPrint included) and the app factory
with app.app_context():
    db.create_all()
    load_seed_data(Path({root!r}) / "seed_data")  # test data only: not counted
    ready = time.perf_counter()
    client = app.test_client()
    response = client.get("/gemeente/amersfoort/motie.pdf?datum=2026-03-12&fracties=GroenLinks")
    assert response.status_code == 200
    print(started + time.perf_counter() - ready)
"""


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def report(name: str, seconds: list[float], goal: float) -> None:
    median = statistics.median(seconds) * 1000
    slowest = max(seconds) * 1000
    verdict = "ok" if median <= goal * 1000 else "SLOWER THAN GOAL"
    print(
        f"{name:<40} median {median:8.1f} ms   max {slowest:8.1f} ms   "
        f"goal {goal * 1000:.0f} ms   {verdict}"
    )


def main() -> None:
    os.environ["MOTIETRACKER_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="bench-instance-")
    from campaign import create_app
    from campaign.documents.exports import write_motions_zip
    from campaign.documents.motion import MotionOptions
    from campaign.extensions import db
    from campaign.gemeenten.services import list_gemeenten
    from campaign.seeding import load_seed_data

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "bench"})
    with app.app_context():
        db.create_all()
        load_seed_data(ROOT / "seed_data")
        client = app.test_client()
        query = "?datum=2026-03-12&fracties=GroenLinks,D66&raadsleden=Anna+Bakker&noodopvang=1"

        def docx_request() -> None:
            assert client.get("/gemeente/amersfoort/motie.docx" + query).status_code == 200

        def pdf_request() -> None:
            assert client.get("/gemeente/amersfoort/motie.pdf" + query).status_code == 200

        docx_request(), pdf_request()
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        report(".docx, whole request (warm)", timed(docx_request, 100), 0.020)
        report(".pdf, whole request (warm)", timed(pdf_request, 30), 0.500)

        cold = [
            float(
                subprocess.run(
                    [sys.executable, "-c", COLD_PDF.format(root=str(ROOT))],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            for _ in range(3)
        ]
        report(".pdf, new process: imports + first pdf", cold, 2.0)

        soffice = shutil.which("soffice")
        if soffice:
            data = client.get("/gemeente/amersfoort/motie.docx" + query).data
            folder = Path(tempfile.mkdtemp(prefix="bench-lo-"))
            (folder / "m.docx").write_bytes(data)

            def libreoffice() -> None:
                subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation=file://{folder}/profile",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(folder),
                        str(folder / "m.docx"),
                    ],
                    check=True,
                    capture_output=True,
                )

            libreoffice()
            report("(compared) .pdf via LibreOffice", timed(libreoffice, 3), 2.0)

        gemeenten = list_gemeenten()

        def zip_all() -> None:
            write_motions_zip(gemeenten, "docx", io.BytesIO(), MotionOptions())

        report(f"zip of all {len(gemeenten)} .docx", timed(zip_all, 3), 10.0)


if __name__ == "__main__":
    main()
