"""Who spoke: the kind of each source and the fullest earlier mention it stands for.

Every article here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel._model import Article, Byline, Organization, Paragraph, SourceKind
from newsmodel.quotes import extract


def _article(*paragraphs: str, headline: str = "Ferry fares to rise", **fields: object) -> Article:
    return Article(headline=headline, body=[Paragraph(text=p) for p in paragraphs], **fields)  # type: ignore[arg-type]


def _sources(article: Article) -> list[tuple[str | None, str | None]]:
    """(source as written, resolved name) of each quote."""
    out = []
    for quote in extract(article):
        assert quote.attribution is not None
        out.append((quote.attribution.source, quote.attribution.name))
    return out


def _resolved(article: Article, written: str) -> str | None:
    """The resolved name of the quote whose source is written ``written``."""
    for source, name in _sources(article):
        if source == written:
            return name
    raise AssertionError(f"no quote attributed to {written!r}: {_sources(article)}")


# --- pronouns ---------------------------------------------------------------------------------


def test_he_skips_a_speaker_of_the_other_gender() -> None:
    """ "He" after a quote of Ms. Ferrante stands for the man named before her."""
    article = _article(
        "Mr. Omar Haddad and Ms. Lucia Ferrante met on Tuesday.",
        '"We reached nothing," Ferrante said. He said the talks would resume.',
    )
    assert _resolved(article, "He") == "Omar Haddad"


def test_she_is_the_speaker_quoted_last_across_paragraphs() -> None:
    """ "She" a paragraph later is the woman quoted last, by her full name."""
    article = _article(
        "Harbor master Ines Rocha inspected the pier on Monday.",
        '"The pilings are sound," Rocha said.',
        "She added that repairs would start in spring.",
    )
    assert _resolved(article, "She") == "Ines Rocha"


def test_they_is_the_group_quoted_last_in_its_fullest_form() -> None:
    """ "They" after "the analysts" stands for "Transport analysts", said earlier."""
    article = _article(
        "Transport analysts say the rise is modest.",
        "In a note, the analysts cautioned that fuel costs could double.",
        "They noted that fares have lagged costs for years.",
    )
    assert _resolved(article, "the analysts") == "Transport analysts"
    assert _resolved(article, "They") == "Transport analysts"


def test_it_is_the_organisation_quoted_last() -> None:
    """ "It added" after the ministry is the ministry, by its full name."""
    article = _article(
        "The Ministry of Transport published its figures on Monday.",
        "The ministry said fares would rise by 4 percent. It added that subsidies would end.",
    )
    assert _resolved(article, "The ministry") == "The Ministry of Transport"
    assert _resolved(article, "It") == "The Ministry of Transport"


def test_we_without_a_group_is_the_publisher() -> None:
    """The narration's "we" is the publication when no group was quoted."""
    article = _article(
        "We confirmed that the discount still applies after launch day.",
        publisher=Organization(name="The Harbor Courier"),
    )
    assert _resolved(article, "We") == "The Harbor Courier"


def test_i_in_narration_is_the_bylined_author() -> None:
    """A first-person column's "I" is the one person its byline names."""
    article = _article(
        "I argued last week that the ferry needs a second boat.",
        bylines=[Byline(name="Dana Whitfield")],
    )
    assert _resolved(article, "I") == "Dana Whitfield"


def test_who_stands_for_the_name_before_it() -> None:
    """ "criticised by Paul Okoro, who said ..." is Paul Okoro, not the phrase before him."""
    article = _article("The rise was criticised by Paul Okoro, who said it hurt commuters.")
    assert _resolved(article, "who") == "Paul Okoro"


def test_who_stands_for_a_described_person() -> None:
    """ "a retired captain who said ..." names the captain."""
    article = _article("The board heard from a retired captain who said the route was unsafe.")
    assert _resolved(article, "who") == "a retired captain"


def test_possessive_source_is_its_possessor() -> None:
    """ "According to their analysis" is the analysts' analysis."""
    article = _article(
        "Transport analysts say the rise is modest.",
        "According to their analysis, fares have lagged costs for a decade.",
    )
    assert _resolved(article, "their analysis") == "Transport analysts"


# --- descriptions, surnames, titles -----------------------------------------------------------


def test_definite_description_is_the_titled_name() -> None:
    """ "The senator" stands for the last "Sen. ..." mentioned."""
    article = _article(
        "Sen. Karen Holt spoke at the pier on Friday.",
        "The senator said the increase was unfair to island residents.",
    )
    assert _resolved(article, "The senator") == "Karen Holt"


def test_surname_with_honorific_is_the_fullest_earlier_name() -> None:
    """ "Ms. Rocha" is "Ines Maria Rocha", named in full earlier."""
    article = _article(
        "Ines Maria Rocha runs the harbor.",
        '"We will be ready," Ms. Rocha said.',
    )
    assert _resolved(article, "Ms. Rocha") == "Ines Maria Rocha"


def test_name_from_the_standfirst_resolves_a_surname_in_the_body() -> None:
    """A full name in the standfirst resolves the body's surname."""
    article = _article(
        '"Nothing is decided," Alvarez said.',
        standfirst="Governor Maria Alvarez raised the proposal with lawmakers.",
    )
    assert _resolved(article, "Alvarez") == "Maria Alvarez"


def test_a_title_case_headline_names_nobody_the_body_does_not() -> None:
    """Every word of a title-case headline is capitalised: "Voters Are Following Holt" is not
    the full name of the Holt quoted below, while a name the body writes again still is."""
    article = _article(
        '"The fares will not rise," Holt said at the pier.',
        headline="Island Voters Are Following Holt",
    )
    assert _resolved(article, "Holt") is None
    named = _article(
        '"The fares will not rise," Holt said at the pier.',
        "Karen Holt has led the harbor board since 2019.",
        headline="Karen Holt: Ferry Fares Will Not Rise",
    )
    assert _resolved(named, "Holt") == "Karen Holt"


def test_a_sentence_opening_conjunction_is_no_first_name() -> None:
    """ "Although Holt ..." and "As Karen Holt ..." open sentences: the conjunction is no
    part of the name after it."""
    article = _article(
        "Karen Holt chairs the board.",
        "Although Holt opposed the plan, she voted for it.",
        '"It was close," Holt said.',
    )
    assert _resolved(article, "Holt") == "Karen Holt"
    named_after_as = _article(
        "As Karen Holt left the meeting, the board adjourned.",
        '"It was close," Holt said.',
    )
    assert _resolved(named_after_as, "Holt") == "Karen Holt"


def test_group_named_in_the_headline_resolves_they() -> None:
    """ "..., Say Energy Analysts" in the headline is who "They" are in the lead."""
    article = _article(
        "They noted that winter demand matters more than the offer.",
        headline="Rate Delay Unlikely to Sway Regulator, Say Energy Analysts",
    )
    assert _resolved(article, "They") == "Energy Analysts"


# --- kinds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("Port Deal Stalls, Say Shipping Analysts", "Shipping Analysts", SourceKind.GROUP),
        ("Canada said the tariffs would be lifted.", "Canada", SourceKind.ORGANIZATION),
        ("New Hampshire says the count is final.", "New Hampshire", SourceKind.ORGANIZATION),
        ("The province said it would appeal.", "The province", SourceKind.ORGANIZATION),
        ("The ministry said fares would rise.", "The ministry", SourceKind.ORGANIZATION),
        ("Dock workers say the schedule is unsafe.", "Dock workers", SourceKind.GROUP),
    ],
)
def test_places_and_plurals_are_not_persons(sentence: str, source: str, kind: SourceKind) -> None:
    """Countries, states and institutions are organisations; plurals, in title case too, are
    groups."""
    (quote,) = extract(Article(headline=sentence))
    assert quote.attribution is not None
    assert (quote.attribution.source, quote.attribution.kind) == (source, kind)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Sen. Karen Holt (D-Maine) on Saturday criticized the toll as a tax on islanders.",
            "Sen. Karen Holt",
        ),
        ("Harbor police had last month accused the captain of negligence.", "Harbor police"),
        (
            "A survey published Wednesday found that most riders back the toll.",
            "A survey published Wednesday",
        ),
    ],
)
def test_time_between_source_and_cue_is_not_the_source(sentence: str, source: str) -> None:
    """ "on Saturday" or "last month" before a cue is when, not who; a time that belongs to a
    participle stays in the source."""
    quotes = extract(Article(headline="Harbor news", body=[Paragraph(text=sentence)]))
    assert quotes[0].attribution is not None
    assert quotes[0].attribution.source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Ines Rocha, who took over the harbor office after the last master retired because "
            "of the long winter shifts, said the pier would reopen in May.",
            "Ines Rocha",
        ),
        ('Okoro, citing "the oldest fleet on the coast," said the toll was too low.', "Okoro"),
        ("Baker, meanwhile, who has no ferry of his own, said the vote was rushed.", "Baker"),
    ],
)
def test_long_aside_between_subject_and_cue(sentence: str, source: str) -> None:
    """The subject a long relative clause or a participle sets off from "said" is the
    source."""
    quotes = extract(Article(headline="Harbor news", body=[Paragraph(text=sentence)]))
    assert [q.attribution.source if q.attribution else None for q in quotes] == [source]


# --- documents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        ("The ferry union issued a statement saying the strike would go ahead.", "The ferry union"),
        ("Harbor Watch sent an open letter urging the board to delay the vote.", "Harbor Watch"),
    ],
)
def test_who_put_out_a_document_speaks_through_it(paragraph: str, source: str) -> None:
    """ "X issued a statement saying Y": Y is X's, not the statement's."""
    assert [s for s, _ in _sources(_article(paragraph))] == [source]


def test_a_document_that_is_the_subject_still_speaks() -> None:
    """A document that is the subject of "said", with no verb putting it out, is the source as
    written."""
    sources = _sources(_article("The statement, released on Monday, said the strike would end."))
    assert [s for s, _ in sources] == ["The statement"]


# --- subjects with a modifier before the cue --------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        (
            "Ines Rocha, who lost her boat in the storm off Digby, Nova Scotia, last winter, "
            "said the fares were unfair.",
            "Ines Rocha",
        ),
        (
            "Captain Tom Hale, facing a challenge from the union, a rival crew, said he would "
            "stay on.",
            "Captain Tom Hale",
        ),
    ],
)
def test_the_subject_before_a_long_aside_speaks_not_a_name_inside_it(
    paragraph: str, source: str
) -> None:
    """ "Doe, who lost a boat off Digby, Nova Scotia, said": Doe speaks, not the place or the
    noun that ends the aside."""
    assert [s for s, _ in _sources(_article(paragraph))] == [source]


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        (
            "A ferry official who spoke on condition of anonymity said fares would rise.",
            "A ferry official",
        ),
        (
            "Captains from both crossings all agree that the schedule is too tight.",
            "Captains from both crossings",
        ),
    ],
)
def test_the_subject_before_a_relative_clause_or_floating_quantifier_speaks(
    paragraph: str, source: str
) -> None:
    """ "X who spoke anonymously said Y" and "X all agree Y": X is the source, not the
    relative clause's verb phrase or "all"."""
    assert [s for s, _ in _sources(_article(paragraph))] == [source]
