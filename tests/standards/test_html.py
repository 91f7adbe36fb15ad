"""Every page type through the Nu Html Checker (vnu.jar from npm's vnu-jar, on Debian's Java).

Java takes seconds to start, so the checker runs once over all pages of `site_pages.PAGES`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess  # nosec B404: runs the checker installed by npm ci
from pathlib import Path

import pytest

from tests.standards.site_pages import fetch_all

REPOSITORY = Path(__file__).resolve().parents[2]
VNU_JAR = REPOSITORY / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(files: list[Path]) -> list[dict]:
    """The checker's messages about these files (errors only)."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        pytest.skip(f"vnu.jar is not at {VNU_JAR} (run `make test`, which runs npm ci)")
    result = subprocess.run(  # nosec B603: fixed arguments, files we wrote
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its report to stderr; exit status 1 means it found errors.
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stderr)["messages"]


def test_the_checker_finds_what_it_should(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><title>x</title></head><body>'
        '<p><input id="a" aria-invalid="None"><input id="a"><p><form></form></p></body></html>',
        encoding="utf-8",
    )
    messages = run_vnu([page])
    texts = " ".join(message["message"] for message in messages)
    assert "aria-invalid" in texts and "Duplicate ID" in texts


def test_every_page_type_is_valid_html(app, seeded, make_user, tmp_path):
    fetched = fetch_all(app, make_user)
    files = []
    for number, item in enumerate(fetched):
        path = tmp_path / f"{number:02d}-{re.sub(r'[^a-z0-9]+', '-', item.page.name)}.html"
        path.write_text(item.html, encoding="utf-8")
        files.append(path)

    messages = run_vnu(files)

    by_file = {path.name: item for path, item in zip(files, fetched, strict=True)}
    problems: dict[str, list[str]] = {}
    for message in messages:
        item = by_file.get(message.get("url", "").rsplit("/", 1)[-1])
        where = f"{item.page.name} ({item.url})" if item else message.get("url", "?")
        problems.setdefault(where, []).append(
            f"line {message.get('lastLine')}: {message['message']}"
            f" [{message.get('extract', '').strip()[:120]}]"
        )
    assert problems == {}, "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items()
    )
