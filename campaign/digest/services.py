"""Composing and sending the morning digest, one message per volunteer who wants it.

A volunteer gets nothing on a day with nothing to report, and never two digests for one day:
the day each one went out is stored with the account.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask import current_app, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.accounts.models import User
from campaign.dates import DUTCH_TIME
from campaign.discovery.services import count_waiting_leads
from campaign.extensions import db
from campaign.formatting import dutch_date
from campaign.gemeenten.models import CampaignStatus, StatusChange
from campaign.mailer import DeliveryError, build_message, send
from campaign.outreach.models import OutreachEntry
from campaign.outreach.services import list_follow_ups
from campaign.paging import Page
from campaign.reports.services import count_new_reports
from campaign.urls import site_url_for

# A mail lists this many follow-ups per part; the rest are a click away.
LISTED = 15
WEEK = 7


@dataclass(frozen=True)
class TeamNews:
    """What every volunteer's digest shares: work waiting for anyone, and the adoptions."""

    reports_waiting: int
    leads_waiting: int
    adoptions: list[StatusChange]


@dataclass(frozen=True)
class Digest:
    user: User
    day: date
    due: Page[OutreachEntry]
    coming: Page[OutreachEntry]
    news: TeamNews

    @property
    def is_empty(self) -> bool:
        news = self.news
        return not (
            self.due.total
            or self.coming.total
            or news.reports_waiting
            or news.leads_waiting
            or news.adoptions
        )


@dataclass
class DigestReport:
    sent: list[str] = field(default_factory=list)
    nothing_to_say: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=DUTCH_TIME)


def team_news(day: date) -> TeamNews:
    """Reports and leads waiting now, and gemeenten that adopted the motion since yesterday
    morning as recorded by people (a load or seeding by the system is no news)."""
    adoptions = db.session.scalars(
        select(StatusChange)
        .where(
            StatusChange.status == CampaignStatus.AANGENOMEN,
            StatusChange.changed_at >= _start_of(day - timedelta(days=1)),
            StatusChange.changed_at < _start_of(day),
            StatusChange.changed_by_id.is_not(None),
        )
        .options(selectinload(StatusChange.gemeente), selectinload(StatusChange.changed_by))
        .order_by(StatusChange.changed_at)
    )
    return TeamNews(count_new_reports(), count_waiting_leads(), list(adoptions))


def compose_digest(user: User, day: date, news: TeamNews) -> Digest:
    return Digest(
        user=user,
        day=day,
        due=list_follow_ups(day, volunteer=user, limit=LISTED),
        coming=list_follow_ups(
            day + timedelta(days=WEEK), day + timedelta(days=1), user, limit=LISTED
        ),
        news=news,
    )


def digest_recipients() -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.active, User.wants_digest).order_by(User.name, User.id)
        )
    )


def send_digests(day: date, dry_run: bool = False, again: bool = False) -> DigestReport:
    """Send each volunteer who wants it their digest for `day` (normally today; a later day
    in tests, or to catch up). Each sent digest is recorded at once, so a run that stops
    halfway and is started again sends nobody a second one."""
    report = DigestReport()
    news = team_news(day)
    for user in digest_recipients():
        if user.digest_sent_on == day and not again:
            report.already_sent.append(user.email)
            continue
        digest = compose_digest(user, day, news)
        if digest.is_empty:
            report.nothing_to_say.append(user.email)
            continue
        if dry_run:
            report.sent.append(user.email)
            continue
        try:
            send(
                build_message(
                    user.email,
                    f"Motietracker: je dag, {dutch_date(day)}",
                    render_template(
                        "digest/mail.txt",
                        digest=digest,
                        dashboard=site_url_for("dashboard.home"),
                        settings=site_url_for("accounts.account"),
                        site=current_app.config["SITE_URL"],
                    ),
                )
            )
        except DeliveryError as error:
            report.failed.append(f"{user.email}: {error}")
            continue
        user.digest_sent_on = day
        db.session.commit()
        report.sent.append(user.email)
    return report
