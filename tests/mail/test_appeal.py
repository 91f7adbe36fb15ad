"""The appeal e-mail: composed per gemeente, sent over real SMTP, logged, and never sent twice."""

import io
import os
import signal
import subprocess
import sys
import threading
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Fractie, Gemeente
from campaign.mail.models import MailBatch, MessageStatus, OutboxMessage
from campaign.mailer import build_message
from campaign.outreach.models import OutreachEntry
from tests.support_servers import free_port

ROOT = Path(__file__).resolve().parents[2]


def gemeente(slug):
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == slug))


@pytest.fixture
def zeist(seeded):
    found = gemeente("zeist")
    found.griffie_email = "griffie@zeist.example"
    # Zeist's council of 2026-2030 is in the register's export of April 2026.
    fractie = db.session.scalar(
        select(Fractie).where(
            Fractie.gemeente == found,
            Fractie.raadsperiode == "2026-2030",
            Fractie.name == "GroenLinks-PvdA",
        )
    )
    fractie.leader_email = "gl@zeist.example"
    db.session.commit()
    return found


def attachment_text(message: EmailMessage, suffix: str) -> str:
    part = next(p for p in message.iter_attachments() if p.get_filename().endswith(suffix))
    return "\n".join(par.text for par in docx.Document(io.BytesIO(part.get_content())).paragraphs)


def test_the_appeal_arrives_with_the_motion_and_is_logged(
    client, login, volunteer, zeist, smtp_server
):
    login(volunteer)
    preview = client.get("/beheer/oproep", query_string={"codes": "GM0355"}).get_data(as_text=True)
    assert "Zeist — aan griffie@zeist.example" in preview
    assert "Uw buurgemeente Amersfoort nam de motie al aan." in preview

    response = client.post("/beheer/oproep", data={"codes": "GM0355"})
    assert response.status_code == 302

    (message,) = smtp_server.parsed()
    assert message["To"] == "griffie@zeist.example"
    assert message["Subject"] == "Oproep: motie Pleidooi voor gewortelde kinderen in Zeist"
    assert message["Reply-To"] == "vera@example.org"
    body = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("Geachte heer/ mevrouw,")
    assert "Uw buurgemeente Amersfoort nam de motie al aan." in body
    assert body.rstrip().endswith("Namens KinderpardonNU,\n\nVera Vrijwilliger")
    assert "Ook in Zeist we verhalen kennen" in attachment_text(message, "zeist.docx")
    assert "Wat is het Kinderpardon?" in attachment_text(message, "kinderpardon.docx")

    db.session.expire_all()
    stored = db.session.scalars(select(OutboxMessage)).one()
    assert stored.status is MessageStatus.VERSTUURD
    entry = db.session.scalars(select(OutreachEntry)).one()
    assert (entry.channel.value, entry.direction.value, entry.outbox_message_id) == (
        "e-mail",
        "uitgaand",
        stored.id,
    )
    assert gemeente("zeist").status is CampaignStatus.OPROEP_VERSTUURD
    page = client.get("/beheer/gemeenten/zeist").get_data(as_text=True)
    assert f"/beheer/berichten/{stored.id}" in page


def test_fractievoorzitters_can_be_included(client, login, volunteer, zeist, smtp_server):
    login(volunteer)
    client.post("/beheer/oproep", data={"codes": "GM0355", "fractievoorzitters": "1"})
    (envelope,) = smtp_server.messages
    assert sorted(envelope.rcpt_tos) == ["gl@zeist.example", "griffie@zeist.example"]


def test_without_a_griffie_address_the_appeal_goes_to_the_general_address_and_says_why(
    client, login, volunteer, zeist
):
    login(volunteer)
    html = client.get(
        "/beheer/oproep", query_string={"provincie": "Utrecht", "status": "niet-benaderd"}
    ).get_data(as_text=True)

    assert "Zeist — aan griffie@zeist.example" in html
    assert "het adres van de griffie (ingevoerd door de campagne)" in html
    assert "De Bilt — aan info@debilt.nl" in html
    assert (
        "Aan info@debilt.nl: het algemene adres van de gemeente (uit het register, export van "
        "15 april 2026): er is geen adres van de griffie bekend" in html
    )
    # Baarn, Bunschoten, Soest and Veenendaal have no general address in the register.
    assert "Van 4 gemeenten is geen e-mailadres bekend" in html
    assert ">Baarn</a>" in html and ">Veenendaal</a>" in html
    assert "Verstuur 21 berichten" in html


def test_without_smtp_server_the_message_lands_in_the_outbox_folder(
    app, client, login, volunteer, zeist
):
    login(volunteer)
    client.post("/beheer/oproep", data={"codes": "GM0355"})
    files = list((Path(app.instance_path) / "outbox").glob("*.eml"))
    assert len(files) == 1
    assert (
        b"Subject: Oproep: motie Pleidooi voor gewortelde kinderen in Zeist"
        in files[0].read_bytes()
    )


def test_an_smtp_error_is_recorded_and_shown(app, client, login, volunteer, zeist):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_USE_TLS=False)
    login(volunteer)
    client.post("/beheer/oproep", data={"codes": "GM0355"})

    db.session.expire_all()
    stored = db.session.scalars(select(OutboxMessage)).one()
    assert stored.status is MessageStatus.MISLUKT and "ConnectionRefusedError" in stored.error
    assert gemeente("zeist").status is CampaignStatus.NIET_BENADERD
    page = client.get("/beheer/gemeenten/zeist").get_data(as_text=True)
    assert "mislukt" in page and "ConnectionRefusedError" in page


def test_no_header_can_be_injected(app):
    with pytest.raises(UserError, match="regeleinde"):
        build_message("griffie@zeist.example", "Oproep\r\nBcc: iedereen@example.org", "tekst")
    with pytest.raises(UserError):
        build_message("griffie@zeist.example\nBcc: x@example.org", "Oproep", "tekst")


class BlockingSmtp:
    """Takes the first message; on the second, tells the test and waits to be released."""

    def __init__(self):
        self.received = []
        self.second = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.received.append(envelope.rcpt_tos[0])
        if len(self.received) == 2:
            self.second.set()
            await server.loop.run_in_executor(None, self.release.wait, 60)
        return "250 Message accepted"


def test_killing_a_batch_halfway_and_resuming_sends_nothing_twice(
    app, runner, database_url, volunteer, seeded, tmp_path
):
    addresses = {}
    for slug in ("zeist", "utrecht", "de-bilt", "bunnik"):
        found = gemeente(slug)
        found.griffie_email = f"griffie@{slug}.example"
        addresses[found.cbs_code] = found.griffie_email
    db.session.commit()
    smtp = BlockingSmtp()
    port = free_port()
    controller = Controller(smtp, hostname="127.0.0.1", port=port)
    controller.start()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key",
        "MOTIETRACKER_INSTANCE_PATH": str(tmp_path / "cli-instance"),
        "MOTIETRACKER_MAIL_SERVER": "127.0.0.1",
        "MOTIETRACKER_MAIL_PORT": str(port),
        "MOTIETRACKER_MAIL_USE_TLS": "false",
    }
    args = [
        sys.executable,
        "-m",
        "flask",
        "--app",
        "app",
        "appeal",
        "send",
        "--sender",
        volunteer.email,
    ]
    for code in sorted(addresses):
        args += ["--gemeente", code]
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        assert smtp.second.wait(120), process.communicate(timeout=5)[0]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        smtp.release.set()

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False)
    batch = db.session.scalars(select(MailBatch)).one()
    result = runner.invoke(args=["appeal", "resume", str(batch.id)])
    controller.stop()

    assert result.exit_code == 0, result.output
    assert "2 sent, 0 failed, 1 uncertain" in result.output
    assert sorted(smtp.received) == sorted(addresses.values())  # each griffie exactly once
    db.session.expire_all()
    statuses = [
        m.status for m in db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
    ]
    assert statuses == [
        MessageStatus.VERSTUURD,
        MessageStatus.ONZEKER,
        MessageStatus.VERSTUURD,
        MessageStatus.VERSTUURD,
    ]
    again = runner.invoke(args=["appeal", "resume", str(batch.id)])
    assert "0 sent" in again.output and len(smtp.received) == 4


def test_cli_dry_run_and_bad_arguments(runner, volunteer, zeist):
    dry = runner.invoke(
        args=[
            "appeal",
            "send",
            "--status",
            "niet-benaderd",
            "--province",
            "Utrecht",
            "--sender",
            volunteer.email,
            "--dry-run",
        ]
    )
    assert dry.exit_code == 0, dry.output
    assert "Would send: Zeist -> griffie@zeist.example" in dry.output
    assert "Would send: De Bilt -> info@debilt.nl" in dry.output
    assert "No e-mail address known, not sent: GM0308 Baarn" in dry.output
    assert db.session.scalars(select(MailBatch)).all() == []
    assert (
        "Choose gemeenten"
        in runner.invoke(args=["appeal", "send", "--sender", volunteer.email]).output
    )
    assert (
        "no active user"
        in runner.invoke(
            args=["appeal", "send", "--gemeente", "GM0355", "--sender", "x@example.org"]
        ).output
    )
    assert (
        "unknown gemeente: GM9999"
        in runner.invoke(
            args=["appeal", "send", "--gemeente", "GM9999", "--sender", volunteer.email]
        ).output
    )


def test_admins_edit_the_appeal_as_a_new_version_with_a_preview(
    client, login, admin, zeist, smtp_server
):
    login(admin)
    page = client.get("/beheer/teksten/oproep").get_data(as_text=True)
    assert "Huidige versie: <strong>1</strong>" in page
    data = {
        "subject": "Nieuwe oproep voor [uw gemeente]",
        "body": "Beste griffie van [uw gemeente],\r\n\r\n[buurgemeenten]\r\n\r\n"
        "Groet,\r\n\r\n[afzender]",
        "note": "Korter",
        "based_on": "1",
        "preview_gemeente": "zeist",
    }
    preview = client.post("/beheer/teksten/oproep", data={**data, "actie": "voorbeeld"}).get_data(
        as_text=True
    )
    assert "Nieuwe oproep voor Zeist" in preview
    assert "Uw buurgemeente Amersfoort nam de motie al aan." in preview
    assert (
        client.post("/beheer/teksten/oproep", data={**data, "actie": "opslaan"}).status_code == 302
    )
    stale = client.post("/beheer/teksten/oproep", data={**data, "actie": "opslaan"})
    assert stale.status_code == 409
    old = client.get("/beheer/teksten/oproep/1").get_data(as_text=True)
    assert "Geachte heer/ mevrouw," in old and "Nieuwe oproep" not in old
    assert client.get("/beheer/teksten/oproep/9").status_code == 404

    client.post("/beheer/oproep", data={"codes": "GM0355"})
    (message,) = smtp_server.parsed()
    assert message["Subject"] == "Nieuwe oproep voor Zeist"
    assert (
        message.get_body(preferencelist=("plain",))
        .get_content()
        .startswith("Beste griffie van Zeist,")
    )


def test_volunteers_cannot_edit_texts(client, login, volunteer, seeded):
    login(volunteer)
    assert client.get("/beheer/teksten/oproep").status_code == 403
    assert client.get("/beheer/teksten/bestaat-niet").status_code in (403, 404)


def test_a_batch_is_sent_by_a_background_thread_after_the_request(
    app, client, login, volunteer, zeist, smtp_server
):
    app.config["MAIL_SEND_IN_BACKGROUND"] = True
    login(volunteer)
    response = client.post("/beheer/oproep", data={"codes": "GM0355"})
    assert response.status_code == 302
    for thread in threading.enumerate():
        if thread.name.startswith("mail-batch-"):
            thread.join(60)
    assert [envelope.rcpt_tos for envelope in smtp_server.messages] == [["griffie@zeist.example"]]
    db.session.expire_all()
    assert db.session.scalars(select(OutboxMessage)).one().status is MessageStatus.VERSTUURD


def test_the_form_never_sends_the_appeal_twice_by_accident(
    client, login, volunteer, zeist, smtp_server
):
    login(volunteer)
    assert client.post("/beheer/oproep", data={"codes": "GM0355"}).status_code == 302
    preview = client.get("/beheer/oproep", query_string={"codes": "GM0355"}).get_data(True)
    assert "1 gemeente heeft de oproep al en krijgt hem niet nog eens" in preview
    assert "verstuurd op" in preview and "Verstuur 1 bericht" not in preview

    refused = client.post("/beheer/oproep", data={"codes": "GM0355"})
    assert refused.status_code == 400
    assert "hebben de oproep al" in refused.get_data(as_text=True)
    without_reason = client.post("/beheer/oproep", data={"codes": "GM0355", "opnieuw": "1"})
    assert without_reason.status_code == 400
    assert "Zeg waarom je de oproep opnieuw verstuurt." in without_reason.get_data(True)
    assert len(smtp_server.messages) == 1

    again = client.post(
        "/beheer/oproep",
        data={"codes": "GM0355", "opnieuw": "1", "reden": "De griffie vroeg erom"},
    )
    assert again.status_code == 302 and len(smtp_server.messages) == 2
    db.session.expire_all()
    latest = db.session.scalars(select(OutreachEntry).order_by(OutreachEntry.id.desc())).first()
    assert latest.summary.startswith("Oproep opnieuw verstuurd (De griffie vroeg erom)")


def test_the_cli_needs_again_and_a_reason_for_a_second_appeal(
    runner, volunteer, zeist, smtp_server
):
    send = ["appeal", "send", "--sender", volunteer.email, "--gemeente", "GM0355"]
    assert "1 sent" in runner.invoke(args=send).output
    second = runner.invoke(args=send)
    assert second.exit_code != 0
    assert "Already has the appeal" in second.output and "left out" in second.output
    assert runner.invoke(args=[*send, "--again"]).exit_code == 2
    assert runner.invoke(args=[*send, "--reason", "x"]).exit_code == 2
    assert len(smtp_server.messages) == 1
    resent = runner.invoke(args=[*send, "--again", "--reason", "Nieuw college"])
    assert "1 sent" in resent.output and len(smtp_server.messages) == 2


def test_two_batches_holding_one_gemeente_send_it_once(client, login, volunteer, zeist):
    """Two volunteers who plan a batch at the same moment: the gemeente gets one appeal."""
    from campaign.mail.services import create_batch, plan_batch, send_batch

    plans = [plan_batch([zeist], volunteer, False), plan_batch([zeist], volunteer, False)]
    first, second = (create_batch(plan, volunteer, False) for plan in plans)
    assert send_batch(first).sent == 1
    report = send_batch(second)
    assert (report.sent, report.skipped) == (0, 1)
    db.session.expire_all()
    statuses = sorted(m.status.value for m in db.session.scalars(select(OutboxMessage)))
    assert statuses == ["overgeslagen", "verstuurd"]
