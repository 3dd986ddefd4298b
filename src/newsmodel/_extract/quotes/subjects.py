"""The subject of a cue: who speaks in ``SOURCE CUE`` and in the inverted ``CUE SOURCE`` frames."""

from __future__ import annotations

import re

from ..common.datelines import DATELINE
from .boundaries import PAST_CUES, Field
from .sources import BETWEEN, DETERMINERS, FUNCTION
from .word_counts import WORD, count_words

__all__ = [
    "infinitive_subject",
    "leading_subject",
    "subject_at",
    "subject_for",
    "subject_set_off",
]


#: A sentence-initial subject: a pronoun, or a capitalised name with its titles, followed by
#: a lowercase word (its verb). :func:`subject_at` matches it after a dateline.
_SUBJECT = re.compile(
    r"\W*(?!(?:In|On|At|After|Before|When|While|As|But|And|So|Yet|Then|If|Although|During|"
    r"For|With|From|Since|Despite|Under|Over|Still|Meanwhile|However|Instead|Later|Earlier|"
    r"Last|This|That|These|Those|It|There|Here|What|Who|Why|How)\b)"
    r"((?:He|She|They|We|I)\b|(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+(?:['’]s?\s+[\w-]+"
    r"(?:\s+[\w-]+)?)?)(?=,?\s+[a-z])"
)


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


def _name_after_quote(field: Field, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """'"...," Harry Bond, 30, of Raleigh, who was polled, said': the name after the quotation."""
    for _, rend in field.regions.near(start, cue.start()):
        if start <= rend < cue.start():
            name = _NAME_AFTER_QUOTE.match(field.text, rend, cue.start())
            if name is not None:
                return name.start(1), name.end(1), cue.start()
    return None


#: What may join a participle of saying to its clause besides a plain comma: a comma inside a
#: closing quotation mark, a dash, a comma and "while", "when" or "before", or "by" and
#: "after" alone ("won the room by saying ...").
_PARTICIPLE_LINK = re.compile(
    r"(?:,[\"”’'»]|\s[—–-]|,\s+(?:while|when|before|after|by)|(?<=\w)\s+(?:by|after))$"
)


#: A lowercase article opening the clause after a leading phrase: "In May, a judge sided
#: with X, saying ...".
_ARTICLE_AFTER_LEAD = re.compile(r"(the|a|an)\s+(?=\S)")

#: A conjunction opening a sentence before its subject: "But the mayor left, saying ...".
_CONJUNCTION_LEAD = re.compile(r"\W*(?:But|And|Yet|So)\s+")

#: "It" opening a sentence as the subject of its verb.
_IT_SUBJECT = re.compile(r"\W*(It)\s+(?=[a-z]+s\b)")


def subject_for(text: str, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """The sentence's subject as the source of a later cue: "Doe left and said ...",
    "Doe spoke for an hour, telling the crowd ...", "Doe went on to say ..."."""
    before = text[start : cue.start()].rstrip()
    if cue.group().endswith("ing"):
        # 'a defense of "values," saying ...', '... on the spot – saying ...', ', while
        # saying ...': the participle still hangs on the sentence's subject.
        before = _PARTICIPLE_LINK.sub(",", before)
    joined = before.endswith((" and", " but", ",")) and (
        before.endswith((" and", " but")) or cue.group().endswith("ing")
    )
    if not joined:
        return infinitive_subject(text, start, cue)
    # The clause the cue is joined to starts after the last comma before it (or the sentence).
    clause = start
    for match in re.finditer(r",\s+", text[start : start + len(before.rstrip(","))]):
        clause = start + match.end()
    subject = subject_at(text, clause, cue.start())
    if subject is None and clause != start:
        subject = subject_at(text, start, cue.start()) or _ARTICLE_AFTER_LEAD.match(
            text, clause, cue.start()
        )
    lead = _CONJUNCTION_LEAD.match(text, start, cue.start()) if subject is None else None
    if lead is not None:
        # "But the other candidate, Jane Doe, drew a contrast, saying ...".
        subject = subject_at(text, lead.end(), cue.start()) or _ARTICLE_AFTER_LEAD.match(
            text, lead.end(), cue.start()
        )
    if subject is None and cue.group().endswith("ing"):
        # "It goes on to fault the plan, saying ...": a document or an organisation.
        subject = _IT_SUBJECT.match(text, start, cue.start())
    if subject is None:
        return None
    if subject.group(1) in ("The", "A", "An", "the", "a", "an"):
        # "The super PAC replaced ..., attacking ...": the words after the article, up to
        # its verb, are the subject.
        end = subject.end(1)
        for word in list(WORD.finditer(text, end, cue.start()))[:_DETERMINED_WORDS]:
            if not _subject_word(word.group()):
                break
            end = word.end()
        return subject.start(1), end, end
    return subject.start(1), subject.end(1), subject.end(1)


def subject_set_off(text: str, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """The sentence's subject when a long aside sets it off from its cue: "Jane Doe, who took
    over the office after ..., said", "Doe, citing the report, said"."""
    if not text[start : cue.start()].rstrip().rstrip("\"”’'").endswith(","):
        return None
    subject = subject_at(text, start, cue.start())
    if subject is None or not text.startswith(",", subject.end(1)):
        return None
    return subject.start(1), subject.end(1), subject.end(1)


#: Most words a subject takes after "The" or "A": "The former city mayor".
_DETERMINED_WORDS = 3

#: Common irregular past forms, which end a subject as its verb: "The mayor began ...".
_IRREGULAR_PAST = PAST_CUES | frozenset(
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


#: Words that open an adverbial, not a subject: "In May, ...", "After the vote, ...".
_ADVERBIAL_OPENERS = frozenset(
    "in on at after before when while as since during despite for with from by under over "
    "if although though because but and so yet still instead meanwhile however also then "
    "later earlier last this that".split()
)


def leading_subject(text: str, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """The noun phrase that opens the sentence and is set off by a comma before the cue:
    "The project's website, run by ..., said", "Neil Sroka, who ..., said"."""
    comma = text.find(",", start, cue.start())
    if comma < 0:
        return None
    head = text[start:comma].strip()
    first = WORD.match(head)
    if first is None or not 1 <= count_words(text, start, comma) <= 6:
        return None
    if not (head[0].isupper() or first.group().lower() in DETERMINERS):
        return None
    if first.group().lower() in _ADVERBIAL_OPENERS:
        return None
    at = start + len(text[start:comma]) - len(text[start:comma].lstrip())
    return at, comma, comma


#: A verb phrase ending in "to" before a base form of saying: "went on to", "continued to",
#: "was quick to", "took to Twitter to", "used his speech to" (the occasion or medium).
_TO_BEFORE = re.compile(
    r"\b(?:(?:went|goes)\s+on|continued|continues|began|begins"
    r"|(?:is|are|was|were)\s+(?:also\s+|always\s+|often\s+)?quick"
    r"|(?:took|takes|taking)\s+to\s+(?:the\s+)?[\w@'’-]+(?:\s+(?:shows?|media|airwaves))?"
    r"|(?:used|uses|using)\s+(?:part\s+of\s+)?(?:his|her|its|their|the|a|an)(?:\s+[\w'’-]+){1,3}"
    r")\s+to\s+$"
)


def infinitive_subject(text: str, start: int, cue: re.Match[str]) -> tuple[int, int, int] | None:
    """'Doe went on to say X', 'The mayor continued to insist X': the sentence's subject."""
    if _TO_BEFORE.search(text, start, cue.start()) is None:
        return None
    subject = subject_at(text, start, cue.start())
    if subject is None:
        return None
    end = subject.end(1)
    if subject.group(1) in ("The", "A", "An", "the", "a", "an"):
        for word in list(WORD.finditer(text, end, cue.start()))[:_DETERMINED_WORDS]:
            if not _subject_word(word.group()):
                break
            end = word.end()
    return subject.start(1), end, end
