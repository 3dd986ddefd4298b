"""The passive frame: "X was first reported by Y", "The plan, criticized by economists, ...".

What the verb reports is the passive's subject, and its source the agent after "by".
"""

from __future__ import annotations

import re

from .boundaries import Field, Found, make_found
from .marks import in_region
from .sources import source_before, strip_stop
from .word_counts import count_words

__all__ = ["agentless_passive", "passive"]

#: An auxiliary of the passive and any adverbs, right before the participle, or the comma
#: of a participle set off after its noun ("The bill, opposed by Republicans, ...").
_AUXILIARY = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being)|(?<=\w),)"
    r"(?:\s+(?:also|first|widely|repeatedly|publicly|previously|later|\w+ly))*\s+$",
    re.IGNORECASE,
)
#: A form of "be" and any adverbs right before a participle: "could be expected", "was told".
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+\w+ly)*\s+$", re.IGNORECASE)
#: How far before a participle (in characters) its auxiliary is looked for.
_BE_REACH = 48

#: "by" and the agent, up to a comma, a full stop or a word that ends the noun phrase.
_AGENT = re.compile(
    r"\s+by\s+((?:(?!(?:for|in|on|at|after|before|during|when|while|because|as|and|but|"
    r"who|which|that|to)\b)[^\s,;:.!?\"“”()]+(?:\.(?=\w))?\s*){1,10})"
)


#: The reason a stance verb gives after its agent: "... by rivals for failing to ...".
_REASON = re.compile(r"\s+(for\s+\w)")


def passive(fi: int, field: Field, start: int, end: int, cue: re.Match[str]) -> Found | None:
    """Match "CONTENT was CUE-ed by SOURCE" at ``cue`` in the sentence ``text[start:end]``."""
    text = field.text
    word = cue.group().lower()
    if not (word.endswith("ed") or word in ("said", "told", "written", "shown", "found")):
        return None
    # The agent first: it is one anchored match, the auxiliary a search of the sentence.
    agent = _AGENT.match(text, cue.end(), end)
    if agent is None or in_region(field.regions, agent.start(1)):
        return None
    aux = _AUXILIARY.search(text, start, cue.start())
    if aux is None:
        return None
    subject = source_before(text, start, aux.start())
    if subject is None:
        return None
    agent_end = strip_stop(text, agent.start(1), agent.start(1) + len(agent.group(1).rstrip()), end)
    pieces = [(subject[0], subject[1])]
    reason = _REASON.match(text, agent_end, end)
    if reason is not None:
        # "was criticized by rivals for failing to ...": what the criticism says.
        pieces.append((reason.start(1), end))
    elif count_words(text, subject[0], subject[1]) < 2:
        return None
    return make_found(
        fi,
        field,
        pieces,
        (agent.start(1), agent_end, agent_end),
        (cue.start(), cue.end()),
    )


def agentless_passive(text: str, start: int, end: int, cue: re.Match[str]) -> bool:
    """Whether the cue is a passive with no agent ("could be expected to", "was told that"):
    its subject is what was said, or who heard it, never the one who spoke."""
    word = cue.group().lower()
    if not (word.endswith("ed") or word in ("said", "told", "written", "shown", "found")):
        return False
    # The auxiliary and its adverbs fit in a few words: a window, not the whole sentence.
    window = max(start, cue.start() - _BE_REACH)
    return bool(_BE_BEFORE.search(text, window, cue.start())) and not _AGENT.match(
        text, cue.end(), end
    )
