"""Quotation regions and sentences of a field, by character offsets.

:func:`quote_regions` pairs the quotation marks of a field (headline, standfirst or paragraph)
mark to mark, noting a quotation left open at the field's end; :func:`sentences` cuts the field
into sentences that never end inside a quotation nor part a quotation from its "Smith said.".
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from .cues import CUE_FORMS

__all__ = [
    "ABBREVIATION",
    "LONGEST_NARRATION",
    "QUOTE_MARK",
    "Regions",
    "in_region",
    "inner_span",
    "is_quote_mark",
    "quote_regions",
    "sentence_at",
    "sentences",
    "stripped_end",
    "stripped_ends_with",
]

# --- patterns ---------------------------------------------------------------------------------

#: Quotation marks of one character.
_ONE_CHARACTER_MARKS = '"“”«»„「」‘’'

#: Quotation marks, ASCII doubled single quotes (`` '' as typed in some wires) included. (One
#: character from a set first, its double checked after, so that a search skips ahead to the
#: marks: "``|''|[...]" has no first character the regex engine can skip to.)
QUOTE_MARK = re.compile("[`'" + _ONE_CHARACTER_MARKS + "](?:(?<=`)`|(?<=')'|(?<![`']))")

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

#: The marks that may open a quotation (a closing "”" pairs only when another opened it): a
#: text without any has no quotation, and its apostrophes need not be read one by one.
_OPENING_MARKS = tuple(mark for mark in _CLOSERS if mark != "”")

#: A sentence end: terminal punctuation, maybe closing marks, white space, then something that
#: can begin a sentence. (One stop, then any more: a pattern that starts with a character set
#: lets the search skip to the stops.)
SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"”’)\]']*\s+(?=[\"“‘'`(\[«„]*[A-Z0-9])")

#: A line break inside a field: nothing reads across it.
LINE_BREAK = re.compile(r"\s*\n\s*")

#: Abbreviations that a full stop follows inside a sentence.
_ABBREVIATIONS = tuple(
    "Mr Mrs Ms Dr Sen Sens Rep Reps Gov Gen Lt Col Capt Sgt Cmdr Adm Gens St Jr Sr Prof Rev Hon "
    "Pres Supt Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec No Nos Inc Co Corp Ltd vs etc Ft Mt "
    "approx Univ Dept Gov't".split()
)

#: Words before a full stop that do not end a sentence: an abbreviation, an initial, an
#: initialism ("U.S.").
ABBREVIATION = re.compile(
    r"(?:\b(?:" + "|".join(_ABBREVIATIONS) + r")|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])[.!?…]*$"
)

_STOPS = ".!?…"


def _may_abbreviate(stem: str) -> bool:
    """Whether ``ABBREVIATION`` may match ``stem``, a text that ends in a stop, tested without
    its search, which tries every offset: every match is a word that ends in a letter right
    before the stops that end the text, and is an abbreviation, a capital or an initialism
    ("U.S")."""
    word_end = stem.rstrip(_STOPS)
    return (
        "A" <= word_end[-1:] <= "Z" or word_end[-2:-1] == "." or word_end.endswith(_ABBREVIATIONS)
    )


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


class Regions(tuple[tuple[int, int], ...]):
    """A field's quotation regions, ``(start, end)`` marks included, in order and disjoint.

    The rules ask about the regions near an offset many times per sentence; looking them up
    by bisection keeps a paragraph of thousands of quotations linear instead of quadratic.
    """

    _starts: list[int]
    _ends: list[int]

    def __new__(cls, regions: Iterable[tuple[int, int]] = ()) -> Regions:
        self = super().__new__(cls, regions)
        if len(self) > _FEW_REGIONS:
            # Bisected as plain lists of numbers: a key function would be called per step.
            self._starts = [start for start, _ in self]
            self._ends = [end for _, end in self]
        return self

    def near(self, lo: int, hi: int) -> Iterable[tuple[int, int]]:
        """The regions that end at or after ``lo`` and start at or before ``hi``, in order."""
        if not self:
            return ()  # most fields
        if len(self) <= _FEW_REGIONS:
            return [region for region in self if region[1] >= lo and region[0] <= hi]
        first = bisect.bisect_left(self._ends, lo)
        last = bisect.bisect_right(self._starts, hi)
        # Lazily: callers often stop at the first region of a long stretch.
        return (self[index] for index in range(first, last))

    def starting_at(self, at: int) -> tuple[int, int] | None:
        """The region whose opening mark is at ``at``, if any."""
        if not self:
            return None
        if len(self) <= _FEW_REGIONS:
            return next((region for region in self if region[0] == at), None)
        index = bisect.bisect_left(self._starts, at)
        if index < len(self) and self[index][0] == at:
            return self[index]
        return None


#: Up to this many regions (most paragraphs have one or two), a scan beats bisection.
_FEW_REGIONS = 8

#: The regions of a field without quotations, shared: they cannot change.
_NO_REGIONS = Regions()


def _start(region: tuple[int, int]) -> int:
    return region[0]


def quote_regions(text: str) -> tuple[Regions, bool, bool]:
    """Return the quotation regions of a field, mark to mark.

    Args:
        text: One field's text.

    Returns:
        The regions as ``(start, end)`` including their marks; whether the field begins with an
        opening mark; and whether the last region is left open at the field's end (a quotation
        that continues in the next paragraph).
    """
    for mark in _OPENING_MARKS:
        if mark in text:
            return _paired_regions(text)
    return _NO_REGIONS, False, False  # most fields: no mark there can open a quotation


def _paired_regions(text: str) -> tuple[Regions, bool, bool]:
    """What :func:`quote_regions` returns, each quotation mark of the text read."""
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
    if not regions:
        return _NO_REGIONS, False, False  # most fields
    starts_open = not text[: regions[0][0]].strip()
    return Regions(regions), starts_open, dangling


def inner_span(text: str, region: tuple[int, int]) -> tuple[int, int]:
    """The region without its marks and surrounding spaces."""
    start, end = region
    mark = QUOTE_MARK.match(text, start)
    if mark:
        start = mark.end()
    closing = _closing_mark(text, start, end)
    if closing is not None:
        end = closing
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _closing_mark(text: str, start: int, end: int) -> int | None:
    """Where the quotation mark that ``QUOTE_MARK.finditer(text, start, end)`` finds ending at
    ``end`` starts, if it finds one; read from the end instead of scanning the quotation."""
    if end <= start:
        return None
    last = text[end - 1]
    if last in "'`":
        # Doubled marks pair up from the left of their run: the run's length decides.
        run = 1
        while end - run > start and text[end - run - 1] == last:
            run += 1
        return end - 2 if run % 2 == 0 else None
    return end - 1 if last in _ONE_CHARACTER_MARKS else None


# --- sentences --------------------------------------------------------------------------------


def sentences(text: str, regions: Regions) -> list[tuple[int, int]]:
    """Cut a field into sentences that never end inside a quotation.

    Args:
        text: One field's text.
        regions: Its quotation regions.

    Returns:
        ``(start, end)`` of each sentence, white space trimmed.
    """
    cuts = [0]
    # LINE_BREAK is tried at every offset; most fields have no line break to find.
    for match in LINE_BREAK.finditer(text) if "\n" in text else ():
        if not in_region(regions, match.start()):
            cuts.append(match.end())
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        at = match.start() + 1
        if regions and any(
            start < at < _closing_start(text, start, stop) for start, stop in regions.near(at, at)
        ):
            continue
        stem = text[max(0, match.start() - 12) : match.start() + 1]
        if (
            _may_abbreviate(stem)
            and ABBREVIATION.search(stem)
            and not _initialism_ends(text, stem, end)
        ):
            continue
        # Only a "?" or "!" (or an ellipsis) before a closing mark may part a quotation from
        # its frame; after a full stop the cut stands.
        if text[match.start()] != "." and _quote_then_frame(text, match, regions):
            continue
        cuts.append(end)
    cuts.append(len(text))
    cuts.sort()
    if len(text) > LONGEST_NARRATION:  # only a longer field can hold a run-on sentence
        for start, end in list(itertools.pairwise(cuts)):
            cuts.extend(_run_on_cuts(text, start, end, regions))
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


def _closing_start(text: str, start: int, stop: int) -> int:
    """Where a region's closing mark starts: a stop right before it ends the quoted sentence
    (''...Deal.'' Mr. Doe said' is two sentences), a stop before that is inside it."""
    closing = _closing_mark(text, start, stop)
    return stop - 1 if closing is None else closing


#: An initialism that may end a sentence: "U.S.", "p.m.".
_INITIALISM = re.compile(r"\b(?:[A-Za-z]\.){2,}$")

#: Words that begin a sentence far more often than they follow "U.S." or "p.m." inside one.
_SENTENCE_OPENERS = frozenset(
    "He She They It We I The But And This That There His Her Their Its In On At".split()
)


def _initialism_ends(text: str, stem: str, at: int) -> bool:
    """Whether "U.S." or "p.m." ends its sentence: 'at 7 p.m. He says ...'."""
    following = re.match(r"\w+", text[at:])
    return bool(_INITIALISM.search(stem)) and (
        following is not None and following.group() in _SENTENCE_OPENERS
    )


#: The most narration (text outside quotations) read as one sentence. Prose sentences are far
#: shorter; a longer one is a list or a transcript without full stops, or hostile input, and
#: the attribution rules look back over the whole sentence for each cue in it.
LONGEST_NARRATION = 1500

#: Where to cut a run-on sentence, best first: a stop of any case, a comma, any space.
_WEAK_BREAKS = (
    re.compile(r"[.!?…;:][\"”’')\]]*\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+"),
)


def _run_on_cuts(text: str, start: int, end: int, regions: Regions) -> list[int]:
    """Extra cuts that keep a run-on stretch's sentences within :data:`LONGEST_NARRATION`.

    Quotations are never cut: one longer than the limit stays whole with its frame unless the
    narration around it is too long as well.
    """
    if end - start <= LONGEST_NARRATION:
        return []
    quoted = sum(min(end, stop) - max(start, begin) for begin, stop in regions.near(start, end))
    if end - start - quoted <= LONGEST_NARRATION:
        return []
    cuts: list[int] = []
    at = start
    while end - at > LONGEST_NARRATION:
        window = at + LONGEST_NARRATION
        cut = None
        for pattern in _WEAK_BREAKS:
            # The last break outside a quotation: look from the end of the window back.
            breaks = [match.span() for match in pattern.finditer(text, at + 1, window)]
            cut = next(
                (end for start, end in reversed(breaks) if not in_region(regions, start)), None
            )
            if cut is not None:
                break
        if cut is None:
            # A quotation fills the window: cut after it.
            inside = next((r for r in regions.near(window, window) if r[0] < window), None)
            cut = inside[1] if inside is not None else window
        if cut >= end:
            break
        cuts.append(cut)
        at = cut
    return cuts


def _quote_then_frame(text: str, match: re.Match[str], regions: Regions) -> bool:
    """Whether a cut after a closing mark would part a quotation from its "Smith said."."""
    closed = text[match.start() : match.end()].rstrip()
    if closed[0] == "." or not QUOTE_MARK.search(closed[-2:]):
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


@functools.lru_cache(maxsize=64)
def stripped_end(text: str, at: int) -> int:
    """Where ``text[:at].rstrip()`` ends, without copying the text before ``at``.

    Many cues of a long paragraph ask about the same far quotation; the answer is kept.
    """
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def stripped_ends_with(text: str, start: int, at: int, suffix: str) -> bool:
    """Whether ``text[start:at].rstrip().endswith(suffix)``, in time independent of the range."""
    end = stripped_end(text, at)
    return end - start >= len(suffix) and text.startswith(suffix, end - len(suffix))


def is_quote_mark(token: str) -> bool:
    """Whether ``token`` is a quotation mark (``QUOTE_MARK.fullmatch``): asked of most tokens
    read, it is told by looking the token up among the marks, not by a match."""
    return token in _MARK_TOKENS


#: Every text that ``QUOTE_MARK`` matches whole: a mark of one character or a doubled one.
_MARK_TOKENS = frozenset([*_ONE_CHARACTER_MARKS, "``", "''"])


def in_region(regions: Regions, at: int) -> bool:
    """Whether ``at`` lies strictly inside a quotation region."""
    if not regions:
        return False  # most fields; asked for every cue and stop
    return any(start < at < end for start, end in regions.near(at, at))


def sentence_at(spans: Sequence[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The sentence (of :func:`sentences`, in order) that ``at`` falls in, if any."""
    index = bisect.bisect_right(spans, at, key=_start) - 1
    if index >= 0 and at < spans[index][1]:
        return spans[index]
    return None
