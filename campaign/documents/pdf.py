"""The motion as PDF, drawn with WeasyPrint from the same MotionDocument as the .docx.

WeasyPrint runs in-process: after the first document (which loads fonts) a motion takes tens
of milliseconds, where starting LibreOffice per document takes about a second (bench/documents.py).
"""

from __future__ import annotations

from flask import render_template
from weasyprint import HTML

from campaign.documents.motion import MotionDocument


def build_pdf(motion: MotionDocument) -> bytes:
    html = render_template("documents/motion_print.html", motion=motion)
    pdf = HTML(string=html).write_pdf(
        metadata={"title": f"{motion.title} – {motion.gemeente}", "authors": ["KinderpardonNU"]}
    )
    assert pdf is not None
    return pdf
