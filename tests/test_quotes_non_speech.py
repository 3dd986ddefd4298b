"""Sentences that report no speech yield no quote: actions, expectations, headlines, titles
of works and scare quotes. Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel._model import Article, Paragraph
from newsmodel.quotes import extract

NON_SPEECH = [
    # Actions, and participial clauses of action.
    "Premier Lena Okafor raised the offer during meetings with union leaders, seeking firmer "
    "commitments for small exporters.",
    "The harbor board approved the budget on Friday, offering no new money for dredging.",
    "The union returned to the table, refusing overtime until the contract is signed.",
    "Crews repaired the pier over the weekend, showing how quickly the port can recover.",
    # Expectations and duration.
    "Cargo volumes are expected to play a much larger part in the board's thinking this year.",
    "As hearings continue, attention is expected to stay on the terminal's finances.",
    "Talks between the two ports continue this week in Halifax.",
    # Emphasis by things, not people.
    "The remarks from shipping analysts underscore the limits of such offers.",
    "The closures highlight how fragile the island's supply chain has become.",
    # Nouns that look like cues.
    "Cargo volumes weigh heavily in the board's thinking about the fee.",
    "The mayor's support for the terminal has never wavered.",
    # Verbs of saying only before "that" or a quotation: keeping, accusing, a noun.
    "Harbor master Ines Rocha maintains a wide lead in the council race.",
    "Two pier contractors were charged with overbilling the port authority.",
    "The crude remarks he made about the ferry crew drew complaints from the union.",
    # Generic "you" and a situation's "it".
    "If you want a seat on the early ferry, you should book a week ahead.",
    "It feels like the whole town turned out for the launch.",
    # Headlines, titles of works and scare quotes.
    "Port Deal Stalls as Harbor Board Delays Vote",
    'The museum opened an exhibition titled "Ships That Never Sailed" on Sunday.',
    '"The Last Ferry Home," by Ada Brennan, tells of a crossing in a storm.',
    'Locals call the new terminal "the glass box" because of its walls.',
    'The so-called "fast lane" for trucks opened in March.',
]


@pytest.mark.parametrize("sentence", NON_SPEECH)
def test_non_speech_sentence_yields_no_quote(sentence: str) -> None:
    """No cue of saying, writing or attributing reports content in these sentences."""
    article = Article(headline="Harbor news", body=[Paragraph(text=sentence)])
    assert [quote.text for quote in extract(article)] == []


@pytest.mark.parametrize("headline", [s for s in NON_SPEECH if "." not in s])
def test_non_speech_headline_yields_no_quote(headline: str) -> None:
    """The same holds for a headline."""
    assert extract(Article(headline=headline)) == ()


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: Ferry service resumes after storm",
        "BREAKING: Harbor board delays terminal vote",
        "Byline: Ada Brennan",
    ],
)
def test_a_label_before_a_headlines_colon_is_no_speaker(headline: str) -> None:
    """A label that files the story ("The Latest", "BREAKING") is not who speaks after the
    colon."""
    assert extract(Article(headline=headline)) == ()


def test_a_name_before_a_headlines_colon_still_speaks() -> None:
    """'Rocha: Pier is safe' is the harbor master's words."""
    (quote,) = extract(Article(headline="Rocha: Pier is safe"))
    assert quote.text == "Pier is safe"
    assert quote.attribution is not None
    assert quote.attribution.source == "Rocha"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "Okafor raised the offer with lawmakers, saying exporters needed firmer commitments.",
            "saying",
        ),
        ("The union continued to argue that overtime was unsafe.", "continued"),
        ("Harbor master Ines Rocha underscored that the pier was safe.", "underscored"),
        ('"We will be ready," she continued.', "continued"),
        ("Do you think the fee will pass?", "think"),
        ("Harbor master Ines Rocha maintained that the pier was safe.", "maintained"),
        ('"The pier is safe," Rocha maintained.', "maintained"),
        ("The union charged that the overtime rules were unsafe.", "charged"),
    ],
)
def test_look_alikes_that_do_report_speech(sentence: str, cue: str) -> None:
    """Saying participles, going on saying, a person's emphasis, an asked "you" and a verb
    of saying before "that" or after a quotation are speech."""
    (quote,) = extract(Article(headline="Harbor news", body=[Paragraph(text=sentence)]))
    assert quote.attribution is not None
    assert quote.attribution.cue == cue
