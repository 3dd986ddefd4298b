"""Find the source phrase next to a cue: "Jane Doe, a spokeswoman, said", "said Smith".

:func:`source_before` walks left from a cue over adverbs and auxiliaries to the noun phrase
that says it (and its appositive); :func:`source_after` reads the phrase that follows an
inverted cue. Both return character offsets in the field's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .cues import DOCUMENT_NOUNS, GROUP_NOUNS, PERSON_NOUNS
from .marks import ABBREVIATION, is_quote_mark

__all__ = [
    "BETWEEN",
    "DETERMINERS",
    "FUNCTION",
    "TIME_NOUNS",
    "source_after",
    "source_before",
    "speaking_subject",
    "strip_stop",
    "tokens",
]

# --- patterns ---------------------------------------------------------------------------------

#: A token for phrase analysis: a word (with inner dots, hyphens, apostrophes) or a punctuation
#: character.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[.'’&-]\w+)*\.?|[^\w\s]")

#: Words that may sit between a source and its cue ("has also repeatedly said").
BETWEEN = frozenset(
    "has have had 's ’s is are was were been be will would could should may might must can "
    "also not never still again already later earlier once often recently repeatedly previously "
    "publicly privately frequently then now long first initially since further just even "
    "reportedly allegedly apparently did does do quickly flatly explicitly specifically "
    "privately openly widely separately additionally".split()
) | frozenset(
    # Negated auxiliaries, with either apostrophe: "Doe didn't say", "Doe hasn’t said".
    negated.replace("'", apostrophe)
    for negated in "didn't doesn't don't won't wouldn't can't couldn't hasn't haven't hadn't "
    "isn't wasn't aren't weren't shouldn't".split()
    for apostrophe in "'’"
)

#: Words that end a source phrase when walking left from its cue.
_CLAUSE_BREAK = frozenset(
    "that and but or nor while because when whereas as if although though after before since "
    "so where which what how why whether until unless than once yet then "
    "said says say told tells according is are was were has have had be been being do does did "
    "will would can could should may might must also not there here".split()
)

#: Words that cannot end a source phrase.
FUNCTION = frozenset(
    "of for at in on with from by to into about over under between against among via than "
    "like per up out off".split()
)

#: Prepositions that tie a noun phrase to the noun before it ("officials of the party").
_NOUN_PREPOSITIONS = frozenset("of with for at from in".split())

#: Words that start a noun phrase; the walk left stops after taking one.
DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your many some several most "
    "few two three four five six seven eight nine ten one both all other another each every "
    "no any such top senior".split()
)

#: Quantifiers that stand alone as a source: "many argue", "some say", "others warned".
_QUANTIFIERS = frozenset("many some most others both all several few".split())

#: Pronouns that can be a source.
_PRONOUNS = frozenset("he she they we i you it who someone somebody everyone one".split())

#: Verbs that make a clause of the words after an inverted cue.
_FINITE_AUXILIARIES = frozenset(
    "has have had is are was were will would can could should may might must does did".split()
)

#: How far before its cue (in characters) a source phrase is looked for.
_SOURCE_REACH = 240

_TITLE_CASE = re.compile(r"^[A-Z0-9]")


# --- phrases ----------------------------------------------------------------------------------


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of each match of :data:`TOKEN` in ``text[start:end]``.

    No token spans white space, and most words between spaces are one token ("said") or a
    token and a mark ("said,"): those are taken as they are, and only the rest ("U.S.-led",
    "(D-Va.)") are matched, which costs three times as much per token. Where the only white
    space is the plain space (a printable text holds no other), each word's offset follows
    from the lengths of those before it rather than a search for it.
    """
    window = text[start:end]
    if not window.isprintable():
        return _tokens_between(text, start, window.split())
    out: list[tuple[int, int, str]] = []
    at = start
    for chunk in window.split(" "):
        if not chunk:
            at += 1  # one of a run of spaces
            continue
        after = at + len(chunk)
        if chunk.isalnum() or len(chunk) == 1:
            out.append((at, after, chunk))
        else:
            _split_chunk(text, at, after, chunk, out)
        at = after + 1
    return out


def _tokens_between(text: str, start: int, chunks: list[str]) -> list[tuple[int, int, str]]:
    """The tokens of ``chunks``, the words between white space of ``text`` from ``start``."""
    out: list[tuple[int, int, str]] = []
    at = start
    for chunk in chunks:
        at = text.find(chunk, at)
        after = at + len(chunk)
        if chunk.isalnum() or len(chunk) == 1:
            out.append((at, after, chunk))
        else:
            _split_chunk(text, at, after, chunk, out)
        at = after
    return out


def _split_chunk(
    text: str, at: int, after: int, chunk: str, out: list[tuple[int, int, str]]
) -> None:
    """Add the tokens of a word between spaces that is more than letters and digits."""
    if chunk[:-1].isalnum() and not chunk[-1].isalnum() and chunk[-1] != "_":
        if chunk[-1] == ".":
            out.append((at, after, chunk))  # the word's own stop: "Doe."
        else:
            out.append((at, after - 1, chunk[:-1]))
            out.append((after - 1, after, chunk[-1]))
    else:
        out += [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, at, after)]


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def source_before(
    text: str, lo: int, end: int, participle: bool = False
) -> tuple[int, int, int] | None:
    """Find the source phrase that ends just before a cue at ``end``.

    Args:
        text: The field's text.
        lo: Where the search must stop (the sentence or frame start).
        end: Where the cue starts.
        participle: Whether the cue is an -ing form, which never follows an appositive.

    Returns:
        ``(start, end, role_end)`` of the source phrase; ``role_end`` is past an appositive
        ("Jane Doe, a spokeswoman for X,") when there is one, else equal to ``end``.
        ``None`` when no plausible source stands there.
    """
    if end - lo > _SOURCE_REACH:
        # A source and its appositive fit in a few dozen words; start at a word boundary.
        space = text.find(" ", end - _SOURCE_REACH, end)
        # Without a space in reach (minified JSON, a run of tags) the reach still bounds it.
        lo = space + 1 if space >= 0 else end - _SOURCE_REACH
    # Most sources are a word or two: read the last few dozen characters first, and all of
    # the reach only when the walk left goes past them.
    near = text.rfind(" ", lo, max(lo, end - _NEAR_REACH)) + 1
    if near > lo and len(text[lo:near].split()) >= _UNREAD_BEFORE:
        try:
            return _source_in(_UNREAD + tokens(text, near, end), participle)
        except _Unread.Reached:
            pass
    return _source_in(tokens(text, lo, end), participle)


#: How many characters before a cue :func:`source_before` reads first.
_NEAR_REACH = 48


class _Unread:
    """A token not read, standing in a list of tokens before those read: any use of it raises
    :class:`_Unread.Reached`.

    :func:`_source_in` walks left over tokens by index and compares an index with a constant
    only to stop at the list's start, so run over the last tokens after a run of these, it
    either finds what it finds over all of them or reaches past those read and raises.
    """

    __slots__ = ()

    class Reached(Exception):
        """The walk left went past the tokens read."""

    def __getitem__(self, index: int) -> object:
        raise _Unread.Reached


#: Unread tokens, more than any walk steps over without looking at a token (an appositive
#: is looked for at most 19 tokens back), before the tokens read.
_UNREAD: list[Any] = [_Unread()] * 24
#: How many tokens at least the whole reach must hold before those read first, so that an
#: index compared with a constant (``j >= 2``) is past the start of both lists.
_UNREAD_BEFORE = 3


def _source_in(
    toks: Sequence[tuple[int, int, str]], participle: bool
) -> tuple[int, int, int] | None:
    """The source phrase that ends with the last of ``toks`` (see :func:`source_before`)."""
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in BETWEEN or _adverb(toks[i][2])):
        i -= 1
    when = _time_before(toks, i)
    if when < i:
        # "Doe (D-Va.) on Saturday criticized", "Police had last month charged": a time
        # between a source and its cue.
        i = when
        while i >= 0 and (toks[i][2].lower() in BETWEEN or _adverb(toks[i][2])):
            i -= 1
    if i < 0:
        return None
    role_end = toks[i][1]
    if toks[i][2] in (",", "—", "–") and i >= 1 and not participle:
        # An appositive: "Jane Doe, a spokeswoman for the ministry, said".
        j = i - 1
        while j >= 0 and toks[j][2] not in (",", "(", "—", "–", ";", ":") and i - j <= 18:
            j -= 1
        if j >= 2 and toks[j][2] in (",", "—", "–") and toks[j - 1][2] == ")":
            # "Rep. Jane Doe (D-Va.), a member of ..., said": step over the parenthesis.
            k = j - 1
            while k > 0 and toks[k][2] != "(":
                k -= 1
            j = k
        if j >= 1 and toks[j][2] in (",", "—", "–", "("):
            name = _noun_phrase(toks, j - 1)
            if name is not None and _looks_like_name(toks, name):
                return toks[name][0], toks[j - 1][1], role_end
        return None
    if toks[i][2] == ")":
        # "Rep. Trey Gowdy (R-S.C.) said": step over the parenthesis.
        j = i
        while j >= 0 and toks[j][2] != "(":
            j -= 1
        if j < 1:
            return None
        i = j - 1
    first = _noun_phrase(toks, i)
    if first is None:
        first = _share_of_people(toks, i)
        if first is None:
            return None
        return toks[first][0], toks[i][1], toks[i][1]
    if first > 1 and toks[first - 1][2] == "and":
        # "X, teachers and union officials said": two noun phrases joined by "and" after the
        # content's comma speak together.
        other = _noun_phrase(toks, first - 2)
        if other is not None and (other == 0 or toks[other - 1][2] in (",", "—", "–")):
            return toks[other][0], toks[i][1], toks[i][1]
    if first > 0 and toks[first - 1][2].lower() in FUNCTION:
        # A phrase after a preposition is no subject: "allies have in the past said", "critics
        # on the left say". The source is the noun phrase before the preposition, with the
        # prepositional phrase when it describes that noun.
        k = first - 2
        while k >= 0 and (toks[k][2].lower() in BETWEEN or _adverb(toks[k][2])):
            k -= 1
        head = _noun_phrase(toks, k) if k >= 0 else None
        if head is not None:
            end = toks[i][1] if k == first - 2 else toks[k][1]
            return toks[head][0], end, end
    return toks[first][0], toks[i][1], toks[i][1]


def role_is_clause(text: str, source: tuple[int, int, int]) -> bool:
    """Whether what :func:`source_before` took for an appositive is a clause of its own:
    "X, but the losses would outstrip the gains, said Doe" (not "Doe, a spokeswoman who was
    hired in May, said", whose relative clause describes the name)."""
    for word in text[source[1] : source[2]].split():
        low = word.strip(",.;:—–()").lower()
        if low in ("who", "whose", "which", "that") or low.endswith(("ing", "ed")):
            return False
        if low in _FINITE_AUXILIARIES:
            return True
    return False


#: Words of a time phrase that may stand between a source and its cue.
TIME_NOUNS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning afternoon evening night week month year weekend".split()
)
_TIME_LEAD = frozenset("on last this next early late earlier later".split())


def _time_before(toks: Sequence[tuple[int, int, str]], i: int) -> int:
    """The index of the last token before a time phrase ending at ``i`` ("on Saturday",
    "last month"), or ``i`` when no time phrase ends there."""
    j = i
    while j >= 0 and toks[j][2].lower().rstrip(".") in TIME_NOUNS:
        j -= 1
    if j == i:
        return i
    while j >= 0 and toks[j][2].lower() in _TIME_LEAD:
        j -= 1
    if j >= 0 and toks[j][2].islower() and toks[j][2].endswith("ed"):
        # "a report published Wednesday said": the time belongs to the participle.
        return i
    return j


def _adverb(token: str) -> bool:
    return len(token) > 4 and token.islower() and token.endswith("ly") and token != "only"


def _participle(token: str) -> bool:
    """An -ing form ("saying"), not a name that ends like one ("Schilling", "Browning")."""
    return token.islower() and token.endswith("ing")


def _noun_phrase(toks: Sequence[tuple[int, int, str]], last: int) -> int | None:
    """The index of the first token of a noun phrase ending at token ``last``."""
    head = toks[last][2]
    low = head.lower()
    if not _is_word(head) and head not in ("’s", "'s"):
        return None
    if low in _PRONOUNS or low in _QUANTIFIERS:
        return last
    if low in _CLAUSE_BREAK or low in DETERMINERS or low in FUNCTION:
        return None
    if _participle(head) and low not in DOCUMENT_NOUNS:
        return None  # "polling", "filing" and "ruling" are nouns that can report
    if head.islower() and (low.endswith("ed") and low not in GROUP_NOUNS):
        return None
    j = last
    while j > 0 and last - j < 12:
        prev = toks[j - 1][2]
        plow = prev.lower()
        if plow in DETERMINERS:
            j -= 1
            if (
                j >= 2
                and toks[j - 1][2] in _NOUN_PREPOSITIONS
                and _is_word(toks[j - 2][2])
                and toks[j - 2][2].lower() not in _CLAUSE_BREAK
                and toks[j - 2][2].lower() not in BETWEEN
            ):
                # "Archbishop Aris Shirvanian of the Armenian Patriarchate", "people familiar
                # with the talks": the phrase goes on to the left of its preposition.
                j -= 1
                continue
            break
        if not _is_word(prev) and prev not in ("’s", "'s", "-", "&", "."):
            break
        if prev == "-" and j >= 2 and toks[j - 2][2] == "-":
            break  # "--" is a dash between clauses, not a hyphen in a name
        if plow in _CLAUSE_BREAK or plow in _PRONOUNS:
            break
        j -= 1
    # A phrase may not begin with a preposition left over from the walk.
    while j < last and toks[j][2].lower() in ("of", "for", "at", "in", "on", "with", "from"):
        j += 1
    return j


#: Number words that count people in a poll's share: "two in three", "one in five".
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten half third quarter".split()
)
#: Participles that make "those" the people a poll asked: "those surveyed say".
_POLLED = frozenset("surveyed polled questioned interviewed asked sampled".split())


def _share_of_people(toks: Sequence[tuple[int, int, str]], last: int) -> int | None:
    """The first token of a poll's share of people ending at token ``last``, or ``None``.

    "42% say", "26 percent said", "Two in three said", "nearly three in five said", "those
    surveyed say": the share speaks for the people it counts.
    """

    def number(k: int) -> bool:
        word = toks[k][2].lower()
        return word[:1].isdigit() or word in _NUMBER_WORDS

    tok = toks[last][2].lower()
    if tok in _POLLED and last >= 1 and toks[last - 1][2].lower() in ("those", "people"):
        return last - 1
    if tok == "%" and last >= 1 and toks[last - 1][2][:1].isdigit():
        first = last - 1
    elif last >= 2 and toks[last - 1][2].lower() in ("in", "of") and number(last - 2):
        # "two in three", "three of four".
        first = last - 2
    else:
        return None
    if first >= 1 and toks[first - 1][2].lower() in _APPROXIMATELY:
        first -= 1
    return first


#: Words that hedge a share: "nearly half", "about 40%".
_APPROXIMATELY = frozenset("nearly almost about roughly some over just only fully".split())


def strip_stop(text: str, start: int, end: int, hi: int) -> int:
    """Leave out a sentence's full stop from a phrase that ends the sentence."""
    if end >= hi - 1 and text[end - 1] == "." and not ABBREVIATION.search(text[start:end]):
        return end - 1
    return end


def _looks_like_name(toks: Sequence[tuple[int, int, str]], first: int) -> bool:
    """Whether a phrase before an appositive starts like a name or a described person."""
    return bool(_TITLE_CASE.match(toks[first][2])) or toks[first][2].lower() in DETERMINERS


#: Words that end an inverted source: "said Doe, who", "said a spokesman in Washington".
_AFTER_SOURCE = frozenset("who that which in on at during after".split())


def _describes_name(toks: Sequence[tuple[int, int, str]]) -> bool:
    """Whether lowercase words describing a person lead to a capitalised name: "said longtime
    GOP strategist Jane Doe", "says political scientist Dossym Satpayev", "said state Sen.
    Jane Doe" (not "said they're supporting Clinton")."""
    described = False
    for k, (_, _, tok) in enumerate(toks[:6]):
        low = tok.lower()
        if low in PERSON_NOUNS or low.endswith("ist"):
            described = True
        elif tok[:1].isupper():
            if k == 0:
                return False
            if described:
                return True
            # A capitalised modifier ("GOP strategist") or a title ("Sen.") describes too.
            described = tok.endswith(".") and len(tok) <= 5
        elif (
            not tok.isalpha()
            or low in FUNCTION
            or low in _FINITE_AUXILIARIES
            or low in TIME_NOUNS
            or low in _TIME_LEAD
            or low.endswith(("ly", "ing"))
        ):
            return False
    return False


def source_after(text: str, start: int, hi: int) -> tuple[int, int, int] | None:
    """Find the source phrase that follows an inverted cue ("said Smith, a spokeswoman").

    Args:
        text: The field's text.
        start: Just past the cue.
        hi: Where the search must stop.

    Returns:
        ``(start, end, role_end)`` as for :func:`source_before`, or ``None``.
    """
    toks = tokens(text, start, hi)
    if not toks or not _is_word(toks[0][2]):
        return None
    first = toks[0][2]
    low = first.lower()
    if (
        first[0].islower()
        and low not in DETERMINERS
        and low not in _PRONOUNS
        and not (low in GROUP_NOUNS or low in PERSON_NOUNS or low in ("former", "current"))
        and not _describes_name(toks)
    ):
        return None
    if low in ("that", "it", "this", "so"):
        return None
    if (
        low in ("he", "she", "they", "we", "i", "you")
        and len(toks) > 1
        and toks[1][2][:1].islower()
        and toks[1][2] not in _AFTER_SOURCE
    ):
        return None  # "said she regretted her remarks": a clause after the cue, no source
    i = 0
    while i < len(toks) and i < 12:
        tok = toks[i][2]
        if tok in (",", ".", ";", ":", "—", "–", "(") or is_quote_mark(tok):
            break
        if i and tok.lower() in _AFTER_SOURCE:
            break
        if i and tok.lower() in _FINITE_AUXILIARIES:
            return None  # "said Doe has two options": a clause, no source after the cue
        i += 1
    if i == 0:
        return None
    end = toks[i - 1][1]
    end = strip_stop(text, toks[i - 1][0], end, hi)
    role_end = end
    if i < len(toks) and toks[i][2] == ",":
        j = i + 1
        while j < len(toks) and toks[j][2] not in (",", ".", ";", ":") and j - i < 25:
            if is_quote_mark(toks[j][2]):
                break
            j += 1
        if j > i + 1:
            role_end = toks[j - 1][1]
    return toks[0][0], end, role_end


#: A document as the object of the verb that put it out: "issued a statement", "released a
#: video", "sent an open letter".
_ISSUED_DOCUMENT = re.compile(
    r"(?:issued|released|sent|posted|published|put\s+out|wrote|signed|tweeted|aired)\s+"
    r"(?:a|an)\s+(?:[\w-]+\s+)?(?:statement|letter|report|memo|video|tweet|post|release|"
    r"email|message|ad|advertisement|op-ed|column)$"
)


def _issuer(text: str, start: int, source: tuple[int, int, int]) -> tuple[int, int, int] | None:
    """In "The union issued a statement saying …" who issued it speaks, not the statement."""
    verb = _ISSUED_DOCUMENT.search(text, max(start, source[0] - 20), source[1])
    if verb is None or verb.end() != source[1] or verb.start() > source[0]:
        return None
    return source_before(text, start, verb.start())


#: A quantifier that floats after its subject: "Strategists for both camps all agree".
_FLOATING = frozenset("all both each".split())
#: "who" between a subject and the verb phrase a search may take for the source.
_WHO_BEFORE = re.compile(r"\bwho\s+$")


def _subject_of_modified(
    text: str, lo: int, source: tuple[int, int, int]
) -> tuple[int, int, int] | None:
    """The subject a floating quantifier or a relative clause stands after, or ``None``.

    "Strategists for both camps all agree": the strategists, not "all". "An official who
    spoke anonymously said": the official, not the relative clause's verb phrase.
    """
    phrase = text[source[0] : source[1]]
    if phrase.lower() in _FLOATING:
        return source_before(text, lo, source[0])
    if phrase[:1].islower():
        who = _WHO_BEFORE.search(text, max(lo, source[0] - 8), source[0])
        if who is not None:
            return source_before(text, lo, who.start())
    return None


def speaking_subject(
    text: str, lo: int, source: tuple[int, int, int], participle: bool
) -> tuple[int, int, int]:
    """The source a frame names, past a floating quantifier or a relative clause before the
    cue and, for a participle, past the document its issuer put out."""
    source = _subject_of_modified(text, lo, source) or source
    if participle:
        source = _issuer(text, lo, source) or source
    return source
