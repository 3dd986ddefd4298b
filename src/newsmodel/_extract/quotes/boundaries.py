"""What every frame works on and reports (:class:`Field`, :class:`Found`, :class:`Piece`), and
where a quotation starts and ends around its frame: trimmed to the words said, the quotation's
end, and the clause that follows a cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .cues import BELIEF_FORMS, COMMISSIVE_FORMS, CUE_FORMS, SPEECH_FORMS, TELL_FORMS
from .hearers import (
    CLAUSE_PRONOUNS,
    SETTING_LEADS,
    TIME_WORDS,
    after_hearer,
    after_setting,
    in_place_name,
    pronoun,
)
from .marks import QUOTE_MARK, Regions, in_region, inner_span, is_quote_mark
from .sources import DETERMINERS, FUNCTION, tokens
from .word_counts import WORD, count_words

__all__ = [
    "CLAUSE_COMMA",
    "CLAUSE_END",
    "MOMENT_OPENERS",
    "PAST_CUES",
    "Field",
    "Found",
    "Piece",
    "frame_comma",
    "make_found",
    "quotation_end",
    "speechlike",
]


#: A comma that opens a new clause within a sentence.
CLAUSE_COMMA = re.compile(r",\s+")
#: Words after a mid-sentence frame that start a description of the saying, not content.
_NOT_RESUMING = frozenset(
    "who which whose whom that and but as when while after before because where although "
    "though since once if".split()
)

#: Punctuation a frame leaves before its content ("said: ...", "said, ...").
_CONTENT_LEAD = re.compile(r"[\s,:;—–-]*")

#: Irregular past forms of speech verbs.
PAST_CUES = frozenset("said told wrote swore thought knew found felt".split())
#: Where a clause ends inside a sentence: a content stops there.
CLAUSE_END = re.compile(
    r";\s|,\s+(?:but|while|whereas|although|though)\s"
    r"|,[\"”’']?\s+(?:and|but)\s+(?=(?:he|she|they|we|I)\s)"
)
#: Characters in every match of CLAUSE_END, looked for first: the search tries every offset.
CLAUSE_END_MARKS = (";", ",")


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

    def covers(self, at: int) -> bool:
        """Whether ``at`` falls within one of the pieces of the content."""
        return any(piece.start <= at < piece.end for piece in self.pieces)


# --- frames -----------------------------------------------------------------------------------


@attrs.define
class Field:
    text: str
    regions: Regions
    starts_open: bool
    dangling: bool
    headline: bool
    #: The matches of the cues in lower case in the whole text, when searched for once (see
    #: ``cue_search.field_cues``): the cue search of each sentence reads them.
    cues: tuple[re.Match[str], ...] | None = None
    #: Whether the text holds the word of a frame named by one rather than by a cue, once
    #: looked for (see ``attribution.holds_word_frame``).
    word_frames: bool | None = None
    #: Whether a capitalised cue form may stand in the text, and whether "ccord" does in any
    #: case, when told (see ``cue_search.read_field``).
    capitalised_cue: bool | None = None
    accords: bool | None = None


def _direct_words(field: Field, start: int, end: int) -> int:
    total = 0
    for rstart, rend in field.regions.near(start, end):
        lo, hi = max(start, rstart), min(end, rend)
        if lo < hi:
            total += count_words(field.text, lo, hi)
    return total


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _CONTENT_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1] in " \t\n,;:—–-." or text[end - 1].isspace()):
        if text[end - 1] == "." and end < len(text) and text[end : end + 1].isdigit():
            break  # "3.5": a decimal point, not a stop
        end -= 1
    return start, end


def make_found(
    fi: int,
    field: Field,
    pieces: Sequence[tuple[int, int]],
    source: tuple[int, int, int] | None,
    cue: tuple[int, int] | None,
) -> Found | None:
    text = field.text
    kept = []
    total = 0
    for start, end in pieces:
        start, end = _trim(text, start, end)
        if len(pieces) == 1:
            start, end = _quotation_only(field, start, end)
        region = field.regions.starting_at(start)
        if region is not None and region[1] >= end - 1:
            # A whole quotation: the words, without their marks.
            start, end = inner_span(text, region)
        words = count_words(text, start, end)
        if words:
            kept.append(Piece(fi, start, end))
            total += words
    if not kept:
        return None
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


def _quotation_only(field: Field, start: int, end: int) -> tuple[int, int]:
    """A full quoted sentence framed by narration is the content without the narration.

    'She replied, in all capitals, "We will win!"' and '"We will win," drawing cheers': the
    words outside the marks set the scene, they are no part of what was said. Only a quotation
    that reads as a sentence of its own counts: after a comma or colon, opening with a capital,
    and ending in punctuation inside its marks when narration follows.
    """
    if not field.regions:
        return start, end  # most contents
    text = field.text
    inside = [r for r in field.regions.near(start, end + 1) if start <= r[0] and r[1] <= end + 1]
    if len(inside) != 1 or in_region(field.regions, start) or in_region(field.regions, end):
        return start, end
    region = inside[0]
    inner = inner_span(text, region)
    words = count_words(text, *inner)
    if words < 3 or words == count_words(text, start, end):
        return start, end
    if not text[inner[0]].isupper() or not speechlike(text, inner):
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


def frame_comma(field: Field, start: int, end: int) -> int | None:
    """The first comma after ``start`` outside quotations, within a short distance."""
    for match in re.finditer(r"[,:]", field.text[start:end]):
        at = start + match.start()
        if not in_region(field.regions, at):
            return at if at - start < 160 else None
    return None


def _before_is_boundary(field: Field, lo: int, at: int) -> bool:
    """Whether a comma, a dash or the end of a quotation comes just before ``at``."""
    head = field.text[lo:at].rstrip()
    if not head:
        return False
    stop = lo + len(head)
    return head[-1] in ",—–-" or any(end == stop for _, end in field.regions.near(stop, stop))


#: Narration set off after a closing mark: '"...," suggesting', '"..." - the first to'.
_SET_OFF = re.compile(r"\s*(?:,|[—–]|-\s)")


def quotation_end(field: Field, start: int, end: int) -> int:
    """Where a content that opens with a quotation ends: at the closing mark, if it is set off.

    'stressed that "X," suggesting ...', 'According to Doe, "X," presumably meaning ...' and
    'said, "X" - the first to ...': the words said end with the marks; the narration after
    them is not part of the content. A fragment that the clause goes on from ('called it "a
    disaster" for farmers') is left whole.
    """
    text = field.text
    for rstart, rend in field.regions.near(start, end):
        if start <= rstart < end:
            said = QUOTE_MARK.sub("", text[rstart:rend]).rstrip()
            closes = said.endswith((",", ".", "!", "?", "…")) or _SET_OFF.match(text, rend)
            if closes and count_words(text, start, rstart) <= 3 and WORD.search(text, rend, end):
                return rend
            break
    return end


def _fragment_at(field: Field, at: int) -> bool:
    """Whether the quotation opening at ``at`` is a fragment of a clause, not a sentence.

    'testified "thousands" of emails' and 'to "take our fight" to the states' quote a few
    words of a clause that goes on; '"You lie!"' or '"We won."' is a whole utterance.
    """
    region = field.regions.starting_at(at)
    if region is None:
        return False
    inner = inner_span(field.text, region)
    words = field.text[inner[0] : inner[1]].rstrip()
    return bool(words) and words[0].islower() and not words.endswith((".", "!", "?", "…"))


def _quote_before(field: Field, lo: int, at: int) -> bool:
    """Whether the text before a frame at ``at`` is one quotation (the frame's content)."""
    head = field.text[lo:at].rstrip(" ,—–-")
    stop = lo + len(head)
    regions = field.regions.near(lo, lo + 2)
    return any(start <= lo + 2 and end >= stop - 1 for start, end in regions if end > lo)


def _lead_quote(field: Field, start: int, at: int) -> int | None:
    """The start of a quotation that ends just before a frame at ``at`` after a colon or comma.

    'Asked about it, "we will see," Doe said.': the quotation is the content, not the lead-in.
    """
    head = field.text[start:at].rstrip(" ,—–-")
    stop = start + len(head)
    for rstart, rend in field.regions.near(stop - 1, at):
        if rend >= stop - 1 and rstart > start and rend <= at:
            before = field.text[start:rstart].rstrip()
            if before.endswith((":", ",")):
                return rstart
    return None


def _cue_tail(text: str, at: int, end: int, hearer: bool = False) -> int:
    """Past the words that may follow an inverted cue: "said in a statement Thursday".

    A determiner right after the cue opens a hearer only after a verb that takes one ("told
    the crowd"); after any other cue it opens what was said ("Intel said the event ...").
    """
    comma = _COMMA.search(text, at, end)
    stop = comma.start() if comma is not None else end
    word = WORD.match(text, at + 1) if at < end else None
    if word is not None and text[at : word.start()].strip():
        word = None
    first = word.group().lower() if word else ""
    if first in _HEARER_LEAD and not hearer:
        return at
    if hearer and word is not None and word.group()[:1].isupper():
        first = "reporters"  # "told POLITICO earlier this week": a named hearer
    if _THAT.search(text, at, stop):
        # "said Tuesday that he had voted ...": a complement, not a time or a hearer.
        return at
    if first in MOMENT_OPENERS:
        # "X, Doe said as he left the stage": a clause of when or why, however long.
        return stop
    if count_words(text, at, stop) <= 8 and (
        not first or first in FUNCTION or first in _TAIL_WORDS or first.endswith("ly")
    ):
        return stop
    return at


#: Conjunctions that open a clause of when or why the saying happened, after an inverted cue.
MOMENT_OPENERS = frozenset("as while when after before although though".split())

#: "that" as a word.
_THAT = re.compile(r"\bthat\b")

#: A comma that is no thousands separator ("20,000").
_COMMA = re.compile(r",(?!\d)")

#: Words that may begin what follows an inverted cue: when, to whom, how.
_TAIL_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last "
    "this earlier later recently during after before when while in on at of to about "
    "reporters journalists cnn msnbc fox abc nbc cbs npr the a an his her their".split()
)

#: Words that open a noun phrase after a cue: a hearer after "told", content after "said".
_HEARER_LEAD = frozenset("the a an his her their".split())

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
    if word.group().lower() not in _ADVERBIAL_START or count_words(text, start, end) > 10:
        return True
    # "In all, the committee raised $57 million": a clause after the adverbial's comma.
    comma = text.find(",", start, end)
    return comma >= 0 and count_words(text, comma, end) >= 4


def _clause_follows(text: str, start: int, end: int) -> bool:
    """Whether the words after a mid-sentence frame are a clause, not an appositive."""
    word = WORD.search(text, start, end)
    if word is None or count_words(text, start, end) < 4:
        return False
    return word.group().lower() not in DETERMINERS


def _after_frame(field: Field, at: int, end: int, quoted: bool) -> list[tuple[int, int]]:
    """Content that resumes after a mid-sentence frame: '"X," she said, "Y."'."""
    text = field.text
    rest = text[at:end]
    lead = re.match(r"\s*[,;:]\s*", rest)
    if lead is None:
        return []
    resume = at + lead.end()
    if resume >= end:
        return []
    if QUOTE_MARK.match(text, resume) and field.regions.starting_at(resume) is not None:
        return [(resume, end)]
    if lead.group().strip() == "," and count_words(text, resume, end) >= 3:
        # A parenthetical frame: "His leverage, they believe, is not going anywhere." Not
        # when the rest is a phrase about the saying: ", in an interview", ", adding ...".
        word = WORD.match(text, resume)
        low = word.group().lower() if word else ""
        if not (
            low in FUNCTION
            or low in _NOT_RESUMING
            or low in DETERMINERS
            or low.endswith("ing")
            or quoted
        ):
            return [(resume, end)]
    return []


#: An amount after "about": "about 40", "about half".
_AMOUNT = re.compile(r"\d|(?:half|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)

#: Cues whose content is the object of a preposition: "call for", "point to", "warn of".
_OBJECT_PREPOSITIONS = {
    **dict.fromkeys("call calls called calling".split(), ("for", "on")),
    **dict.fromkeys("point points pointed pointing".split(), ("to",)),
    **dict.fromkeys("refer refers referred referring".split(), ("to",)),
    **dict.fromkeys("warn warns warned warning".split(), ("of", "about", "against")),
    **dict.fromkeys("ask asks asked asking".split(), ("about", "for")),
    **dict.fromkeys("complain complains complained complaining".split(), ("about", "of")),
    **dict.fromkeys("respond responds responded responding".split(), ("to",)),
    **dict.fromkeys("reply replies replied replying".split(), ("to",)),
    **dict.fromkeys("agree agrees agreed agreeing".split(), ("with",)),
    **dict.fromkeys("hint hints hinted hinting".split(), ("at",)),
    **dict.fromkeys("talk talks talked talking".split(), ("about", "of")),
    **dict.fromkeys("speak speaks spoke speaking".split(), ("about", "of")),
}


#: Verbs that report only their topic: "talked about the deficit", "spoke of reform".
_TOPIC_ONLY = frozenset("talk talks talked talking speak speaks spoke spoken speaking".split())


def _content_start(field: Field, cue: re.Match[str], end: int) -> int | None:
    """Where the content begins after a forward cue, or ``None`` when none follows."""
    text = field.text
    word = cue.group().lower()
    at = cue.end()
    window = tokens(text, at, min(end, at + 90))
    if not window:
        return None
    # "told reporters on Monday that ...", "said in a statement that ...", "said Monday: ..."
    reach = 9 if word in TELL_FORMS else 6
    if (
        word in TELL_FORMS
        or window[0][2].lower() in SETTING_LEADS
        or (window[0][2].lower() == "to" and word in SPEECH_FORMS and word not in COMMISSIVE_FORMS)
    ):
        # "said in an oral history of those years that ...", "complained to the host of a
        # morning show that ...": a setting or a hearer, then the content.
        reach = 14
    for k, (tstart, tend, tok) in enumerate(window[:reach]):
        if tok[:1].isalnum():  # a word, as most tokens are; the rest are marks
            if tok.lower() == "that":
                return tstart
            if tok in ("and", "but") and k + 1 < len(window) and window[k + 1][2] in CUE_FORMS:
                # "said in politics X but added, "..."": a second frame, not the first's
                # setting.
                break
            continue
        # "told reporters, "...."" and "said of the senator, "...."".
        if (
            tok == ","
            and k + 1 < len(window)
            and field.regions.starting_at(window[k + 1][0]) is not None
        ):
            return window[k + 1][0]
        if tok == ":":
            return tend
        if k == 0 and is_quote_mark(tok) and field.regions.starting_at(tstart) is not None:
            # 'cautioned "let's not get ahead of ourselves"': the quotation right after the cue.
            return tstart
        if tok in ("’", "'") and k and window[k - 1][1] == tstart and window[k - 1][2][-1:] == "s":
            continue  # a possessive: "wrote to the senators' office that ..."
        if tok == "," and in_place_name(window, k):
            continue  # "told supporters in Columbus, Ohio, that ..."
        if tok in (".", ";", "?", "!", ",") or is_quote_mark(tok):
            break
    # "said on Thursday he ...", "said last week the ...": step over the time.
    k = 0
    while k < min(len(window) - 1, 3) and window[k][2].lower() in TIME_WORDS:
        k += 1
    if 0 < k < len(window) and window[k - 1][2].lower() not in ("on", "in", "last", "this"):
        window = window[k:]
    first = window[0][2]
    if first.lower() == "about" and len(window) > 1 and _AMOUNT.match(window[1][2]):
        return window[0][0]  # "said about half of the money ...": "about" is "roughly"
    if first.lower() in _OBJECT_PREPOSITIONS.get(word, ()) and len(window) > 1:
        # "called for a freeze", "pointed to the deficit", "warned of delays": what is
        # asked for, pointed to or warned of.
        return window[1][0]
    if word in _TOPIC_ONLY:
        # "spoke to reporters", "talked for an hour": no topic, nothing reported.
        return None
    if word in TELL_FORMS:
        # "told reporters he would run", "told POLITICO there was no plan": after the hearer,
        # a subject pronoun opens the content.
        for k, (tstart, _, tok) in enumerate(window[1:6], start=1):
            if tok in (".", ";", "?", "!", ",") or is_quote_mark(tok):
                break
            if pronoun(tok) in CLAUSE_PRONOUNS and window[k - 1][2][:1].isalpha():
                return tstart
        return after_hearer(window)
    if word in BELIEF_FORMS and first.lower() in ("it", "so", "about", "of", "to", "in"):
        return None
    if first == ",":
        return window[1][0] if len(window) > 1 else None
    if (
        first.lower() == "to"
        and word in COMMISSIVE_FORMS
        and len(window) > 1
        and window[1][2][:1].islower()
        and _is_verbish(window[1][2])
    ):
        # "vowed to repeal the law", "declined to comment": the infinitive is what was
        # promised or refused.
        return window[0][0]
    if first.lower() in ("to", "for", "about", "on", "with", "by", "at", "from", "up", "out", "in"):
        # "called for "boots on the ground"": the quotation is the content.
        if len(window) > 1 and field.regions.starting_at(window[1][0]) is not None:
            if first.lower() == "to" and _fragment_at(field, window[1][0]):
                # 'vowed to "take our fight" to the states': the infinitive is the content.
                return window[0][0]
            return window[1][0]
        if first.lower() not in ("on", "in", "at", "for", "during"):
            return None
        # "reported on Monday, X": the content follows a short phrase and its comma.
        for k, (_, _, tok) in enumerate(window[1:6]):
            if tok == "," and k >= 1 and len(window) > k + 3 and first.lower() in SETTING_LEADS:
                return window[k + 2][0]
        return after_setting(window)
    return window[0][0]


#: Words after "to" that are no verb: "agreed to a debate", "promised to the voters".
_NOT_VERB_AFTER_TO = DETERMINERS | FUNCTION | frozenset("him her them us me it".split())


def _is_verbish(word: str) -> bool:
    return word.lower() not in _NOT_VERB_AFTER_TO


def speechlike(text: str, inner: tuple[int, int]) -> bool:
    """Whether an unframed quotation reads as speech rather than a title or a nickname."""
    words = WORD.findall(text, *inner)
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised < len(words) * 0.8 or len(words) > 15
