"""Unit tests for newsmodel._extract.common.bylines: printed bylines into credited people."""

from __future__ import annotations

import pytest

from newsmodel import Byline, BylineKind
from newsmodel._extract.common.bylines import name_case, split_bylines

_ORG = BylineKind.ORGANIZATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By TOM KRISHER, AP Auto Writer", [("Tom Krisher", "Auto Writer", "AP")]),
        ("Jane Doe | NJ Advance Media", [("Jane Doe", None, "NJ Advance Media")]),
        ("Jane Doe | Staff Writer", [("Jane Doe", "Staff Writer", None)]),
        (
            "By Jane Doe and John Roe, Reuters",
            [("Jane Doe", None, "Reuters"), ("John Roe", None, "Reuters")],
        ),
        ("By JANE DOE, Associated Press", [("Jane Doe", None, "Associated Press")]),
        ("By Jane Doe, Associated Press Writer", [("Jane Doe", "Writer", "Associated Press")]),
        (
            "By Jane Doe, Staff Writer, The Washington Post",
            [("Jane Doe", "Staff Writer", "The Washington Post")],
        ),
        ("BY JOHN ROE / STAFF WRITER", [("John Roe", "Staff Writer", None)]),
        (
            "By Jane Doe, John Roe and Ann Lee",
            [("Jane Doe", None, None), ("John Roe", None, None), ("Ann Lee", None, None)],
        ),
        (
            "By Jane Doe in London and John Roe in Paris",
            [("Jane Doe", None, None), ("John Roe", None, None)],
        ),
        ("By Jane Doe | Nov. 26, 2026", [("Jane Doe", None, None)]),
        ("Jane Doe, Chief Economics Correspondent", [("Jane Doe", "Chief Economics Correspondent", None)]),
        ("김철수 기자", [("김철수", "기자", None)]),
        (
            "Reporting by Jane Doe in Kyiv; Additional reporting by John Roe; "
            "Editing by Ann Lee and Mark Heinrich",
            [
                ("Jane Doe", "Reporting by", None),
                ("John Roe", "Additional reporting by", None),
                ("Ann Lee", "Editing by", None),
                ("Mark Heinrich", "Editing by", None),
            ],
        ),
        (
            "(Reporting by Jane Doe; Writing by JOHN ROE; Editing by Ann Lee)",
            [("Jane Doe", "Reporting by", None), ("John Roe", "Writing by", None),
             ("Ann Lee", "Editing by", None)],
        ),
    ],
)  # fmt: skip
def test_people(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """Names, roles and affiliations are split out; capitals become name case."""
    actual = split_bylines(text)
    assert expected == [(b.name, b.role, b.affiliation) for b in actual]
    assert all(b.kind is BylineKind.PERSON for b in actual)


@pytest.mark.parametrize(
    ("text", "name"),
    [("By The Associated Press", "The Associated Press"), ("By Reuters", "Reuters"),
     ("Reuters Staff", "Reuters Staff"), ("The Guardian", "The Guardian")],
)  # fmt: skip
def test_organisations(text: str, name: str) -> None:
    """An agency or desk credited alone is one organisation byline."""
    assert (Byline(name=name, kind=_ORG),) == split_bylines(text)


def test_email() -> None:
    """A contact address beside one name is kept as its email."""
    (byline,) = split_bylines("By Jane Doe, jane.doe@example.com")
    assert (byline.name, byline.email) == ("Jane Doe", "jane.doe@example.com")


@pytest.mark.parametrize(
    "text",
    ["", "By the time we arrived, it was over", "The Federal Reserve held rates, saying so.",
     "WASHINGTON, Nov. 26 (Reuters) - The Federal Reserve held interest rates on Wednesday"],
)  # fmt: skip
def test_not_bylines(text: str) -> None:
    """Running text is not a byline."""
    assert split_bylines(text) == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("TOM KRISHER", "Tom Krisher"),
        ("MARY O'NEILL-MCDONALD", "Mary O'Neill-McDonald"),
        ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
        ("J.R.R. TOLKIEN JR.", "J.R.R. Tolkien Jr."),
        ("HENRY FORD III", "Henry Ford III"),
        ("JEAN-LUC PICARD", "Jean-Luc Picard"),
        ("Jane McDonald", "Jane McDonald"),
        ("danah boyd", "danah boyd"),
    ],
)
def test_name_case(raw: str, expected: str) -> None:
    """Capitals become name case; names already in mixed or lower case are left alone."""
    assert expected == name_case(raw)


def test_an_author_cards_repeated_name_is_not_an_affiliation() -> None:
    """Profile-card text that repeats the name ("Biography Jane Doe") is dropped."""
    assert split_bylines(
        "Sarah E. Needleman, The Wall Street Journal, BiographySarah E. Needleman"
    ) == (Byline(name="Sarah E. Needleman", affiliation="The Wall Street Journal"),)


def test_a_list_of_names_without_and() -> None:
    """Several name-like parts after a name are co-authors, not affiliations."""
    assert [b.name for b in split_bylines("By Stefan Becket, Kathryn Watson, Grace Segers")] == [
        "Stefan Becket",
        "Kathryn Watson",
        "Grace Segers",
    ]


def test_a_name_followed_by_one_stray_word_does_not_crash() -> None:
    """Found by Hypothesis: a name and one more capitalised word, with no role after it."""
    assert isinstance(split_bylines("Jane DoeJane Doe-"), tuple)
