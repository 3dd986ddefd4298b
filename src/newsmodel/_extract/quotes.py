"""Find quotes and their attributions in an article's text fields, by rules.

The unit of work is a *field*: the headline, the standfirst or one body paragraph. Each field is
scanned for quotation-mark regions, cut into sentences that never end inside a quotation, and
each sentence is matched against a few attribution frames built from the cue lexicon in
:mod:`newsmodel._extract.cues`:

* ``SOURCE CUE CONTENT`` -- "Officials said the bridge would reopen", "She told reporters that ...",
  "Smith said: "...""
* ``CONTENT, SOURCE CUE`` and ``CONTENT, CUE SOURCE`` -- ""...," she said", "..., said Smith",
  headline "..., Say Economists"; with more content after the cue it is a split quote
  (""X," she said, "Y."").
* ``According to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``.
* ``SOURCE VERB ...: "CONTENT"`` -- a quotation after a colon, attributed to the sentence's
  subject even when the verb is no cue ("Doe responded with a jab: "..."").
* Follow-ons and coordination -- "..., adding that Y", "X but added, "Y"", "Doe left and
  said ..." -- give a second quote, or a source, from the same clause.
* A quoted sentence the narration only frames ('She replied, when asked, "..."', '"...,"
  drawing cheers') is the content without the narration; ", according to X" after a frame
  makes X the source; a paragraph ending in a colon introduces the quotation that opens
  the next.

A content is *direct* when all its words but a few framing ones ("that he") are inside
quotation marks, *mixed* when fewer are and *indirect* when none are (the public module
decides, from the word counts kept in :class:`Found`). Quotations no frame claims are joined to the
attributed quote just before them in the paragraph ('"X," she said. "Y."') or to the quote
that ended the previous paragraph, or become quotes of the speaker in the neighbouring
sentence when they open their sentence and are long enough to be speech; the rest are scare
quotes, titles and nicknames, and are dropped. Everything here works on character offsets, so
every span points exactly at the words it reports.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from .cues import (
    BELIEF_FORMS,
    CUE_FORMS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    ORGANIZATION_WORDS,
    PERSON_NOUNS,
    SPEECH_FORMS,
    TELL_FORMS,
    cue_pattern,
)

__all__ = [
    "Found",
    "Piece",
    "find_quotes",
    "name_mentions",
    "resolve",
    "source_core",
    "source_kind",
    "split_role",
]

# --- patterns ---------------------------------------------------------------------------------

#: Quotation marks, ASCII doubled single quotes (`` '' as typed in some wires) included.
QUOTE_MARK = re.compile(r"``|''|[\"“”«»„「」‘’]")

#: Marks that open a quotation, and for each the marks that may close it.
_CLOSERS: dict[str, frozenset[str]] = {
    "“": frozenset('”“"'),
    '"': frozenset('"”'),
    "''": frozenset(["''", "”", '"']),
    "``": frozenset(["''", "”", '"']),
    "«": frozenset("»"),
    "„": frozenset("“”"),
    "「": frozenset("」"),
    "‘": frozenset("’"),
    "”": frozenset("”"),
}

#: A word in the sense the scorer and readers count: letters or digits, inner apostrophes kept.
WORD = re.compile(r"\w+(?:['’]\w+)*")

#: A token for phrase analysis: a word (with inner dots, hyphens, apostrophes) or a punctuation
#: character.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[.'’&-]\w+)*\.?|[^\w\s]")

#: A sentence end: terminal punctuation, maybe closing marks, white space, then something that
#: can begin a sentence.
SENTENCE_END = re.compile(r"[.!?…]+[\"”’)\]']*\s+(?=[\"“‘'`(\[«„]*[A-Z0-9])")

#: A sentence-initial subject: a pronoun, or a capitalised name with its titles, followed by
#: a lowercase word (its verb).
SUBJECT = re.compile(
    r"\W*(?!(?:In|On|At|After|Before|When|While|As|But|And|So|Yet|Then|If|Although|During|"
    r"For|With|From|Since|Despite|Under|Over|Still|Meanwhile|However|Instead|Later|Earlier|"
    r"Last|This|That|These|Those|It|There|Here|What|Who|Why|How)\b)"
    r"((?:He|She|They|We|I)\b|(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+(?:['’]s?\s+[\w-]+"
    r"(?:\s+[\w-]+)?)?)(?=,?\s+[a-z])"
)

#: A comma that opens a new clause within a sentence.
_CLAUSE_COMMA = re.compile(r",\s+")

#: A lowercase pronoun opening a clause and followed by its verb ("..., she responded").
_PRONOUN_SUBJECT = re.compile(r"(he|she|they|we)\s+(?=[a-z])")

#: A name right after a quotation's closing mark and its comma, an appositive following.
_NAME_AFTER_QUOTE = re.compile(r"\s*,?\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+),\s")

#: Stance cues that have no source: "X is expected to ...", "X seems (to be) ...".
UNSOURCED_CUE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:widely\s+|also\s+|now\s+)?expected\b"
    r"|\b(?:seems|seemed|appears|appeared)\b"
)

#: What ends the content of an inverted frame: a comma, question or exclamation mark or a
#: dash, maybe inside the closing quotation mark ('"...," said Doe', '"...?" asked Doe').
_INVERSION_LEAD = re.compile(r"[,?!—–-][\"”’'»」]*\s*$")

#: A name (people joined by "and", a party tag allowed) right before a colon that ends the
#: text before a quotation.
NAME_COLON = re.compile(
    r"(?:^|[-—–:]\s+|^\W*)((?:[A-Z][\w.'’-]*\s+(?:(?:and|&)\s+)?){0,5}[A-Z][\w.'’-]*)"
    r"(?:\s*\([^)]{1,20}\))?\s*:$"
)

#: After a quotation: a name or pronoun and a past-tense verb, then at most a few words
#: ('"...," an angry Hollande retaliated.', '"...," she beamed').
LOOSE_AFTER = re.compile(
    r"[\s,]*((?:(?:an?|the)\s+(?:[a-z]+\s+)?)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|he|she|they)\s+(\w+ed)\b(?:\s+\w+){0,4}\W*$"
)

#: A line break inside a field: nothing reads across it.
LINE_BREAK = re.compile(r"\s*\n\s*")

#: Words before a full stop that do not end a sentence.
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Gens|St|Jr|Sr|"
    r"Prof|Rev|Hon|Pres|Supt|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos|Inc|Co|Corp|Ltd|"
    r"vs|etc|Ft|Mt|approx|Univ|Dept|Gov't)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])[.!?…]*$"
)

#: Any cue verb form as a whole word, in lower case or capitalised (headline "Say").
CUE = re.compile(
    cue_pattern(CUE_FORMS | {form.capitalize() for form in CUE_FORMS}) + r"|\b[Aa]ccording\s+to\b"
)

#: "According to SOURCE," at the start of a sentence.
ACCORDING_FIRST = re.compile(r"^\W*(?:(?:But|And|Yet|So|Still|Also),?\s+)?according to\s+", re.I)

#: A headline's "Name: content" (the colon is the cue).
HEADLINE_COLON = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s+(?=\S)")

#: Words that may sit between a source and its cue ("has also repeatedly said").
_BETWEEN = frozenset(
    "has have had 's ’s is are was were been be will would could should may might must can "
    "also not never still again already later earlier once often recently repeatedly previously "
    "publicly privately frequently then now long first initially since further just even "
    "reportedly allegedly apparently did does do quickly flatly explicitly specifically "
    "privately openly widely separately additionally".split()
)

#: Words that end a source phrase when walking left from its cue.
_CLAUSE_BREAK = frozenset(
    "that and but or nor while because when whereas as if although though after before since "
    "so where which what how why whether until unless than once yet then "
    "said says say told tells according is are was were has have had be been being do does did "
    "will would can could should may might must also not there here".split()
)

#: Words that cannot end a source phrase.
_FUNCTION = frozenset(
    "of for at in on with from by to into about over under between against among via than "
    "like per up out off".split()
)

#: Prepositions that tie a noun phrase to the noun before it ("officials of the party").
_NOUN_PREPOSITIONS = frozenset("of with for at from in".split())

#: Words that start a noun phrase; the walk left stops after taking one.
_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your many some several most "
    "few two three four five six seven eight nine ten one both all other another each every "
    "no any such top senior".split()
)

#: Words after a mid-sentence frame that start a description of the saying, not content.
_NOT_RESUMING = frozenset(
    "who which whose whom that and but as when while after before because where although "
    "though since once if".split()
)

#: Quantifiers that stand alone as a source: "many argue", "some say", "others warned".
_QUANTIFIERS = frozenset("many some most others both all several few".split())

#: Pronouns that can be a source.
_PRONOUNS = frozenset("he she they we i you it who someone somebody everyone one".split())
_PERSON_PRONOUNS = frozenset("he she i you someone somebody one".split())
_GROUP_PRONOUNS = frozenset("they we everyone".split())

#: Titles that may precede a name; taken as the source's role.
_TITLES = frozenset(
    "president sen. senator rep. representative gov. governor mayor secretary minister "
    "prime gen. general dr. prof. professor judge justice chairman chairwoman speaker "
    "ambassador director attorney former vice lt. col. capt. adm. gov sen rep gen dr".split()
)
_HONORIFICS = frozenset("mr. mrs. ms. miss mr mrs ms dr. dr sir dame".split())

#: Words that are capitalised but never part of a person's name as a source.
_NOT_NAME = frozenset(
    "the a an in on at for of and but or if when while after before mr. mrs. ms. monday "
    "tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december i".split()
)

_ANONYMOUS_HINT = frozenset("a an one some several unnamed anonymous senior familiar who".split())

#: Punctuation a frame leaves before its content ("said: ...", "said, ...").
_CONTENT_LEAD = re.compile(r"[\s,:;—–-]*")

#: Irregular past forms of speech verbs.
_PAST = frozenset("said told wrote swore thought knew found felt".split())

#: Participles that start a new attributed clause after a comma: ", adding that ...".
_FOLLOW_ON = re.compile(
    r"(?:(?:[,;—–]\s+(?:and\s+)?|\s+and\s+)(?:also\s+)?"
    + cue_pattern(form for form in CUE_FORMS if form.endswith("ing"))
    + r"|(?:,\s+|\s+)(?:and|but)\s+(?:also\s+|then\s+|later\s+)?"
    + cue_pattern(form for form in CUE_FORMS if form.endswith("ed") or form in _PAST)
    + r")"
)

#: Where a clause ends inside a sentence: a content stops there.
_CLAUSE_END = re.compile(
    r";\s|,\s+(?:but|while|whereas|although|though)\s"
    r"|,[\"”’']?\s+(?:and|but)\s+(?=(?:he|she|they|we|I)\s)"
)

#: What joins two attributed clauses of one sentence: "X, and he said Y", "X; she added Y".
_COORDINATION = re.compile(r"\W*(?:;|(?:and|but)\s*$)")

#: Words that start a phrase about the saying, after a quotation that opens a content.
_AFTER_QUOTE_PHRASE = frozenset(
    "at on during in to from as while when after before because about of for with".split()
)

#: How far before its cue (in characters) a source phrase is looked for.
_SOURCE_REACH = 240

#: Fewest words an unframed quotation needs to count as speech rather than a scare quote.
_MIN_UNFRAMED_WORDS = 4

_TITLE_CASE = re.compile(r"^[A-Z0-9]")


# --- results ----------------------------------------------------------------------------------


@attrs.frozen
class Piece:
    """A stretch of one field: ``fields[field][start:end]``."""

    field: int
    start: int
    end: int


@attrs.frozen
class Found:
    """A quote found in the fields, before it becomes a model :class:`~newsmodel.Quote`."""

    pieces: tuple[Piece, ...]
    direct_words: int
    total_words: int
    source: Piece | None
    cue: Piece | None
    role: Piece | None

    @property
    def cue_end(self) -> int:
        """Where the cue ends in its field (0 without a cue)."""
        return self.cue.end if self.cue is not None else 0


# --- quotation regions ------------------------------------------------------------------------


def _opens(text: str, start: int, mark: str) -> bool:
    """Whether a mark that can both open and close stands where an opening one would."""
    if mark in ("“", "«", "„", "「", "``"):
        return True
    before = text[start - 1] if start else " "
    after_at = start + len(mark)
    after = text[after_at] if after_at < len(text) else " "
    if mark == "‘":
        return (before.isspace() or before in "([—–-") and after.isalnum()
    if mark == "’" or after.isspace():
        return False
    return before.isspace() or before in "([{—–-:/" or not before.isalnum()


def _closes(text: str, start: int, mark: str) -> bool:
    end = start + len(mark)
    after = text[end] if end < len(text) else " "
    if mark == "’":
        return not after.isalnum()
    before = text[start - 1] if start else " "
    return not before.isspace() or mark in ("”", "»", "」")


def quote_regions(text: str) -> tuple[list[tuple[int, int]], bool, bool]:
    """Return the quotation regions of a field, mark to mark.

    Args:
        text: One field's text.

    Returns:
        The regions as ``(start, end)`` including their marks; whether the field begins with an
        opening mark; and whether the last region is left open at the field's end (a quotation
        that continues in the next paragraph).
    """
    regions: list[tuple[int, int]] = []
    open_at = -1
    opener = ""
    for match in QUOTE_MARK.finditer(text):
        mark, at = match.group(), match.start()
        if open_at >= 0:
            if mark in _CLOSERS[opener] and _closes(text, at, mark):
                regions.append((open_at, match.end()))
                open_at = -1
            elif mark in ("“", "«", "„", "「") and mark == opener:
                # An opening mark while one is open: the earlier one was never closed.
                regions.append((open_at, at))
                open_at, opener = at, mark
            continue
        if mark in _CLOSERS and mark != "”" and _opens(text, at, mark):
            open_at, opener = at, mark
    dangling = open_at >= 0
    if dangling:
        regions.append((open_at, len(text.rstrip())))
    starts_open = bool(regions) and not text[: regions[0][0]].strip()
    return regions, starts_open, dangling


def _inner(text: str, region: tuple[int, int]) -> tuple[int, int]:
    """The region without its marks and surrounding spaces."""
    start, end = region
    mark = QUOTE_MARK.match(text, start)
    if mark:
        start = mark.end()
    closing = [m for m in QUOTE_MARK.finditer(text, start, end) if m.end() == end]
    if closing:
        end = closing[-1].start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# --- sentences --------------------------------------------------------------------------------


def sentences(text: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a field into sentences that never end inside a quotation.

    Args:
        text: One field's text.
        regions: Its quotation regions.

    Returns:
        ``(start, end)`` of each sentence, white space trimmed.
    """
    cuts = [0]
    for match in LINE_BREAK.finditer(text):
        if not _in_region(regions, match.start()):
            cuts.append(match.end())
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if any(start < match.start() + 1 < stop - 1 for start, stop in regions):
            continue
        stem = text[max(0, match.start() - 12) : match.start() + 1]
        if ABBREVIATION.search(stem):
            continue
        if _quote_then_frame(text, match, regions):
            continue
        cuts.append(end)
    cuts.append(len(text))
    cuts.sort()
    out = []
    for start, end in itertools.pairwise(cuts):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _quote_then_frame(text: str, match: re.Match[str], regions: Sequence[tuple[int, int]]) -> bool:
    """Whether a cut after a closing mark would part a quotation from its "Smith said."."""
    closed = text[match.start() : match.end()].rstrip()
    if not QUOTE_MARK.search(closed[-2:]) or closed[0] == ".":
        # '"We will win." He added, ...' starts anew; only '"...?" Smith asked.' does not.
        return False
    rest = text[match.end() : match.end() + 80]
    frame = re.match(
        r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey)\s+(\w+)", rest
    )
    if frame is None:
        return False
    verb = frame.group(2).lower()
    after = rest[frame.end() :].lstrip()
    # 'He added, "..."' and 'He said that ...' introduce what follows instead.
    introduces = after.startswith(("that", "the")) or re.match(r"[,:]\s*[\"“‘'«„]", after)
    return verb in CUE_FORMS and not introduces


# --- phrases ----------------------------------------------------------------------------------


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


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
        lo = text.find(" ", end - _SOURCE_REACH, end) + 1 or lo
    toks = _tokens(text, lo, end)
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in _BETWEEN or _adverb(toks[i][2])):
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
        return None
    return toks[first][0], toks[i][1], toks[i][1]


def _adverb(token: str) -> bool:
    return len(token) > 4 and token.islower() and token.endswith("ly") and token != "only"


def _noun_phrase(toks: Sequence[tuple[int, int, str]], last: int) -> int | None:
    """The index of the first token of a noun phrase ending at token ``last``."""
    head = toks[last][2]
    low = head.lower()
    if not _is_word(head) and head not in ("’s", "'s"):
        return None
    if low in _PRONOUNS or low in _QUANTIFIERS:
        return last
    if low in _CLAUSE_BREAK or low in _DETERMINERS or low in _FUNCTION or low.endswith("ing"):
        return None
    if head.islower() and (low.endswith("ed") and low not in GROUP_NOUNS):
        return None
    j = last
    while j > 0 and last - j < 12:
        prev = toks[j - 1][2]
        plow = prev.lower()
        if plow in _DETERMINERS:
            j -= 1
            if (
                j >= 2
                and toks[j - 1][2] in _NOUN_PREPOSITIONS
                and _is_word(toks[j - 2][2])
                and toks[j - 2][2].lower() not in _CLAUSE_BREAK
                and toks[j - 2][2].lower() not in _BETWEEN
            ):
                # "Archbishop Aris Shirvanian of the Armenian Patriarchate", "people familiar
                # with the talks": the phrase goes on to the left of its preposition.
                j -= 1
                continue
            break
        if not _is_word(prev) and prev not in ("’s", "'s", "-", "&", "."):
            break
        if plow in _CLAUSE_BREAK or plow in _PRONOUNS:
            break
        j -= 1
    # A phrase may not begin with a preposition left over from the walk.
    while j < last and toks[j][2].lower() in ("of", "for", "at", "in", "on", "with", "from"):
        j += 1
    return j


def _strip_stop(text: str, start: int, end: int, hi: int) -> int:
    """Leave out a sentence's full stop from a phrase that ends the sentence."""
    if end >= hi - 1 and text[end - 1] == "." and not ABBREVIATION.search(text[start:end]):
        return end - 1
    return end


def _looks_like_name(toks: Sequence[tuple[int, int, str]], first: int) -> bool:
    """Whether a phrase before an appositive starts like a name or a described person."""
    return bool(_TITLE_CASE.match(toks[first][2])) or toks[first][2].lower() in _DETERMINERS


def source_after(text: str, start: int, hi: int) -> tuple[int, int, int] | None:
    """Find the source phrase that follows an inverted cue ("said Smith, a spokeswoman").

    Args:
        text: The field's text.
        start: Just past the cue.
        hi: Where the search must stop.

    Returns:
        ``(start, end, role_end)`` as for :func:`source_before`, or ``None``.
    """
    toks = _tokens(text, start, hi)
    if not toks or not _is_word(toks[0][2]):
        return None
    first = toks[0][2]
    low = first.lower()
    if (
        first[0].islower()
        and low not in _DETERMINERS
        and low not in _PRONOUNS
        and not (low in GROUP_NOUNS or low in PERSON_NOUNS or low in ("former", "current"))
    ):
        return None
    if low in ("that", "it", "this", "so"):
        return None
    i = 0
    while i < len(toks) and i < 12:
        tok = toks[i][2]
        if tok in (",", ".", ";", ":", "—", "–", "(") or QUOTE_MARK.fullmatch(tok):
            break
        if i and tok.lower() in ("who", "that", "which", "in", "on", "at", "during", "after"):
            break
        i += 1
    if i == 0:
        return None
    end = toks[i - 1][1]
    end = _strip_stop(text, toks[i - 1][0], end, hi)
    role_end = end
    if i < len(toks) and toks[i][2] == ",":
        j = i + 1
        while j < len(toks) and toks[j][2] not in (",", ".", ";", ":") and j - i < 25:
            if QUOTE_MARK.fullmatch(toks[j][2]):
                break
            j += 1
        if j > i + 1:
            role_end = toks[j - 1][1]
    return toks[0][0], end, role_end


# --- frames -----------------------------------------------------------------------------------


@attrs.define
class _Field:
    text: str
    regions: list[tuple[int, int]]
    starts_open: bool
    dangling: bool
    headline: bool


def _in_region(regions: Sequence[tuple[int, int]], at: int) -> bool:
    return any(start < at < end for start, end in regions)


def _count_words(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end))


def _direct_words(field: _Field, start: int, end: int) -> int:
    total = 0
    for rstart, rend in field.regions:
        lo, hi = max(start, rstart), min(end, rend)
        if lo < hi:
            total += _count_words(field.text, lo, hi)
    return total


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _CONTENT_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1] in " \t\n,;:—–-." or text[end - 1].isspace()):
        if text[end - 1] == "." and end - start > 1 and text[end - 2] in "0123456789":
            break
        end -= 1
    return start, end


def _found(
    fi: int,
    field: _Field,
    pieces: Sequence[tuple[int, int]],
    source: tuple[int, int, int] | None,
    cue: tuple[int, int] | None,
) -> Found | None:
    kept = []
    for start, end in pieces:
        start, end = _trim(field.text, start, end)
        if len(pieces) == 1:
            start, end = _quotation_only(field, start, end)
        for region in field.regions:
            if region[0] == start and region[1] >= end - 1:
                # A whole quotation: the words, without their marks.
                start, end = _inner(field.text, region)
                break
        if _count_words(field.text, start, end):
            kept.append(Piece(fi, start, end))
    if not kept:
        return None
    total = sum(_count_words(field.text, p.start, p.end) for p in kept)
    direct = sum(_direct_words(field, p.start, p.end) for p in kept)
    src = Piece(fi, source[0], source[1]) if source else None
    role = Piece(fi, source[1], source[2]) if source and source[2] > source[1] + 1 else None
    return Found(
        pieces=tuple(kept),
        direct_words=direct,
        total_words=total,
        source=src,
        cue=Piece(fi, cue[0], cue[1]) if cue else None,
        role=role,
    )


#: Words that carry a sentence on after a quotation rather than describe its saying.
_CONTINUING = frozenset(
    "and but or nor since because as so while though although if when unless whereas than "
    "that which".split()
)


def _quotation_only(field: _Field, start: int, end: int) -> tuple[int, int]:
    """A full quoted sentence framed by narration is the content without the narration.

    'She replied, in all capitals, "We will win!"' and '"We will win," drawing cheers': the
    words outside the marks set the scene, they are no part of what was said. Only a quotation
    that reads as a sentence of its own counts: after a comma or colon, opening with a capital,
    and ending in punctuation inside its marks when narration follows.
    """
    text = field.text
    inside = [r for r in field.regions if start <= r[0] and r[1] <= end + 1]
    if len(inside) != 1 or any(r[0] < start < r[1] or r[0] < end < r[1] for r in field.regions):
        return start, end
    region = inside[0]
    inner = _inner(text, region)
    words = _count_words(text, *inner)
    if words < 3 or words == _count_words(text, start, end):
        return start, end
    if not text[inner[0]].isupper() or not _speechlike(text, inner):
        return start, end
    new_start, new_end = start, end
    lead = text[start : region[0]].rstrip()
    if lead:
        if not lead.endswith((",", ":")):
            return start, end
        new_start = region[0]
    if WORD.search(text, region[1], end):
        tail = text[region[1] : end]
        said = text[inner[0] : region[1]].rstrip(" \"”’'»」")
        follows = re.match(r"\s*(?:,\s*|[—–-]\s*)?([a-z]+)", tail)
        if (
            not said.endswith((",", ".", "!", "?"))
            or follows is None
            or follows.group(1) in _CONTINUING
            or follows.group(1).endswith("ly")
        ):
            return start, end
        new_end = region[1]
    return new_start, new_end


def _cues(field: _Field, start: int, end: int) -> list[re.Match[str]]:
    out = []
    for match in CUE.finditer(field.text, start, end):
        word = match.group()
        if _in_region(field.regions, match.start()):
            continue
        if word[0].isupper() and not field.headline and match.start() != start:
            # "Say" mid-sentence outside a headline is a name ("Jean Say") or a title.
            continue
        if (
            word[0].isupper()
            and word.endswith("ing")
            and not field.headline
            and word != "According"
        ):
            # "Speaking to reporters, Doe said ...": an adverbial clause, not a frame.
            continue
        out.append(match)
    return out


def _sentence_quotes(fi: int, field: _Field, start: int, end: int) -> list[Found]:
    """Match one sentence against the attribution frames."""
    text = field.text
    results: list[Found] = []
    according = ACCORDING_FIRST.match(text, start, end)
    if according:
        comma = _frame_comma(field, according.end(), end)
        if comma is not None:
            source = (according.end(), comma, comma)
            cue_at = text.lower().index("according to", start)
            found = _found(fi, field, [(comma + 1, end)], source, (cue_at, cue_at + 12))
            return [found] if found else []
    if field.headline and start == 0:
        colon = HEADLINE_COLON.match(text, start, end)
        if colon and not _cues(field, start, end):
            found = _found(
                fi,
                field,
                [(colon.end(), end)],
                (colon.start(1), colon.end(1), colon.end(1)),
                (colon.end(1), colon.end(1) + 1),
            )
            return [found] if found else []
    for cue in _cues(field, start, end):
        if results and cue.start() < max(p.end for f in results for p in f.pieces):
            # A cue inside a content already found reports speech within that speech.
            continue
        found = _frame(fi, field, start, end, cue)
        if found is None:
            continue
        if results and not _coordinated(field, results[-1], found):
            continue
        results.append(found)
        follow = _follow_on(fi, field, found, end)
        if follow is not None:
            results.append(follow)
    results = [_according_after(fi, field, found, end) for found in results]
    if not results:
        unsourced = _unsourced(fi, field, start, end)
        if unsourced is not None:
            results.append(unsourced)
    return results


#: ", according to" closing a frame: the report's own source.
_ACCORDING_AFTER = re.compile(r",\s+according\s+to\s+")

#: Where the phrase after "according to" ends.
_PHRASE_END = re.compile(r"[,;.]\s|[.;]?$")


def _according_after(fi: int, field: _Field, found: Found, end: int) -> Found:
    """'"...," Doe said, according to the newspaper': the one who reports the saying is the
    source, and "according to" the cue."""
    text = field.text
    if found.cue is None or text[found.cue.start : found.cue.end].lower().startswith("accord"):
        return found
    last = found.pieces[-1]
    frame_end = max(found.cue_end, found.source.end if found.source is not None else 0)
    if last.field != fi:
        return found
    match = _ACCORDING_AFTER.search(text, max(frame_end, last.start), end)
    if match is None or any(r[0] < match.start() < r[1] for r in field.regions):
        return found
    if match.start() >= last.end:
        if _count_words(text, max(frame_end, last.end), match.start()) > 6:
            return found
    elif WORD.search(text, match.end(), last.end) is None or last.start >= match.start():
        return found
    stop = _PHRASE_END.search(text, match.end(), end)
    until = _strip_stop(text, match.end(), stop.start() if stop else end, end)
    if not _count_words(text, match.end(), until) or _count_words(text, match.end(), until) > 10:
        return found
    cue_at = match.end() - len(match.group().lstrip(", \t"))
    if match.start() < last.end:
        # "Officials said X, according to the paper": the content ends before the phrase.
        if _count_words(text, last.start, match.start()) < 2:
            return found
        words = _count_words(text, last.start, match.start())
        direct = _direct_words(field, last.start, match.start())
        found = attrs.evolve(
            found,
            pieces=(*found.pieces[:-1], Piece(fi, last.start, match.start())),
            total_words=found.total_words - _count_words(text, last.start, last.end) + words,
            direct_words=found.direct_words - _direct_words(field, last.start, last.end) + direct,
        )
    return attrs.evolve(
        found,
        source=Piece(fi, match.end(), until),
        cue=Piece(fi, cue_at, cue_at + len("according to")),
        role=None,
    )


def _unsourced(fi: int, field: _Field, start: int, end: int) -> Found | None:
    """'Obama is expected to join her', 'New Hampshire seems stable': a stance with no source.

    The content is the subject and what follows the cue; there is no speaker to name.
    """
    text = field.text
    cue = UNSOURCED_CUE.search(text, start, end)
    if cue is None or _in_region(field.regions, cue.start()):
        return None
    subject = source_before(text, start, cue.start())
    if subject is None or not _count_words(text, cue.end(), end):
        return None
    pieces = [(subject[0], subject[1]), (cue.end(), end)]
    return _found(fi, field, pieces, None, (cue.start(), cue.end()))


def _coordinated(field: _Field, prior: Found, found: Found) -> bool:
    """Whether a second frame in a sentence is a clause of its own: "X, and he said Y".

    Anything else after a first frame ("said Doe, with a passion that suggested ...") is
    the frame's own description, not a new quote.
    """
    if found.source is None or found.pieces[0].start < prior.pieces[-1].end:
        return False
    gap = field.text[prior.pieces[-1].end : found.source.start]
    return bool(_COORDINATION.match(gap))


def _frame_comma(field: _Field, start: int, end: int) -> int | None:
    """The first comma after ``start`` outside quotations, within a short distance."""
    for match in re.finditer(r"[,:]", field.text[start:end]):
        at = start + match.start()
        if not _in_region(field.regions, at):
            return at if at - start < 160 else None
    return None


def _before_is_boundary(field: _Field, lo: int, at: int) -> bool:
    """Whether a comma, a dash or the end of a quotation comes just before ``at``."""
    head = field.text[lo:at].rstrip()
    if not head:
        return False
    stop = lo + len(head)
    return head[-1] in ",—–-" or any(end == stop for _, end in field.regions)


def _frame(fi: int, field: _Field, start: int, end: int, cue: re.Match[str]) -> Found | None:
    text = field.text
    word = cue.group().lower()
    if word.startswith("according"):
        before = text[start : cue.start()].rstrip()
        if before.endswith(","):
            comma = _frame_comma(field, cue.end(), end)
            until = comma if comma is not None else _strip_stop(text, cue.end(), end, end)
            rest = []
            if comma is not None and _clause_follows(text, comma + 1, end):
                rest = [(comma + 1, end)]
            return _found(
                fi,
                field,
                [(start, len(before) + start - 1), *rest],
                (cue.end() + 1, until, until),
                (cue.start(), cue.end()),
            )
        return None
    source = source_before(text, start, cue.start(), cue.group().endswith("ing"))
    named = _name_after_quote(field, start, cue)
    if named is not None and (source is None or source[0] > named[1]):
        # '"...," Harry Bond, 30, of Raleigh, who was polled, said': the name, not "Raleigh".
        source = named
    if source is None:
        inverted = _inverted(fi, field, start, end, cue)
        if inverted is not None:
            return inverted
        source = (
            _subject_for(text, start, cue)
            or source_before(text, start, cue.start())
            or _name_after_quote(field, start, cue)
        )
        if source is None:
            return _speech_after_cue(fi, field, start, end, cue)
    # "CONTENT, SOURCE CUE": the source follows a comma or a closing quotation mark, and the
    # sentence ends after the cue (or resumes the quotation: a split quote).
    if source[0] > start and _before_is_boundary(field, start, source[0]):
        content_end = len(text[start : source[0]].rstrip()) + start
        tail = _cue_tail(text, cue.end(), end)
        quoted = _quote_before(field, start, source[0])
        resumed = _after_frame(field, tail, end, quoted)
        resumes_quote = bool(resumed) and any(r[0] == resumed[0][0] for r in field.regions)
        lead = _lead_quote(field, start, source[0])
        if lead is not None and not quoted:
            # "Clinton seemed irritated: "It's public," she wrote.": the quotation is the content.
            start, quoted = lead, True
        if (
            _count_words(text, start, content_end)
            and (quoted or (_content_like(text, start, content_end) and not resumes_quote))
            and (
                resumed
                or quoted
                or not _count_words(text, tail, end)
                or _FOLLOW_ON.match(text, tail, end)
            )
        ):
            return _found(
                fi, field, [(start, content_end), *resumed], source, (cue.start(), cue.end())
            )
    # "SOURCE CUE CONTENT".
    content_start = _content_start(field, cue, end)
    if content_start is None:
        return _inverted(fi, field, start, end, cue)
    content_end = end
    for pattern in (_FOLLOW_ON, _CLAUSE_END):
        boundary = pattern.search(text, content_start, content_end)
        while boundary is not None and _in_region(field.regions, boundary.end() - 1):
            boundary = pattern.search(text, boundary.end(), content_end)
        if boundary is not None:
            content_end = boundary.start()
            for rstart, rend in field.regions:
                if rstart < content_end < rend:
                    content_end = rend  # keep the closing mark of '..., today," and he said
    for rstart, rend in field.regions:
        if content_start < rstart and rend >= content_end - 1:
            if text[content_start:rstart].rstrip().endswith(":"):
                # 'responded with a phrase: "..."': the quotation after the colon is the content.
                content_start = rstart
            break
    for rstart, rend in field.regions:
        if rstart == content_start and rend < content_end:
            after = WORD.search(text, rend, content_end)
            if after is not None and after.group().lower() in _AFTER_QUOTE_PHRASE:
                # 'yelled "You lie!" at the president': the words said end with the marks.
                content_end = rend
            break
    if not _count_words(text, content_start, content_end):
        return None
    if _count_words(text, content_start, content_end) < 2 and not _in_region(
        field.regions, content_start + 1
    ):
        return None
    return _found(fi, field, [(content_start, content_end)], source, (cue.start(), cue.end()))


def _speech_after_cue(
    fi: int, field: _Field, start: int, end: int, cue: re.Match[str]
) -> Found | None:
    """A quoted sentence right after a cue whose source no frame finds next to it.

    'He brought up the bombing and later said, "It is not just them."', 'She replied by
    saying, "Stop."' and 'Said Jane Doe, a neighbour, "We were proud."': what the cue
    introduces is the quotation that ends the sentence; the speaker is the sentence's (or the
    clause's) subject, or the name after a sentence-initial cue.
    """
    text = field.text
    lead = re.match(r"[ \t]*[,:]?[ \t]*", text[cue.end() : end])
    at = cue.end() + (lead.end() if lead else 0)
    region = next((r for r in field.regions if r[0] <= at < r[1]), None)
    source: tuple[int, int, int] | None = None
    if region is None and cue.start() == start and cue.group()[0].isupper():
        # "Said Jane Doe, who ..., "..."": the source stands between the cue and the quotation.
        source = source_after(text, cue.end(), end)
        if source is not None:
            region = next((r for r in field.regions if r[0] >= source[2] and r[1] >= end - 1), None)
            if region is not None and text[source[2] : region[0]].strip() not in (",", ":"):
                region = None
    if region is None or (region[0] < at - 1 and source is None):
        return None
    if WORD.search(text, region[1], end) or (region[1] < end - 2 and text[region[1] : end].strip()):
        return None
    inner = _inner(text, region)
    if _count_words(text, *inner) < 2 or not text[inner[0] : inner[0] + 1].isupper():
        return None
    if source is None:
        clauses = [start] + [m.end() for m in _CLAUSE_COMMA.finditer(text, start, cue.start())]
        for clause in clauses:
            subject = SUBJECT.match(text, clause, cue.start()) or _PRONOUN_SUBJECT.match(
                text, clause, cue.start()
            )
            if subject is not None and subject.group(1) not in ("The", "A", "An"):
                source = subject.start(1), subject.end(1), subject.end(1)
                break
    if source is None:
        return None
    return _found(fi, field, [(region[0], end)], source, (cue.start(), cue.end()))


def _quote_before(field: _Field, lo: int, at: int) -> bool:
    """Whether the text before a frame at ``at`` is one quotation (the frame's content)."""
    head = field.text[lo:at].rstrip(" ,—–-")
    stop = lo + len(head)
    return any(start <= lo + 2 and end >= stop - 1 for start, end in field.regions if end > lo)


def _lead_quote(field: _Field, start: int, at: int) -> int | None:
    """The start of a quotation that ends just before a frame at ``at`` after a colon or comma.

    'Asked about it, "we will see," Doe said.': the quotation is the content, not the lead-in.
    """
    head = field.text[start:at].rstrip(" ,—–-")
    stop = start + len(head)
    for rstart, rend in field.regions:
        if rend >= stop - 1 and rstart > start and rend <= at:
            before = field.text[start:rstart].rstrip()
            if before.endswith((":", ",")):
                return rstart
    return None


def _name_after_quote(field: _Field, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """'"...," Harry Bond, 30, of Raleigh, who was polled, said': the name after the quotation."""
    for _, rend in field.regions:
        if start <= rend < cue.start():
            name = _NAME_AFTER_QUOTE.match(field.text, rend, cue.start())
            if name is not None:
                return name.start(1), name.end(1), cue.start()
    return None


def _subject_for(text: str, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """The sentence's subject as the source of a later cue: "Doe left and said ...",
    "Doe spoke for an hour, telling the crowd ..."."""
    before = text[start : cue.start()].rstrip()
    joined = before.endswith((" and", " but", ",")) and (
        before.endswith((" and", " but")) or cue.group().endswith("ing")
    )
    if not joined:
        return None
    # The clause the cue is joined to starts after the last comma before it (or the sentence).
    clause = start
    for match in re.finditer(r",\s+", text[start : start + len(before.rstrip(","))]):
        clause = start + match.end()
    subject = SUBJECT.match(text, clause, cue.start())
    if subject is None and clause != start:
        subject = SUBJECT.match(text, start, cue.start())
    if subject is None:
        return None
    return subject.start(1), subject.end(1), subject.end(1)


def _inverted(fi: int, field: _Field, start: int, end: int, cue: re.Match[str]) -> Found | None:
    """'"CONTENT," CUE SOURCE' ("..., said Smith"), the source ending the sentence."""
    text = field.text
    word = cue.group().lower()
    if word.endswith("ing") or cue.start() <= start or word not in SPEECH_FORMS:
        # ", saying ..." continues a clause, and "X welcomed Y" is no inversion.
        return None
    if not _INVERSION_LEAD.search(text, start, cue.start()):
        return None
    if not _before_is_boundary(field, start, cue.start()):
        return None
    source = source_after(text, cue.end(), end)
    if source is None or not _count_words(text, start, cue.start()):
        return None
    content_end = len(text[start : cue.start()].rstrip()) + start
    resumed = _after_frame(field, source[2], end, _quote_before(field, start, cue.start()))
    if not (
        resumed
        or _quote_before(field, start, cue.start())
        or not _count_words(text, source[2], end)
        or _FOLLOW_ON.match(text, source[2], end)
    ):
        return None
    return _found(fi, field, [(start, content_end), *resumed], source, (cue.start(), cue.end()))


def _cue_tail(text: str, at: int, end: int) -> int:
    """Past the words that may follow an inverted cue: "said in a statement Thursday"."""
    comma = _COMMA.search(text, at, end)
    stop = comma.start() if comma is not None else end
    word = WORD.match(text, at + 1) if at < end else None
    if word is not None and text[at : word.start()].strip():
        word = None
    first = word.group().lower() if word else ""
    if _count_words(text, at, stop) <= 8 and (
        not first or first in _FUNCTION or first in _TAIL_WORDS or first.endswith("ly")
    ):
        return stop
    return at


#: A comma that is no thousands separator ("20,000").
_COMMA = re.compile(r",(?!\d)")

#: Words that may begin what follows an inverted cue: when, to whom, how.
_TAIL_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last "
    "this earlier later recently during after before when while in on at of to about "
    "reporters journalists cnn msnbc fox abc nbc cbs npr the a an his her their".split()
)

#: Words of a time phrase right after a cue.
_TIME_WORDS = frozenset(
    "on in last this early late earlier later monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday tonight week weekend month year morning afternoon evening "
    "night recently previously".split()
)

#: Words that begin an adverbial phrase rather than reported content.
_ADVERBIAL_START = frozenset(
    "in on at with after before when while as since during despite later earlier early "
    "last for by from under over through throughout among amid".split()
)


def _content_like(text: str, start: int, end: int) -> bool:
    """Whether a stretch before a frame reads as a clause, not an adverbial like "In May"."""
    word = WORD.search(text, start, end)
    if word is None:
        return False
    return word.group().lower() not in _ADVERBIAL_START or _count_words(text, start, end) > 10


def _clause_follows(text: str, start: int, end: int) -> bool:
    """Whether the words after a mid-sentence frame are a clause, not an appositive."""
    word = WORD.search(text, start, end)
    if word is None or _count_words(text, start, end) < 4:
        return False
    return word.group().lower() not in _DETERMINERS


def _after_frame(field: _Field, at: int, end: int, quoted: bool) -> list[tuple[int, int]]:
    """Content that resumes after a mid-sentence frame: '"X," she said, "Y."'."""
    text = field.text
    rest = text[at:end]
    lead = re.match(r"\s*[,;:]\s*", rest)
    if lead is None:
        return []
    resume = at + lead.end()
    if resume >= end:
        return []
    if QUOTE_MARK.match(text, resume) and any(s == resume for s, _ in field.regions):
        return [(resume, end)]
    if lead.group().strip() == "," and _count_words(text, resume, end) >= 3:
        # A parenthetical frame: "His leverage, they believe, is not going anywhere." Not
        # when the rest is a phrase about the saying: ", in an interview", ", adding ...".
        word = WORD.match(text, resume)
        low = word.group().lower() if word else ""
        if not (
            low in _FUNCTION
            or low in _NOT_RESUMING
            or low in _DETERMINERS
            or low.endswith("ing")
            or quoted
        ):
            return [(resume, end)]
    return []


def _content_start(field: _Field, cue: re.Match[str], end: int) -> int | None:
    """Where the content begins after a forward cue, or ``None`` when none follows."""
    text = field.text
    word = cue.group().lower()
    at = cue.end()
    window = _tokens(text, at, min(end, at + 90))
    if not window:
        return None
    # "told reporters on Monday that ...", "said in a statement that ...", "said Monday: ..."
    reach = 9 if word in TELL_FORMS else 6
    for k, (tstart, tend, tok) in enumerate(window[:reach]):
        # "told reporters, "...."" and "said of the senator, "...."".
        if (
            tok == ","
            and k + 1 < len(window)
            and any(s == window[k + 1][0] for s, _ in field.regions)
        ):
            return window[k + 1][0]
        if tok.lower() == "that":
            return tstart
        if tok == ":":
            return tend
        if k == 0 and QUOTE_MARK.fullmatch(tok) and any(s == tstart for s, _ in field.regions):
            # 'cautioned "let's not get ahead of ourselves"': the quotation right after the cue.
            return tstart
        if tok in (".", ";", "?", "!", ",") or QUOTE_MARK.fullmatch(tok):
            break
    # "said on Thursday he ...", "said last week the ...": step over the time.
    k = 0
    while k < min(len(window) - 1, 3) and window[k][2].lower() in _TIME_WORDS:
        k += 1
    if 0 < k < len(window) and window[k - 1][2].lower() not in ("on", "in", "last", "this"):
        window = window[k:]
    first = window[0][2]
    if word in TELL_FORMS:
        return None
    if word in BELIEF_FORMS and first.lower() in ("it", "so", "about", "of", "to", "in"):
        return None
    if first == ",":
        return window[1][0] if len(window) > 1 else None
    if first.lower() in ("to", "for", "about", "on", "with", "by", "at", "from", "up", "out", "in"):
        # "called for "boots on the ground"": the quotation is the content.
        if len(window) > 1 and any(s == window[1][0] for s, _ in field.regions):
            return window[1][0]
        if first.lower() not in ("on", "in", "at"):
            return None
        # "reported on Monday, X": the content follows a short phrase and its comma.
        for k, (_, _, tok) in enumerate(window[1:6]):
            if tok == "," and k >= 1 and len(window) > k + 3:
                return window[k + 2][0]
        return None
    return window[0][0]


def _follow_on(fi: int, field: _Field, prior: Found, end: int) -> Found | None:
    """', adding that Y' after a quote: a second quote from the same source."""
    text = field.text
    last = prior.pieces[-1]
    if last.field != prior.pieces[0].field:
        return None
    match = _FOLLOW_ON.search(text, last.end, end)
    if match is None:
        return None
    # The follow-on comes right after the content or right after the frame ("she said,").
    frame_end = max(last.end, prior.cue_end, prior.role.end if prior.role else 0)
    if prior.source is not None:
        frame_end = max(frame_end, prior.source.end)
    if _count_words(text, frame_end, match.start()) > 4 or any(
        last.end <= rstart < match.start() for rstart, _ in field.regions
    ):
        return None
    cue_start = match.end() - len(match.group().split()[-1])
    content_at = match.end()
    source = (prior.source.start, prior.source.end, prior.source.end) if prior.source else None
    return _found(fi, field, [(content_at, end)], source, (cue_start, match.end()))


# --- whole articles ---------------------------------------------------------------------------


def find_quotes(fields: Sequence[str], headline: int | None = 0) -> list[Found]:
    """Find every quote in an article's fields, in reading order.

    Args:
        fields: The text fields in reading order: headline, standfirst, body paragraphs.
        headline: The index of the headline among them (its case and punctuation differ).

    Returns:
        The quotes found; multi-paragraph and split quotes have several pieces.
    """
    prepared: list[_Field] = []
    for index, text in enumerate(fields):
        regions, starts_open, dangling = quote_regions(text)
        prepared.append(_Field(text, regions, starts_open, dangling, index == headline))
    out: list[Found] = []
    carry: Found | None = None  # a quotation running on into the next paragraph
    last_speaker: Found | None = None
    for fi, field in enumerate(prepared):
        text = field.text
        claimed: list[tuple[int, int]] = []
        field_found: list[Found] = []
        spans = sentences(text, field.regions)
        for start, end in spans:
            for found in _sentence_quotes(fi, field, start, end):
                field_found.append(found)
                claimed.extend((p.start, p.end) for p in found.pieces)
        # Quotations no frame claimed: continuations, neighbours' speakers, or scare quotes.
        for region in field.regions:
            inner = _inner(text, region)
            if inner[1] <= inner[0]:
                continue
            if any(s <= inner[0] < e or inner[0] <= s < inner[1] for s, e in claimed):
                continue
            words = _count_words(text, *inner)
            piece = Piece(fi, inner[0], inner[1])
            if carry is not None and region[0] == field.regions[0][0] and field.starts_open:
                carry = _extend(carry, piece, words)
                continue
            if fi and region[0] == field.regions[0][0] and field.starts_open and words >= 2:
                intro = _colon_intro(fi - 1, prepared[fi - 1])
                if intro is not None:
                    # "Doe issued the following statement:" and then the statement.
                    field_found.append(
                        Found(
                            pieces=(piece,),
                            direct_words=words,
                            total_words=words,
                            source=intro[0],
                            cue=intro[1],
                            role=None,
                        )
                    )
                    continue
            owner = _owner(field_found, region, text)
            if owner is not None:
                again = _second_cue(field, owner, region)
                if again is not None:
                    # '"X," she said, adding, "Y."': the second cue starts a quote of its own.
                    field_found.append(
                        attrs.evolve(
                            owner,
                            pieces=(piece,),
                            direct_words=words,
                            total_words=words,
                            cue=Piece(fi, again.start(), again.end()),
                        )
                    )
                    continue
                index = field_found.index(owner)
                field_found[index] = _extend(owner, piece, words)
                continue
            if words < _MIN_UNFRAMED_WORDS or not _speechlike(text, inner):
                continue
            if not _opens_sentence(text, region[0], spans, field.regions):
                # A fragment inside someone else's sentence: a title, a term, a scare quote.
                continue
            if (
                region[0] == field.regions[0][0]
                and field.starts_open
                and out
                and out[-1].pieces[-1].field == fi - 1
                and out[-1].direct_words == out[-1].total_words
                and not field_found
                and _whole_sentence(text, region, spans)
            ):
                # A paragraph that is only a quotation goes on the quote that ended the last.
                out[-1] = _extend(out[-1], piece, words)
                continue
            framed = _loose_frame(fi, text, spans, region, piece, words)
            if framed is not None:
                field_found.append(framed)
                continue
            earlier = [f for f in field_found if f.source and f.pieces[0].start < region[0]]
            neighbour = max(earlier, key=lambda f: f.pieces[0].start) if earlier else last_speaker
            field_found.append(
                Found(
                    pieces=(piece,),
                    direct_words=words,
                    total_words=words,
                    source=neighbour.source if neighbour else None,
                    cue=neighbour.cue if neighbour else None,
                    role=neighbour.role if neighbour else None,
                )
            )
        if carry is not None:
            out.append(carry)
            carry = None
        field_found.sort(key=lambda f: f.pieces[0].start)
        if field.dangling and field_found:
            last_region = field.regions[-1]
            tail = field_found[-1]
            if tail.pieces[-1].end >= _inner(text, last_region)[0]:
                carry = tail
                field_found = field_found[:-1]
        out.extend(field_found)
        speakers = [f for f in field_found if f.source is not None]
        if speakers:
            last_speaker = speakers[-1]
        elif carry is not None and carry.source is not None:
            last_speaker = carry
    if carry is not None:
        out.append(carry)
    return out


def _colon_intro(fi: int, field: _Field) -> tuple[Piece, Piece] | None:
    """The speaker and cue of a paragraph that ends with a colon and so introduces the next.

    "Doe told the crowd:", "Stated Doe:", "The ministry issued the following statement:":
    the source is found as in a frame of the paragraph's last sentence, or is its subject.
    """
    text = field.text.rstrip()
    if not text.endswith(":") or _in_region(field.regions, len(text) - 1):
        return None
    spans = sentences(field.text, field.regions)
    if not spans:
        return None
    start = spans[-1][0]
    colon = len(text) - 1
    for cue in _cues(field, start, colon):
        if cue.start() == start and cue.group()[0].isupper():
            source = source_after(text, cue.end(), colon)
        else:
            participle = cue.group().endswith("ing")
            source = source_before(text, start, cue.start(), participle) or _subject_for(
                text, start, cue
            )
        if source is not None:
            return Piece(fi, source[0], source[1]), Piece(fi, cue.start(), cue.end())
    for clause in [start] + [m.end() for m in _CLAUSE_COMMA.finditer(text, start, colon)]:
        subject = SUBJECT.match(text, clause, colon)
        if subject is not None and subject.group(1) not in ("The", "A", "An"):
            return Piece(fi, subject.start(1), subject.end(1)), Piece(fi, colon, colon + 1)
    return None


def _loose_frame(
    fi: int,
    text: str,
    spans: Sequence[tuple[int, int]],
    region: tuple[int, int],
    piece: Piece,
    words: int,
) -> Found | None:
    """'Sanders responded with a phrase: "..."': the sentence's subject said what follows.

    For a quotation after a colon or comma that no cue introduces, the subject of its
    sentence is the speaker, and the colon or the verb before the comma is the cue.
    """
    sentence = next(((s, e) for s, e in spans if s <= region[0] < e), None)
    if sentence is None:
        return None
    after = LOOSE_AFTER.match(text, region[1], sentence[1])
    if after is not None and not WORD.search(text, sentence[0], region[0]):
        # '"France will always be France," an angry Hollande retaliated.': a verb of any kind.
        return Found(
            pieces=(piece,),
            direct_words=words,
            total_words=words,
            source=Piece(fi, after.start(1), after.end(1)),
            cue=Piece(fi, after.start(2), after.end(2)),
            role=None,
        )
    head = text[sentence[0] : region[0]].rstrip()
    stop = sentence[0] + len(head)
    speaker = NAME_COLON.search(text, sentence[0], stop)
    if speaker is not None:
        # A transcript or digest line: 'Rep. Trey Gowdy (R-S.C.): "..."', '- Jane Doe: "..."'.
        return Found(
            pieces=(piece,),
            direct_words=words,
            total_words=words,
            source=Piece(fi, speaker.start(1), speaker.end(1)),
            cue=Piece(fi, stop - 1, stop),
            role=None,
        )
    if not head.endswith((":", ",")) or _count_words(text, sentence[0], region[0]) > 14:
        return None
    subject = SUBJECT.match(text, sentence[0], region[0])
    if subject is None or subject.group(1) in ("The", "A", "An"):
        return None
    if head.endswith(":"):
        cue = Piece(fi, stop - 1, stop)
    else:
        verb = re.search(r"(\w+)\W*$", head)
        if verb is None or not verb.group(1).endswith("ed"):
            return None
        cue = Piece(fi, sentence[0] + verb.start(1), sentence[0] + verb.end(1))
    return Found(
        pieces=(piece,),
        direct_words=words,
        total_words=words,
        source=Piece(fi, subject.start(1), subject.end(1)),
        cue=cue,
        role=None,
    )


def _whole_sentence(text: str, region: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a quotation is its whole sentence, with no words of narration after it."""
    for start, end in spans:
        if start <= region[0] < end:
            return not WORD.search(text, region[1], end)
    return True


def _opens_sentence(
    text: str,
    at: int,
    spans: Sequence[tuple[int, int]],
    regions: Sequence[tuple[int, int]],
) -> bool:
    """Whether a quotation at ``at`` begins its sentence (or follows a colon)."""
    for start, end in spans:
        if start <= at < end:
            head = text[start:at].rstrip()
            if not WORD.search(head) or head.endswith(":"):
                return True
            # A quotation that makes up most of its sentence is speech even when framed
            # in ways no rule knows ("He was blunt with reporters: ...").
            inside = next((_count_words(text, s, e) for s, e in regions if s == at), 0)
            return inside * 2 >= _count_words(text, start, end)
    return True


def _extend(found: Found, piece: Piece, words: int) -> Found:
    return attrs.evolve(
        found,
        pieces=(*found.pieces, piece),
        direct_words=found.direct_words + words,
        total_words=found.total_words + words,
    )


def _owner(field_found: Sequence[Found], region: tuple[int, int], text: str) -> Found | None:
    """The attributed quote earlier in the paragraph that an unclaimed quotation continues.

    '"X," she said. "Y."' is one quote; so is a quotation after "She said:" sentences.
    """
    before = [f for f in field_found if f.pieces[-1].end <= region[0] and f.direct_words]
    if not before:
        return None
    prior = max(before, key=lambda f: f.pieces[-1].end)
    gap_start = prior.pieces[-1].end
    if "\n" in text[gap_start : region[0]]:
        return None
    # The gap is the frame sentence ("she said.") or little more.
    framed = prior.cue is not None and gap_start <= prior.cue.start < region[0]
    if framed and _runs_on(text, prior, region):
        # '"X," she said, meaning that he is "Y"': the frame's sentence goes on in narration.
        return None
    if framed or _count_words(text, gap_start, region[0]) <= 3:
        return prior
    return None


def _runs_on(text: str, prior: Found, region: tuple[int, int]) -> bool:
    """Whether narration of three words or more runs on after a frame into a quotation."""
    frame_end = max(prior.pieces[-1].end, prior.cue_end)
    for part in (prior.source, prior.role):
        if part is not None:
            frame_end = max(frame_end, part.end)
    if frame_end >= region[0] or _count_words(text, frame_end, region[0]) < 3:
        return False
    return not text[frame_end : region[0]].rstrip().endswith((",", ":", ".", "?", "!", ";"))


#: What may stand between a cue and the quotation it introduces: "adding that", "adding:".
_INTRODUCES = re.compile(r"\s*(?:that\s*)?[,:]?\s*")


def _second_cue(field: _Field, owner: Found, region: tuple[int, int]) -> re.Match[str] | None:
    """A cue after the frame of ``owner`` and before a quotation: "she said, adding, "..."".

    A quotation that a second cue introduces right before its opening mark ("adding,",
    "before adding:", "adding that") is a quote of its own, not the rest of the first.
    """
    frame_end = max(owner.pieces[-1].end, owner.cue_end)
    if owner.source is not None:
        frame_end = max(frame_end, owner.source.end)
    if owner.role is not None:
        frame_end = max(frame_end, owner.role.end)
    if frame_end >= region[0]:
        return None
    cues = _cues(field, frame_end, region[0])
    if not cues or not _INTRODUCES.fullmatch(field.text, cues[-1].end(), region[0]):
        return None
    return cues[-1]


def _speechlike(text: str, inner: tuple[int, int]) -> bool:
    """Whether an unframed quotation reads as speech rather than a title or a nickname."""
    words = WORD.findall(text, *inner)
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised < len(words) * 0.8 or len(words) > 15


# --- describing sources -----------------------------------------------------------------------


#: A preposition that ends the core of a source phrase ("officials [of the party]").
_PHRASE_PREPOSITION = re.compile(r"\s(?:of|with|for|at|from|in|on)\s")


def source_core(source: str) -> str:
    """The part of a source phrase before its first preposition, which holds its head.

    Args:
        source: The source phrase ("a spokeswoman for the ministry").

    Returns:
        The core ("a spokeswoman"), or the phrase itself when it has no preposition.
    """
    core = _PHRASE_PREPOSITION.split(source, maxsplit=1)[0]
    return core if core.strip() else source


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
        words[0] == "the" and (head in ORGANIZATION_WORDS)
    ):
        return "organization"
    tokens = re.findall(r"[\w.'’-]+", source)
    capitalised = [w for w in tokens if w[0].isupper() and w.lower() not in _DETERMINERS]
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


#: A run of capitalised words that may be a person's full name.
NAME_RUN = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'-]+))*\s+[A-Z][a-z’'-]+\b")


def name_mentions(text: str) -> list[tuple[int, str]]:
    """Find the runs of capitalised words in a text that may name a person.

    Args:
        text: One field's text.

    Returns:
        ``(offset, name)`` for each run, titles and honorifics stripped, in order.
    """
    out = []
    for match in NAME_RUN.finditer(text):
        if match.group().split()[0].lower() in _NOT_NAME:
            continue
        name = _strip_titles(match.group())
        if len(name.split()) >= 2 and not _organisation(name):
            out.append((match.start(), name))
    return out


def resolve(source: str, earlier: Sequence[str]) -> str | None:
    """Resolve a pronoun or a surname to the fullest earlier mention of a name.

    Args:
        source: The source as written, without its role ("he", "Doe", "Ms. Doe").
        earlier: The names mentioned before the quote, in reading order
            (from :func:`name_mentions`).

    Returns:
        The resolved name ("President Jane Q. Doe" → "Jane Q. Doe"), or ``None``.
    """
    words = [w for w in source.split() if w.lower() not in _HONORIFICS]
    if source.lower() in ("he", "she"):
        # The most recent person named is the usual antecedent in news prose.
        return earlier[-1] if earlier else None
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    surname = words[0]
    best: str | None = None
    for name in earlier:
        if name.split()[-1] == surname and (best is None or len(name) > len(best)):
            best = name
    return best


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in _TITLES | _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _organisation(name: str) -> bool:
    return any(word.lower() in ORGANIZATION_WORDS for word in name.split())
