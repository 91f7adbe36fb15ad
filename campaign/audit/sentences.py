"""Audit rows as Dutch sentences: "Vera legde een telefoongesprek met de griffie van Zeist vast".

A sentence is a list of parts: plain text, and the gemeente it is about (which a page shows as
a link). The words for every table and field are Dutch; no table or column name shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from campaign.audit.models import AuditEntry
from campaign.gemeenten.models import CampaignStatus, Gemeente

Part = str | Gemeente

CHANNEL_NOUNS = {
    "e-mail": "een e-mail",
    "telefoon": "een telefoongesprek",
    "gesprek": "een gesprek",
    "brief": "een brief",
    "anders": "een contact",
}
# Who a contact was with, as volunteers type it ("griffie"), read with its article.
ARTICLES = {
    "griffie": "de",
    "griffier": "de",
    "burgemeester": "de",
    "wethouder": "de",
    "fractie": "de",
    "fractievoorzitter": "de",
    "fractievoorzitters": "de",
    "gemeente": "de",
    "raad": "de",
    "raadslid": "het",
    "raadsleden": "de",
    "college": "het",
}
TEXT_KINDS = {
    "motie": "de motietekst",
    "oproep": "de oproep",
    "achtergrond": "de achtergrondinformatie",
}
STATUS_FIELDS = {
    "status",
    "status_since",
    "status_set_by_id",
    "manual_status",
    "manual_status_reason",
    "manual_status_at",
}
FIELD_LABELS = {
    "griffie_email": "e-mailadres griffie",
    "website": "website",
    "has_noodopvang": "noodopvang",
    "notes": "notities",
    "volunteer_id": "vrijwilliger",
    "status": "status",
    "status_since": "status sinds",
    "status_set_by_id": "status gezet door",
    "manual_status": "status met de hand",
    "manual_status_reason": "reden",
    "manual_status_at": "met de hand gezet op",
    "name": "naam",
    "seats": "zetels",
    "leader_name": "fractievoorzitter",
    "leader_email": "e-mailadres fractievoorzitter",
    "raadsperiode": "raadsperiode",
    "title": "titel",
    "template_version_id": "voorbeeldmotie",
    "submitted_on": "ingediend op",
    "voted_on": "gestemd op",
    "vote_planned_on": "stemming gepland op",
    "outcome": "uitslag",
    "votes_for": "stemmen voor",
    "votes_against": "stemmen tegen",
    "record_url": "raadsbesluit",
    "indieners": "indieners",
    "indiener_names": "ondertekenaars",
    "vote": "stem",
    "follow_up_on": "opvolgen op",
    "follow_up_done": "opgevolgd",
    "summary": "samenvatting",
    "with_whom": "met wie",
    "function": "functie",
    "email": "e-mailadres",
    "phone": "telefoon",
    "role": "rol",
    "active": "actief",
    "updated_at": "gewijzigd op",
    "inhabitants": "inwoners",
    "general_email": "algemeen e-mailadres",
    "total_seats": "zetels in de raad",
    "origin": "herkomst",
    "source_url": "link naar de bron",
    "rejection_reason": "reden van afwijzing",
}


@dataclass(frozen=True)
class Names:
    """What a sentence may name besides the row itself: people and motions by id."""

    users: dict[int, str]
    motions: dict[int, str]


def who_with(with_whom: str) -> str:
    """ "griffie" → "de griffie"; a name or "de griffier" stays as typed."""
    text = " ".join(with_whom.split())
    article = ARTICLES.get(text.split(" ", 1)[0].casefold()) if text else None
    return f"{article} {text}" if article else text


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key.replace("_", " "))


def _contact(actor: str, values: dict[str, Any], gemeente: Gemeente | None) -> list[Part]:
    where: list[Part] = [gemeente] if gemeente else ["een gemeente"]
    if values.get("outbox_message_id"):
        return [f"{actor} verstuurde de oproep aan ", *where]
    channel = values.get("channel") or "anders"
    noun = CHANNEL_NOUNS.get(channel, "een contact")
    if channel in ("telefoon", "gesprek"):
        preposition = "met"
    else:
        preposition = "van" if values.get("direction") == "inkomend" else "aan"
    with_whom = values.get("with_whom") or ""
    if with_whom:
        return [f"{actor} legde {noun} {preposition} {who_with(with_whom)} van ", *where, " vast"]
    return [f"{actor} legde {noun} {preposition} ", *where, " vast"]


def _gemeente_update(
    actor: str, entry: AuditEntry, gemeente: Gemeente | None, names: Names
) -> list[Part] | None:
    after = entry.after or {}
    where: list[Part] = [gemeente] if gemeente else ["een gemeente"]
    if "volunteer_id" in after:
        volunteer = after["volunteer_id"]
        if volunteer is None:
            return [f"{actor} gaf ", *where, " vrij"]
        if volunteer == entry.actor_id:
            return [f"{actor} claimde ", *where]
        return [f"{actor} wees ", *where, f" toe aan {names.users.get(volunteer, 'iemand')}"]
    fields = [field_label(key) for key in sorted(after) if key not in STATUS_FIELDS]
    if not fields:
        return None  # a status step: its own row says it
    return [f"{actor} wijzigde de gegevens van ", *where, f" ({', '.join(fields)})"]


def _status_change(actor: str, values: dict[str, Any], gemeente: Gemeente | None) -> list[Part]:
    where: list[Part] = [gemeente] if gemeente else ["een gemeente"]
    try:
        label = CampaignStatus(str(values.get("status"))).label
    except ValueError:
        label = str(values.get("status"))
    if values.get("is_manual"):
        return [f"{actor} zette ", *where, f" met de hand op ‘{label}’"]
    return [*where, f" staat nu op ‘{label}’"]


def _motion(actor: str, entry: AuditEntry, gemeente: Gemeente | None, names: Names) -> list[Part]:
    where: list[Part] = [gemeente] if gemeente else ["een gemeente"]
    title = names.motions.get(entry.record_id, "een motie")
    if entry.action == "create":
        return [f"{actor} legde de motie ‘{title}’ van ", *where, " vast"]
    outcome = (entry.after or {}).get("outcome")
    if outcome:
        return [f"{actor} legde vast dat de motie ‘{title}’ in ", *where, f" is {outcome}"]
    if entry.action == "delete":
        return [f"{actor} verwijderde de motie ‘{title}’ van ", *where]
    return [f"{actor} wijzigde de motie ‘{title}’ van ", *where]


def sentence(
    entry: AuditEntry, actor: str, gemeente: Gemeente | None, names: Names
) -> list[Part] | None:
    """The entry as a sentence, or None when another row already says it."""
    values: dict[str, Any] = entry.after or entry.before or {}
    where: list[Part] = [gemeente] if gemeente else ["een gemeente"]
    table, action = entry.table_name, entry.action
    name = values.get("name", "")
    if table == "outreach_entries":
        if action == "create":
            return _contact(actor, values, gemeente)
        if (entry.after or {}).get("follow_up_done"):
            return [f"{actor} vinkte een opvolging bij ", *where, " af"]
        return [f"{actor} wijzigde een contact met ", *where]
    if table == "gemeenten":
        if action == "create":
            return [f"{actor} voegde ", *where, " toe"]
        return _gemeente_update(actor, entry, gemeente, names)
    if table == "status_changes":
        return _status_change(actor, values, gemeente)
    if table == "fracties":
        verb = {"create": "voegde", "update": "wijzigde", "delete": "verwijderde"}[action]
        ending = " toe aan " if action == "create" else " van "
        return [f"{actor} {verb} de fractie {name}{ending}", *where]
    if table == "contact_persons":
        if action == "create":
            return [f"{actor} voegde {name} toe als contactpersoon van ", *where]
        return [f"{actor} wijzigde contactpersoon {name} van ", *where]
    if table == "moties":
        return _motion(actor, entry, gemeente, names)
    if table == "stemmingen":
        vote = values.get("vote", "onbekend")
        return [f"{actor} legde een stem van een fractie in ", *where, f" vast ({vote})"]
    if table == "reports":
        if action == "create":
            return ["Er kwam een melding binnen over ", *where]
        status = (entry.after or {}).get("status")
        verb = {"geaccepteerd": "verwerkte", "afgewezen": "wees"}.get(status or "", "wijzigde")
        ending = " af" if status == "afgewezen" else ""
        return [f"{actor} {verb} een melding over ", *where, ending]
    if table == "users":
        user = values.get("name") or names.users.get(entry.record_id, "iemand")
        if action == "create":
            return [f"{actor} maakte een account voor {user}"]
        return [f"{actor} wijzigde het account van {user}"]
    if table == "discovery_leads":
        if action == "create":
            return ["In de raadsstukken van ", *where, " is de motie mogelijk gevonden"]
        state = (entry.after or {}).get("state")
        if state == "geaccepteerd":
            return [f"{actor} nam een vondst in de raadsstukken van ", *where, " over"]
        if state == "afgewezen":
            return [f"{actor} wees een vondst in de raadsstukken van ", *where, " af"]
        return [f"{actor} wijzigde een vondst over ", *where]
    if table == "discovery_terms":
        term = values.get("text", "")
        if action == "create":
            return [f"{actor} voegde de zoekterm ‘{term}’ toe"]
        return [f"{actor} wijzigde de zoekterm ‘{term}’"]
    if table == "template_versions":
        kind = TEXT_KINDS.get(values.get("kind", ""), "een tekst")
        return [f"{actor} sloeg versie {values.get('number', '?')} van {kind} op"]
    did = {"create": "voegde iets toe", "delete": "verwijderde iets"}.get(action, "wijzigde iets")
    return [f"{actor} {did} in ", *where] if gemeente else [f"{actor} {did}"]
