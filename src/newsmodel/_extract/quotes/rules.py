"""Find quotes and their attributions in an article's text fields, by rules.

The unit of work is a *field*: the headline, the standfirst or one body paragraph. Each field is
scanned for quotation-mark regions, cut into sentences that never end inside a quotation, and
each sentence is matched against a few attribution frames built from the cue lexicon in
:mod:`newsmodel._extract.quotes.cues`:

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

The steps live in their own modules, each using only those before it:
:mod:`~newsmodel._extract.quotes.marks` (quotation regions, sentences),
:mod:`~newsmodel._extract.quotes.sources` (the source phrase next to a cue),
:mod:`~newsmodel._extract.quotes.attribution` (the frames of one sentence, with
:mod:`~newsmodel._extract.quotes.subjects`, :mod:`~newsmodel._extract.quotes.boundaries` and
:mod:`~newsmodel._extract.quotes.follow_on`) and this module, which walks an article's
fields and places the quotations no frame claims. Describing a source once found (its kind,
role and full name) is :mod:`~newsmodel._extract.quotes.speakers`.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Iterable, Sequence

import attrs

from .attribution import sentence_quotes
from .boundaries import CLAUSE_COMMA, Field, Found, Piece, speechlike
from .cue_search import find_cues, read_field
from .frameless import may_frame
from .marks import QUOTE_MARK, Regions, in_region, inner_span, quote_regions, sentence_at, sentences
from .non_speech import is_speech
from .sources import source_after, source_before
from .subjects import subject_at, subject_for
from .transcripts import transcript_turns, turn_quote
from .word_counts import WORD, count_words

__all__ = ["Found", "Piece", "find_quotes"]

# --- patterns ---------------------------------------------------------------------------------

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

#: A byline right after a quotation makes it the title of a work: '"...," by Jane Doe'.
BYLINE_AFTER = re.compile(r"[\s,]*by\s+(?:the\s+)?[A-Z]")

#: Fewest words an unframed quotation needs to count as speech rather than a scare quote.
_MIN_UNFRAMED_WORDS = 4

#: Most pieces one quote runs on over. Real ones have a handful; a paragraph of thousands of
#: short quotations (a list, or hostile input) is not joined into one ever-growing quote.
_MOST_PIECES = 64


# --- whole articles ---------------------------------------------------------------------------


def find_quotes(fields: Sequence[str], headline: int | None = 0) -> list[Found]:
    """Find every quote in an article's fields, in reading order.

    Args:
        fields: The text fields in reading order: headline, standfirst, body paragraphs.
        headline: The index of the headline among them (its case and punctuation differ).

    Returns:
        The quotes found; multi-paragraph and split quotes have several pieces.
    """
    prepared: list[Field] = []
    for index, text in enumerate(fields):
        prepared.append(read_field(text, *quote_regions(text), index == headline))
    out: list[Found] = []
    carry: Found | None = None  # a quotation running on into the next paragraph
    last_speaker: Found | None = None
    turns = transcript_turns(fields, headline)
    for fi, field in enumerate(prepared):
        text = field.text
        turn = turn_quote(fi, field, turns[fi]) if fi in turns else None
        if turn is not None:
            # "KATE DOE: Why not debate?": a turn of a transcript is its speaker's words.
            if carry is not None:
                out.append(carry)
                carry = None
            out.append(turn)
            last_speaker = turn
        claimed: list[tuple[int, int]] = []
        field_found: list[Found] = []
        spans = sentences(text, field.regions) if may_frame(field) else []
        for start, end in spans:
            for found in sentence_quotes(fi, field, start, end):
                if not is_speech(field, found, start, end):
                    continue
                field_found.append(found)
                claimed.extend((p.start, p.end) for p in found.pieces)
        if not field_found and not field.regions:
            # Most paragraphs: nothing found and no quotation to place; one carried on ends.
            if carry is not None:
                out.append(carry)
                carry = None
            continue
        # Quotations no frame claimed: continuations, neighbours' speakers, or scare quotes.
        # (Only a field with quotations has any to place: most others found indirect speech.)
        taken = _Stretches(claimed) if field.regions else _NOTHING_TAKEN
        finds = _Finds(field_found)
        for region in field.regions:
            inner = inner_span(text, region)
            if inner[1] <= inner[0]:
                continue
            if taken.overlaps(*inner):
                continue
            if BYLINE_AFTER.match(text, region[1]):
                # '"Broadway's new season," by Jane Doe': the title of a work, not speech.
                continue
            words = count_words(text, *inner)
            piece = Piece(fi, inner[0], inner[1])
            if carry is not None and region[0] == field.regions[0][0] and field.starts_open:
                carry = _extend(carry, piece, words)
                continue
            if fi and region[0] == field.regions[0][0] and field.starts_open and words >= 2:
                intro = _colon_intro(fi - 1, prepared[fi - 1])
                if intro is not None:
                    # "Doe issued the following statement:" and then the statement.
                    finds.append(
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
            owner_at = _owner(finds, region, text)
            if owner_at is not None:
                owner = finds.items[owner_at]
                again = _second_cue(field, owner, region)
                if again is not None:
                    # '"X," she said, adding, "Y."': the second cue starts a quote of its own.
                    finds.append(
                        attrs.evolve(
                            owner,
                            pieces=(piece,),
                            direct_words=words,
                            total_words=words,
                            cue=Piece(fi, again.start(), again.end()),
                        )
                    )
                    continue
                finds.replace(owner_at, _extend(owner, piece, words))
                continue
            if words < _MIN_UNFRAMED_WORDS or not speechlike(text, inner):
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
                and not finds.items
                and _whole_sentence(text, region, spans)
            ):
                # A paragraph that is only a quotation goes on the quote that ended the last.
                out[-1] = _extend(out[-1], piece, words)
                continue
            framed = _loose_frame(fi, text, spans, region, piece, words)
            if framed is not None:
                finds.append(framed)
                continue
            neighbour = finds.sourced_before(region[0]) or last_speaker
            finds.append(
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
            opening = _framed_opening(finds, field)
            if opening is None:
                out.append(carry)
            else:
                # '"X.' then '"Y," she said.': the frame of the last paragraph names the
                # speaker of the whole quotation.
                finds.replace(opening, _joined_quote(carry, finds.items[opening]))
            carry = None
        field_found = sorted(finds.items, key=lambda f: f.pieces[0].start)
        if field.dangling and field_found:
            last_region = field.regions[-1]
            tail = field_found[-1]
            if tail.pieces[-1].end >= inner_span(text, last_region)[0]:
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


def _colon_intro(fi: int, field: Field) -> tuple[Piece, Piece] | None:
    """The speaker and cue of a paragraph that ends with a colon and so introduces the next.

    "Doe told the crowd:", "Stated Doe:", "The ministry issued the following statement:":
    the source is found as in a frame of the paragraph's last sentence, or is its subject.
    """
    text = field.text.rstrip()
    if not text.endswith(":") or in_region(field.regions, len(text) - 1):
        return None
    spans = sentences(field.text, field.regions)
    if not spans:
        return None
    start = spans[-1][0]
    colon = len(text) - 1
    for cue in find_cues(field, start, colon):
        if cue.start() == start and cue.group()[0].isupper():
            source = source_after(text, cue.end(), colon)
        else:
            participle = cue.group().endswith("ing")
            source = source_before(text, start, cue.start(), participle) or subject_for(
                text, start, cue
            )
        if source is not None:
            return Piece(fi, source[0], source[1]), Piece(fi, cue.start(), cue.end())
    for clause in [start] + [m.end() for m in CLAUSE_COMMA.finditer(text, start, colon)]:
        subject = subject_at(text, clause, colon)
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
    sentence = sentence_at(spans, region[0])
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
    if not head.endswith((":", ",")) or count_words(text, sentence[0], region[0]) > 14:
        return None
    subject = subject_at(text, sentence[0], region[0])
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
    sentence = sentence_at(spans, region[0])
    return sentence is None or not WORD.search(text, region[1], sentence[1])


def _opens_sentence(
    text: str,
    at: int,
    spans: Sequence[tuple[int, int]],
    regions: Regions,
) -> bool:
    """Whether a quotation at ``at`` begins its sentence (or follows a colon)."""
    sentence = sentence_at(spans, at)
    if sentence is None:
        return True
    start, end = sentence
    head = text[start:at].rstrip()
    if not WORD.search(head) or head.endswith(":"):
        return True
    # A quotation that makes up most of its sentence is speech even when framed in ways no
    # rule knows ("He was blunt with reporters: ...").
    region = regions.starting_at(at)
    inside = count_words(text, *region) if region is not None else 0
    return inside * 2 >= count_words(text, start, end)


class _Finds:
    """The quotes found in one field, with the lookups that place its unclaimed quotations.

    Both lookups bisect lists kept in order, so a paragraph of thousands of quotations is not
    searched once per quotation.
    """

    def __init__(self, found: Iterable[Found]) -> None:
        self.items: list[Found] = []
        self._by_end: list[tuple[int, int]] = []  # (end, index) of quotes with quoted words
        self._by_start: list[tuple[int, int]] = []  # (start, index) of quotes with a source
        for item in found:
            self.append(item)

    def append(self, found: Found) -> None:
        self.items.append(found)
        self._index(len(self.items) - 1)

    def replace(self, index: int, found: Found) -> None:
        old = self.items[index]
        if old.direct_words:
            _discard(self._by_end, (old.pieces[-1].end, index))
        if old.source is not None:
            _discard(self._by_start, (old.pieces[0].start, index))
        self.items[index] = found
        self._index(index)

    def _index(self, index: int) -> None:
        found = self.items[index]
        if found.direct_words:
            bisect.insort(self._by_end, (found.pieces[-1].end, index))
        if found.source is not None:
            bisect.insort(self._by_start, (found.pieces[0].start, index))

    def direct_before(self, at: int) -> int | None:
        """The quote with quoted words that ends last at or before ``at`` (first on ties)."""
        return _first_of_last(self._by_end, at, inclusive=True)

    def sourced_before(self, at: int) -> Found | None:
        """The attributed quote that starts last before ``at`` (first on ties)."""
        index = _first_of_last(self._by_start, at, inclusive=False)
        return None if index is None else self.items[index]


def _discard(keyed: list[tuple[int, int]], key: tuple[int, int]) -> None:
    del keyed[bisect.bisect_left(keyed, key)]


def _first_of_last(keyed: list[tuple[int, int]], at: int, inclusive: bool) -> int | None:
    """Of ``(key, index)`` pairs in order, the lowest index among those with the greatest key
    below ``at`` (or at it, when ``inclusive``)."""
    below = bisect.bisect_right(keyed, (at, sys.maxsize) if inclusive else (at - 1, sys.maxsize))
    if not below:
        return None
    key = keyed[below - 1][0]
    return keyed[bisect.bisect_left(keyed, (key, -1))][1]


class _Stretches:
    """The stretches of a field that frames claimed, asked whether a quotation overlaps one."""

    def __init__(self, stretches: Iterable[tuple[int, int]]) -> None:
        self._sorted = sorted(stretches)
        self._starts = [start for start, _ in self._sorted]
        # The furthest end among the stretches so far: whether any of them reaches past a point.
        self._reach = list(itertools.accumulate((end for _, end in self._sorted), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a stretch contains ``start`` or begins inside ``[start, end)``."""
        before = bisect.bisect_right(self._starts, start)
        if before and self._reach[before - 1] > start:
            return True
        after = bisect.bisect_left(self._starts, start)
        return after < len(self._starts) and self._starts[after] < end


#: The stretches claimed in a field without quotations: none is asked about.
_NOTHING_TAKEN = _Stretches(())


def _framed_opening(finds: _Finds, field: Field) -> int | None:
    """The quote a frame found on a paragraph's opening quotation, when it opens one."""
    if not field.starts_open or not field.regions:
        return None
    inner = inner_span(field.text, field.regions[0])
    for index, found in enumerate(finds.items):
        first = found.pieces[0]
        if found.source is not None and found.direct_words and first.start == inner[0]:
            return index
    return None


def _joined_quote(before: Found, found: Found) -> Found:
    """One quote of a quotation's earlier paragraphs and the framed last one."""
    return attrs.evolve(
        found,
        pieces=(*before.pieces, *found.pieces),
        direct_words=before.direct_words + found.direct_words,
        total_words=before.total_words + found.total_words,
    )


def _extend(found: Found, piece: Piece, words: int) -> Found:
    return attrs.evolve(
        found,
        pieces=(*found.pieces, piece),
        direct_words=found.direct_words + words,
        total_words=found.total_words + words,
    )


def _owner(finds: _Finds, region: tuple[int, int], text: str) -> int | None:
    """The attributed quote earlier in the paragraph that an unclaimed quotation continues.

    '"X," she said. "Y."' is one quote; so is a quotation after "She said:" sentences.
    Returns its index in ``finds``.
    """
    index = finds.direct_before(region[0])
    if index is None:
        return None
    prior = finds.items[index]
    if len(prior.pieces) >= _MOST_PIECES:
        return None
    gap_start = prior.pieces[-1].end
    if "\n" in text[gap_start : region[0]]:
        return None
    # The gap is the frame sentence ("she said.") or little more.
    framed = prior.cue is not None and gap_start <= prior.cue.start < region[0]
    if framed and _runs_on(text, prior, region):
        # '"X," she said, meaning that he is "Y"': the frame's sentence goes on in narration.
        return None
    if framed or count_words(text, gap_start, region[0]) <= 3:
        return index
    return None


def _runs_on(text: str, prior: Found, region: tuple[int, int]) -> bool:
    """Whether narration runs on after a frame into a quotation: 'she said on "Today"'."""
    frame_end = max(prior.pieces[-1].end, prior.cue_end)
    for part in (prior.source, prior.role):
        if part is not None:
            frame_end = max(frame_end, part.end)
    if frame_end >= region[0] or not count_words(text, frame_end, region[0]):
        return False
    # A title closing the frame's sentence ('said on "Meet the Press."') still ends it.
    gap = QUOTE_MARK.sub("", text[frame_end : region[0]]).rstrip()
    return not gap.endswith((",", ":", ".", "?", "!", ";"))


#: What may stand between a cue and the quotation it introduces: "adding that", "adding:".
_INTRODUCES = re.compile(r"\s*(?:that\s*)?[,:]?\s*")


def _second_cue(field: Field, owner: Found, region: tuple[int, int]) -> re.Match[str] | None:
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
    cues = find_cues(field, frame_end, region[0])
    if not cues or not _INTRODUCES.fullmatch(field.text, cues[-1].end(), region[0]):
        return None
    return cues[-1]
