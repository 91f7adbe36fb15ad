"""Storing what an export of the register says, without overwriting what volunteers entered.

For every gemeente in the export and every fact the campaign keeps, the load does one of:

- added: nothing was known here; the register's value is stored, with the export as its source;
- changed: the value came from an earlier export and the register now says something else;
- unchanged: the same as stored (a second load of the same file changes nothing at all);
- left alone: a newer export is already loaded, the council still has the old parties (see
  `facts.council_period`), a fractie is known only here, or a volunteer chose to keep their
  value against this very register value;
- conflict: a volunteer entered or changed the value and the register says otherwise. The value
  here stays; the register's value is kept beside it for review in /beheer.

A fractie is matched to a registered party by name, else by party key (`pair_names`), so `PvdD`
typed by a volunteer is the register's `Partij voor de Dieren`. A fractie from the register
that the register no longer lists is removed, unless a motion names it or a volunteer added its
fractievoorzitter: then it stays and the report says so. Nothing here commits: the caller does,
or rolls back for a dry run. New councils, fracties and facts are inserted in bulk at the end, with
their audit entries (`insert_audited`): a first load makes thousands, and none of them is read
again in the same load.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select, union
from sqlalchemy.orm import selectinload

from campaign.audit.services import insert_audited
from campaign.dates import utcnow
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente, Raad
from campaign.gemeenten.parties import pair_names
from campaign.gemeenten.provenance import FactField, GemeenteFact, Origin, RegisterSource, fact_for
from campaign.moties.models import Stemming, motie_indieners
from campaign.register.facts import CouncilFacts, ExportFacts, GemeenteFacts
from campaign.register.records import Labelled, PartySeats
from campaign.register.report import Action, GemeenteReport, LoadReport, Step, seats_text
from campaign.versions import note_changed

FIELD_NAMES = {
    FactField.INHABITANTS: "inhabitants",
    FactField.WEBSITE: "website",
    FactField.GENERAL_EMAIL: "general e-mail",
    FactField.GRIFFIE_EMAIL: "griffie e-mail",
}
# The unique constraint of each kind of row a load inserts in bulk.
NEW_ROW_KEYS: dict[type[Any], tuple[str, ...]] = {
    GemeenteFact: ("gemeente_id", "field"),
    Raad: ("gemeente_id", "raadsperiode"),
    Fractie: ("gemeente_id", "raadsperiode", "name"),
}
FIELD_LENGTHS = {FactField.WEBSITE: 500, FactField.GENERAL_EMAIL: 254, FactField.GRIFFIE_EMAIL: 254}


class _Loader:
    def __init__(self, facts: ExportFacts) -> None:
        self.facts = facts
        self.export_date = facts.export_date
        self.now = utcnow()
        self._source = db.session.scalar(
            select(RegisterSource).where(
                RegisterSource.location == facts.location,
                RegisterSource.export_date == facts.export_date,
            )
        )
        referenced = union(select(Stemming.fractie_id), select(motie_indieners.c.fractie_id))
        self.referenced = set(db.session.scalars(select(referenced.subquery().c[0])))
        # New councils, fracties and facts, inserted together at the end (`insert_new`).
        self.new: dict[type[Any], list[dict[str, Any]]] = defaultdict(list)

    def insert_new(self) -> None:
        db.session.flush()
        for model, rows in self.new.items():
            insert_audited(model, rows, NEW_ROW_KEYS[model])
            note_changed(row.get("gemeente_id") for row in rows)
        self.new.clear()

    @property
    def source(self) -> RegisterSource:
        """The export as a source, stored the first time a fact needs it."""
        if self._source is None:
            self._source = RegisterSource(
                location=self.facts.location[:500], export_date=self.export_date
            )
            db.session.add(self._source)
            db.session.flush()
        return self._source

    def newer_loaded(self, what: str, source: RegisterSource | None) -> Step | None:
        """A step that leaves the fact alone when a newer export gave it."""
        if source is None or source.export_date <= self.export_date:
            return None
        return Step(Action.LEFT_ALONE, what, f"an export of {source.export_date} is loaded")

    def load_field(
        self, gemeente: Gemeente, name: FactField, value: str, label: str | None
    ) -> Step:
        what = FIELD_NAMES[name]
        fact = fact_for(gemeente, name)
        stored = getattr(gemeente, name.value)
        here = None if stored is None else str(stored)
        newer = self.newer_loaded(what, fact.source if fact is not None else None)
        if newer is not None:
            return newer
        if len(value) > FIELD_LENGTHS.get(name, 500):
            return Step(Action.LEFT_ALONE, what, f"{value[:60]}... is too long to store")
        by_hand = fact.origin is Origin.HAND if fact is not None else here not in (None, value)
        if not by_hand:
            return self._take(gemeente, name, fact, here, value, label)
        if fact is None:  # a value from before the register was loaded: someone entered it
            fact = GemeenteFact(gemeente_id=gemeente.id, field=name, origin=Origin.HAND)
            db.session.add(fact)
        if (fact.register_value, fact.register_label) != (value, label):
            source_id = self.source.id  # stored first: one audit entry per change
            fact.register_value, fact.register_label = value, label
            fact.source_id = source_id
        if here == value:
            return Step(Action.UNCHANGED, what, "entered by hand, the same as the register")
        if fact.kept_value == value:
            return Step(
                Action.LEFT_ALONE, what, f"register: {value}, here: {here}; a volunteer kept it"
            )
        return Step(Action.CONFLICT, what, f"register: {value}, here: {here or '(empty)'}")

    def _take(
        self,
        gemeente: Gemeente,
        name: FactField,
        fact: GemeenteFact | None,
        here: str | None,
        value: str,
        label: str | None,
    ) -> Step:
        what = FIELD_NAMES[name]
        if fact is not None and (here, fact.register_value, fact.register_label) == (
            value,
            value,
            label,
        ):
            return Step(Action.UNCHANGED, what)
        source_id = self.source.id  # stored first: one audit entry per change
        if fact is None:
            self.new[GemeenteFact].append(
                {
                    "gemeente_id": gemeente.id,
                    "field": name,
                    "origin": Origin.REGISTER,
                    "changed_at": self.now,
                    "register_value": value,
                    "register_label": label,
                    "source_id": source_id,
                }
            )
            setattr(gemeente, name.value, int(value) if name is FactField.INHABITANTS else value)
            if here is None:
                return Step(Action.ADDED, what, value)
            return Step(Action.UNCHANGED, what, "now credited to the register")
        fact.origin = Origin.REGISTER
        fact.register_value, fact.register_label = value, label
        fact.source_id = source_id
        fact.changed_at = self.now
        fact.kept_value = None
        setattr(gemeente, name.value, int(value) if name is FactField.INHABITANTS else value)
        if here is None:
            return Step(Action.ADDED, what, value)
        if here != value:
            return Step(Action.CHANGED, what, f"{here} → {value}")
        return Step(Action.UNCHANGED, what, "now credited to the register")

    def load_council(self, gemeente: Gemeente, council: CouncilFacts) -> list[Step]:
        periode = council.raadsperiode
        what = f"council {periode}"
        raad = next((r for r in gemeente.raden if r.raadsperiode == periode), None)
        newer = self.newer_loaded(what, raad.source if raad is not None else None)
        if newer is not None:
            return [newer]
        parties = [{"name": p.name, "seats": p.seats} for p in council.parties]
        issues = " ".join(council.issues)
        summary = f"{seats_text(council.total_seats)}, {len(parties)} parties"
        if issues:
            summary += f"; doubtful: {issues.replace(' ', ', ')}"
        if raad is None:
            self.new[Raad].append(
                {
                    "gemeente_id": gemeente.id,
                    "raadsperiode": periode,
                    "total_seats": council.total_seats,
                    "parties": parties,
                    "issues": issues,
                    "source_id": self.source.id,
                }
            )
            step = Step(Action.ADDED, what, summary)
        elif (raad.parties, raad.total_seats, raad.issues) != (
            parties,
            council.total_seats,
            issues,
        ):
            source_id = self.source.id  # stored first: one audit entry per change
            raad.parties, raad.total_seats, raad.issues = parties, council.total_seats, issues
            raad.source_id = source_id
            step = Step(Action.CHANGED, what, summary)
        else:
            step = Step(Action.UNCHANGED, what, summary)
        return [step, *self._sync_fracties(gemeente, periode, council.parties)]

    def _sync_fracties(
        self, gemeente: Gemeente, periode: str, parties: tuple[PartySeats, ...]
    ) -> list[Step]:
        fracties = [f for f in gemeente.fracties if f.raadsperiode == periode]
        names = [p.name for p in parties]
        pairs = pair_names(names, [f.name for f in fracties], gemeente.name) if fracties else {}
        taken = {f.name.casefold() for f in fracties}
        steps = []
        for index, party in enumerate(parties):
            what = f"fractie {party.name} ({periode})"
            fractie = fracties[pairs[index]] if index in pairs else None
            if fractie is None:
                if party.name.casefold() in taken:
                    steps.append(Step(Action.CONFLICT, what, "a fractie of that name is paired"))
                    continue
                self.new[Fractie].append(
                    {
                        "gemeente_id": gemeente.id,
                        "raadsperiode": periode,
                        "name": party.name,
                        "seats": party.seats,
                        "origin": Origin.REGISTER,
                    }
                )
                steps.append(Step(Action.ADDED, what, seats_text(party.seats)))
            else:
                step = self._update_fractie(fractie, party, what, taken)
                if step is not None:
                    steps.append(step)
        paired = set(pairs.values())
        for index, fractie in enumerate(fracties):
            if index not in paired and fractie.origin is Origin.REGISTER:
                steps.append(self._unlisted(fractie))
        return steps

    def _update_fractie(
        self, fractie: Fractie, party: PartySeats, what: str, names: set[str]
    ) -> Step | None:
        now = (fractie.name, fractie.seats)
        if now == (party.name, party.seats):
            return None
        renamed = fractie.name != party.name
        if renamed and party.name.casefold() in names - {fractie.name.casefold()}:
            return Step(Action.CONFLICT, what, f"{fractie.name} here; another fractie has the name")
        if fractie.origin is Origin.REGISTER or (not renamed and fractie.seats is None):
            # From an earlier export, or typed by hand without seats: filled in, not overwritten.
            detail = f"{fractie.name}, {seats_text(fractie.seats)} → {seats_text(party.seats)}"
            fractie.name, fractie.seats, fractie.origin = party.name, party.seats, Origin.REGISTER
            return Step(Action.CHANGED, what, detail)
        claim = f"{party.name}|{party.seats}"
        register = f"register: {party.name}, {seats_text(party.seats)}"
        here = f"here: {fractie.name}, {seats_text(fractie.seats)}"
        if fractie.register_kept == claim:
            return Step(Action.LEFT_ALONE, what, f"{register}; {here}; a volunteer kept it")
        return Step(Action.CONFLICT, what, f"{register}; {here}")

    def _unlisted(self, fractie: Fractie) -> Step:
        what = f"fractie {fractie.name} ({fractie.raadsperiode})"
        if fractie.id in self.referenced:
            return Step(Action.LEFT_ALONE, what, "no longer registered; kept: a motion names it")
        if fractie.leader_name or fractie.leader_email:
            return Step(
                Action.LEFT_ALONE, what, "no longer registered; kept: it has a fractievoorzitter"
            )
        db.session.delete(fractie)
        return Step(Action.CHANGED, what, "no longer registered: removed")

    def load_gemeente(self, gemeente: Gemeente, facts: GemeenteFacts) -> GemeenteReport:
        report = GemeenteReport(gemeente.cbs_code, gemeente.name, remarks=facts.remarks)
        values = (
            (FactField.INHABITANTS, facts.inhabitants, None),
            (FactField.WEBSITE, *_labelled(facts.website)),
            (FactField.GENERAL_EMAIL, *_labelled(facts.general_email)),
            (FactField.GRIFFIE_EMAIL, *_labelled(facts.griffie_email)),
        )
        for name, value, label in values:
            if value is not None:
                report.steps.append(self.load_field(gemeente, name, str(value), label))
        for council in facts.councils:
            report.steps.extend(self.load_council(gemeente, council))
        if facts.council_not_taken:
            report.steps.append(Step(Action.LEFT_ALONE, "council", facts.council_not_taken))
        return report


def _labelled(entry: Labelled | None) -> tuple[str | None, str | None]:
    return (None, None) if entry is None else (entry.value, entry.label)


def load_facts(facts: ExportFacts) -> LoadReport:
    """Stage what the export says in the session and report every step; does not commit."""
    loader = _Loader(facts)
    gemeenten = {
        gemeente.cbs_code: gemeente
        for gemeente in db.session.scalars(
            select(Gemeente)
            .where(Gemeente.cbs_code.in_([f.code for f in facts.gemeenten]))
            .options(
                selectinload(Gemeente.facts).selectinload(GemeenteFact.source),
                selectinload(Gemeente.raden).selectinload(Raad.source),
                selectinload(Gemeente.fracties),
            )
        )
    }
    reports = [
        loader.load_gemeente(gemeenten[f.code], f) for f in facts.gemeenten if f.code in gemeenten
    ]
    loader.insert_new()
    return LoadReport(facts.location, facts.export_date, reports, facts.unusable, facts.notes)
