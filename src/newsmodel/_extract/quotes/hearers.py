"""What may stand between a cue and its content: a hearer ("told the AP his firm ..."), a time
("said on Monday") or a setting ("said in a statement they ...").
"""

from __future__ import annotations

from collections.abc import Sequence

from .cues import GROUP_NOUNS, PERSON_NOUNS
from .sources import TIME_NOUNS

__all__ = [
    "CLAUSE_PRONOUNS",
    "SETTING_LEADS",
    "TIME_WORDS",
    "after_hearer",
    "after_setting",
    "in_place_name",
    "pronoun",
]


#: Time words that only lead a time phrase ("on Monday", "this week").
_TIME_LEADS = frozenset("on in last this early late".split())

#: Words of a time phrase right after a cue: "said on Monday", "told reporters last week".
TIME_WORDS = TIME_NOUNS | _TIME_LEADS | frozenset("earlier later recently previously".split())

#: Prepositions that open the setting of a saying: "said in a statement", "wrote on Facebook".
SETTING_LEADS = frozenset("in on at during".split())

#: Subject pronouns that open a content after a hearer: "told reporters he ...".
CLAUSE_PRONOUNS = frozenset("he she they we I it there".split())


def pronoun(token: str) -> str:
    """A token without its contracted verb: "he’s" is "he", "they'd" is "they"."""
    return token.split("’")[0].split("'")[0]


#: Object pronouns that are a whole hearer: "told me", "assured them".
_OBJECT_PRONOUNS = frozenset("me us him her them you".split())
#: Nouns that end a hearer after a determiner: "told the crowd", "told his aides".
_HEARER_NOUNS = (
    GROUP_NOUNS
    | PERSON_NOUNS
    | frozenset(
        "crowd audience newspaper paper station network magazine committee panel jury court "
        "outlet program programme show radio television broadcaster interviewer reporters "
        "journalists".split()
    )
)
#: Words that may open the clause after a hearer: a determiner or possessive.
_CLAUSE_OPENERS = frozenset(
    "the a an his her their its our my this these those some many most no every".split()
)


def after_hearer(window: Sequence[tuple[int, int, str]]) -> int | None:
    """Where the content starts after a hearer that is a name or a noun phrase: "told the AP
    his firm worked ...", "told POLITICO Florida the state's standards ...", "told his aides
    the vote was lost". ``None`` unless a hearer and then a clause's first word stand there.
    """
    first = window[0][2]
    if first.lower() in _OBJECT_PRONOUNS:
        k = 1
    elif first.lower() in ("the", "his", "her", "their", "a", "an") or first[:1].isupper():
        k = 1 if not first[:1].isupper() else 0
        caps = k
        while caps < min(len(window), k + 5) and window[caps][2][:1].isupper():
            caps += 1
        if caps > k:
            k = caps
            if k + 1 < len(window) and window[k][2] == "of" and window[k + 1][2][:1].isupper():
                k += 2  # "The Star-Ledger of Newark"
        elif k < len(window) and window[k][2].lower() in _HEARER_NOUNS:
            k += 1
        else:
            return None
    elif first.lower() in _HEARER_NOUNS:
        k = 1
    else:
        return None
    when = k
    while when < len(window) - 1 and window[when][2].lower() in TIME_WORDS:
        when += 1
    if when > k and window[when - 1][2].lower() not in _TIME_LEADS:
        k = when  # "last week", "on Monday"; not "this" opening the content
    if k >= len(window) - 1:
        return None
    tstart, _, tok = window[k]
    if tok.lower() in ("to", "not") and window[k + 1][2][:1].islower():
        return tstart  # "told the crowd to go home", "told Doe not to worry": what was asked
    if (
        tok.lower() in ("that", "this")
        or tok.lower() in _CLAUSE_OPENERS
        or tok in CLAUSE_PRONOUNS
        or tok[:1].isupper()
    ):
        return tstart if tok.lower() != "that" or k + 1 < len(window) else None
    return None


def after_setting(window: Sequence[tuple[int, int, str]]) -> int | None:
    """Where the content starts after the setting of a saying: "said in a statement they had
    ...", "has said for weeks he is ...". ``None`` unless a subject pronoun opens a clause there.
    """
    for tstart, _, tok in window[2:10]:
        if not tok[:1].isalnum() or tok.lower() in ("that", "which", "who"):
            break
        if pronoun(tok) in CLAUSE_PRONOUNS and tok not in ("it", "there"):
            return tstart
    return None


def in_place_name(window: Sequence[tuple[int, int, str]], k: int) -> bool:
    """Whether the comma at ``window[k]`` sets off a state or country after a town: "in
    Columbus, Ohio, that", "in Salem, New Hampshire on Monday that"."""
    if k < 1 or not window[k - 1][2][:1].isupper():
        return False
    # The comma after the town: one to three capitalised words, then a comma or the setting.
    j = k + 1
    while j < len(window) and j - k <= 3 and window[j][2][:1].isupper():
        j += 1
    if k + 1 < j < len(window) and (
        window[j][2] == "," or window[j][2].lower() in _AFTER_PLACE_NAME
    ):
        return True
    # The comma after the state: the town and its comma before it.
    i = k - 1
    while i >= 0 and k - i <= 3 and window[i][2][:1].isupper():
        i -= 1
    return 1 <= i < k - 1 and window[i][2] == "," and window[i - 1][2][:1].isupper()


#: Words that go on with a saying's setting after a place name: "in Salem, New Hampshire on
#: Monday that".
_AFTER_PLACE_NAME = TIME_WORDS | {"that", "on", "in", "at", "during"}
