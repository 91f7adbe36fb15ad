"""Dutch dates, and dates known only to the month or year."""

from datetime import UTC, date, datetime

import pytest

from campaign.dates import PartialDate
from campaign.formatting import dutch_date, dutch_datetime, dutch_long_date, dutch_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2026, 3, 12), "12 maart 2026"),
        (PartialDate(2026, 3, 12), "12 maart 2026"),
        (PartialDate(2025, 3), "maart 2025"),
        (PartialDate(2024), "2024"),
        (None, "onbekend"),
        (datetime(2026, 3, 11, 23, 30, tzinfo=UTC), "12 maart 2026"),  # already the 12th in NL
    ],
)
def test_dutch_dates(value, text):
    assert dutch_date(value) == text


def test_long_and_timestamped_dates():
    assert dutch_long_date(date(2026, 3, 12)) == "donderdag 12 maart 2026"
    assert dutch_datetime(datetime(2026, 7, 1, 12, 5, tzinfo=UTC)) == "1 juli 2026 om 14:05"
    assert dutch_number(12345) == "12.345"


@pytest.mark.parametrize("text", ["2024", "2025-03", "2026-03-12"])
def test_partial_dates_round_trip(text):
    assert PartialDate.parse(text).isoformat() == text


@pytest.mark.parametrize("text", ["", "12-03-2026", "2026-13", "2026-02-30", "2026-3-1", "maart"])
def test_malformed_dates_are_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_dates_compare_only_when_certain():
    march = PartialDate(2025, 3)
    assert not march.is_surely_before(PartialDate(2025, 3, 20))
    assert not PartialDate(2025, 3, 20).is_surely_before(march)
    assert march.is_surely_before(PartialDate(2025, 4, 1))
    assert PartialDate(2024).is_surely_before(march)
    assert sorted(
        [march, PartialDate(2025), PartialDate(2025, 3, 2)], key=lambda d: d.sort_key
    ) == [PartialDate(2025), march, PartialDate(2025, 3, 2)]
