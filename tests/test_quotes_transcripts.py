"""Turns of an interview or a broadcast transcript are quotes of their speakers; labelled
paragraphs that are no dialogue (a glossary, a feature list, captions) are not.

Every article here is written for these tests.
"""

from __future__ import annotations

from quote_rows import quote_rows


def test_questions_and_answers_are_turns_of_their_labels() -> None:
    rows = quote_rows(
        "The harbor master spoke to us after the storm.",
        "Q: What happened at the pier on Monday night?",
        "A: The pilings gave way under the barges.",
        "Q: Will it reopen before the summer?",
        "A: Not before spring, I am afraid.",
    )
    assert rows == [
        ("What happened at the pier on Monday night?", "Q", ":"),
        ("The pilings gave way under the barges", "A", ":"),
        ("Will it reopen before the summer?", "Q", ":"),
        ("Not before spring, I am afraid", "A", ":"),
    ]


def test_a_broadcast_transcript_names_its_speakers_in_capitals() -> None:
    rows = quote_rows(
        "NINA OKAFOR: Why not hold the vote this week?",
        "RAVI NAIR: Because the council has not seen the budget yet.",
        "OKAFOR: So the vote waits for the budget?",
        "NAIR: It waits for the budget, and nothing else.",
    )
    assert [(source, text) for text, source, _ in rows] == [
        ("NINA OKAFOR", "Why not hold the vote this week?"),
        ("RAVI NAIR", "Because the council has not seen the budget yet"),
        ("OKAFOR", "So the vote waits for the budget?"),
        ("NAIR", "It waits for the budget, and nothing else"),
    ]


def test_a_frame_inside_a_turn_is_a_quote_of_its_own() -> None:
    rows = quote_rows(
        "Q: Who decided to close the pier?",
        "A: The council said the pilings were unsafe.",
        "Q: And the ferry company agreed with that?",
        "A: They agreed on Tuesday, after the inspection.",
    )
    assert ("The council said the pilings were unsafe", "A", ":") in rows
    assert ("the pilings were unsafe", "The council", "said") in rows


def test_a_glossary_or_a_feature_list_is_no_dialogue() -> None:
    glossary = (
        "Syntax: the order of words in the command, with its options.",
        "Default: the value used when the option is left out.",
        "Context: where in the file the option may be written.",
        "Syntax: the same for the second command of the list.",
        "Default: off, unless the server was built with it.",
    )
    features = (
        "Long Battery Life: up to six hours of playback on a single charge.",
        "Fast Charging: ten minutes of charge give an hour of music.",
        "Long Battery Life: the case holds three more charges.",
        "Fast Charging: a cable comes in the box.",
    )
    assert quote_rows(*glossary) == []
    assert quote_rows(*features) == []


def test_one_speaker_alone_is_no_dialogue() -> None:
    rows = quote_rows(
        "UPDATE: The ferry will run on the winter timetable.",
        "UPDATE: The first crossing leaves at seven.",
        "UPDATE: Tickets bought online stay valid.",
        "UPDATE: The cafe on board stays closed.",
    )
    assert rows == []
