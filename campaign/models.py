"""Imports every model module, so that relationships resolve and Alembic sees all tables."""

from campaign.accounts.models import User
from campaign.audit.models import AuditEntry
from campaign.documents.models import TemplateVersion
from campaign.gemeenten.models import Fractie, Gemeente, StatusChange
from campaign.kaart.models import MapLayer, MapShape
from campaign.moties.models import Motie, Stemming
from campaign.outreach.models import ContactPerson, OutreachEntry

__all__ = [
    "AuditEntry",
    "ContactPerson",
    "Fractie",
    "Gemeente",
    "MapLayer",
    "MapShape",
    "Motie",
    "OutreachEntry",
    "StatusChange",
    "Stemming",
    "TemplateVersion",
    "User",
]
