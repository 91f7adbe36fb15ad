"""Party keys: national parties under any usual name, joint lists apart, local parties local."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign.gemeenten.parties import (
    fold,
    is_national,
    national_parties,
    party_key,
    read_national_parties,
)


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["Partij voor de Dieren", "PvdD", "partij voor de dieren", "P.v.d.D."], "pvdd"),
        (["GroenLinks-PvdA", "GL-PvdA", "GroenLinks/PvdA", "PvdA-GroenLinks"], "groenlinks-pvda"),
        (["PvdA/GroenLinks", "PvdA / GroenLinks", "PvdAGroenLinks", "GL/PvdA"], "groenlinks-pvda"),
        (["GroenLinks", "GL", "Groen Links", "GROENLINKS"], "groenlinks"),
        (["Partij van de Arbeid", "PvdA"], "pvda"),
        (["ChristenUnie", "CU", "Christenunie"], "christenunie"),
        (
            ["ChristenUnie-SGP", "CU-SGP", "SGP/ChristenUnie", "SGP/Christenunie", "SGP/CU"],
            "christenunie-sgp",
        ),
        (["SGP", "Staatkundig Gereformeerde Partij"], "sgp"),
        (["CDA", "Christen-Democratisch Appèl", "Christen Democratisch Appel"], "cda"),
        (["D66", "D'66", "Democraten 66"], "d66"),
        (["VVD", "Volkspartij voor Vrijheid en Democratie"], "vvd"),
        (["Forum voor Democratie", "FvD", "FVD"], "fvd"),
        (["BBB", "BoerBurgerBeweging", "Boer Burger Beweging"], "bbb"),
        (["Nieuw Sociaal Contract", "NSC"], "nsc"),
        (["50PLUS", "50Plus"], "50plus"),
        (["BIJ1", "Bij1"], "bij1"),
        (["Volt", "Volt Nederland"], "volt"),
        (["SP", "PVV", "JA21", "DENK", "BVNL", "Piratenpartij"], None),
    ],
)
def test_usual_names_of_a_national_party_share_its_key(names, key):
    keys = {party_key(name) for name in names}

    if key is None:
        assert len(keys) == len(names) and all(is_national(k) for k in keys)
    else:
        assert keys == {key}


def test_joint_lists_are_parties_of_their_own():
    keys = {party_key(n) for n in ("GroenLinks-PvdA", "GroenLinks", "PvdA", "ChristenUnie-SGP")}

    assert keys == {"groenlinks-pvda", "groenlinks", "pvda", "christenunie-sgp"}
    assert party_key("ChristenUnie") != party_key("SGP") != party_key("CU-SGP")


@pytest.mark.parametrize(
    ("name", "gemeente", "key"),
    [
        ("CDA Amersfoort", "Amersfoort", "cda"),
        ("VVD Amersfoort", "Gemeente Amersfoort", "vvd"),
        ("D66 voor Heerde", "Gemeente Heerde", "d66"),
        ("GroenLinks-PvdA Voorst", "Voorst", "groenlinks-pvda"),
        ("VVD 's-Hertogenbosch", "'s-Hertogenbosch", "vvd"),
    ],
)
def test_a_national_name_with_its_own_gemeente_is_the_national_party(name, gemeente, key):
    assert party_key(name, gemeente=gemeente) == key
    assert not is_national(party_key(name))


@pytest.mark.parametrize(
    ("name", "gemeente"),
    [
        ("Lokaal Amersfoort", "Amersfoort"),
        ("CDA Amersfoort", "Utrecht"),
        ("VVD Alphen KVS", "Alphen aan den Rijn"),
        ("Wij zijn Someren/VVD", "Someren"),
        ("GB/VVD", "Tubbergen"),
        ("D66+GroenLinks", "Horst aan de Maas"),
        ("BBB-HMV", "Aalten"),
        ("Progressief Rhenen/GroenLinks", "Rhenen"),
        ("Lijst Pim Fortuyn", "Breda"),
        ("Trots", "Pijnacker-Nootdorp"),
        ("PRO", "Eindhoven"),
        ("Amersfoort", "Amersfoort"),
    ],
)
def test_local_parties_and_combinations_stay_local(name, gemeente):
    assert not is_national(party_key(name, gemeente=gemeente))


def test_a_local_key_folds_case_accents_punctuation_and_spacing():
    assert party_key("Gemeente Belangen") == party_key("GemeenteBelangen") == "gemeentebelangen"
    assert (
        party_key("D.O.P. (Democratisch Onafhankelijke Partij)")
        == "dopdemocratischonafhankelijkepartij"
    )
    assert party_key("OuderenAppèl") == party_key("Ouderen Appel") == "ouderenappel"
    assert party_key("Éénhoorn") == "eenhoorn"
    assert fold("  DOE'22 ") == "doe22"
    assert party_key("Øresund Partij") == "øresundpartij"


def test_a_name_without_letters_or_digits_has_no_key():
    with pytest.raises(ValueError, match="no letters or digits"):
        party_key(" - / ")


@settings(max_examples=500)
@given(st.text(min_size=1))
def test_a_key_is_its_own_key(name):
    if not fold(name):
        return
    assert party_key(party_key(name)) == party_key(name)


def test_the_party_file_has_every_national_party_once():
    parties = national_parties()

    assert len(parties) == 22
    assert parties["pvdd"].name == "Partij voor de Dieren"
    assert {"lpf", "trots", "pro"}.isdisjoint(parties)


def test_an_alias_of_two_parties_is_refused():
    text = "key,name,aliases\ngl,GroenLinks,GL\ngl-pvda,GroenLinks-PvdA,GL|GL-PvdA\n"

    with pytest.raises(ValueError, match="'GL' would be both gl and gl-pvda"):
        read_national_parties(text)


def test_the_party_file_needs_its_columns():
    with pytest.raises(ValueError, match="key,name,aliases"):
        read_national_parties("key,naam\nvvd,VVD\n")
