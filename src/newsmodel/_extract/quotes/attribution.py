"""Match a sentence against the attribution frames and report what each frame finds.

The frames are those listed in :mod:`newsmodel._extract.quotes.rules`: ``SOURCE CUE CONTENT``,
``CONTENT, SOURCE CUE``, ``CONTENT, CUE SOURCE``, "according to", follow-ons and coordination.
:func:`sentence_quotes` returns a :class:`Found` for each quote a sentence holds, its content
trimmed to the words said, its source, cue and role as :class:`Piece` offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..text.parse import DATELINE
from .cues import BELIEF_FORMS, CUE_FORMS, SPEECH_FORMS, TELL_FORMS, cue_pattern
from .marks import QUOTE_MARK, Regions, in_region, inner_span
from .sources import (
    BETWEEN,
    DETERMINERS,
    FUNCTION,
    source_after,
    source_before,
    strip_stop,
    tokens,
)

__all__ = [
    "CLAUSE_COMMA",
    "WORD",
    "Field",
    "Found",
    "Piece",
    "count_words",
    "find_cues",
    "sentence_quotes",
    "speechlike",
    "subject_at",
    "subject_for",
]

# --- patterns ---------------------------------------------------------------------------------

#: A word in the sense the scorer and readers count: letters or digits, inner apostrophes kept.
WORD = re.compile(r"\w+(?:['’]\w+)*")

#: A sentence-initial subject: a pronoun, or a capitalised name with its titles, followed by
#: a lowercase word (its verb). :func:`subject_at` matches it after a dateline.
_SUBJECT = re.compile(
    r"\W*(?!(?:In|On|At|After|Before|When|While|As|But|And|So|Yet|Then|If|Although|During|"
    r"For|With|From|Since|Despite|Under|Over|Still|Meanwhile|However|Instead|Later|Earlier|"
    r"Last|This|That|These|Those|It|There|Here|What|Who|Why|How)\b)"
    r"((?:He|She|They|We|I)\b|(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+(?:['’]s?\s+[\w-]+"
    r"(?:\s+[\w-]+)?)?)(?=,?\s+[a-z])"
)

#: A comma that opens a new clause within a sentence.
CLAUSE_COMMA = re.compile(r",\s+")


#: A lowercase pronoun opening a clause and followed by its verb ("..., she responded").
def subject_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """The subject opening ``text[start:end]``, after the dateline of a story's first sentence.

    "WASHINGTON (Reuters) - Jane Doe left early, saying ...": the subject is "Jane Doe".
    """
    dateline = DATELINE.match(text[start:end])
    if dateline is not None:
        start += dateline.end()
    return _SUBJECT.match(text, start, end)


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

#: Any cue verb form as a whole word, in lower case or capitalised (headline "Say").
CUE = re.compile(
    cue_pattern(CUE_FORMS | {form.capitalize() for form in CUE_FORMS}) + r"|\b[Aa]ccording\s+to\b"
)

#: "According to SOURCE," at the start of a sentence.
ACCORDING_FIRST = re.compile(r"^\W*(?:(?:But|And|Yet|So|Still|Also),?\s+)?according to\s+", re.I)

#: A headline's "Name: content" (the colon is the cue).
HEADLINE_COLON = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s+(?=\S)")

#: Words after a mid-sentence frame that start a description of the saying, not content.
_NOT_RESUMING = frozenset(
    "who which whose whom that and but as when while after before because where although "
    "though since once if".split()
)

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


# --- frames -----------------------------------------------------------------------------------


@attrs.define
class Field:
    text: str
    regions: Regions
    starts_open: bool
    dangling: bool
    headline: bool


def count_words(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end))


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
        if text[end - 1] == "." and end - start > 1 and text[end - 2] in "0123456789":
            break
        end -= 1
    return start, end


def _found(
    fi: int,
    field: Field,
    pieces: Sequence[tuple[int, int]],
    source: tuple[int, int, int] | None,
    cue: tuple[int, int] | None,
) -> Found | None:
    kept = []
    for start, end in pieces:
        start, end = _trim(field.text, start, end)
        if len(pieces) == 1:
            start, end = _quotation_only(field, start, end)
        region = field.regions.starting_at(start)
        if region is not None and region[1] >= end - 1:
            # A whole quotation: the words, without their marks.
            start, end = inner_span(field.text, region)
        if count_words(field.text, start, end):
            kept.append(Piece(fi, start, end))
    if not kept:
        return None
    total = sum(count_words(field.text, p.start, p.end) for p in kept)
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


def find_cues(field: Field, start: int, end: int) -> list[re.Match[str]]:
    out = []
    for match in CUE.finditer(field.text, start, end):
        word = match.group()
        if in_region(field.regions, match.start()):
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


def sentence_quotes(fi: int, field: Field, start: int, end: int) -> list[Found]:
    """Match one sentence against the attribution frames."""
    text = field.text
    results: list[Found] = []
    according = ACCORDING_FIRST.match(text, start, end)
    if according:
        comma = _frame_comma(field, according.end(), end)
        if comma is not None:
            source = (according.end(), comma, comma)
            cue_at = text.lower().index("according to", start)
            content_end = quotation_end(field, comma + 1, end)
            found = _found(fi, field, [(comma + 1, content_end)], source, (cue_at, cue_at + 12))
            return [found] if found else []
    if field.headline and start == 0:
        colon = HEADLINE_COLON.match(text, start, end)
        if colon and not find_cues(field, start, end):
            found = _found(
                fi,
                field,
                [(colon.end(), end)],
                (colon.start(1), colon.end(1), colon.end(1)),
                (colon.end(1), colon.end(1) + 1),
            )
            return [found] if found else []
    for cue in find_cues(field, start, end):
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


def _according_after(fi: int, field: Field, found: Found, end: int) -> Found:
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
    if match is None or in_region(field.regions, match.start()):
        return found
    if match.start() >= last.end:
        if count_words(text, max(frame_end, last.end), match.start()) > 6:
            return found
    elif WORD.search(text, match.end(), last.end) is None or last.start >= match.start():
        return found
    stop = _PHRASE_END.search(text, match.end(), end)
    until = strip_stop(text, match.end(), stop.start() if stop else end, end)
    if not count_words(text, match.end(), until) or count_words(text, match.end(), until) > 10:
        return found
    cue_at = match.end() - len(match.group().lstrip(", \t"))
    if match.start() < last.end:
        # "Officials said X, according to the paper": the content ends before the phrase.
        if count_words(text, last.start, match.start()) < 2:
            return found
        words = count_words(text, last.start, match.start())
        direct = _direct_words(field, last.start, match.start())
        found = attrs.evolve(
            found,
            pieces=(*found.pieces[:-1], Piece(fi, last.start, match.start())),
            total_words=found.total_words - count_words(text, last.start, last.end) + words,
            direct_words=found.direct_words - _direct_words(field, last.start, last.end) + direct,
        )
    return attrs.evolve(
        found,
        source=Piece(fi, match.end(), until),
        cue=Piece(fi, cue_at, cue_at + len("according to")),
        role=None,
    )


def _unsourced(fi: int, field: Field, start: int, end: int) -> Found | None:
    """'Obama is expected to join her', 'New Hampshire seems stable': a stance with no source.

    The content is the subject and what follows the cue; there is no speaker to name.
    """
    text = field.text
    cue = UNSOURCED_CUE.search(text, start, end)
    if cue is None or in_region(field.regions, cue.start()):
        return None
    subject = source_before(text, start, cue.start())
    if subject is None or not count_words(text, cue.end(), end):
        return None
    pieces = [(subject[0], subject[1]), (cue.end(), end)]
    return _found(fi, field, pieces, None, (cue.start(), cue.end()))


def _coordinated(field: Field, prior: Found, found: Found) -> bool:
    """Whether a second frame in a sentence is a clause of its own: "X, and he said Y".

    Anything else after a first frame ("said Doe, with a passion that suggested ...") is
    the frame's own description, not a new quote.
    """
    if found.source is None or found.pieces[0].start < prior.pieces[-1].end:
        return False
    gap = field.text[prior.pieces[-1].end : found.source.start]
    return bool(_COORDINATION.match(gap))


def _frame_comma(field: Field, start: int, end: int) -> int | None:
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


def _frame(fi: int, field: Field, start: int, end: int, cue: re.Match[str]) -> Found | None:
    text = field.text
    word = cue.group().lower()
    if word.startswith("according"):
        before = text[start : cue.start()].rstrip()
        if before.endswith(","):
            comma = _frame_comma(field, cue.end(), end)
            until = comma if comma is not None else strip_stop(text, cue.end(), end, end)
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
    if _names_a_work(text, start, cue):
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
            subject_for(text, start, cue)
            or source_before(text, start, cue.start())
            or _name_after_quote(field, start, cue)
        )
        if source is None:
            return _speech_after_cue(fi, field, start, end, cue)
    # "CONTENT, SOURCE CUE": the source follows a comma or a closing quotation mark, and the
    # sentence ends after the cue (or resumes the quotation: a split quote).
    if (
        source[0] > start
        and _before_is_boundary(field, start, source[0])
        and not DATELINE.fullmatch(text[start : source[0]])
    ):
        content_end = len(text[start : source[0]].rstrip()) + start
        tail = _cue_tail(text, cue.end(), end)
        quoted = _quote_before(field, start, source[0])
        resumed = _after_frame(field, tail, end, quoted)
        resumes_quote = bool(resumed) and field.regions.starting_at(resumed[0][0]) is not None
        lead = _lead_quote(field, start, source[0])
        if lead is not None and not quoted:
            # "Clinton seemed irritated: "It's public," she wrote.": the quotation is the content.
            start, quoted = lead, True
        introduces = text[cue.end() : end].lstrip().startswith(":")
        if (
            (quoted or not introduces)
            and count_words(text, start, content_end)
            and (quoted or (_content_like(text, start, content_end) and not resumes_quote))
            and (
                resumed
                or quoted
                or not count_words(text, tail, end)
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
        while boundary is not None and in_region(field.regions, boundary.end() - 1):
            boundary = pattern.search(text, boundary.end(), content_end)
        if boundary is not None:
            content_end = boundary.start()
            for rstart, rend in field.regions.near(content_end, content_end):
                if rstart < content_end < rend:
                    content_end = rend  # keep the closing mark of '..., today," and he said
    for rstart, rend in field.regions.near(content_end - 1, len(text)):
        if content_start < rstart and rend >= content_end - 1:
            if text[content_start:rstart].rstrip().endswith(":"):
                # 'responded with a phrase: "..."': the quotation after the colon is the content.
                content_start = rstart
            break
    content_end = quotation_end(field, content_start, content_end)
    for rstart, rend in field.regions.near(content_start, content_start):
        if rstart == content_start and rend < content_end:
            after = WORD.search(text, rend, content_end)
            if (
                after is not None
                and after.group().lower() in _AFTER_QUOTE_PHRASE
                and not _fragment_at(field, rstart)
            ):
                # 'yelled "You lie!" at the president': the words said end with the marks.
                content_end = rend
            break
    if not count_words(text, content_start, content_end):
        return None
    if count_words(text, content_start, content_end) < 2 and not in_region(
        field.regions, content_start + 1
    ):
        return None
    return _found(fi, field, [(content_start, content_end)], source, (cue.start(), cue.end()))


#: "made a film called", "opened an exhibition titled": an indefinite noun phrase that is
#: not the sentence's subject, then a naming verb.
_NAMING = re.compile(r"\w\s+(?:an?|another)\s+(?:[\w'’-]+\s+){0,6}$")


def _names_a_work(text: str, start: int, cue: re.Match[str]) -> bool:
    """Whether a naming cue gives a work its title: 'a play called "Sons of Trump"'."""
    if cue.group().lower() not in ("called", "titled", "named", "dubbed"):
        return False
    return _NAMING.search(text, start, cue.start()) is not None


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


def _speech_after_cue(
    fi: int, field: Field, start: int, end: int, cue: re.Match[str]
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
    region = next((r for r in field.regions.near(at, at) if r[0] <= at < r[1]), None)
    source: tuple[int, int, int] | None = None
    if region is None and cue.start() == start and cue.group()[0].isupper():
        # "Said Jane Doe, who ..., "..."": the source stands between the cue and the quotation.
        source = source_after(text, cue.end(), end)
        if source is not None:
            region = next(
                (
                    r
                    for r in field.regions.near(source[2], len(text))
                    if r[0] >= source[2] and r[1] >= end - 1
                ),
                None,
            )
            if region is not None and text[source[2] : region[0]].strip() not in (",", ":"):
                region = None
    if region is None or (region[0] < at - 1 and source is None):
        return None
    if WORD.search(text, region[1], end) or (region[1] < end - 2 and text[region[1] : end].strip()):
        return None
    inner = inner_span(text, region)
    if count_words(text, *inner) < 2 or not text[inner[0] : inner[0] + 1].isupper():
        return None
    if source is None:
        clauses = [start] + [m.end() for m in CLAUSE_COMMA.finditer(text, start, cue.start())]
        for clause in clauses:
            subject = subject_at(text, clause, cue.start()) or _PRONOUN_SUBJECT.match(
                text, clause, cue.start()
            )
            if subject is not None and subject.group(1) not in ("The", "A", "An"):
                source = subject.start(1), subject.end(1), subject.end(1)
                break
    if source is None:
        return None
    return _found(fi, field, [(region[0], end)], source, (cue.start(), cue.end()))


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


def _name_after_quote(field: Field, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """'"...," Harry Bond, 30, of Raleigh, who was polled, said': the name after the quotation."""
    for _, rend in field.regions.near(start, cue.start()):
        if start <= rend < cue.start():
            name = _NAME_AFTER_QUOTE.match(field.text, rend, cue.start())
            if name is not None:
                return name.start(1), name.end(1), cue.start()
    return None


def subject_for(text: str, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
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
    subject = subject_at(text, clause, cue.start())
    if subject is None and clause != start:
        subject = subject_at(text, start, cue.start())
    if subject is None:
        return None
    if subject.group(1) in ("The", "A", "An"):
        # "The super PAC replaced ..., attacking ...": the words after the article, up to
        # its verb, are the subject.
        end = subject.end(1)
        for word in list(WORD.finditer(text, end, cue.start()))[:_DETERMINED_WORDS]:
            if not _subject_word(word.group()):
                break
            end = word.end()
        return subject.start(1), end, end
    return subject.start(1), subject.end(1), subject.end(1)


#: Most words a subject takes after "The" or "A": "The former city mayor".
_DETERMINED_WORDS = 3

#: Common irregular past forms, which end a subject as its verb: "The mayor began ...".
_IRREGULAR_PAST = _PAST | frozenset(
    "began came went took made gave got won lost led ran left held kept brought bought sought "
    "caught taught paid put set cut hit let built meant dealt heard shot struck drew threw "
    "flew sent spent stood sat saw met became broke chose drove fell fought grew rose spoke "
    "wore".split()
)


def _subject_word(word: str) -> bool:
    """Whether a word after "The" can still be part of the subject, not its verb or adverb."""
    low = word.lower()
    if low in _IRREGULAR_PAST or low in FUNCTION or low in BETWEEN:
        return False
    return word[0].isupper() or not low.endswith(("ed", "ing", "ly"))


def _inverted(fi: int, field: Field, start: int, end: int, cue: re.Match[str]) -> Found | None:
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
    if source is None or not count_words(text, start, cue.start()):
        return None
    content_end = len(text[start : cue.start()].rstrip()) + start
    resumed = _after_frame(field, source[2], end, _quote_before(field, start, cue.start()))
    if not (
        resumed
        or _quote_before(field, start, cue.start())
        or not count_words(text, source[2], end)
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
    if count_words(text, at, stop) <= 8 and (
        not first or first in FUNCTION or first in _TAIL_WORDS or first.endswith("ly")
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
    return word.group().lower() not in _ADVERBIAL_START or count_words(text, start, end) > 10


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
    for k, (tstart, tend, tok) in enumerate(window[:reach]):
        # "told reporters, "...."" and "said of the senator, "...."".
        if (
            tok == ","
            and k + 1 < len(window)
            and field.regions.starting_at(window[k + 1][0]) is not None
        ):
            return window[k + 1][0]
        if tok.lower() == "that":
            return tstart
        if tok == ":":
            return tend
        if k == 0 and QUOTE_MARK.fullmatch(tok) and field.regions.starting_at(tstart) is not None:
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
        if len(window) > 1 and field.regions.starting_at(window[1][0]) is not None:
            if first.lower() == "to" and _fragment_at(field, window[1][0]):
                # 'vowed to "take our fight" to the states': the infinitive is the content.
                return window[0][0]
            return window[1][0]
        if first.lower() not in ("on", "in", "at"):
            return None
        # "reported on Monday, X": the content follows a short phrase and its comma.
        for k, (_, _, tok) in enumerate(window[1:6]):
            if tok == "," and k >= 1 and len(window) > k + 3:
                return window[k + 2][0]
        return None
    return window[0][0]


def _follow_on(fi: int, field: Field, prior: Found, end: int) -> Found | None:
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
    if count_words(text, frame_end, match.start()) > 4 or any(
        last.end <= rstart < match.start()
        for rstart, _ in field.regions.near(last.end, match.start())
    ):
        return None
    cue_start = match.end() - len(match.group().split()[-1])
    content_at = match.end()
    source = (prior.source.start, prior.source.end, prior.source.end) if prior.source else None
    return _found(fi, field, [(content_at, end)], source, (cue_start, match.end()))


def speechlike(text: str, inner: tuple[int, int]) -> bool:
    """Whether an unframed quotation reads as speech rather than a title or a nickname."""
    words = WORD.findall(text, *inner)
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised < len(words) * 0.8 or len(words) > 15
