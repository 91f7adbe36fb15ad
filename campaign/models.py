"""Imports every model module, so that relationships resolve and Alembic sees all tables."""

from campaign.accounts.models import User
from campaign.audit.models import AuditEntry
from campaign.discovery.models import (
    DiscoveryHit,
    DiscoveryRun,
    DiscoverySource,
    DiscoveryStep,
    DiscoveryTerm,
    Lead,
)
from campaign.documents.models import TemplateVersion
from campaign.gemeenten.models import Fractie, Gemeente, Raad, StatusChange
from campaign.gemeenten.provenance import GemeenteFact, RegisterSource
from campaign.kaart.models import MapLayer, MapShape
from campaign.mail.models import MailBatch, OutboxMessage
from campaign.moties.models import Motie, Stemming
from campaign.outreach.models import ContactPerson, OutreachEntry
from campaign.reports.models import Report
from campaign.versions import DataVersion

__all__ = [
    "AuditEntry",
    "ContactPerson",
    "DataVersion",
    "DiscoveryHit",
    "DiscoveryRun",
    "DiscoverySource",
    "DiscoveryStep",
    "DiscoveryTerm",
    "Fractie",
    "Gemeente",
    "Lead",
    "GemeenteFact",
    "MailBatch",
    "OutboxMessage",
    "MapLayer",
    "MapShape",
    "Motie",
    "OutreachEntry",
    "Raad",
    "RegisterSource",
    "Report",
    "StatusChange",
    "Stemming",
    "TemplateVersion",
    "User",
]
