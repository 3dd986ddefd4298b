"""Describe a source phrase: its kind, its role and the full name it stands for.

:func:`source_kind` classifies a source as written ("analysts" is a group, "Jane Doe" a
person), :func:`split_role` splits a title off a name ("Clinton spokesman Jesse Ferguson"),
:func:`name_mentions` finds the names a text mentions and :func:`surname_of` the surname a
short form stands for, from which :mod:`newsmodel.quotes` resolves a pronoun or a surname to
the fullest earlier mention.
"""

from __future__ import annotations

import functools
import re

from .cues import DOCUMENT_NOUNS, GROUP_NOUNS, ORGANIZATION_WORDS, PERSON_NOUNS
from .place_names import PLACE_NAMES, PLACE_NOUNS
from .sources import DETERMINERS

__all__ = ["name_mentions", "source_core", "source_kind", "split_role", "surname_of"]

# --- patterns ---------------------------------------------------------------------------------

#: Pronouns that can be a source, by the kind of source they name.
_PERSON_PRONOUNS = frozenset("he she i you someone somebody one".split())
_GROUP_PRONOUNS = frozenset("they we everyone".split())

#: Titles that may precede a name; taken as the source's role.
_TITLES = frozenset(
    "president sen. senator rep. representative gov. governor mayor secretary minister "
    "prime gen. general dr. prof. professor judge justice chairman chairwoman speaker "
    "ambassador director attorney former vice lt. col. capt. adm. gov sen rep gen dr".split()
)
_HONORIFICS = frozenset("mr. mrs. ms. miss mr mrs ms dr. dr sir dame".split())
_TITLES_AND_HONORIFICS = _TITLES | _HONORIFICS

#: Words that are capitalised but never part of a person's name as a source.
_NOT_NAME = frozenset(
    "the a an in on at for of and but or if when while after before mr. mrs. ms. monday "
    "tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december i".split()
)
#: Conjunctions that open a sentence before a name: "Although Doe voted for it".
_OPENING_CONJUNCTIONS = frozenset(
    "although though because since as unlike despite whether until once unless".split()
)

_ANONYMOUS_HINT = frozenset("a an one some several unnamed anonymous senior familiar who".split())


# --- describing sources -----------------------------------------------------------------------


#: A preposition that ends the core of a source phrase ("officials [of the party]").
_PHRASE_PREPOSITION = re.compile(r"\s(?:of|with|for|at|from|in|on)\s")


@functools.lru_cache(maxsize=4096)
def source_core(source: str) -> str:
    """The part of a source phrase before its first preposition, which holds its head.

    Args:
        source: The source phrase ("a spokeswoman for the ministry").

    Returns:
        The core ("a spokeswoman"), or the phrase itself when it has no preposition.
    """
    core = _PHRASE_PREPOSITION.split(source, maxsplit=1)[0]
    return core if core.strip() else source


@functools.lru_cache(maxsize=4096)
def source_kind(source: str) -> str:
    """Classify a source phrase as written.

    Args:
        source: The source phrase ("analysts", "a senior official", "Jane Doe").

    Returns:
        One of ``person``, ``group``, ``organization``, ``anonymous``, ``document``,
        ``unknown`` (the values of :class:`~newsmodel.SourceKind`).
    """
    if "familiar" in source or "anonymity" in source:
        return "anonymous"
    # "a spokeswoman for the ministry" is a spokeswoman: classify the phrase before its
    # first preposition.
    source = source_core(source)
    words = [w.lower() for w in re.findall(r"[\w.'’-]+", source)]
    if not words:
        return "unknown"
    head = words[-1].rstrip(".")
    if head in _PERSON_PRONOUNS:
        return "person"
    if head in _GROUP_PRONOUNS:
        return "group"
    if head in ("it", "who"):
        return "unknown"
    if head in DOCUMENT_NOUNS and not source.split()[-1][:1].isupper():
        return "document"
    if (head in ORGANIZATION_WORDS and not source[:1].isupper()) or (
        words[0] == "the" and (head in ORGANIZATION_WORDS or head in PLACE_NOUNS)
    ):
        return "organization"
    if _place(source):
        return "organization"
    if head in GROUP_NOUNS or (head.removesuffix("s") in PERSON_NOUNS and head.endswith("s")):
        # A plural, in title case too ("Energy Analysts" in a headline), is a group.
        return "group"
    tokens = re.findall(r"[\w.'’-]+", source)
    capitalised = [w for w in tokens if w[0].isupper() and w.lower() not in DETERMINERS]
    trailing: list[str] = []
    for token in reversed(tokens):
        if not token[0].isupper():
            break
        trailing.insert(0, token.lower().rstrip("."))
    if any(w in ORGANIZATION_WORDS for w in trailing):
        return "organization"
    if len(trailing) >= 2 and trailing[-1] not in PERSON_NOUNS:
        # "FBI general counsel James Baker": a person, whatever the description says.
        return "person"
    if words[0] in _ANONYMOUS_HINT and not capitalised:
        return "anonymous"
    if head in GROUP_NOUNS or (head.endswith("s") and not capitalised and len(head) > 3):
        return "group"
    if capitalised and source.split()[-1][:1].isupper():
        return "person"
    if head in PERSON_NOUNS:
        return "person"
    return "unknown"


def _place(source: str) -> bool:
    """Whether a source is a place's name ("Canada", "the United States", "New Hampshire")."""
    words = source.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words) in PLACE_NAMES


@functools.lru_cache(maxsize=4096)
def split_role(source: str) -> tuple[str, str | None]:
    """Split a leading title or description off a name: "Clinton spokesman Jesse Ferguson".

    Args:
        source: The source phrase as written.

    Returns:
        The name part and the role part (``None`` when there is none).
    """
    words = source.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return source, None
    j = len(words)
    while j > 0 and words[j - 1][:1].isupper() and words[j - 1].lower() not in _TITLES:
        j -= 1
    name_words = words[j:]
    while name_words and name_words[0].lower() in _HONORIFICS:
        name_words = name_words[1:]
    if j == 0 or not name_words:
        return source, None
    role = " ".join(words[:j])
    # A role ends in a title or a person noun ("Clinton spokesman", "former Sen."); anything
    # else before a capitalised word is part of a longer name ("the Bank of England").
    last = words[j - 1].lower()
    if last not in _TITLES and last.rstrip(".") not in PERSON_NOUNS:
        return source, None
    return " ".join(words[j:]), role


# --- names ------------------------------------------------------------------------------------


#: A run of capitalised words that may be a person's full name. The word boundary is checked
#: after the first capital, so that a search skips ahead to the capitals (see
#: :func:`~newsmodel._extract.quotes.cues.capitalised_pattern`).
NAME_RUN = re.compile(
    r"[A-Z](?<!\w.)[a-z’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'-]+))*\s+[A-Z][a-z’'-]+\b"
)


def name_mentions(text: str) -> list[tuple[int, str]]:
    """Find the runs of capitalised words in a text that may name a person.

    Args:
        text: One field's text.

    Returns:
        ``(offset, name)`` for each run, titles and honorifics stripped, in order.
    """
    out = []
    for match in NAME_RUN.finditer(text):
        # The words are split once: a text has a run of capitals every few words.
        words = match.group().split()
        start = match.start()
        if words[0].lower() in _OPENING_CONJUNCTIONS:
            # The name starts after the conjunction that opens its sentence.
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if words[0].lower() in _NOT_NAME:
            continue
        words = _without_titles(words)
        if len(words) >= 2 and not _organisation(words):
            out.append((start, " ".join(words)))
    return out


def surname_of(source: str) -> str | None:
    """The surname a short form of a name stands for ("Doe", "Ms. Doe"), or ``None``.

    A pronoun or a longer name is no short form; resolving one is the caller's business.
    """
    words = [w for w in source.split() if w.lower() not in _HONORIFICS]
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    return words[0]


def _without_titles(words: list[str]) -> list[str]:
    while len(words) > 2 and words[0].lower() in _TITLES_AND_HONORIFICS:
        words = words[1:]
    return words


def _organisation(words: list[str]) -> bool:
    return not ORGANIZATION_WORDS.isdisjoint(map(str.lower, words))
