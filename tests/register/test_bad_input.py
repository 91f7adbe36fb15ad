"""The loader refuses what is not the register's export, with one clear sentence, and changes
nothing; and it reads the export from a URL as well as from a file."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.register import source
from tests.register.conftest import snapshot
from tests.register.samples import export_bytes, row

EXPORT = export_bytes(row())


def load(runner, *args):
    return runner.invoke(args=["register", "load", *args])


def assert_refused(result, message, before):
    assert result.exit_code != 0
    assert message in result.output
    assert "Nothing was changed." in result.output
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "gemeenten-2026-04-15.csv",
            b"<!DOCTYPE html><html><body>Niet gevonden</body></html>",
            "The file is an HTML page, not the register's CSV export",
        ),
        (
            "gemeenten-2026-04-15.csv",
            b'"naam";"code"\n"Amersfoort";"GM0307"\n',
            "The header has none of the register's columns",
        ),
        (
            "gemeenten-2026-04-15.csv",
            export_bytes(row(), columns=("Officiële naam", "TOOi URI")),
            "The file lacks these columns of the register's export",
        ),
        ("gemeenten-2026-04-15.csv", b"", "The file is empty."),
        ("gemeenten-2026-04-15.csv", "é".encode("latin-1") * 3, "The file is not UTF-8 text"),
        ("Gemeenten.csv", EXPORT, "No export date: the file name gives none."),
    ],
)
def test_a_file_that_is_not_the_export_is_refused(
    runner, gemeenten, write_export, name, data, message
):
    before = snapshot()
    assert_refused(load(runner, str(write_export(name, data))), message, before)


def test_a_missing_file_or_another_scheme_is_refused(runner, gemeenten, tmp_path):
    before = snapshot()
    assert_refused(load(runner, str(tmp_path / "weg.csv")), "No such file", before)
    assert_refused(
        load(runner, "file:///etc/passwd"), "only a local file or an http(s) URL", before
    )


def test_an_export_date_that_contradicts_the_file_is_refused(runner, gemeenten, write_export):
    path = str(write_export("Gemeenten.csv", export_bytes(row({"Laatste mutatie": "25-03-2026"}))))
    before = snapshot()

    assert_refused(
        load(runner, path, "--export-date", "2026-03-22"),
        "The file has rows changed on 2026-03-25, so it cannot be an export of 2026-03-22.",
        before,
    )
    assert_refused(load(runner, path, "--export-date", "2999-01-01"), "lies in the future", before)
    bad = load(runner, path, "--export-date", "22-03-2026")
    assert bad.exit_code == 2 and "Invalid value for '--export-date'" in bad.output

    given = load(runner, path, "--export-date", "2026-03-26")
    assert given.exit_code == 0, given.output
    assert "Register export of 2026-03-26 from Gemeenten.csv" in given.output


def test_a_file_name_date_before_the_newest_change_gives_way_to_that_change(
    runner, gemeenten, write_export
):
    path = write_export(
        "gemeenten-2026-03-22.csv", export_bytes(row({"Laatste mutatie": "25-03-2026"}))
    )

    result = load(runner, str(path))

    assert result.exit_code == 0, result.output
    assert (
        "The file name says 2026-03-22, but the file has rows changed on 2026-03-25: "
        "recorded as an export of 2026-03-25" in result.output
    )
    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0307"))
    assert str(amersfoort.raden[0].source.export_date) == "2026-03-25"


def test_an_export_is_loaded_from_a_url_dated_by_its_last_modified_header(
    runner, gemeenten, http_server
):
    url = http_server.serve(
        "/export/gemeenten.csv",
        body=EXPORT,
        headers={
            "Content-Type": "text/csv; charset=utf-8",
            "Last-Modified": "Wed, 15 Apr 2026 04:10:00 GMT",
        },
    )

    result = load(runner, url)

    assert result.exit_code == 0, result.output
    assert "Export date 2026-04-15 from the Last-Modified header." in result.output
    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0307"))
    assert amersfoort.raden[0].source.location == url
    assert amersfoort.raden[0].raadsperiode == "2026-2030"


def test_a_url_that_gives_no_export_is_refused(runner, gemeenten, http_server):
    before = snapshot()
    missing = http_server.serve("/weg-2026-04-15.csv", status=404, body=b"not found")
    page = http_server.serve(
        "/gemeenten-2026-04-15.csv",
        body=b"<html><head><title>Organisaties</title></head></html>",
        headers={"Content-Type": "text/html"},
    )

    assert_refused(load(runner, missing), "answered HTTP 404, not the export", before)
    assert_refused(load(runner, page), "The file is an HTML page", before)
    assert_refused(
        load(runner, "http://127.0.0.1:9/gemeenten-2026-04-15.csv"), "Could not download", before
    )


def test_a_url_that_does_not_answer_in_time_is_refused(runner, gemeenten, http_server, monkeypatch):
    monkeypatch.setattr(source, "TIMEOUT", httpx.Timeout(0.3))
    slow = http_server.serve("/traag-2026-04-15.csv", body=EXPORT, delay=30)
    before = snapshot()

    assert_refused(load(runner, slow), "did not answer in time (connect 0.3 s, read 0.3 s)", before)
