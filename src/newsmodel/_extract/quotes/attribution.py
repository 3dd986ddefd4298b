"""Match a sentence against the attribution frames and report what each frame finds.

The frames are those listed in :mod:`newsmodel._extract.quotes.rules`: ``SOURCE CUE CONTENT``,
``CONTENT, SOURCE CUE``, ``CONTENT, CUE SOURCE``, "according to", follow-ons and coordination.
:func:`sentence_quotes` returns a :class:`Found` for each quote a sentence holds, its content
trimmed to the words said, its source, cue and role as :class:`Piece` offsets.
"""

from __future__ import annotations

import re

import attrs

from ..common.datelines import DATELINE
from .asides import conjoined_clause, describes_frame, leading_participle
from .boundaries import (
    CLAUSE_COMMA,
    Field,
    Found,
    Piece,
    _after_frame,
    _before_is_boundary,
    _clause_follows,
    _content_like,
    _content_start,
    _cue_tail,
    _direct_words,
    _fragment_at,
    _lead_quote,
    _quote_before,
    frame_comma,
    make_found,
    quotation_end,
)
from .cue_search import find_cues, holds_accord, holds_cue_word
from .cues import BASE_FORMS, SPEECH_FORMS, TELL_FORMS
from .follow_on import CONTENT_ENDS, CUED_ENDS, FOLLOW_ON, follow_on_quote, is_coordinated
from .marks import in_region, inner_span, stripped_ends_with
from .passive import agentless_passive, passive
from .relative import after_relative, relative_clause_end
from .seen_as import may_match, seen_as
from .sources import role_is_clause, source_after, source_before, speaking_subject, strip_stop
from .subjects import (
    _PRONOUN_SUBJECT,
    _name_after_quote,
    leading_subject,
    subject_at,
    subject_for,
    subject_set_off,
)
from .unsourced import UNSOURCED_WORDS, unsourced_stance
from .word_counts import WORD, count_words, gated_search, has_words, holds_any
from .words_of import MARKS, asked, in_poll, quoted_as_saying, words_of

__all__ = ["holds_word_frame", "sentence_quotes"]


#: What ends the content of an inverted frame: a comma, question or exclamation mark or a
#: dash, maybe inside the closing quotation mark ('"...," said Doe', '"...?" asked Doe').
_INVERSION_LEAD = re.compile(r"[,?!—–-][\"”’'»」]*\s*$")

#: "According to SOURCE," at the start of a sentence.
ACCORDING_FIRST = re.compile(r"\W*(?:(?:But|And|Yet|So|Still|Also),?\s+)?according to\s+", re.I)

#: A colon or semicolon right before "according to" inside a sentence.
_COLON_ACCORDING = re.compile(r"[:;]\s+(?=[Aa]ccording\s+to\s)")

#: A headline's "Name: content" or "Name to Hearer: content" (the colon is the cue).
HEADLINE_COLON = re.compile(
    r"^\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)"
    # "Clinton to Planned Parenthood: ...", "Obama on Syria: ...": whom or what it is said to.
    r"(?:\s+(?:to|on|at)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)?"
    r"\s*:\s+(?=\S)"
)
#: What a headline's colon follows when it files the story rather than names a speaker:
#: "The Latest: …", "BREAKING: …", "Byline: …".
_HEADLINE_LABELS = frozenset(
    "the latest|breaking|breaking news|exclusive|update|updated|live|watch|look|video|photos|"
    "wow|boom|bombshell|byline|paid notice|correction|editorial|opinion|analysis|explainer|"
    "fact check|just in".split("|")
)
#: Words that start a phrase about the saying, after a quotation that opens a content.
_AFTER_QUOTE_PHRASE = frozenset(
    "at on during in to from as while when after before because about of for with".split()
)


#: Words that open an aside about a subject: a relative clause or a participle.
_ASIDE_OPENER = re.compile(r",\s+(?:who|whose|[a-z]+ing)\b")


def _aside_holds(text: str, subject: tuple[int, int, int], source: tuple[int, int, int]) -> bool:
    """Whether ``source`` lies inside a relative or participial aside after ``subject``."""
    return source[0] > subject[1] and _ASIDE_OPENER.match(text, subject[1]) is not None


def sentence_quotes(fi: int, field: Field, start: int, end: int) -> list[Found]:
    """Match one sentence against the attribution frames."""
    text = field.text
    results: list[Found] = []
    according = None
    # Most sentences hold no "according" in any case (no other letter is taken for one of
    # "ccord" when case is ignored): the match, which ignores case, is not tried.
    if holds_accord(field) and "ccord" in text[start:end].lower():
        according = ACCORDING_FIRST.match(text, start, end)
        if according is None and text.find("ccording", start, end) >= 0:
            # "It has not gone unnoticed: according to recent polls, X".
            colon = _COLON_ACCORDING.search(text, start, end)
            if colon is not None and not in_region(field.regions, colon.start()):
                according = ACCORDING_FIRST.match(text, colon.end(), end)
    if according:
        comma = frame_comma(field, according.end(), end)
        if comma is not None:
            source = (according.end(), comma, comma)
            cue_at = text.lower().index("according to", according.start())
            content_end = quotation_end(field, comma + 1, end)
            found = make_found(fi, field, [(comma + 1, content_end)], source, (cue_at, cue_at + 12))
            return [found] if found else []
    if field.headline and start == 0:
        colon = HEADLINE_COLON.match(text, start, end)
        if (
            colon
            and colon.group(1).lower() not in _HEADLINE_LABELS
            and not find_cues(field, start, colon.end())
        ):
            # A cue after the colon is the quoted speaker's own ("Obama: Voters Will Say No").
            at = text.index(":", colon.end(1), colon.end())
            found = make_found(
                fi,
                field,
                [(colon.end(), end)],
                (colon.start(1), colon.end(1), colon.end(1)),
                (at, at + 1),
            )
            return [found] if found else []
    cues = find_cues(field, start, end)
    word_framed = holds_word_frame(field)
    question = asked(fi, field, start, end) if word_framed else None
    for cue in cues:
        if (
            results
            and cue.start() < max(p.end for f in results for p in f.pieces)
            and (cue.group() not in SPEECH_FORMS or has_words(text, cue.end(), end))
        ):
            # A cue inside a content already found reports speech within that speech, unless
            # it ends the sentence ("..., experts said."): then it frames all before it.
            continue
        if question is not None and question.covers(cue.start()):
            # "Asked whether Putin wanted X, Doe said Y": a cue in the question is the
            # question's own; the answer's frame comes after it.
            continue
        found = _frame(fi, field, start, end, cue)
        if found is None:
            continue
        if results and not (
            is_coordinated(field, results[-1], found) or after_relative(field, results[-1], found)
        ):
            if not _encloses(found, results):
                continue
            # "Users who have continued X, a practice, experts said": the first cue was inside
            # what the last frame reports.
            results = []
        results.append(found)
        follow = follow_on_quote(fi, field, found, end)
        if follow is not None:
            results.append(follow)
    if question is not None and question.cue is not None:
        # "Asked whether X, Doe said Y": the question is a quote of its own, beside the frame.
        asked_at = question.cue.start
        results = [f for f in results if f.cue is None or f.cue.start != asked_at]
        results.insert(0, question)
    if not results and cues:
        results = _unnamed(fi, field, start, end, cues)
    poll = in_poll(fi, field, start, end) if word_framed else None
    if poll is not None:
        # "In a Y poll, 40 percent said X": what the poll found holds what its answers said.
        results.insert(0, poll)
    results = [_according_after(fi, field, found, end) for found in results]
    if text[start : start + 40].lstrip()[:1].isupper():
        leading = leading_participle(fi, field, start, end, results)
        if leading is not None:
            results.insert(0, leading)
    if not results and word_framed:
        # Frames without a verb of saying: "in the words of Y", "Y was quoted as saying".
        worded = (
            words_of(fi, field, start, end)
            or quoted_as_saying(fi, field, start, end)
            or seen_as(fi, field, start, end)
        )
        if worded is not None:
            return [worded]
        unsourced = unsourced_stance(fi, field, start, end)
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
    if not holds_accord(field):
        return found  # no "according" in the field, in any case: nothing to search for
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


def holds_word_frame(field: Field) -> bool:
    """Whether the field holds the word of a frame named by a word rather than a cue
    ("asked", a poll, "in the words of", "quoted as", "sees X as", "is expected to"): each
    looks for its word in a sentence first, so a field without any spares its sentences all
    of them. Looked for once, then kept on the field."""
    held = field.word_frames
    if held is None:
        text, end = field.text, len(field.text)
        held = field.word_frames = (
            holds_any(text, MARKS, 0, end)
            or holds_any(text, UNSOURCED_WORDS, 0, end)
            or may_match(text)
        )
    return held


def _frame(fi: int, field: Field, start: int, end: int, cue: re.Match[str]) -> Found | None:
    text = field.text
    word = cue.group().lower()
    if word.startswith("according"):
        before = text[start : cue.start()].rstrip()
        if before.endswith(",") or count_words(text, start, cue.start()) >= _UNMARKED_ACCORDING:
            # "X, according to Y" and, in longer sentences, "X according to Y".
            comma = frame_comma(field, cue.end(), end)
            until = comma if comma is not None else strip_stop(text, cue.end(), end, end)
            rest = []
            if comma is not None and _clause_follows(text, comma + 1, end):
                rest = [(comma + 1, end)]
            return make_found(
                fi,
                field,
                [(start, len(before) + start - before.endswith(",")), *rest],
                (cue.end() + 1, until, until),
                (cue.start(), cue.end()),
            )
        return None
    if _names_a_work(text, start, cue):
        return None
    by_agent = passive(fi, field, start, end, cue)
    if by_agent is not None:
        return by_agent
    if agentless_passive(text, start, end, cue):
        at = _content_start(field, cue, end)  # "was told that X": X, no one named said it
        return _forward(fi, field, cue, at, end, None) if at is not None else None
    participle = cue.group().endswith("ing")
    source = walked = source_before(text, start, cue.start(), participle)
    if source is not None and not participle and role_is_clause(text, source):
        source = None  # "X, but the losses would outstrip the gains, said Doe": inverted
    if source is not None:
        source = speaking_subject(text, start, source, participle)
    named = _name_after_quote(field, start, cue)
    if named is not None and (source is None or source[0] > named[1]):
        # '"...," Harry Bond, 30, of Raleigh, who was polled, said': the name, not "Raleigh".
        source = named
    set_off = subject_set_off(text, start, cue) if cue.group() in SPEECH_FORMS else None
    if (
        source is None
        and set_off is not None
        and text[cue.end() : cue.end() + 2].strip()[:1].islower()
    ):
        # "Okoro, citing the fleet, said the toll ...": no inversion before lowercase words.
        source = set_off
    elif source is not None and set_off is not None and _aside_holds(text, set_off, source):
        # "Doe, who lost a daughter in Aurora, Colorado, said": Doe, not the place in the aside.
        source = set_off
    if source is None:
        inverted = _inverted(fi, field, start, end, cue)
        if inverted is not None:
            return inverted
        source = (
            subject_for(text, start, cue)
            # What the walk left found, unless it stepped as from a participle.
            or (source_before(text, start, cue.start()) if participle else walked)
            or _name_after_quote(field, start, cue)
            or set_off
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
        tail = _cue_tail(text, cue.end(), end, cue.group().lower() in TELL_FORMS)
        quoted = _quote_before(field, start, source[0])
        resumed = _after_frame(field, tail, end, quoted) or (
            [] if quoted else _conjoined(field, tail, end)
        )
        resumes_quote = bool(resumed) and field.regions.starting_at(resumed[0][0]) is not None
        lead = _lead_quote(field, start, source[0])
        if lead is not None and not quoted:
            # "Clinton seemed irritated: "It's public," she wrote.": the quotation is the content.
            start, quoted = lead, True
        introduces = text[cue.end() : end].lstrip().startswith(":")
        if (
            (quoted or not introduces)
            and has_words(text, start, content_end)
            and (quoted or (_content_like(text, start, content_end) and not resumes_quote))
            and (
                resumed
                or quoted
                or not has_words(text, tail, end)
                or FOLLOW_ON.match(text, tail, end)
                or (cue.group() in SPEECH_FORMS and describes_frame(text, tail, end))
            )
        ):
            return make_found(
                fi, field, [(start, content_end), *resumed], source, (cue.start(), cue.end())
            )
    # "SOURCE CUE CONTENT".
    content_start = _content_start(field, cue, end)
    if content_start is None:
        return _inverted(fi, field, start, end, cue)
    return _forward(fi, field, cue, content_start, end, source)


def _forward(
    fi: int,
    field: Field,
    cue: re.Match[str],
    content_start: int,
    end: int,
    source: tuple[int, int, int] | None,
) -> Found | None:
    """The content a cue introduces from ``content_start``, to where its clause ends."""
    text = field.text
    content_end = end
    if source is not None:
        content_end = relative_clause_end(field, source, content_start, end)
    # Most contents hold no second cue, which all but one of the ends need.
    cued = holds_cue_word(field, content_start, content_end)
    for pattern, words in CONTENT_ENDS:
        if not cued and pattern in CUED_ENDS:
            continue
        boundary = gated_search(pattern, words, text, content_start, content_end)
        while boundary is not None and in_region(field.regions, boundary.end() - 1):
            boundary = pattern.search(text, boundary.end(), content_end)
        if boundary is not None:
            content_end = boundary.start()
            for rstart, rend in field.regions.near(content_end, content_end):
                if rstart < content_end < rend:
                    content_end = rend  # keep the closing mark of '..., today," and he said
    for rstart, rend in field.regions.near(content_end - 1, len(text)):
        if content_start < rstart < content_end and rend >= content_end - 1:
            if stripped_ends_with(text, content_start, rstart, ":"):
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
    if not has_words(text, content_start, content_end):
        return None
    if not has_words(text, content_start, content_end, 2) and not in_region(
        field.regions, content_start + 1
    ):
        return None
    return make_found(fi, field, [(content_start, content_end)], source, (cue.start(), cue.end()))


#: Cues that report nothing without a subject before them: base forms after a modal or
#: "to" ("refused to endorse"), naming ("a group called"), "according to".
_NOT_UNNAMED = BASE_FORMS | {"called", "according to"}


def _unnamed(fi: int, field: Field, start: int, end: int, cues: list[re.Match[str]]) -> list[Found]:
    """A finite verb of saying whose source no frame names: what it reports, unattributed.

    "The 1,200-page report, released after years of delay, said the toll ...": the words
    before the cue are too tangled to name its source, but the clause after it is still
    what was said.
    """
    text = field.text
    for cue in cues:
        word = cue.group()
        if word.endswith("ing") or word not in SPEECH_FORMS or word in _NOT_UNNAMED:
            continue
        if text[start : cue.start()].strip() in ("That", "That's"):
            continue  # "That said, ...": an idiom
        named = source_after(text, cue.end(), end)
        if named is not None and not WORD.search(text, named[1], min(end, named[1] + 2)):
            continue  # '"...," said Doe, a pilot.': the source follows the cue
        content_start = _content_start(field, cue, end)
        if content_start is None or content_start < cue.end():
            continue
        found = _forward(fi, field, cue, content_start, end, leading_subject(text, start, cue))
        if found is not None:
            return [found]
    return []


#: Fewest words a content takes before an "according to" that no comma sets off.
_UNMARKED_ACCORDING = 5


#: "made a film called", "opened an exhibition titled": an indefinite noun phrase that is
#: not the sentence's subject, then a naming verb.
_NAMING = re.compile(r"\w\s+(?:an?|another)\s+(?:[\w'’-]+\s+){0,6}$")


def _names_a_work(text: str, start: int, cue: re.Match[str]) -> bool:
    """Whether a naming cue gives a work its title: 'a play called "Sons of Trump"'."""
    if cue.group().lower() not in ("called", "titled", "named", "dubbed"):
        return False
    return _NAMING.search(text, start, cue.start()) is not None


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
    return make_found(fi, field, [(region[0], end)], source, (cue.start(), cue.end()))


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
    if source is None or not has_words(text, start, cue.start()):
        return None
    content_end = len(text[start : cue.start()].rstrip()) + start
    quoted = _quote_before(field, start, cue.start())
    resumed = _after_frame(field, source[2], end, quoted) or (
        [] if quoted else _conjoined(field, source[2], end)
    )
    if not (
        resumed
        or quoted
        or not has_words(text, _cue_tail(text, source[2], end), end)  # "said X in the room"
        or FOLLOW_ON.match(text, source[2], end)
        or describes_frame(text, source[2], end)
    ):
        return None
    return make_found(fi, field, [(start, content_end), *resumed], source, (cue.start(), cue.end()))


def _conjoined(field: Field, at: int, end: int) -> list[tuple[int, int]]:
    """The content going on after a frame (see :func:`conjoined_clause`), unless another cue
    stands in it."""
    span = conjoined_clause(field.text, at, end)
    if span is None or find_cues(field, span[0], end):
        return []
    return [span]


def _encloses(found: Found, results: list[Found]) -> bool:
    """Whether a frame that follows its content reports every cue found before it."""
    if found.source is None or found.source.start < found.pieces[0].end:
        return False
    first, last = found.pieces[0].start, found.pieces[-1].end
    # Quotations keep their own frames ('"X," he told aides, according to Y').
    return all(
        r.cue is not None and first <= r.cue.start < last and not r.direct_words for r in results
    )
