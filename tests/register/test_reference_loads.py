"""The two full reference exports loaded one after the other, as an operator would, checked
against the counts the reference README gives and against what really differs between them."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from campaign.acting import SystemOrigin
from campaign.audit.models import AuditEntry
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente, Raad
from campaign.register.export import RegisterExport
from campaign.register.facts import general_email_of, griffie_email_of, website_of
from tests.register.conftest import snapshot
from tests.register.test_reference_exports import APRIL, MARCH, read


def _value(entry):
    return entry.value if entry is not None else None


FIELDS = {
    "inhabitants": lambda row: row.inhabitants,
    "website": lambda row: _value(website_of(row.websites)),
    "general e-mail": lambda row: _value(general_email_of(row.emails)),
    "griffie e-mail": lambda row: _value(griffie_email_of(row.emails)),
}


def fracties_of(export: RegisterExport, codes: set[str]) -> int:
    """Party entries of these gemeenten, a name registered twice counted once."""
    return sum(
        len({party.name.casefold() for party in row.parties})
        for row in export.gemeenten
        if row.code in codes
    )


def count(statement) -> int:
    return db.session.scalar(statement)


def test_the_april_export_after_the_march_one_changes_exactly_what_differs(runner, gemeenten):
    march, april = read(MARCH), read(APRIL)
    old, new = march.by_code(), april.by_code()
    changed = {code for code in new if Counter(new[code].parties) != Counter(old[code].parties)}

    first = runner.invoke(args=["register", "load", str(MARCH)])

    assert first.exit_code == 0, first.output
    assert "recorded as an export of 2026-03-25" in first.output
    assert count(select(func.count()).select_from(Raad)) == 342
    assert count(select(func.count()).select_from(Fractie)) == fracties_of(march, set(old))
    assert count(select(func.count()).where(Gemeente.inhabitants.is_not(None))) == 342
    assert "342 gemeenten: 342 with changes, 0 without" in first.output
    last = count(select(func.max(AuditEntry.id)))

    second = runner.invoke(args=["register", "load", str(APRIL)])

    assert second.exit_code == 0, second.output
    assert len(changed) == 195
    assert count(select(func.count()).where(Raad.raadsperiode == "2026-2030")) == 195
    assert count(select(func.count()).where(Fractie.raadsperiode == "2026-2030")) == fracties_of(
        april, changed
    )
    assert count(select(func.count()).where(Raad.raadsperiode == "2022-2026")) == 342
    # What else changed between the files, computed from the files themselves.
    added, altered = Counter(), Counter()
    touched = set(changed)
    for code in new:
        for name, pick in FIELDS.items():
            before_value, after_value = pick(old[code]), pick(new[code])
            if after_value is None or after_value == before_value:
                continue
            (added if before_value is None else altered)[name] += 1
            touched.add(code)
    updated = Counter(
        table
        for table, action in db.session.execute(
            select(AuditEntry.table_name, AuditEntry.action).where(AuditEntry.id > last)
        )
        if action == "update"
    )
    assert updated["fracties"] == 0 and updated["raden"] == 0  # 2022-2026 stays as it was
    assert updated["gemeenten"] == len(touched - changed) + sum(
        1
        for code in changed
        if any(pick(new[code]) not in (None, pick(old[code])) for pick in FIELDS.values())
    )
    new_rows = 195 + fracties_of(april, changed) + sum(added.values())
    assert (
        f"342 gemeenten: {len(touched)} with changes, {342 - len(touched)} without; "
        f"{new_rows} added, {sum(altered.values())} changed, 0 in conflict" in second.output
    )
    origins = set(db.session.scalars(select(AuditEntry.origin).where(AuditEntry.id > last)))
    assert origins == {SystemOrigin.REGISTER}
    assert second.output.count("stays unknown") == 147
    utrecht = {
        f.name: f.seats
        for f in db.session.scalars(
            select(Fractie)
            .join(Gemeente)
            .where(Gemeente.slug == "utrecht", Fractie.raadsperiode == "2026-2030")
        )
    }
    assert utrecht["GroenLinks-PvdA"] == 14 and sum(utrecht.values()) == 45

    before = snapshot()
    again = runner.invoke(args=["register", "load", str(APRIL)])

    assert again.exit_code == 0, again.output
    assert snapshot() == before
    assert "342 gemeenten: 0 with changes, 342 without; 0 added, 0 changed" in again.output
