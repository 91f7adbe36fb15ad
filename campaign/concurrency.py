"""Units of work and optimistic locking: a save commits whole or not at all, and a save based on
an old version of a record is refused, never merged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from campaign.errors import ConflictError
from campaign.extensions import db

STALE_MESSAGE = (
    "{what} is intussen door iemand anders gewijzigd. Bekijk de nieuwe gegevens en "
    "voer je wijziging opnieuw in."
)


def check_version(record: Any, expected_version: int | None, what: str) -> None:
    """Refuse the save when the form was filled in on another version than the stored one."""
    if expected_version is not None and record.version_id != expected_version:
        raise ConflictError(STALE_MESSAGE.format(what=what))


RACE_MESSAGE = (
    "{what} is tegelijk door iemand anders opgeslagen. Bekijk de nieuwe gegevens en voer je "
    "wijziging zo nodig opnieuw in."
)


@contextmanager
def saving(what: str) -> Iterator[None]:
    """One unit of work: what the block changes is committed at its end, or rolled back
    entirely when anything in it fails, so a refused save leaves nothing half-written.

    A lost race between two concurrent saves becomes a ConflictError: an outdated version
    (StaleDataError) or a unique rule another save just claimed (IntegrityError, such as two
    volunteers adding the same fractie at once). `what` names the record in the message."""
    try:
        yield
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise ConflictError(STALE_MESSAGE.format(what=what)) from None
    except IntegrityError:
        db.session.rollback()
        raise ConflictError(RACE_MESSAGE.format(what=what)) from None
    except BaseException:
        db.session.rollback()
        raise
