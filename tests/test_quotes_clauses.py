"""Where one clause of a sentence ends and the next frame begins: sentence ends after a
doubled closing mark, a second cue after "but", a town and its state, the moment of a saying,
and a clause between commas that is no appositive.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quote_rows import quote_rows


def test_a_doubled_closing_mark_ends_its_sentence() -> None:
    """A stop inside ''...'' closing marks ends the sentence: the next one is its own frame."""
    rows = quote_rows(
        "The figures come from her memoir, ''Tides of the Bay.'' Ms. Alvarez said the pier "
        "would cost twice as much."
    )
    assert ("the pier would cost twice as much", "Ms. Alvarez", "said") in rows


def test_a_stop_inside_a_doubled_quotation_does_not_end_the_sentence() -> None:
    """''We sail at dawn. Be ready,'' the captain said: one quotation, one frame."""
    rows = quote_rows("''We sail at dawn. Be ready,'' the captain said.")
    assert rows == [("We sail at dawn. Be ready", "the captain", "said")]


def test_a_second_cue_after_but_is_no_setting_of_the_first() -> None:
    """ "said in X but added, "..."": the quotation is what was added, not what was said."""
    rows = quote_rows(
        "Okafor said in private the harbor plan needs more time but added, "
        "\u201cI will vote for it anyway.\u201d"
    )
    assert ("I will vote for it anyway.", "Okafor", "added") in rows
    assert not any(cue == "said" and "vote for it" in text for text, _, cue in rows)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Okafor told a rally in Dover, New Hampshire on Friday that the pier would reopen.",
        "Okafor told a rally in Dover, New Hampshire, that the pier would reopen.",
        "Okafor told a rally in Dover, Delaware, that the pier would reopen.",
    ],
)
def test_a_town_and_its_state_are_part_of_the_setting(paragraph: str) -> None:
    """The commas around a state after a town do not end the setting before "that"."""
    assert ("that the pier would reopen", "Okafor", "told") in quote_rows(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The pier will close for a month, harbor officials said as they left the meeting.",
        "The pier will close for a month, harbor officials said Friday, as they left the meeting.",
    ],
)
def test_a_clause_of_when_after_an_inverted_frame_is_not_content(paragraph: str) -> None:
    """ "X, officials said as they left": X is what was said; the "as" clause is the moment."""
    assert quote_rows(paragraph) == [
        ("The pier will close for a month", "harbor officials", "said")
    ]


def test_a_clause_between_commas_is_no_appositive_of_a_source() -> None:
    """ "X, but for some, the fees would rise, said Doe": Doe said it all; nothing in the
    clause is a speaker with an appositive."""
    rows = quote_rows(
        "The plan would cut fares, but for some, the fees would rise, said analyst Lena Moss."
    )
    assert rows == [
        (
            "The plan would cut fares, but for some, the fees would rise",
            "analyst Lena Moss",
            "said",
        )
    ]


def test_a_relative_clause_in_an_appositive_still_describes_the_source() -> None:
    """ "Doe, a pilot who was hired in May, said X": Doe is the source."""
    rows = quote_rows("Lena Moss, a pilot who was hired in May, said the channel is too shallow.")
    assert rows == [("the channel is too shallow", "Lena Moss", "said")]


def test_a_place_after_an_inverted_source_ends_the_frame() -> None:
    """ "X, said one pilot at the meeting.": the place describes the saying, X is the content."""
    rows = quote_rows("The channel is too shallow, said one pilot at the meeting on Friday.")
    assert rows == [("The channel is too shallow", "one pilot", "said")]


def test_a_pronoun_and_its_verb_after_a_cue_are_a_clause_not_a_source() -> None:
    """ "Doe -- who ran the port -- said she regretted X": "she regretted …" is what was said."""
    rows = quote_rows(
        "The harbor master -- who ran the port for a decade -- said she regretted her remarks "
        "in the future."
    )
    assert [text for text, _, _ in rows] == ["she regretted her remarks in the future"]
    assert all(source is None or "regretted" not in source for _, source, _ in rows)


@pytest.mark.parametrize(
    ("paragraph", "source", "cue"),
    [
        (
            "The channel is too shallow, said longtime port official Jane Okafor.",
            "longtime port official Jane Okafor",
            "said",
        ),
        (
            "The channel is too shallow, says marine scientist Ravi Nair.",
            "marine scientist Ravi Nair",
            "says",
        ),
        ("The channel is too shallow, said state Sen. Ana Ruiz.", "state Sen. Ana Ruiz", "said"),
    ],
)
def test_lowercase_words_describing_a_person_lead_an_inverted_source(
    paragraph: str, source: str, cue: str
) -> None:
    """ "X, said longtime port official Jane Okafor": the description and the name are the
    source, not the content."""
    assert quote_rows(paragraph) == [("The channel is too shallow", source, cue)]


def test_a_clause_after_said_is_no_described_source() -> None:
    """ "Officials have said they're backing Ruiz": what they said, with its own subject."""
    assert quote_rows("Officials have said they\u2019re backing Ruiz.") == [
        ("they\u2019re backing Ruiz", "Officials", "said")
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Okafor was told that the pier would stay closed.",
        "After the vote, the harbor board could be expected to reopen the pier.",
    ],
)
def test_the_subject_of_a_passive_without_an_agent_is_no_speaker(paragraph: str) -> None:
    """Who "was told" heard it, and what "could be expected" is no one's saying."""
    assert all(source is None for _, source, _ in quote_rows(paragraph))


def test_a_noun_in_ing_can_report() -> None:
    """ "Exit polling shows X": "polling" is a noun that shows, like "the poll"."""
    rows = quote_rows("Exit polling shows she won most voters under 30.")
    assert rows == [("she won most voters under 30", "Exit polling", "shows")]
