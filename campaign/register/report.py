"""What a load did, or would do in a dry run: per gemeente one step per fact, and its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from campaign.register.facts import Unusable


class Action(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    LEFT_ALONE = "left alone"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Step:
    action: Action
    what: str
    detail: str = ""


@dataclass
class GemeenteReport:
    code: str
    name: str
    steps: list[Step] = field(default_factory=list)
    remarks: tuple[str, ...] = ()

    def count(self, action: Action) -> int:
        return sum(1 for step in self.steps if step.action is action)

    @property
    def changes_something(self) -> bool:
        return any(step.action in (Action.ADDED, Action.CHANGED) for step in self.steps)


@dataclass
class LoadReport:
    location: str
    export_date: date
    gemeenten: list[GemeenteReport]
    unusable: tuple[Unusable, ...] = ()
    notes: tuple[str, ...] = ()

    def total(self, action: Action) -> int:
        return sum(report.count(action) for report in self.gemeenten)


def seats_text(seats: int | None) -> str:
    return "seats unknown" if seats is None else f"{seats} seat{'s' if seats != 1 else ''}"


def _gemeente_lines(report: GemeenteReport) -> list[str]:
    counts = [f"{report.count(action)} {action.value}" for action in Action if report.count(action)]
    lines = [f"{report.code} {report.name}: " + (", ".join(counts) or "nothing in the export")]
    lines += [
        f"    {step.action.value}: {step.what}" + (f" ({step.detail})" if step.detail else "")
        for step in report.steps
        if step.action is not Action.UNCHANGED
    ]
    lines += [f"    note: {remark}" for remark in report.remarks]
    return lines


def report_lines(report: LoadReport, dry_run: bool) -> list[str]:
    """What the load did (or would do), per gemeente, then every row it could not use."""
    lines = [f"Register export of {report.export_date} from {report.location}:"]
    for gemeente in report.gemeenten:
        lines += _gemeente_lines(gemeente)
    if report.unusable:
        lines.append(f"Rows not used ({len(report.unusable)}):")
        lines += [
            f"    line {row.line} ({row.name or 'no name'}): {row.reason}"
            for row in report.unusable
        ]
    lines += [f"Note: {note}" for note in report.notes]
    changed = sum(1 for g in report.gemeenten if g.changes_something)
    conflicts = report.total(Action.CONFLICT)
    lines.append(
        f"{len(report.gemeenten)} gemeenten: {changed} with changes, "
        f"{len(report.gemeenten) - changed} without; {report.total(Action.ADDED)} added, "
        f"{report.total(Action.CHANGED)} changed, {conflicts} in conflict with what volunteers "
        f"entered{' (to review in /beheer/register)' if conflicts else ''}."
    )
    lines.append("Dry run: nothing was changed." if dry_run else "Loaded.")
    return lines
