"""Reading an export of the register from a file or an http(s) URL, and dating it.

The export carries no date of its own. Its date is, in this order: the one the operator gives
(`--export-date`), the `YYYY-MM-DD` in the file name, or for a URL the server's `Last-Modified`.
An export cannot be older than its newest `Laatste mutatie`: a date from the name or header
that lies before it is replaced by that later date (the earliest day the export can have been
made), with a note; a date the operator gave that contradicts the file is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from campaign.register.export import (
    RegisterExport,
    export_date_from_filename,
    export_date_from_last_modified,
)

MAX_BYTES = 50_000_000
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class SourceError(Exception):
    """The export cannot be read or dated; the message says why, in English."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    location: str
    # The export date the file name or the server suggests, and which of them it was.
    date_hint: date | None
    hint_from: str


def _fetch(url: str, timeout: httpx.Timeout) -> Fetched:
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise SourceError(f"{url} answered HTTP {response.status_code}, not the export.")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise SourceError(f"{url} sends more than {MAX_BYTES:,} bytes: not the export.")
                chunks.append(chunk)
            modified = response.headers.get("Last-Modified")
    except httpx.TimeoutException:
        raise SourceError(
            f"{url} did not answer in time (connect {timeout.connect:g} s, read {timeout.read:g} "
            "s)."
        ) from None
    except httpx.HTTPError as error:
        raise SourceError(f"Could not download {url}: {error}.") from None
    name_date = export_date_from_filename(urlsplit(url).path)
    if name_date is not None:
        return Fetched(b"".join(chunks), url, name_date, "the file name")
    header_date = export_date_from_last_modified(modified) if modified else None
    return Fetched(b"".join(chunks), url, header_date, "the Last-Modified header")


def read_source(source: str, timeout: httpx.Timeout | None = None) -> Fetched:
    """The bytes of a local file or an http(s) URL, with the export date they suggest."""
    if source.startswith(("http://", "https://")):
        return _fetch(source, timeout or TIMEOUT)
    if "://" in source:
        raise SourceError(f"{source}: only a local file or an http(s) URL can be loaded.")
    path = Path(source)
    if not path.is_file():
        raise SourceError(f"No such file: {source}.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"Cannot read {source}: {error.strerror}.") from None
    return Fetched(data, path.name, export_date_from_filename(path), "the file name")


def choose_export_date(
    export: RegisterExport, given: date | None, fetched: Fetched, today: date
) -> tuple[date, list[str]]:
    """The export date to record (see the module's rules) and notes on how it was chosen."""
    latest = export.latest_mutation
    if given is not None:
        if latest is not None and latest > given:
            raise SourceError(
                f"The file has rows changed on {latest}, so it cannot be an export of {given}."
            )
        chosen, notes = given, []
    elif fetched.date_hint is None:
        raise SourceError(
            f"No export date: {fetched.hint_from} gives none. Give it with "
            "--export-date YYYY-MM-DD."
        )
    elif latest is not None and latest > fetched.date_hint:
        chosen = latest
        notes = [
            f"{fetched.hint_from.capitalize()} says {fetched.date_hint}, but the file has rows "
            f"changed on {latest}: recorded as an export of {latest}, the earliest day it can "
            "have been made."
        ]
    else:
        chosen = fetched.date_hint
        notes = [f"Export date {chosen} from {fetched.hint_from}."]
    if chosen > today:
        raise SourceError(f"The export date {chosen} lies in the future.")
    return chosen, notes
