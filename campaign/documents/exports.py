"""Many motions at once: a zip with one document per gemeente, for volunteers and the CLI."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from io import BytesIO
from typing import IO

from campaign.documents.docx import build_docx
from campaign.documents.models import TemplateKind
from campaign.documents.motion import MotionOptions
from campaign.documents.pdf import build_pdf
from campaign.documents.services import current_version, filename_for, motion_for
from campaign.errors import UserError
from campaign.gemeenten.models import Gemeente

FORMATS = ("docx", "pdf")


def write_motions_zip(
    gemeenten: Iterable[Gemeente], file_format: str, target: IO[bytes], options: MotionOptions
) -> int:
    """Write one motion per gemeente (its own noodopvang setting) into a zip; return the count."""
    if file_format not in FORMATS:
        raise UserError("Kies het formaat docx of pdf.")
    gemeenten = list(gemeenten)
    if not gemeenten:
        raise UserError("Kies minstens één gemeente.")
    build = build_docx if file_format == "docx" else build_pdf
    version = current_version(TemplateKind.MOTIE)
    # Documents are already compressed (.docx is a zip itself): store them as they are.
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for gemeente in gemeenten:
            own = MotionOptions(
                meeting_date=options.meeting_date,
                agenda_item=options.agenda_item,
                include_noodopvang=gemeente.has_noodopvang,
            )
            document = build(motion_for(gemeente, own, version))
            archive.writestr(filename_for(gemeente, own, file_format), document)
    return len(gemeenten)


def motions_zip_bytes(
    gemeenten: Iterable[Gemeente], file_format: str, options: MotionOptions
) -> bytes:
    buffer = BytesIO()
    write_motions_zip(gemeenten, file_format, buffer, options)
    return buffer.getvalue()
