"""Present-tense cues that are also nouns: "the poll shows", "Trump calls", "critics claim".

The lexicon keeps only the past and -ing forms of verbs whose present forms are mostly nouns in
news text ("the report", "percentage points", "his claims"). Those present forms are cues when
the word before them can only be their subject: a name, a pronoun, or a noun that speaks or
shows ("the poll shows", "analysts claim"), and never after "have" ("has plans to").
"""

from __future__ import annotations

import re

from .cues import DOCUMENT_NOUNS, GROUP_NOUNS, NOUNISH, ORGANIZATION_WORDS, inflect
from .sources import BETWEEN, DETERMINERS, FUNCTION

__all__ = ["NOUNISH_PRESENT", "subject_before"]

#: Lemmas whose present forms stay nouns whatever precedes them ("the state", "objects").
_ALWAYS_NOUNS = frozenset("state object cry muse chant counter echo".split())

#: The base and third-person forms of the noun-like lemmas.
NOUNISH_PRESENT = frozenset(
    form for lemma in NOUNISH - _ALWAYS_NOUNS for form in inflect(lemma)[:2]
)

#: Present forms of naming, cues only as "call for" and "call on": "Locals call the terminal
#: "the glass box"" names. One speaker's "calls" ("Ryan calls the remark "racist"") judges,
#: and reports what that speaker said, as "called" does.
_NAMING = frozenset({"call"})
_NAMING_PARTICLES = (" for ", " on ")

#: Forms of "have" right before a present form make it a noun.
_HAVE = frozenset({"has", "have", "had"})

#: A "that" clause right after a form.
_THAT_CLAUSE = re.compile(r"\s+that\s")


def _may_be_subject(word: str) -> bool:
    """Whether a word can end a subject noun phrase: no determiner, preposition, auxiliary or
    verb form ("rejected claims that" is a noun after a verb)."""
    return (
        word.isalpha()
        and word not in DETERMINERS
        and word not in FUNCTION
        and word not in BETWEEN
        and not word.endswith(("ed", "ing"))
    )


_THIRD_PERSON = frozenset(inflect(lemma)[1] for lemma in NOUNISH - _ALWAYS_NOUNS)

_SINGULAR_PRONOUNS = frozenset("he she it".split())
_PLURAL_PRONOUNS = frozenset("they we i you".split())

#: Singular nouns that can show or report: "the survey shows", "the campaign claims".
_SINGULAR_SPEAKERS = (
    frozenset(noun for noun in DOCUMENT_NOUNS if not noun.endswith("s")) | ORGANIZATION_WORDS
)

#: Plural nouns that can show or report: "polls show", "numbers suggest".
_PLURAL_SPEAKERS = GROUP_NOUNS | frozenset(noun for noun in DOCUMENT_NOUNS if noun.endswith("s"))


def subject_before(text: str, at: int, form: str) -> bool:
    """Whether the word before a noun-like present form at ``at`` is its subject.

    Args:
        text: The field's text.
        at: Where the form starts.
        form: The form as written, lower case ("shows", "hope").

    Returns:
        ``True`` after a name or a pronoun or noun of the form's number.
    """
    if form in _NAMING and not text.startswith(_NAMING_PARTICLES, at + len(form)):
        return False
    words = text[max(0, at - 80) : at].split()
    if words and words[-1].lower() in _HAVE:
        # "has plans to", "have doubts": a noun after "have"; the verb would be "has planned".
        return False
    while words and words[-1].lower() in BETWEEN:
        words.pop()
    if not words:
        return False
    word = words[-1]
    if word.endswith(("'s", "’s", "s'", "s’")):
        # "Trump's tweet", "Editor's note": a possessive before a noun.
        return False
    bare = word.strip("),").lower()
    if _THAT_CLAUSE.match(text, at + len(form)) and _may_be_subject(bare):
        # "Data show that ...", "Analysis shows that ...": a noun before the form and a "that"
        # clause after it make it a verb.
        return True
    third = form in _THIRD_PERSON
    if third:
        if bare in _SINGULAR_PRONOUNS or bare in _SINGULAR_SPEAKERS:
            return True
        # A name: "Trump calls", "Rep. Doe (D-Va.) claims"; not "the Calls" or "Mr." alone.
        return word[:1].isupper() and bare not in DETERMINERS and not word.endswith("s")
    return (
        bare in _PLURAL_PRONOUNS
        or bare in _PLURAL_SPEAKERS
        or (word[:1].isupper() and word.endswith("s") and len(word) > 3)
    )
