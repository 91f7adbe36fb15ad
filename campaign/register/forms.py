"""The one form of /beheer/register: a decision on one difference with the register."""

from __future__ import annotations

from wtforms import HiddenField
from wtforms.validators import AnyOf

from campaign.forms import VersionedForm

TAKE, KEEP = "overnemen", "houden"


class SettleForm(VersionedForm):
    """Take the register's value or keep the one here; `register` is the register's value as
    it was shown, so a newer load in between makes the decision stale instead of wrong."""

    keuze = HiddenField(validators=[AnyOf([TAKE, KEEP], message="Kies overnemen of houden.")])
    register = HiddenField()
