"""Transcript lines: paragraphs that open with a speaker's label ("Q:", "KATE DOE:", "DOE:").

An interview printed as questions and answers, or a broadcast transcript, gives each turn its
own paragraph and names its speaker before a colon. Pages are full of paragraphs that look the
same and are no speech: a glossary ("Syntax: …"), a list of features ("Long Battery Life: …"),
labels ("Photo:", "Update:"). So a paragraph counts as a turn only when the article holds a
dialogue: at least two speakers who each speak at least twice, whose turns are most of the
labelled paragraphs, and whose labels are a transcript's own: "Q" and "A", or names in
capitals ("KATE DOE:", "DOE:"). The turn is the speaker's words, from the colon to the
paragraph's end; the label is its source and the colon its cue.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .boundaries import Field, Found, make_found, speechlike

__all__ = ["transcript_turns", "turn_quote"]

#: A speaker's label opening a paragraph: "Q", "A", a name of up to four capitalised words,
#: or one in capitals ("KATE BOULDUAN"), then a colon and the words said.
_LABEL = re.compile(
    r"\s*(?P<label>[QA]|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s+(?=[\w\"“‘'(\[])"
)

#: Labels that file a paragraph rather than name who speaks in it (compared in lower case).
_NOT_SPEAKERS = frozenset(
    "photo|photos|video|image|images|source|sources|credit|caption|file|related|read more|"
    "see also|update|updated|correction|clarification|note|editor's note|editor’s note|"
    "watch|listen|tags|topics|share|follow|contact|email|phone|when|where|what|who|why|how|"
    "price|cost|date|time|location|venue|tickets|website|address|hours|details|more|also|"
    "background|context|the latest|breaking|breaking news|exclusive|analysis|opinion|"
    "editorial|byline|story|summary|key points|bottom line|disclosure|advertisement|warning|"
    "trigger warning|spoiler|answer|question|result|results|verdict|score|total|example|"
    "quote|quotes|translation|transcript|full text|text|notes|sign up|subscribe".split("|")
)

#: A name in capitals, as broadcast transcripts label their speakers.
_CAPITALS_NAME = re.compile(r"[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z.'’-]*){0,3}")

#: Fewest words a turn says.
_FEWEST_WORDS = 3

#: Fewest speakers of a dialogue, each speaking at least twice.
_FEWEST_SPEAKERS = 2

#: The share of labelled paragraphs the dialogue's speakers must hold.
_DIALOGUE_SHARE = 2 / 3


def _speaker_key(label: str) -> str:
    """One key per speaker: "KATE BOULDUAN" and "BOULDUAN" are the same person."""
    return label.split()[-1].lower()


def _people(labels: set[str]) -> set[str]:
    """The keys of the labels that name a speaker: "Q" and "A" together, or a name in capitals
    as broadcast transcripts write them ("KATE BOULDUAN", "BOULDUAN"). A label in mixed case
    ("Matthews", but as often "Integration" or "Lakers") is no evidence of a person alone."""
    people = {_speaker_key(label) for label in labels if _CAPITALS_NAME.fullmatch(label)}
    if {"q", "a"} <= {label.lower() for label in labels}:
        people.update(("q", "a"))
    return people


def transcript_turns(fields: Sequence[str], headline: int | None) -> dict[int, tuple[int, int]]:
    """The fields that are turns of a transcript, with where each one's label is.

    Args:
        fields: The article's text fields in reading order.
        headline: The index of the headline among them, which is never a turn.

    Returns:
        For each turn, the field's index and the ``(start, end)`` of its speaker's label; the
        colon follows the label, and the words said follow the colon. Empty unless the article
        reads as a dialogue.
    """
    labelled: dict[int, tuple[int, int]] = {}
    labels: dict[int, str] = {}
    for index, text in enumerate(fields):
        if index == headline or ":" not in text:
            continue  # a label ends with a colon: most paragraphs are read no further
        match = _LABEL.match(text)
        if match is None:
            continue
        label = match.group("label")
        if label.lower() in _NOT_SPEAKERS or len(text[match.end() :].split()) < _FEWEST_WORDS:
            continue
        labelled[index] = match.span("label")
        labels[index] = label
    if len(labelled) < 2 * _FEWEST_SPEAKERS:
        return {}
    counts = Counter(_speaker_key(label) for label in labels.values())
    people = _people(set(labels.values()))
    speakers = {key for key, count in counts.items() if count >= 2 and key in people}
    if len(speakers) < _FEWEST_SPEAKERS or sum(
        counts[key] for key in speakers
    ) < _DIALOGUE_SHARE * len(labelled):
        return {}
    return {
        index: span for index, span in labelled.items() if _speaker_key(labels[index]) in people
    }


def turn_quote(fi: int, field: Field, label: tuple[int, int]) -> Found | None:
    """The quote of a transcript's turn: the words after the colon, said by the label."""
    colon = field.text.index(":", label[1])
    said = (colon + 1, len(field.text))
    if not speechlike(field.text, said):
        return None  # a list of names after a label, not words said
    return make_found(fi, field, [said], (label[0], label[1], label[1]), (colon, colon + 1))
