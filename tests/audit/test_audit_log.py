"""Every change leaves a trace: who, when, which record, before and after."""

from campaign.acting import act_as
from campaign.audit.services import list_audit_entries
from campaign.extensions import db


def test_creating_and_editing_a_gemeente_is_logged_with_the_actor(make_gemeente, make_user):
    volunteer = make_user()
    act_as(volunteer.id)
    gemeente = make_gemeente("Zeist", griffie_email="griffie@zeist.example")

    gemeente.griffie_email = "raadsgriffie@zeist.example"
    gemeente.notes = "Griffier is met verlof tot maart."
    db.session.commit()

    created, updated = list_audit_entries("gemeenten", gemeente.id)
    assert created.action == "create" and created.before is None
    assert created.after["name"] == "Zeist"
    assert created.actor_id == volunteer.id
    assert updated.action == "update"
    assert updated.before == {"griffie_email": "griffie@zeist.example", "notes": ""}
    assert updated.after == {
        "griffie_email": "raadsgriffie@zeist.example",
        "notes": "Griffier is met verlof tot maart.",
    }
    assert updated.occurred_at.tzinfo is not None


def test_password_hashes_never_reach_the_audit_log(make_user):
    user = make_user()
    (created,) = list_audit_entries("users", user.id)
    assert created.after["password_hash"] == "(verborgen)"
    assert created.after["email"] == user.email


def test_a_deleted_record_keeps_its_last_values_in_the_log(make_gemeente, make_fractie):
    fractie = make_fractie(make_gemeente(), "Lokaal Belang", seats=4)
    db.session.delete(fractie)
    db.session.commit()

    entries = list_audit_entries("fracties", fractie.id)
    assert [e.action for e in entries] == ["create", "delete"]
    assert entries[-1].before["name"] == "Lokaal Belang" and entries[-1].before["seats"] == 4


def test_a_rolled_back_change_leaves_no_trace(make_gemeente):
    gemeente = make_gemeente()
    gemeente.notes = "Wordt niet bewaard"
    db.session.flush()
    db.session.rollback()

    assert [e.action for e in list_audit_entries("gemeenten", gemeente.id)] == ["create"]
