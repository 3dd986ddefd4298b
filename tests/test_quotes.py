"""Tests for :mod:`newsmodel.quotes`: every construction the extractor knows, and what it refuses."""

from __future__ import annotations

import pytest

from newsmodel._model import (
    Article,
    Attribution,
    BlockQuote,
    Paragraph,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    TextPart,
)
from newsmodel.quotes import QuoteOptions, extract, with_quotes


def _article(*paragraphs: str, headline: str = "Bridge to reopen") -> Article:
    return Article(headline=headline, body=[Paragraph(text=p) for p in paragraphs])


#: (text, kind, source, cue) of a quote.
Summary = tuple[str, str, "str | None", "str | None"]


def _summary(article: Article) -> list[Summary]:
    """(text, kind, source, cue) of each quote, the shape most tests compare."""
    out = []
    for quote in extract(article):
        attribution = quote.attribution or Attribution()
        out.append((quote.text, quote.kind.value, attribution.source, attribution.cue))
    return out


# --- direct quotes ----------------------------------------------------------------------------


def test_curly_quote_speaker_after() -> None:
    """A curly-quoted sentence followed by "the mayor said" is a direct quote of the mayor."""
    article = _article("“The bridge is safe,” the mayor said on Monday.")
    expected = [("The bridge is safe", "direct", "the mayor", "said")]
    assert expected == _summary(article)


def test_straight_quote_speaker_before_with_colon() -> None:
    """'Doe said: "..."' puts the speaker before the quotation."""
    article = _article('Jane Doe said: "We will open the bridge in May."')
    expected = [("We will open the bridge in May.", "direct", "Jane Doe", "said")]
    assert expected == _summary(article)


def test_inverted_cue_then_name() -> None:
    """'"...," said Jane Doe' inverts cue and speaker."""
    article = _article('"Nobody expected this much traffic," said Jane Doe.')
    expected = [("Nobody expected this much traffic", "direct", "Jane Doe", "said")]
    assert expected == _summary(article)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("«", "»"), ("„", "“"), ("「", "」"), ("``", "''"), ("''", "''")],
)
def test_other_quotation_marks(opening: str, closing: str) -> None:
    """Guillemets, German, Japanese and doubled-ASCII marks delimit quotations too."""
    article = _article(f"{opening}We will rebuild the bridge,{closing} Doe said.")
    expected = [("We will rebuild the bridge", "direct", "Doe", "said")]
    assert expected == _summary(article)


def test_split_quote_is_one_quote_with_two_spans() -> None:
    """'"X," she said, "Y."' is one quote whose two spans are X and Y; its text keeps the
    comma that closed X."""
    text = '"The bridge is safe," she said, "and it will stay open all winter."'
    article = _article(text)
    (quote,) = extract(article)
    assert quote.attribution is not None
    expected = (
        ["The bridge is safe", "and it will stay open all winter."],
        "The bridge is safe, and it will stay open all winter.",
        "she",
    )
    actual = ([article.quoted(span) for span in quote.spans], quote.text, quote.attribution.source)
    assert expected == actual


def test_quote_continued_after_attribution_sentence() -> None:
    """'"X," she said. "Y."' joins Y to the quote the frame attributed."""
    article = _article('"We are ready," she said. "The work starts tomorrow."')
    (quote,) = extract(article)
    expected = ("We are ready, The work starts tomorrow.", 2)
    assert expected == (quote.text, len(quote.spans))


def test_continuation_after_a_frame_ending_in_a_quoted_title() -> None:
    """'"X," he said on "Morning Call." "Y."': the title closes the frame's sentence."""
    article = _article(
        '"We will hire more nurses," Doe said on "Morning Call." "Nobody should wait all night."'
    )
    quotes = extract(article)
    expected = ("We will hire more nurses, Nobody should wait all night.", "Doe")
    assert len(quotes) == 1
    assert expected == (quotes[0].text, quotes[0].attribution and quotes[0].attribution.source)


def test_sentence_after_p_m_is_a_new_sentence() -> None:
    """'... at 7 p.m. He says "..."' starts a new sentence and a new quote after "p.m."."""
    article = _article(
        'Doe says she will wait for the count at 7 p.m. He says "it is far too early to call."'
    )
    summary = _summary(article)
    assert ("it is far too early to call.", "direct", "He", "says") in summary


def test_multi_paragraph_quote() -> None:
    """An opening mark left open at a paragraph's end runs on into the next paragraph."""
    article = _article(
        'Jane Doe said: "We will rebuild the bridge.',
        '"And we will do it before the winter comes."',
    )
    (quote,) = extract(article)
    assert quote.attribution is not None
    expected = (
        [0, 1],
        "We will rebuild the bridge. And we will do it before the winter comes.",
        "Jane Doe",
    )
    actual = ([span.block for span in quote.spans], quote.text, quote.attribution.source)
    assert expected == actual


def test_speaker_in_neighbouring_sentence() -> None:
    """A whole-sentence quotation with no frame belongs to the speaker just before it."""
    article = _article(
        "Jane Doe said the plan was ready.",
        '"We have waited far too long for a bridge that works."',
    )
    quotes = extract(article)
    assert quotes[1].attribution is not None
    expected = ([QuoteKind.INDIRECT, QuoteKind.DIRECT], "Jane Doe")
    assert expected == ([q.kind for q in quotes], quotes[1].attribution.source)


def test_colon_after_a_non_cue_verb() -> None:
    """'Doe responded with a phrase: "..."': the subject is the speaker, the quotation the content."""
    article = _article('Doe responded with a sharp reply: "Do not lecture me about bridges."')
    expected = [("Do not lecture me about bridges.", "direct", "Doe", "responded")]
    assert expected == _summary(article)


def test_quote_then_name_and_any_past_verb() -> None:
    """'"...," an angry Doe retorted.' names the speaker even with a verb outside the lexicon."""
    article = _article('"The bridge will always stand," an angry Doe fumed.')
    expected = [("The bridge will always stand", "direct", "an angry Doe", "fumed")]
    assert expected == _summary(article)


def test_transcript_line_name_colon_quote() -> None:
    """'Rep. Jane Doe (D-Ohio): "..."' attributes the quotation to the name before the colon."""
    article = _article('Rep. Jane Doe (D-Ohio): "Who told you that the bridge was safe?"')
    expected = [("Who told you that the bridge was safe?", "direct", "Rep. Jane Doe", ":")]
    assert expected == _summary(article)


def test_quote_after_colon_then_frame() -> None:
    """'Doe seemed irritated: "...," she wrote.' attributes the quotation, not the narration."""
    article = _article('Doe seemed irritated: "It is a public statement. Just send it," she wrote.')
    expected = [("It is a public statement. Just send it", "direct", "she", "wrote")]
    assert expected == _summary(article)


def test_coordinated_cue_takes_the_subject() -> None:
    """'Doe left the room and said, "..."': the sentence's subject said it."""
    article = _article('Doe left the room early and said, "The vote was rigged."')
    expected = [("The vote was rigged.", "direct", "Doe", "said")]
    assert expected == _summary(article)


def test_participle_cue_takes_the_subject() -> None:
    """'Doe was unimpressed, telling reporters, "..."': the participle's subject said it."""
    article = _article('Doe was unimpressed, telling reporters, "The plan will not work."')
    expected = [("The plan will not work.", "direct", "Doe", "telling")]
    assert expected == _summary(article)


def test_second_cue_after_but() -> None:
    """'Doe said X but added, "Y"' holds two quotes from the same speaker."""
    article = _article('Doe said it was too early to tell but added, "We are hopeful."')
    expected = [
        ("it was too early to tell", "indirect", "Doe", "said"),
        ("We are hopeful.", "direct", "Doe", "added"),
    ]
    assert expected == _summary(article)


def test_unframed_quotation_inside_narration_is_dropped() -> None:
    """A long quotation in the middle of someone else's sentence is a title, not speech."""
    article = _article(
        'The council screened "A Long Walk Home Through The Valley Of Kings" on Monday night.'
    )
    expected: list[Summary] = []
    assert expected == _summary(article)


def test_narration_before_a_quoted_sentence_is_left_out() -> None:
    """'Doe said, when asked about it, "..."': the words after the comma set the scene."""
    article = _article(
        'Doe replied at the hearing, when the question came up, "We have no plans to sell."'
    )
    expected = [("We have no plans to sell.", "direct", "Doe", "replied")]
    assert expected == _summary(article)


def test_narration_after_a_quoted_sentence_is_left_out() -> None:
    """'... joked, "X," drawing laughter': the participle describes the saying."""
    article = _article('Doe joked, "The ferry is faster anyway," drawing laughter from the hall.')
    expected = [("The ferry is faster anyway", "direct", "Doe", "joked")]
    assert expected == _summary(article)


def test_conjunction_after_a_quotation_keeps_the_sentence() -> None:
    """'"X," and Y, Doe said': a conjunction carries the content on, so the quote is mixed."""
    article = _article('"There is calm now," and the shops are open again, Doe said.')
    [(text, kind, source, cue)] = _summary(article)
    assert (kind, source, cue) == ("mixed", "Doe", "said")
    assert text.endswith("the shops are open again")


def test_quoted_sentence_after_cue_takes_the_sentence_subject() -> None:
    """'Doe spoke for an hour and later said, "..."': the subject said the quotation."""
    article = _article(
        'Doe opened the meeting with a long list and later said, "We need more buses."'
    )
    expected = [("We need more buses.", "direct", "Doe", "said")]
    assert expected == _summary(article)


def test_quoted_sentence_after_participle_cue_takes_clause_pronoun() -> None:
    """'On Friday, she greeted a critic by saying, "..."': the clause's pronoun is the source."""
    article = _article('On Friday, she greeted a critic by saying, "Read the report first."')
    expected = [("Read the report first.", "direct", "she", "saying")]
    assert expected == _summary(article)


def test_sentence_initial_said_then_name() -> None:
    """'Said Jane Doe, a neighbour, "..."': the name after the cue is the speaker."""
    article = _article('Said Jane Doe, who lives by the river, "We were all worried."')
    expected = [("We were all worried.", "direct", "Jane Doe", "Said")]
    assert expected == _summary(article)


def test_quotation_right_after_tell_verb() -> None:
    """'Doe cautioned "..." before leaving': the quotation follows the cue directly."""
    article = _article('Doe cautioned "let us not rush this," before she left the room.')
    expected = [("let us not rush this", "direct", "Doe", "cautioned")]
    assert expected == _summary(article)


def test_second_cue_before_quotation_starts_a_new_quote() -> None:
    """'"X," Doe said, adding, "Y."' holds two quotes: the second cue introduces "Y"."""
    article = _article('"The road is closed," Doe said on Monday, adding, "It will reopen soon."')
    expected = [
        ("The road is closed", "direct", "Doe", "said"),
        ("It will reopen soon.", "direct", "Doe", "adding"),
    ]
    assert expected == _summary(article)


def test_quotation_in_narration_after_frame_is_not_joined() -> None:
    """'"X," Doe said, standing by someone who promised "Y"': "Y" is not Doe's words."""
    article = _article(
        '"We are ready for the vote," Doe said, standing beside the mayor who had promised'
        ' "a new bridge by spring."'
    )
    expected = [("We are ready for the vote", "direct", "Doe", "said")]
    assert expected == _summary(article)


def test_paragraph_ending_with_colon_introduces_the_next() -> None:
    """'Doe told the council:' then a paragraph that is a quotation: Doe said it."""
    article = _article(
        '"We have waited long enough," Jane Doe said.',
        "Later, Smith told the council:",
        '"The money for the bridge is there. We will start in May."',
    )
    assert _summary(article)[-1] == (
        "The money for the bridge is there. We will start in May.",
        "direct",
        "Smith",
        "told",
    )


def test_paragraph_ending_with_colon_and_no_cue_gives_its_subject() -> None:
    """'Doe turned to the critics:' and a quoted paragraph: the subject said it, cue ':'."""
    article = _article(
        "Jane Doe turned to the critics at once:", '"Nothing in the plan has changed."'
    )
    expected = [("Nothing in the plan has changed.", "direct", "Jane Doe", ":")]
    assert expected == _summary(article)


def test_sentence_initial_participle_is_no_frame() -> None:
    """'Emphasizing the cost, Doe said, "..."': the participle opens an adverbial clause."""
    article = _article(
        'Emphasizing the cost of the delay, Doe said, "We must start work on the bridge in May."'
    )
    expected = [("We must start work on the bridge in May.", "direct", "Doe", "said")]
    assert expected == _summary(article)


def test_number_comma_does_not_end_the_frame() -> None:
    """'Doe wrote to her 20,000 followers "..."': the thousands comma is no clause break."""
    article = _article(
        "Once the polls had closed on Monday, Doe wrote to her 20,000 followers that the fight"
        " goes on."
    )
    expected = [("that the fight goes on", "indirect", "Doe", "wrote")]
    assert expected == _summary(article)


def test_according_to_after_a_frame_names_the_reporting_source() -> None:
    """'Doe said X, according to the paper': the report's source and cue are "according to"."""
    article = _article("The mayor said the bridge would reopen, according to the Daily Planet.")
    expected = [("the bridge would reopen", "indirect", "the Daily Planet", "according to")]
    assert expected == _summary(article)


# --- mixed and reported speech ----------------------------------------------------------------


def test_mixed_quote() -> None:
    """A quoted fragment inside reported speech makes a mixed quote."""
    article = _article('He called the plan "a disaster" for farmers.')
    expected = [('the plan "a disaster" for farmers', "mixed", "He", "called")]
    assert expected == _summary(article)


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "Officials say the bridge will reopen in May.",
            ("the bridge will reopen in May", "Officials", "say"),
        ),
        (
            "The experts cautioned that the bridge needs new cables.",
            ("that the bridge needs new cables", "The experts", "cautioned"),
        ),
        (
            "The bridge will reopen in May, analysts said.",
            ("The bridge will reopen in May", "analysts", "said"),
        ),
        (
            "According to the ministry, the bridge will reopen in May.",
            ("the bridge will reopen in May", "the ministry", "According to"),
        ),
        (
            "The bridge will reopen in May, according to the ministry.",
            ("The bridge will reopen in May", "the ministry", "according to"),
        ),
        (
            "She has repeatedly stressed that the bridge is safe.",
            ("that the bridge is safe", "She", "stressed"),
        ),
        (
            "The bridge is safe and will stay open, said Smith.",
            ("The bridge is safe and will stay open", "Smith", "said"),
        ),
        (
            "Engineers are warning that the cables are worn.",
            ("that the cables are worn", "Engineers", "warning"),
        ),
        (
            "The ministry told reporters on Monday that the bridge is safe.",
            ("that the bridge is safe", "The ministry", "told"),
        ),
    ],
)
def test_reported_speech(sentence: str, parts: tuple[str, str, str]) -> None:
    """SOURCE + CUE + content in its common orders, tenses and cue verbs."""
    content, source, cue = parts
    expected = [(content, "indirect", source, cue)]
    assert expected == _summary(_article(sentence))


@pytest.mark.parametrize(
    "cue",
    [
        "said",
        "added",
        "noted",
        "stressed",
        "cautioned",
        "warned",
        "argued",
        "suggested",
        "indicated",
        "claimed",
        "insisted",
        "acknowledged",
        "explained",
        "wrote",
        "announced",
    ],
)
def test_speech_writing_and_assertion_verbs_frame_reported_speech(cue: str) -> None:
    """Each speech, writing and assertion verb of the lexicon frames reported speech."""
    article = _article(f"The engineer {cue} that the old bridge needs new cables.")
    expected = [("that the old bridge needs new cables", "indirect", "The engineer", cue)]
    assert expected == _summary(article)


@pytest.mark.parametrize(
    ("verb", "cue"),
    [
        ("has said", "said"),
        ("had warned", "warned"),
        ("has been arguing", "arguing"),
        ("is saying", "saying"),
        ("have long insisted", "insisted"),
    ],
)
def test_perfect_and_progressive_tenses(verb: str, cue: str) -> None:
    """Auxiliaries and adverbs between source and cue leave the frame whole."""
    article = _article(f"The union {verb} that the old bridge needs new cables.")
    expected = [("that the old bridge needs new cables", "indirect", "The union", cue)]
    assert expected == _summary(article)


def test_stance_without_source() -> None:
    """ "X is expected to Y" reports a stance with no source: subject and complement."""
    (quote,) = extract(_article("The mayor is expected to reopen the bridge in May."))
    expected = ("The mayor to reopen the bridge in May", QuoteKind.INDIRECT, None, "is expected")
    attribution = quote.attribution or Attribution()
    assert expected == (quote.text, quote.kind, attribution.source, attribution.cue)
    expected_spans = 2
    assert expected_spans == len(quote.spans)


def test_parenthetical_frame_splits_content() -> None:
    """ "X, many argue, Y" is one quote whose content is X and Y around the frame."""
    article = _article("That attitude, many argue, could carry legal risks for the city.")
    expected = [("That attitude could carry legal risks for the city", "indirect", "many", "argue")]
    assert expected == _summary(article)


def test_headline_inverted_cue() -> None:
    """Headline case: "..., Say Economists"."""
    article = Article(headline="Rates Will Rise Again, Say Economists")
    expected = [("Rates Will Rise Again", "indirect", "Economists", "Say")]
    assert expected == _summary(article)


def test_follow_on_participle_is_a_second_quote() -> None:
    """ "..., adding that Y" is a second quote from the same source."""
    article = _article("Doe said the bridge was safe, adding that repairs would start soon.")
    expected = [
        ("the bridge was safe", "indirect", "Doe", "said"),
        ("that repairs would start soon", "indirect", "Doe", "adding"),
    ]
    assert expected == _summary(article)


def test_quotation_closed_by_a_comma_ends_the_content() -> None:
    """'stressed that "X," adding ...': the words said end with the closing mark."""
    article = _article(
        'Doe stressed that "the ferry must keep running," pointing to the long detour.'
    )
    text, kind, source, cue = _summary(article)[0]
    assert (kind, source, cue) == ("direct", "Doe", "stressed")
    assert text == 'that "the ferry must keep running,"'


@pytest.mark.parametrize(
    "sentence",
    [
        'According to Doe, "the ferry must keep running," presumably meaning the night service.',
        'Doe said, "The ferry must keep running" - the first such promise this year.',
    ],
)
def test_narration_set_off_after_a_quotation_is_left_out(sentence: str) -> None:
    """Narration after a comma or dash that follows the closing mark is not what was said."""
    ((text, kind, source, _),) = _summary(_article(sentence))
    assert (kind, source) == ("direct", "Doe")
    assert "ferry must keep running" in text
    assert "presumably" not in text
    assert "first" not in text


def test_quoted_fragment_in_an_infinitive_is_mixed() -> None:
    """'vowed to "take the fight" to the courts': the clause around the fragment is the content."""
    article = _article('The mayor vowed to "take the fight" to the state courts next year.')
    expected = [
        ('to "take the fight" to the state courts next year', "mixed", "The mayor", "vowed")
    ]
    assert expected == _summary(article)


# --- attribution details ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Her closest allies have in the past said the bridge was safe.", "Her closest allies"),
        ("Critics on the left say the bridge plan is too timid.", "Critics on the left"),
        ('To that, Schilling added: "The bridge is not safe at all."', "Schilling"),
        ("Jane Browning said the bridge will reopen in May.", "Jane Browning"),
        (
            "The super PAC bought new ads, attacking the mayor for the bridge delays.",
            "The super PAC",
        ),
    ],
)
def test_source_phrase_boundaries(sentence: str, source: str) -> None:
    """A phrase after a preposition is no subject, and a name ending in -ing is no participle."""
    ((_, _, found, _),) = _summary(_article(sentence))
    assert found == source


@pytest.mark.parametrize(
    "dateline", ["WASHINGTON — ", "Paris (AFP) – ", "NEW YORK, N.Y. (Reuters) - "]
)
def test_dateline_is_neither_content_nor_speaker(dateline: str) -> None:
    """A dateline before the first sentence is skipped: the subject after it speaks."""
    article = _article(dateline + "Jane Doe left the hearing early, saying the bridge was safe.")
    expected = [("the bridge was safe", "indirect", "Jane Doe", "saying")]
    assert expected == _summary(article)


def test_attribution_spans_point_at_source_and_cue() -> None:
    """Source and cue spans cover exactly the source and cue words."""
    article = _article("“The bridge is safe,” the mayor said on Monday.")
    (quote,) = extract(article)
    attribution = quote.attribution
    assert attribution is not None
    assert attribution.source_span is not None
    assert attribution.cue_span is not None
    expected = "the mayor"
    assert expected == article.quoted(attribution.source_span)
    expected = "said"
    assert expected == article.quoted(attribution.cue_span)
    expected = "mayor"
    assert expected == attribution.head
    expected_kind = SourceKind.PERSON
    assert expected_kind == attribution.kind


def test_role_from_appositive() -> None:
    """An appositive after the name is the source's role."""
    article = _article("Jane Doe, a spokeswoman for the ministry, said the bridge is safe.")
    (quote,) = extract(article)
    assert quote.attribution is not None
    expected = ("Jane Doe", "a spokeswoman for the ministry")
    assert expected == (quote.attribution.source, quote.attribution.role)


def test_role_from_title() -> None:
    """A title before the name is the role; the name is the head."""
    article = _article("President Jane Q. Doe said the bridge is safe.")
    (quote,) = extract(article)
    assert quote.attribution is not None
    expected = ("President", "Doe")
    assert expected == (quote.attribution.role, quote.attribution.head)


def test_pronoun_resolved_to_earlier_name() -> None:
    """ "she" resolves to the most recent full name before it."""
    article = _article(
        "President Jane Q. Doe visited the bridge on Monday.",
        "“It is safe,” she said.",
    )
    (quote,) = extract(article)
    assert quote.attribution is not None
    expected = ("she", "Jane Q. Doe")
    assert expected == (quote.attribution.source, quote.attribution.name)


def test_surname_resolved_to_fullest_mention() -> None:
    """A surname alone resolves to the fullest earlier mention of it."""
    article = _article(
        "Jane Q. Doe visited the bridge on Monday.",
        "Doe said the bridge was safe.",
    )
    (quote,) = extract(article)
    assert quote.attribution is not None
    expected = "Jane Q. Doe"
    assert expected == quote.attribution.name


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("analysts", SourceKind.GROUP),
        ("a senior official", SourceKind.ANONYMOUS),
        ("the report", SourceKind.DOCUMENT),
        ("the ministry", SourceKind.ORGANIZATION),
        ("Jane Doe", SourceKind.PERSON),
        ("FBI general counsel James Baker", SourceKind.PERSON),
        ("The Washington Post", SourceKind.ORGANIZATION),
        ("people familiar with the talks", SourceKind.ANONYMOUS),
    ],
)
def test_source_kinds(source: str, kind: SourceKind) -> None:
    """Groups, anonymous sources, documents, organisations and people are told apart."""
    (quote,) = extract(_article(f"{source[0].upper()}{source[1:]} said the bridge would reopen."))
    assert quote.attribution is not None
    assert kind == quote.attribution.kind


# --- negatives --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'The so-called "reform" passed the council on Monday.',
        'She read "War and Peace" on her holiday in Spain.',
        'Smith, known as "Bulldog," won the race by a mile.',
        'The "Big Apple" welcomed the marathon runners again.',
        "The bridge reopened on Monday after two years of repairs.",
        'The theatre staged a new play called "Sons of the River Town" last spring.',
        '—"The ferry that never left the harbour," by Jane Doe of the Coast Courier.',
    ],
)
def test_no_false_quotes(sentence: str) -> None:
    """Scare quotes, titles, nicknames and plain narration are not quotes."""
    expected: list[Summary] = []
    assert expected == _summary(_article(sentence))


def test_subject_with_an_article_still_calls() -> None:
    """A naming verb after an indefinite subject is a cue, not a title's frame."""
    article = _article('A council member called the plan "a costly mistake for the town."')
    ((_, _, source, cue),) = _summary(article)
    assert (source, cue) == ("A council member", "called")


def test_secretary_of_state_is_not_a_cue() -> None:
    """Nouns that look like cue verbs ("state", "points") do not attribute."""
    article = _article("The secretary of state visited the bridge, which points north.")
    expected: list[Summary] = []
    assert expected == _summary(article)


# --- long and dense paragraphs -----------------------------------------------------------------


def test_quotations_run_on_into_one_quote_only_so_far() -> None:
    """A paragraph of hundreds of quotations is not joined into one ever-growing quote."""
    article = _article('Doe said: "We will rebuild the bridge." ' + '"It takes a year." ' * 300)
    quotes = extract(article)
    assert len(quotes) > 1
    assert max(len(quote.spans) for quote in quotes) <= 64
    assert sum(len(quote.spans) for quote in quotes) == 301


def test_run_on_paragraph_is_read_in_sentence_sized_pieces() -> None:
    """Without full stops, a long paragraph is still cut so that frames find their quotes."""
    article = _article('"we will rebuild the bridge," Doe said and ' * 200)
    quotes = extract(article)
    assert len(quotes) > 1
    assert all(len(quote.text) < 2000 for quote in quotes)


# --- the model contract -----------------------------------------------------------------------


def test_spans_are_exact_and_text_joins_them() -> None:
    """Every span's text is the quoted text; a quote's text joins its spans with spaces,
    each span but the last followed by the punctuation that closed it."""
    article = _article(
        "“The bridge is safe,” the mayor said, “and it will stay open.”",
        "Officials say repairs will take a year, according to the ministry.",
    )
    split, reported = extract(article)
    assert [article.quoted(span) for span in split.spans] == [
        "The bridge is safe",
        "and it will stay open.",
    ]
    assert split.text == "The bridge is safe, and it will stay open."
    assert reported.text == article.quoted(reported.spans[0])


def test_headline_and_block_quote_spans() -> None:
    """Spans point into the headline and into a block quote's paragraphs."""
    article = Article(
        headline="Bridge Will Reopen, Say Engineers",
        body=[BlockQuote(paragraphs=["“It is safe,” the mayor said."])],
    )
    spans = [quote.spans[0] for quote in extract(article)]
    expected = [
        Span(part=TextPart.HEADLINE, start=0, end=18),
        Span(part=TextPart.BODY, start=1, end=11, block=0, item=0),
    ]
    assert expected == spans


def test_standfirst_quotes() -> None:
    """The standfirst is read too, with spans pointing into it."""
    article = Article(
        headline="Bridge to reopen",
        standfirst="Officials say the bridge will reopen in May.",
    )
    (quote,) = extract(article)
    expected = (Span(part=TextPart.STANDFIRST, start=14, end=43), "the bridge will reopen in May")
    assert expected == (quote.spans[0], article.quoted(quote.spans[0]))


def test_with_quotes_fills_article() -> None:
    """with_quotes returns a new article whose quotes are extract()'s."""
    article = _article("“The bridge is safe,” the mayor said.")
    filled = with_quotes(article)
    assert extract(article) == filled.quotes
    expected = ()
    assert expected == article.quotes


def test_with_quotes_keeps_every_other_field_and_the_articles_class() -> None:
    """The filled article is the given one with its quotes replaced, whatever it held, and a
    subclass of Article stays one."""
    import attrs

    from newsmodel._model import Byline, BylineKind, Organization

    article = Article(
        headline="Bridge to reopen",
        standfirst="The mayor spoke.",
        body=[Paragraph(text="“The bridge is safe,” the mayor said.")],
        bylines=[Byline(name="Jane Doe", kind=BylineKind.PERSON)],
        language="en",
        url="https://example.com/bridge",
        keywords=["bridge"],
        publisher=Organization(name="Example News"),
    )
    filled = with_quotes(article)
    assert filled == attrs.evolve(article, quotes=extract(article))

    @attrs.frozen
    class Story(Article):
        pass

    story = Story(headline="Bridge to reopen", body=[Paragraph(text="“Safe,” she said.")])
    assert type(with_quotes(story)) is Story


def test_options_keep_only_some_kinds() -> None:
    """QuoteOptions(kinds=...) filters the result."""
    article = _article(
        "“The bridge is safe,” the mayor said.", "Officials say it will reopen in May."
    )
    quotes = extract(article, QuoteOptions(kinds=[QuoteKind.DIRECT]))
    expected = [QuoteKind.DIRECT]
    assert expected == [q.kind for q in quotes]


def test_no_name_resolution_when_disabled() -> None:
    """QuoteOptions(resolve_names=False) leaves Attribution.name empty."""
    article = _article("Jane Doe arrived.", "“It is safe,” she said.")
    (quote,) = extract(article, QuoteOptions(resolve_names=False))
    assert quote.attribution is not None
    assert quote.attribution.name is None


def test_quote_values_are_model_values() -> None:
    """The result is made of model classes that validate in an Article."""
    article = _article("“The bridge is safe,” the mayor said.")
    (quote,) = extract(article)
    assert isinstance(quote, Quote)
    expected = (quote,)
    assert expected == with_quotes(article).quotes
