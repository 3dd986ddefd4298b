"""Reported (indirect) speech: where its frames are found and where their contents end.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel._model import Article, Attribution, Paragraph
from newsmodel.quotes import extract
from quote_rows import Row, quote_rows


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The dredging stopped in May. According to the port authority, the channel is "
            "still too shallow for tankers.",
            ("the channel is still too shallow for tankers", "the port authority", "According to"),
        ),
        (
            "Hours later, the ferry company said the crossing was cancelled.",
            ("the crossing was cancelled", "the ferry company", "said"),
        ),
    ],
)
def test_frame_inside_a_paragraph(paragraph: str, expected: Row) -> None:
    """A frame is found wherever its sentence stands in the paragraph, and a short adverbial
    before "SOURCE said" is not mistaken for the content of an inverted frame."""
    assert quote_rows(paragraph) == [expected]


def test_inverted_frame_still_takes_a_hearer() -> None:
    """After "told", a determiner opens the hearer, not the content: the inversion holds."""
    rows = quote_rows("The channel is too shallow, the harbour master told the council.")
    assert rows == [("The channel is too shallow", "the harbour master", "told")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The minister vowed to reopen the harbour by spring.",
            ("to reopen the harbour by spring", "The minister", "vowed"),
        ),
        (
            "A spokeswoman for the port declined to comment.",
            ("to comment", "A spokeswoman for the port", "declined"),
        ),
        (
            "The ferry company did not respond to several questions about the delay.",
            ("several questions about the delay", "The ferry company", "respond"),
        ),
        (
            "Mayor Ana Ruiz planned to resign after the vote.",
            ("to resign after the vote", "Mayor Ana Ruiz", "planned"),
        ),
        (
            "The ferry company intends to double its crossings.",
            ("to double its crossings", "The ferry company", "intends"),
        ),
    ],
)
def test_what_was_promised_refused_or_answered(paragraph: str, expected: Row) -> None:
    """A verb of promising, refusing or intending reports its infinitive; "respond to" its
    object."""
    assert quote_rows(paragraph) == [expected]


def test_an_infinitive_after_a_verb_of_promising_must_be_a_verb() -> None:
    """ "agreed to a debate" names what was agreed to, not an infinitive: no quote from it."""
    assert quote_rows("The two mayors agreed to a debate in March.") == []


def test_relative_clause_frame_ends_at_its_comma() -> None:
    """ "Doe, who said X, said Y": two quotes, the relative clause's content ending at its
    comma and the main clause's frame kept."""
    rows = quote_rows(
        "Ana Ruiz, who said the survey was rushed, said the channel must be dredged again."
    )
    assert rows == [
        ("the survey was rushed", "who", "said"),
        ("the channel must be dredged again", "Ana Ruiz", "said"),
    ]


def test_coordinated_frame_ends_the_content_before_it() -> None:
    """ "X said A, and Y said B": the second frame is no part of the first content."""
    rows = quote_rows("Most pilots said the channel is safe, and two captains said it is not.")
    assert rows == [
        ("the channel is safe", "Most pilots", "said"),
        ("it is not", "two captains", "said"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Of the pilots polled, 42% say the channel is safe.", ("42%", "say")),
        ("Nearly three in five said the toll is too high.", ("Nearly three in five", "said")),
        ("Those surveyed said the ferry should run at night.", ("Those surveyed", "said")),
    ],
)
def test_a_poll_share_is_the_source(paragraph: str, expected: tuple[str, str]) -> None:
    """A share of the people a poll asked speaks for them: "42% say", "two in three said"."""
    rows = quote_rows(paragraph)
    assert [(source, cue) for _, source, cue in rows] == [expected]


def test_a_negated_auxiliary_stands_between_source_and_cue() -> None:
    """ "The mayor hasn't said when": the source is the mayor, not the auxiliary."""
    rows = quote_rows("The mayor hasn’t said when the bridge reopens.")
    assert rows == [("when the bridge reopens", "The mayor", "said")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Ruiz told the Tribune the channel would be dredged in June.",
            ("the channel would be dredged in June", "Ruiz", "told"),
        ),
        (
            "Ruiz told reporters this was the last chance to fund it.",
            ("this was the last chance to fund it", "Ruiz", "told"),
        ),
        (
            "Ruiz told The Harbour Gazette of Leith last week she would not run again.",
            ("she would not run again", "Ruiz", "told"),
        ),
    ],
)
def test_content_after_a_named_or_described_hearer(paragraph: str, expected: Row) -> None:
    """After "told" and its hearer (a name, "reporters", a time after it), the clause is the
    content."""
    assert quote_rows(paragraph) == [expected]


def test_told_with_a_plain_object_reports_nothing_after_it() -> None:
    """ "told a long story" has no clause after a hearer: nothing is reported from it."""
    assert quote_rows("The old pilot told a long story about the storm.") == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The mayor talked about the cost of the new locks.",
            ("the cost of the new locks", "The mayor", "talked"),
        ),
        (
            "The council discussed a plan to widen the channel.",
            ("a plan to widen the channel", "The council", "discussed"),
        ),
        (
            "Ruiz made it clear that the port would not pay for it.",
            ("that the port would not pay for it", "Ruiz", "made it clear"),
        ),
    ],
)
def test_topics_and_assertions_without_a_verb_of_saying(paragraph: str, expected: Row) -> None:
    """ "talked about X", "discussed X" report their topic; "made it clear that" its clause."""
    assert quote_rows(paragraph) == [expected]


def test_talking_without_a_topic_reports_nothing() -> None:
    """ "spoke to reporters" says with whom, not what: no quote."""
    assert quote_rows("The mayor spoke to reporters for an hour.") == []


def test_source_set_off_by_a_long_aside_still_frames_its_clause() -> None:
    """When the words before "said" are too tangled to name a source, the clause after it is
    still reported, with the sentence's opening noun phrase as its source."""
    rows = quote_rows(
        "The board's website, run by Jane Okafor, a retired pilot who sailed the north "
        "channel for years, said the ferry will resume in June."
    )
    assert rows == [("the ferry will resume in June", "The board's website", "said")]


def test_an_inverted_frame_is_not_read_as_an_unnamed_one() -> None:
    """ "..., said Jane Okafor, a pilot." names its source after the cue: the name is no
    content."""
    rows = quote_rows('"We will sail at dawn," said Jane Okafor, a retired pilot.')
    assert rows == [("We will sail at dawn", "Jane Okafor", "said")]


def test_a_colon_in_the_next_sentence_does_not_move_the_content() -> None:
    """A quotation after a colon in the next sentence is no part of this sentence's content."""
    rows = quote_rows(
        'Aides say the minister plans to "fully back" the dredging. '
        'From her statement: "We will not wait another year."'
    )
    content, source, cue = rows[0]
    assert content.startswith('the minister plans to "fully back" the dredging')
    assert (source, cue) == ("Aides", "say")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Most pilots said the plan is sound, though Ruiz said she doubted it would pass.",
            ("she doubted it would pass", "Ruiz", "said"),
        ),
        (
            "Most pilots said the plan is sound, while two captains warned that the channel "
            "is too shallow.",
            ("that the channel is too shallow", "two captains", "warned"),
        ),
    ],
)
def test_a_second_frame_after_a_subordinator(paragraph: str, expected: Row) -> None:
    """A second frame after "though", "while", "because" … is a quote of its own."""
    assert expected in quote_rows(paragraph)


def test_follow_on_after_a_comma_inside_the_closing_mark() -> None:
    """'... "X," adding that Y': the follow-on is found when the comma closes the quotation."""
    rows = quote_rows(
        'Ruiz said the toll is "far too low for the upkeep," adding that it must double.'
    )
    assert rows == [
        ('the toll is "far too low for the upkeep,"', "Ruiz", "said"),
        ("that it must double", "Ruiz", "adding"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The harbour board's decision was first reported by the Gazette.",
            ("The harbour board's decision", "the Gazette", "reported"),
        ),
        (
            "Ruiz has been criticized by several pilots for delaying the dredging.",
            ("Ruiz for delaying the dredging", "several pilots", "criticized"),
        ),
    ],
)
def test_passive_with_an_agent(paragraph: str, expected: Row) -> None:
    """ "X was reported by Y": the subject is what Y reported, Y the source; a reason after
    the agent ("for delaying …") is part of what was said."""
    assert quote_rows(paragraph) == [expected]


def test_passive_of_a_verb_of_no_saying_reports_nothing() -> None:
    """ "was joined by his wife" reports no speech."""
    assert quote_rows("The mayor was joined by his wife at the launch.") == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Data show that the channel silts up faster each year.",
            ("that the channel silts up faster each year", "Data", "show"),
        ),
        (
            "Analysis shows that the locks lose water at night.",
            ("that the locks lose water at night", "Analysis", "shows"),
        ),
    ],
)
def test_a_noun_like_present_form_before_a_that_clause_is_a_verb(
    paragraph: str, expected: Row
) -> None:
    """ "Data show that …": a noun before "show" and a "that" clause after it make it a verb."""
    assert quote_rows(paragraph) == [expected]


def test_a_noun_like_form_after_a_verb_stays_a_noun() -> None:
    """ "rejected claims that …": "claims" is the object, not a cue with its own subject."""
    rows = quote_rows("The pilots rejected claims that the channel was safe.")
    assert [cue for _, _, cue in rows] == ["rejected"]


def test_according_to_without_a_comma_after_a_long_clause() -> None:
    """ "X according to Y" with no comma still attributes X to Y when X is a clause."""
    rows = quote_rows(
        "The toll would have to double by next spring according to the port authority."
    )
    assert rows == [
        ("The toll would have to double by next spring", "the port authority", "according to")
    ]


def test_reportedly_is_a_report_without_a_named_source() -> None:
    """ "X is reportedly doing Y": what is reported, its source left unnamed."""
    rows = quote_rows("The ferry company is reportedly preparing to sell its oldest boat.")
    assert rows == [("The ferry company preparing to sell its oldest boat", None, "reportedly")]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Ruiz to Harbour Board: The Locks Will Close",
            ("The Locks Will Close", "Ruiz", ":"),
        ),
        (
            "Okafor: Pilots Will Say No to the Plan",
            ("Pilots Will Say No to the Plan", "Okafor", ":"),
        ),
    ],
)
def test_headline_colon_with_a_hearer_or_a_cue_after_it(headline: str, expected: Row) -> None:
    """ "Name to Hearer: content" is a colon frame, and a cue after the colon belongs to the
    quoted words, not to a frame of its own."""
    article = Article(headline=headline, body=[Paragraph(text="The board met on Monday.")])
    rows = []
    for quote in extract(article):
        a = quote.attribution or Attribution()
        rows.append((quote.text, a.source, a.cue))
    assert rows == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            'The governor gave a defence of "rural values," saying the towns deserved better.',
            ("the towns deserved better", "The governor", "saying"),
        ),
        (
            "The coach changed his pick on the spot – saying he now backed the visitors.",
            ("he now backed the visitors", "The coach", "saying"),
        ),
        (
            "Okafor signed the budget, while saying that the tax credits came too late.",
            ("that the tax credits came too late", "Okafor", "saying"),
        ),
    ],
)
def test_a_participle_of_saying_after_a_quotation_a_dash_or_while(
    paragraph: str, expected: Row
) -> None:
    """A participle of saying hangs on the sentence's subject also after a comma inside a
    closing mark, after a dash, and after ", while"."""
    assert quote_rows(paragraph) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The ferry will not run before June, said Ines Varga, a planner at the port, "
            "who has studied the route for years.",
            ("The ferry will not run before June", "Ines Varga", "said"),
        ),
        (
            "Ticket sales were strong, she said, waving at the queue.",
            ("Ticket sales were strong", "she", "said"),
        ),
        (
            "The vote was close, he said after meeting the council, because turnout was low.",
            ("The vote was close", "he", "said"),
        ),
    ],
)
def test_words_after_a_trailing_frame_that_describe_the_speaker(
    paragraph: str, expected: Row
) -> None:
    """A relative clause on the source, a participle of manner or a reason after a frame that
    follows its content is no content of its own: what was said comes before the frame."""
    assert quote_rows(paragraph) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The repairs will take a month, the engineer said, and the bridge stays shut.",
            ("The repairs will take a month the bridge stays shut", "the engineer", "said"),
        ),
        (
            "The first vote was easy, she said, winning the second would be much harder.",
            ("The first vote was easy winning the second would be much harder", "she", "said"),
        ),
    ],
)
def test_reported_speech_goes_on_after_its_frame(paragraph: str, expected: Row) -> None:
    """ "X, she said, and Y" and a clause opened by a gerund after the frame are one content in
    two spans."""
    assert quote_rows(paragraph) == [expected]


def test_a_quotation_before_the_frame_does_not_run_on_into_narration() -> None:
    rows = quote_rows('"We won," the captain said, and soon the fans were singing.')
    assert rows == [("We won", "the captain", "said")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The water board said in a statement on Friday night they had closed the well.",
            ("they had closed the well", "The water board", "said"),
        ),
        (
            "Mensah has said for months she is the only candidate who can win the north.",
            ("she is the only candidate who can win the north", "Mensah", "said"),
        ),
        (
            "The mayor said in a long interview with the city paper that the pool would reopen.",
            ("that the pool would reopen", "The mayor", "said"),
        ),
        (
            "The league wrote to the players’ union that the season would start late.",
            ("that the season would start late", "The league", "wrote"),
        ),
        (
            "Ortiz told the Valley Herald he’s received hundreds of letters.",
            ("he’s received hundreds of letters", "Ortiz", "told"),
        ),
        (
            "The owner, Ada Lind, a builder, said Tuesday that she had sold the yard, but "
            "cautioned against reading much into it.",
            ("that she had sold the yard", "Ada Lind", "said"),
        ),
    ],
)
def test_content_after_the_setting_of_a_saying(paragraph: str, expected: Row) -> None:
    """After "said in a statement", "said for months", "wrote to the union", the clause that
    follows is the content, with or without "that"; a contraction still opens it."""
    assert quote_rows(paragraph)[0] == expected


def test_a_preposition_after_a_stance_verb_opens_no_content_after_its_comma() -> None:
    """ "blamed for X, killing Y": the participle after the comma is no content."""
    assert quote_rows("The guards were blamed for the fire, killing the project.") == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The engineers said the cables were sound, the mayor said she would order a "
            "second inspection.",
            [
                ("the cables were sound", "The engineers", "said"),
                ("she would order a second inspection", "the mayor", "said"),
            ],
        ),
        (
            "Funding was the main reason for the delay, Okafor also noted the crews had "
            "been short of steel.",
            [("the crews had been short of steel", "Okafor", "noted")],
        ),
        (
            "The clerk said the vote was delayed, Harbor Board Chair Ana Maria Ruiz said the "
            "count would resume on Monday.",
            [
                ("the vote was delayed", "The clerk", "said"),
                ("the count would resume on Monday", "Harbor Board Chair Ana Maria Ruiz", "said"),
            ],
        ),
        (
            "Drivers say the toll is too high, they say the ferry is cheaper.",
            [
                ("the toll is too high", "Drivers", "say"),
                ("the ferry is cheaper", "they", "say"),
            ],
        ),
    ],
)
def test_a_second_frame_after_a_bare_comma_is_a_quote_of_its_own(
    paragraph: str, expected: list[Row]
) -> None:
    """A comma splice joins two reports: the first content ends at the comma and the
    second frame names its own speaker."""
    assert quote_rows(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The mayor said the bridge was safe, even as engineers warned that the cables were "
        "rusting.",
        "The mayor said the bridge was safe, after engineers warned that the cables were rusting.",
        "The mayor said the bridge was safe — engineers warned that the cables were rusting.",
        "The mayor said the bridge was safe -- engineers warned that the cables were rusting.",
    ],
)
def test_a_second_frame_after_a_subordinator_or_a_dash_ends_the_first_content(
    paragraph: str,
) -> None:
    """ "X, as Y warned Z" and "X — Y warned Z": what Y warned is Y's, not part of X."""
    assert quote_rows(paragraph) == [
        ("the bridge was safe", "The mayor", "said"),
        ("that the cables were rusting", "engineers", "warned"),
    ]


def test_a_frame_between_two_dashes_is_an_aside() -> None:
    """ "X — as Doe says — Y": the dashes close around the aside, and the content runs on."""
    rows = quote_rows("The mayor said the bridge — as engineers say — was safe.")
    assert rows == [("the bridge — as engineers say — was safe", "The mayor", "said")]


def test_a_parenthetical_frame_inside_a_content_splits_nothing() -> None:
    """A frame set off by commas on both sides (", Doe said,") belongs to the clause around it."""
    rows = quote_rows("The council said the repairs, the engineers agreed, would take a year.")
    assert rows == [("the repairs, the engineers agreed, would take a year", "The council", "said")]


def test_a_cue_inside_an_asked_question_is_the_questions_own() -> None:
    """In "Asked whether X wanted Y, Doe said Z" the verb in the question frames nothing; the
    answer is Doe's."""
    rows = quote_rows(
        "Asked whether the council wanted higher tolls, Mayor Lena Ortiz said she would "
        "wait for the audit."
    )
    assert rows == [
        ("whether the council wanted higher tolls", None, "Asked"),
        ("she would wait for the audit", "Mayor Lena Ortiz", "said"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Ruiz complained to the Daily Star's night editor that the count was rushed.",
            ("that the count was rushed", "Ruiz", "complained"),
        ),
        (
            "The clinic said about half of its nurses had left since spring.",
            ("about half of its nurses had left since spring", "The clinic", "said"),
        ),
        (
            "The ferry will stay in port, harbour master Lena Ortiz told REUTERS on Monday.",
            ("The ferry will stay in port", "harbour master Lena Ortiz", "told"),
        ),
    ],
)
def test_hearers_and_amounts_between_a_cue_and_its_content(paragraph: str, expected: Row) -> None:
    """A hearer after "complained to", "about" as "roughly", and a named hearer after an
    inverted "told" leave the frame as it is."""
    assert quote_rows(paragraph) == [expected]


def test_a_relative_that_after_an_infinitive_is_no_content() -> None:
    """ "agreed to clean the land that had been spoiled": the promise is the infinitive."""
    rows = quote_rows(
        "The new owner agreed to clean up the yards and the land that had been spoiled."
    )
    assert rows == [
        ("to clean up the yards and the land that had been spoiled", "The new owner", "agreed")
    ]


def test_a_clause_after_an_inverted_cue_names_no_source() -> None:
    """ "- said Park has two options": the words after the cue are what was said."""
    rows = quote_rows(
        "Ana Park, the union's head - who was elected in May - said Park has two options."
    )
    assert rows == [("Park has two options", "Ana Park", "said")]


def test_a_second_frame_after_the_first_frames_cue() -> None:
    """'"X," Doe says, but she cautions that Y': the second frame is a quote of its own."""
    rows = quote_rows(
        '"The plan can work," Okoro says, but she cautions that it will "take years."'
    )
    assert rows == [
        ("The plan can work", "Okoro", "says"),
        ('that it will "take years."', "she", "cautions"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "In a Harbour Times poll released Monday, most residents backed the new ferry.",
            (
                "most residents backed the new ferry",
                "a Harbour Times poll released Monday",
                "In",
            ),
        ),
        (
            "In the latest survey, conducted in early May, the mayor led by nine points.",
            ("the mayor led by nine points", "the latest survey", "In"),
        ),
    ],
)
def test_what_a_poll_found(paragraph: str, expected: Row) -> None:
    """ "In a Y poll, X": the poll or survey named at the start of a sentence is the source of
    what follows it, past an aside on how it was conducted."""
    assert quote_rows(paragraph) == [expected]


def test_a_poll_frame_holds_the_answers_reported_in_it() -> None:
    rows = quote_rows("In a regional poll, 40 percent of drivers said the toll was too high.")
    assert rows == [
        ("40 percent of drivers said the toll was too high", "a regional poll", "In"),
        ("the toll was too high", "40 percent of drivers", "said"),
    ]


def test_a_place_where_polls_were_held_is_no_poll_frame() -> None:
    rows = quote_rows("In four towns where polls were held, turnout was low.")
    assert rows == []


def test_according_to_after_a_colon() -> None:
    rows = quote_rows("Nobody missed it: according to the port authority, traffic fell by half.")
    assert rows == [("traffic fell by half", "the port authority", "according to")]


@pytest.mark.parametrize(
    ("paragraph", "question"),
    [
        ("When asked whom she backed, the councillor smiled.", "whom she backed"),
        ("When asked to leave the stage, the heckler sat down.", "to leave the stage"),
        ("Asked Tuesday about the closure, the mayor shrugged.", "about the closure"),
        (
            "Asked at a briefing in Halifax about the ferry, the minister changed the subject.",
            "about the ferry",
        ),
    ],
)
def test_asked_with_a_capital_when_a_time_or_a_place(paragraph: str, question: str) -> None:
    """ "When asked …" opening a sentence, a day or a place after "asked", and a request to
    do something are questions reported like "asked whether …"."""
    assert quote_rows(paragraph)[0] == (question, None, "asked" if "When" in paragraph else "Asked")


def test_a_participle_of_saying_that_opens_the_sentence() -> None:
    """ "Noting X, Doe said Y": the opening participle reports X, and the frame's source said
    it."""
    rows = quote_rows("Noting that the dam was built in 1950, Okafor said repairs were overdue.")
    assert rows == [
        ("that the dam was built in 1950", "Okafor", "Noting"),
        ("repairs were overdue", "Okafor", "said"),
    ]


def test_an_opening_participle_of_action_reports_nothing() -> None:
    rows = quote_rows("Leaving the hall after the vote, Okafor said repairs were overdue.")
    assert rows == [("repairs were overdue", "Okafor", "said")]


def test_a_town_and_its_state_between_a_cue_and_that() -> None:
    rows = quote_rows(
        "The senator ended her run, telling supporters in Dayton, Ohio, that she was proud."
    )
    assert rows == [("that she was proud", "The senator", "telling")]


def test_a_frame_after_its_content_reports_a_cue_inside_that_content() -> None:
    """ "Drivers who have continued X, a common habit, officials said": "continued" sits inside
    what the officials said; the frame after the content is the quote."""
    rows = quote_rows(
        "The fines could reach drivers who have continued parking on the quay after "
        "warnings, a common habit in summer, officials said."
    )
    assert rows == [
        (
            "The fines could reach drivers who have continued parking on the quay after "
            "warnings, a common habit in summer",
            "officials",
            "said",
        )
    ]


def test_a_clause_after_an_opening_adverbial_is_content() -> None:
    rows = quote_rows("In all, the festival raised $2 million, county records show.")
    assert rows == [("In all, the festival raised $2 million", "county records", "show")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The coach stood up, telling Ruiz to leave the pitch at once.",
            ("to leave the pitch at once", "The coach", "telling"),
        ),
        (
            "I told Marta not to worry about the rain.",
            ("not to worry about the rain", "I", "told"),
        ),
        (
            "The author told an audience at a book fair in Leeds last week that the sequel "
            "was finished.",
            ("that the sequel was finished", "The author", "told"),
        ),
    ],
)
def test_what_a_hearer_was_told(paragraph: str, expected: Row) -> None:
    """After a hearer, "to …" and "not to …" are what was asked, and "that" may come after a
    long hearer and setting."""
    assert quote_rows(paragraph) == [expected]


def test_a_participle_of_saying_after_by() -> None:
    """ "X won the room by saying Y": "by" joins the participle to the sentence's subject."""
    rows = quote_rows("The mayor won the room by saying the pool would stay open.")
    assert rows == [("the pool would stay open", "The mayor", "saying")]


def test_it_as_the_subject_of_a_participle_of_saying() -> None:
    """ "It goes on to fault X, saying Y": a report or an organisation says Y."""
    rows = quote_rows("It goes on to fault the port's planning, saying the dredging came too late.")
    assert rows == [("the dredging came too late", "It", "saying")]


def test_it_before_a_participle_of_action_is_no_source() -> None:
    assert quote_rows("It rained all week, leaving the harbour road flooded.") == []


def test_after_a_participle_of_saying_the_clauses_subject_said_it() -> None:
    """ "After saying X, Doe left": the subject of the clause after the comma said X."""
    rows = quote_rows("After saying the vote was rigged, Okafor left the hall.")
    assert rows == [("the vote was rigged", "Okafor", "saying")]


def test_went_on_to_say() -> None:
    """ "The mayor went on to say X": the sentence's subject says X."""
    rows = quote_rows("The mayor went on to say that the pool would reopen in June.")
    assert rows == [("that the pool would reopen in June", "The mayor", "say")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Ms. Lindqvist was quick to add that the ferry would keep its winter timetable.",
            ("that the ferry would keep its winter timetable", "Ms. Lindqvist", "add"),
        ),
        (
            "Councillor Abara took to Twitter to say the budget vote had been rushed.",
            ("the budget vote had been rushed", "Councillor Abara", "say"),
        ),
        (
            "The bishop used his Easter sermon to warn that the shelter was nearly full.",
            ("that the shelter was nearly full", "The bishop", "warn"),
        ),
    ],
)
def test_an_infinitive_of_saying_after_quick_to_took_to_or_used(
    paragraph: str, expected: Row
) -> None:
    """ "was quick to add X", "took to Twitter to say X", "used his sermon to warn X": the
    sentence's subject says X."""
    assert quote_rows(paragraph) == [expected]


def test_quick_to_an_act_is_not_speech() -> None:
    """ "was quick to repair X" reports an act: no quote."""
    assert quote_rows("The council was quick to repair the harbour wall after the storm.") == []


def test_a_follow_on_after_the_frames_setting() -> None:
    """'"X," Doe said at a meeting in the town hall, adding that Y': Doe says Y too."""
    rows = quote_rows(
        "“The ferry will run late,” Lindqvist said at a meeting in the old town hall, "
        "adding that the winter timetable would return in May."
    )
    assert rows == [
        ("The ferry will run late", "Lindqvist", "said"),
        ("that the winter timetable would return in May", "Lindqvist", "adding"),
    ]


def test_a_follow_on_after_before() -> None:
    """'"X," Doe replied before adding that Y': Doe says Y too."""
    rows = quote_rows(
        "“Thank you,” Okafor replied before adding that the hall would stay open late."
    )
    assert rows == [
        ("Thank you", "Okafor", "replied"),
        ("that the hall would stay open late", "Okafor", "adding"),
    ]


def test_an_act_before_a_participle_is_not_its_frame() -> None:
    """ "Doe planned the trip before knowing X": knowing is no verb of saying."""
    assert quote_rows("Okafor booked the hall before knowing the date of the vote.") == []


def test_a_second_frame_joined_by_and_after_a_clause_of_its_own() -> None:
    """ "Doe said X, but she left early and her deputy said Y": two quotes, two speakers."""
    rows = quote_rows(
        "Lindqvist said the ferry would run late, but she left before the vote and her "
        "deputy said the winter timetable would return in May."
    )
    assert rows == [
        ("the ferry would run late", "Lindqvist", "said"),
        ("the winter timetable would return in May", "her deputy", "said"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Chief District Judge Mary Ann Okafor imposed a fine, saying the delay was avoidable.",
            ("the delay was avoidable", "Chief District Judge Mary Ann Okafor", "saying"),
        ),
        (
            "In March, a county judge sided with the tenants, saying the rent rise was unlawful.",
            ("the rent rise was unlawful", "a county judge", "saying"),
        ),
    ],
)
def test_a_participle_of_saying_hangs_on_a_long_or_indefinite_subject(
    paragraph: str, expected: Row
) -> None:
    """A six-word name, or "a county judge" after a leading phrase, says what the
    participle reports."""
    assert quote_rows(paragraph) == [expected]


def test_an_inverted_frame_whose_source_has_a_relative_clause() -> None:
    """ "X, said the skipper who has sailed it for years": the clause describes the skipper."""
    rows = quote_rows(
        "The ferry will run late all winter, said the skipper who has sailed it for years."
    )
    assert rows == [("The ferry will run late all winter", "the skipper", "said")]


def test_two_sources_joined_by_and_after_the_content() -> None:
    """ "X, nurses and ward managers said": both noun phrases are the source."""
    rows = quote_rows(
        "The night shift is short of staff every weekend, nurses and ward managers said."
    )
    assert rows == [
        ("The night shift is short of staff every weekend", "nurses and ward managers", "said")
    ]


def test_a_participle_of_saying_after_a_sentence_opening_but() -> None:
    """ "But the other bidder, Doe, walked out, saying X": the subject after "But" says X."""
    rows = quote_rows(
        "But the other bidder at the auction, Mr. Okafor, walked out, saying the reserve was "
        "far too high."
    )
    assert rows == [("the reserve was far too high", "the other bidder", "saying")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Harbor pilots see the new channel as a hazard to the ferries.",
            ("the new channel as a hazard to the ferries", "Harbor pilots", "see"),
        ),
        (
            "Most islanders viewed the toll as a tax on their commute.",
            ("the toll as a tax on their commute", "Most islanders", "viewed"),
        ),
    ],
)
def test_a_view_held_as_seeing_x_as_y(paragraph: str, expected: Row) -> None:
    """ "see X as Y", "view X as Y" report a stance of their subject, as "believe" does."""
    assert expected in quote_rows(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Riders will see their fares rise as they cross more often.",
        "The port saw a drop in traffic as a result of the storm.",
        "Visitors saw the ferry leave the pier at noon.",
    ],
)
def test_seeing_without_a_view_reports_nothing(paragraph: str) -> None:
    """Seeing something happen, or "as" opening a clause or an idiom, is no stance."""
    assert all(cue not in ("see", "saw") for _, _, cue in quote_rows(paragraph))


@pytest.mark.parametrize(
    "paragraph",
    [
        "The board has plans to sell the pier.",
        "The planned bridge will open in May.",
        "Riders have hopes for a second ferry.",
        "Careful planning for the storm season kept the ferries running.",
        "The pier was never intended as a berth for tankers.",
    ],
)
def test_a_present_form_after_have_or_before_a_noun_is_a_noun(paragraph: str) -> None:
    """ "has plans", "have hopes", "the planned bridge" and "careful planning" name things,
    and an intention without its "to" reports nothing."""
    assert quote_rows(paragraph) == []
