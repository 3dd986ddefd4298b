"""Frames of attribution beyond "X said Y", and an article laid out as users paste one.

Every sentence and article here is written for these tests.
"""

from __future__ import annotations

import warnings

import pytest

from newsmodel import text
from newsmodel._model import Article, Attribution, Paragraph, QuoteKind, SourceKind
from newsmodel.quotes import extract

#: (text, kind, source, cue, resolved name) of a quote.
Row = tuple[str, str, "str | None", "str | None", "str | None"]


def _rows(*paragraphs: str) -> list[Row]:
    article = Article(headline="Bridge vote nears", body=[Paragraph(text=p) for p in paragraphs])
    out = []
    for quote in extract(article):
        a = quote.attribution or Attribution()
        out.append((quote.text, quote.kind.value, a.source, a.cue, a.name))
    return out


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ("The toll, in the words of one engineer, is far too low for the upkeep.",),
            ("The toll is far too low for the upkeep", "indirect", "one engineer"),
        ),
        (
            (
                "Mayor Ana Ruiz toured the site.",
                'In Ruiz\'s words, the bridge "will change how this city moves."',
            ),
            ('the bridge "will change how this city moves."', "mixed", "Ruiz"),
        ),
        (
            ("Councillor Tom Baker was quoted as saying the vote would be close.",),
            ("the vote would be close", "indirect", "Councillor Tom Baker"),
        ),
        (
            ('Baker told reporters: "We do not have the numbers yet."',),
            ("We do not have the numbers yet.", "direct", "Baker"),
        ),
        (
            ("According to their assessment, the toll would have to double.",),
            ("the toll would have to double", "indirect", "their assessment"),
        ),
    ],
)
def test_frames_without_a_plain_verb_of_saying(
    paragraphs: tuple[str, ...], expected: tuple[str, str, str]
) -> None:
    """ "in the words of Y", "in Y's words", "was quoted as saying", a colon after the frame
    and "According to their assessment" each name a source."""
    rows = _rows(*paragraphs)
    assert expected in [row[:3] for row in rows]


def test_in_the_words_of_resolves_its_surname() -> None:
    """The source named in "in the words of" resolves like any other."""
    rows = _rows(
        "Mayor Ana Ruiz toured the site.",
        'The plan, in the words of Ruiz, is "a promise kept to every commuter."',
    )
    assert rows[-1][2:] == ("Ruiz", "the words of", "Ana Ruiz")


def test_partial_quote_inside_reported_speech_is_mixed() -> None:
    """A quoted fragment inside reported speech is a mixed quote of that speaker."""
    rows = _rows('The mayor called the plan "a betrayal of voters" on Monday.')
    assert rows == [
        ('the plan "a betrayal of voters" on Monday', "mixed", "The mayor", "called", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Ruiz joked that she would cycle to work.", "joked"),
        ("Ruiz wrote on Twitter that the vote was a victory.", "wrote"),
        ("Baker posted that he would vote against the toll.", "posted"),
        ("Ruiz quipped that the bridge had outlived three mayors.", "quipped"),
    ],
)
def test_cues_of_manner_and_medium(sentence: str, cue: str) -> None:
    """Joking, quipping, writing on a platform and posting report what was said."""
    ((_, kind, _, found_cue, _),) = _rows(sentence)
    assert (kind, found_cue) == ("indirect", cue)


def test_quotation_over_several_paragraphs_takes_the_last_paragraphs_speaker() -> None:
    """An open quotation that runs on into a paragraph whose frame names the speaker is one
    quote of that speaker."""
    article = Article(
        headline="Bridge vote nears",
        body=[
            Paragraph(text='"This bridge is our future. We have waited long enough.'),
            Paragraph(text='"And we will not wait another decade," Ruiz said.'),
        ],
    )
    (quote,) = extract(article)
    assert quote.attribution is not None
    assert quote.attribution.source == "Ruiz"
    assert [span.block for span in quote.spans] == [0, 1]
    assert quote.kind is QuoteKind.DIRECT


#: An article in the layout users paste: a headline, a summary line, one line per paragraph.
PASTED = """\
Port Deal Unlikely to Sway Harbor Board, Say Shipping Analysts
Shipping analysts say the port operator's offer to postpone the fee increase is unlikely to change the harbor board's ruling.
Premier Lena Okafor raised the offer during meetings with union leaders, seeking firmer commitments for small exporters. The province is seeking federal support for the terminal.
In a note to clients, the analysts cautioned that the postponement alone is unlikely to be decisive. They noted that fees have long been a contentious matter in the region.
Cargo volumes are expected to play a much larger part in the board's thinking this year.
According to their assessment, the operator would need to cut fees outright to win the vote.
The remarks from shipping analysts underscore the limits of such offers. As hearings continue, attention is expected to stay on the terminal's finances.
"""


def test_pasted_article_quotes_speech_and_names_who_spoke() -> None:
    """The summary line is the standfirst; actions, expectations, emphasis and "continue"
    yield no quote; the analysts' pronoun and possessive resolve to them; places are
    organisations and the headline's title-case plural is a group."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = text.parse(PASTED)
    assert article.standfirst is not None
    assert article.standfirst.startswith("Shipping analysts say")
    quotes = article.quotes
    cues = [q.attribution.cue if q.attribution else None for q in quotes]
    assert cues == ["Say", "say", "seeking", "cautioned", "noted", "According to"]
    by_cue = {q.attribution.cue: q.attribution for q in quotes if q.attribution is not None}
    assert by_cue["Say"].kind is SourceKind.GROUP
    assert by_cue["seeking"].kind is SourceKind.ORGANIZATION
    assert by_cue["noted"].name == by_cue["cautioned"].name == "Shipping Analysts"
    assert by_cue["According to"].name == "Shipping Analysts"
    texts = " ".join(q.text for q in quotes)
    for not_speech in ("firmer commitments", "much larger part", "limits of such", "attention"):
        assert not_speech not in texts


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The survey shows that most riders back the toll.", "shows"),
        ("Polls show the mayor ahead by ten points.", "show"),
        ("Baker claims the toll was never debated.", "claims"),
        ("Residents hope the second ferry arrives before winter.", "hope"),
        ("The union calls for a freeze on the toll.", "calls"),
        ('Mayor Ana Ruiz calls the toll "a tax on islanders."', "calls"),
    ],
)
def test_present_forms_that_are_also_nouns_after_their_subject(sentence: str, cue: str) -> None:
    """ "shows", "claims", "hope", "calls for" and one speaker's "calls X "Y"" are cues right
    after a name, a pronoun or a noun that speaks or shows."""
    rows = _rows(sentence)
    assert [row[3] for row in rows] == [cue]


@pytest.mark.parametrize(
    "sentence",
    [
        "Baker's claims were never tested in court.",
        "The toll rose by two percentage points in March.",
        "Editor's note: this story was updated on Tuesday.",
        "Islanders call the new terminal the glass box.",
    ],
)
def test_present_forms_used_as_nouns_or_naming_are_no_cues(sentence: str) -> None:
    """After a possessive or an adjective the form is a noun; "call X Y" names."""
    assert _rows(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("The union called on the mayor to freeze the toll.", "the mayor to freeze the toll"),
        ("Baker pointed to the deficit in the harbor budget.", "the deficit in the harbor budget"),
        ("Engineers warned of delays on the new pier.", "delays on the new pier"),
    ],
)
def test_cue_whose_content_is_the_object_of_a_preposition(sentence: str, content: str) -> None:
    """ "call for/on", "point to", "warn of": what is asked for, pointed to, warned of."""
    rows = _rows(sentence)
    assert [row[0] for row in rows] == [content]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Asked whether the toll would rise again, the mayor shrugged.",
            ("whether the toll would rise again", None, "Asked"),
        ),
        (
            "Asked by a reporter if she had read the audit, Rocha nodded.",
            ("if she had read the audit", "a reporter", "Asked"),
        ),
        (
            "The vote is in May. Asked whether the toll would rise, the mayor shrugged.",
            ("whether the toll would rise", None, "Asked"),
        ),
        (
            '"Nothing is decided," Baker said when asked about the vote.',
            ("about the vote", None, "asked"),
        ),
    ],
)
def test_question_reported_by_asked(sentence: str, expected: tuple[str, str | None, str]) -> None:
    """ "Asked whether X" and "when asked about X" report the question; its asker is named
    only by "asked by"."""
    rows = _rows(sentence)
    assert expected in [(row[0], row[2], row[3]) for row in rows]


def test_told_a_hearer_then_a_clause_without_that() -> None:
    """ "told reporters he would ..." reports what follows the hearer."""
    rows = _rows("Baker told reporters he would vote against the toll.")
    assert [(row[0], row[2], row[3]) for row in rows] == [
        ("he would vote against the toll", "Baker", "told")
    ]
