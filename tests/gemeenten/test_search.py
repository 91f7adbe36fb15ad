"""The search's matching and suggestions, without a database."""

import pytest

from campaign.gemeenten.search import is_exact, matches, suggest

CANDIDATES = [
    ("GM0307", "Amersfoort"),
    ("GM0518", "'s-Gravenhage"),
    ("GM0193", "Zwolle"),
    ("GM0050", "Zeewolde"),
    ("GM0034", "Almere"),
    ("GM0141", "Almelo"),
]


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("amersfort", ["GM0307"]),
        ("AMERSFORT", ["GM0307"]),
        ("den haga", ["GM0518"]),  # by its common name
        ("zwole", ["GM0193"]),  # Zeewolde is too far off
        ("almre", ["GM0034"]),  # Almelo scores 73: not offered
        ("", []),
        ("xqzw", []),
    ],
)
def test_suggestions_are_close_names_only(query, codes):
    assert suggest(query, CANDIDATES) == codes


def test_common_names_match_and_count_as_exact():
    assert matches("den haag", "'s-Gravenhage", "GM0518")
    assert matches("hague", "'s-Gravenhage", "GM0518")
    assert is_exact("The Hague", "'s-Gravenhage", "GM0518")
    assert is_exact("gm0518", "'s-Gravenhage", "GM0518")
    assert not is_exact("haag", "'s-Gravenhage", "GM0518")
    assert not matches("den haag", "Amersfoort", "GM0307")
