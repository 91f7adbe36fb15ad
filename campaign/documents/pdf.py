"""The motion as PDF, drawn with WeasyPrint from the same MotionDocument as the .docx.

WeasyPrint runs in-process: after the first document (which loads fonts) a motion takes tens
of milliseconds, where starting LibreOffice per document takes about a second (bench/documents.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, render_template

from campaign.documents.motion import MotionDocument


def build_pdf(motion: MotionDocument) -> bytes:
    """The PDF; a 503 when this server lacks the Pango library WeasyPrint draws with.

    Imported here rather than at the top, so the rest of the site runs without it. WeasyPrint
    takes the PDF's title, author, subject and dates from the <title> and <meta> elements.
    """
    try:
        from weasyprint import HTML
    except OSError:
        abort(503, description="Pdf's maken kan deze server nu niet. Download de motie als Word.")
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    html = render_template("documents/motion_print.html", motion=motion, created=created)
    # Tagged, so screen readers and reflowing viewers get headings, lists and reading order;
    # its language (/Lang nl) comes from <html lang="nl">.
    pdf = HTML(string=html).write_pdf(pdf_tags=True)
    assert pdf is not None
    return pdf
