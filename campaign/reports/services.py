"""Storing reports from /meld and what accepting one records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from campaign.accounts.models import User
from campaign.concurrency import check_version, saving
from campaign.dates import PartialDate, today, utcnow
from campaign.errors import UserError
from campaign.extensions import db
from campaign.formatting import dutch_date
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.status import refresh_status
from campaign.moties.models import Motie, Outcome
from campaign.moties.services import MotieInput, add_motie, change_motie
from campaign.outreach.models import Channel, Direction, OutreachEntry
from campaign.reports.models import Report, ReportKind, ReportStatus

OUTCOMES = {ReportKind.AANGENOMEN: Outcome.AANGENOMEN, ReportKind.VERWORPEN: Outcome.VERWORPEN}


@dataclass
class ReportInput:
    gemeente: Gemeente
    kind: ReportKind
    event_date: date | None
    record_url: str | None
    votes_for: int | None
    votes_against: int | None
    fracties_voor: str
    message: str
    reporter_name: str
    reporter_role: str
    reporter_email: str


def submit_report(data: ReportInput) -> Report:
    if data.event_date is not None and data.event_date > today():
        raise UserError("De datum ligt in de toekomst.", field="event_date")
    report = Report(**data.__dict__)
    db.session.add(report)
    db.session.commit()
    return report


def list_reports(status: ReportStatus) -> list[Report]:
    return list(
        db.session.scalars(
            select(Report)
            .where(Report.status == status)
            .options(selectinload(Report.gemeente), selectinload(Report.handled_by))
            .order_by(Report.created_at.desc())
            .limit(100)
        )
    )


def _open_motie(gemeente: Gemeente) -> Motie | None:
    """The latest motion still waiting for (or without a known) outcome."""
    open_moties = [m for m in gemeente.moties if not m.is_decided]
    return open_moties[-1] if open_moties else None


def _motie_input_from(report: Report, motie: Motie | None, source: str) -> MotieInput:
    day = PartialDate.from_date(report.event_date) if report.event_date else None
    base = MotieInput(
        title=motie.title if motie else None,
        submitted_on=motie.submitted_on if motie else None,
        voted_on=motie.voted_on if motie else None,
        vote_planned_on=motie.vote_planned_on if motie else None,
        outcome=motie.outcome if motie else None,
        votes_for=motie.votes_for if motie else None,
        votes_against=motie.votes_against if motie else None,
        record_url=(motie.record_url if motie else None) or report.record_url,
        indieners=list(motie.indieners) if motie else [],
        indiener_names=motie.indiener_names if motie else "",
        stemmingen={s.fractie: s.vote for s in motie.stemmingen} if motie else {},
        notes=motie.notes if motie else "",
        source=source,
    )
    if report.kind is ReportKind.INGEDIEND:
        base.submitted_on = base.submitted_on or day
    else:
        base.outcome = OUTCOMES[report.kind]
        base.voted_on = day or base.voted_on
        base.votes_for = report.votes_for if report.votes_for is not None else base.votes_for
        base.votes_against = (
            report.votes_against if report.votes_against is not None else base.votes_against
        )
    return base


def accept_report(report: Report, volunteer: User, expected_version: int | None) -> None:
    """Record what the report says, attributed to it, and move the gemeente's status: the
    outreach entry, the motion and the report's own state commit together or not at all."""
    with saving("Deze melding"):
        check_version(report, expected_version, "Deze melding")
        if report.status is not ReportStatus.NIEUW:
            raise UserError("Deze melding is al afgehandeld.")
        gemeente = report.gemeente
        source = (
            f"Melding via de website van {report.reporter_name} ({report.reporter_role}), "
            f"{dutch_date(report.created_at)}"
        )
        db.session.add(
            OutreachEntry(
                gemeente=gemeente,
                occurred_on=report.created_at.date(),
                channel=Channel.ANDERS,
                direction=Direction.INKOMEND,
                with_whom=f"{report.reporter_name} ({report.reporter_role})"[:250],
                summary=f"Melding via de website: {report.kind.value}. {report.message}".strip(),
                logged_by=volunteer,
            )
        )
        if report.kind is not ReportKind.ANDERS:
            motie = _open_motie(gemeente)
            data = _motie_input_from(report, motie, source)
            if motie is None:
                motie = add_motie(gemeente, data)
            else:
                change_motie(motie, data, motie.version_id)
            report.motie = motie
        else:
            refresh_status(gemeente)
        report.status = ReportStatus.GEACCEPTEERD
        report.handled_by = volunteer
        report.handled_at = utcnow()


def reject_report(
    report: Report, volunteer: User, reason: str, expected_version: int | None
) -> None:
    with saving("Deze melding"):
        check_version(report, expected_version, "Deze melding")
        if report.status is not ReportStatus.NIEUW:
            raise UserError("Deze melding is al afgehandeld.")
        if not reason.strip():
            raise UserError("Geef een reden op.", field="reason")
        report.status = ReportStatus.AFGEWEZEN
        report.rejection_reason = reason.strip()
        report.handled_by = volunteer
        report.handled_at = utcnow()


def count_new_reports() -> int:
    return (
        db.session.scalar(
            select(func.count()).select_from(Report).where(Report.status == ReportStatus.NIEUW)
        )
        or 0
    )
