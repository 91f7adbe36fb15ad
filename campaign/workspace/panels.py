"""The workspace page: one panel per feature, each with its own partial template.

| panel | template | data from |
| --- | --- | --- |
| status, moties | `moties/_panel.html` | `campaign.moties.services` |
| claim, contacts, contact persons | `outreach/_panel.html` | `campaign.outreach.services` |
| details, fracties | `gemeenten/_panel.html` | `campaign.gemeenten.services` |
| appeals sent | `mail/_panel.html` | `campaign.mail.services` |
| council records, leads | `discovery/_panel.html` | `campaign.discovery.services` |
| register differences | `register/_panel.html` | `campaign.register.services` |
| changes | `audit/_panel.html` | `campaign.audit.history` |

A form on the page that is refused re-renders the whole page with that form as typed, so
nothing a volunteer entered is lost; the other panels show what is stored.
"""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.audit.history import gemeente_history
from campaign.dates import today
from campaign.discovery.services import panel_for
from campaign.extensions import db
from campaign.gemeenten import services
from campaign.gemeenten.councils import council_of
from campaign.gemeenten.forms import FractieForm, GemeenteDetailsForm, ManualStatusForm
from campaign.gemeenten.models import Gemeente, Raad, StatusChange, current_raadsperiode
from campaign.gemeenten.provenance import FactField, GemeenteFact, sourced_fact
from campaign.mail.services import messages_for
from campaign.moties.services import is_by_previous_council, list_moties_for
from campaign.outreach.forms import (
    ActionForm,
    ContactForm,
    ContactPersonForm,
    contact_person_choices,
)
from campaign.outreach.services import list_timeline
from campaign.register.forms import SettleForm
from campaign.register.services import list_differences

# The latest contacts and changes the page shows; the rest are on pages of their own, so the
# workspace stays the same size however long the campaign runs.
SHOWN = 10


def get_gemeente(slug: str) -> Gemeente:
    """The gemeente with what its workspace shows, loaded in a fixed number of queries."""
    return db.first_or_404(
        select(Gemeente)
        .where(Gemeente.slug == slug)
        .options(
            selectinload(Gemeente.volunteer),
            selectinload(Gemeente.status_set_by),
            selectinload(Gemeente.status_changes).selectinload(StatusChange.changed_by),
            selectinload(Gemeente.contact_persons),
            selectinload(Gemeente.fracties),
            selectinload(Gemeente.raden).selectinload(Raad.source),
            selectinload(Gemeente.facts).selectinload(GemeenteFact.source),
        )
    )


def render_workspace(gemeente: Gemeente, status: int = 200, **forms: Any) -> ResponseReturnValue:
    periode = current_raadsperiode(today())
    moties = list_moties_for(gemeente)
    details = forms.get("details") or GemeenteDetailsForm(obj=gemeente, formdata=None)
    details.version_id.data = details.version_id.data or str(gemeente.version_id)
    contact = forms.get("contact") or ContactForm(formdata=None)
    contact.contact_person.choices = contact_person_choices(gemeente)
    fractie = forms.get("fractie") or FractieForm(formdata=None, raadsperiode=periode)
    manual = forms.get("manual") or ManualStatusForm(
        formdata=None, status=gemeente.status.value, version_id=str(gemeente.version_id)
    )
    return (
        render_template(
            "workspace/page.html",
            gemeente=gemeente,
            periode=periode,
            fracties=services.list_fracties(gemeente, periode),
            other_fracties=[f for f in gemeente.fracties if f.raadsperiode != periode],
            council=council_of(gemeente, periode),
            sources={field: sourced_fact(gemeente, field) for field in FactField},
            fields=FactField,
            differences=list_differences(gemeente),
            settle=SettleForm(formdata=None),
            previous_council={
                motie.id for motie in moties if is_by_previous_council(motie, today())
            },
            timeline=list_timeline(gemeente, SHOWN),
            moties=moties,
            history=gemeente_history(gemeente, SHOWN),
            messages=messages_for(gemeente),
            discovery=panel_for(gemeente),
            details=details,
            contact=contact,
            contact_person=forms.get("contact_person") or ContactPersonForm(formdata=None),
            fractie=fractie,
            manual=manual,
            action=ActionForm(formdata=None, version_id=str(gemeente.version_id)),
            conflict=forms.get("conflict"),
            today=today(),
        ),
        status,
    )
