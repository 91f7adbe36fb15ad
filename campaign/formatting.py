"""Jinja filters that print dates and numbers the Dutch way ("12 maart 2026"), and the
global that builds absolute links from the site's configured address."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from flask import Flask

from campaign.dates import DUTCH_TIME, PartialDate
from campaign.urls import site_url_for

LOCALE = "nl_NL"
TIMEZONE = DUTCH_TIME


def dutch_date(value: date | datetime | PartialDate | None, unknown: str = "onbekend") -> str:
    """`12 maart 2026`, `maart 2025` or `2024`, depending on what is known."""
    if value is None:
        return unknown
    if isinstance(value, PartialDate):
        if value.day is not None:
            return format_date(value.as_date(), format="d MMMM y", locale=LOCALE)
        if value.month is not None:
            return format_date(date(value.year, value.month, 1), format="MMMM y", locale=LOCALE)
        return str(value.year)
    if isinstance(value, datetime):
        value = value.astimezone(TIMEZONE).date()
    return format_date(value, format="d MMMM y", locale=LOCALE)


def dutch_long_date(value: date) -> str:
    """`donderdag 12 maart 2026`, as a motion is dated."""
    return format_date(value, format="EEEE d MMMM y", locale=LOCALE)


def dutch_datetime(value: datetime | None) -> str:
    """`12 maart 2026 om 14:05`, in Dutch local time."""
    if value is None:
        return "onbekend"
    return format_datetime(value.astimezone(TIMEZONE), format="d MMMM y 'om' HH:mm", locale=LOCALE)


def dutch_number(value: int | float | None) -> str:
    if value is None:
        return "onbekend"
    return format_decimal(value, locale=LOCALE)


def register_filters(app: Flask) -> None:
    app.add_template_filter(dutch_date, "datum")
    app.add_template_filter(dutch_long_date, "lange_datum")
    app.add_template_filter(dutch_datetime, "tijdstip")
    app.add_template_filter(dutch_number, "getal")
    app.add_template_global(site_url_for)
