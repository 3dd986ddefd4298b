"""A view reported as what its holders see: "Experts see the vote as a test of the generals",
"developers view golf courses as wasted space".

Seeing, viewing or regarding something *as* something is a stance its subject holds, as
"believe" is; without "as" ("rivals saw the debate", "we'll see") it is perception and reports
nothing. The content is the object and its "as" phrase, to the clause's end.
"""

from __future__ import annotations

import re

from .boundaries import Field, Found, make_found
from .marks import in_region
from .sources import source_before
from .word_counts import count_words, holds_any

__all__ = ["may_match", "seen_as"]

#: The verbs of seeing something as something.
_VERBS = ("see", "sees", "saw", "view", "views", "viewed", "regard", "regards", "regarded")

#: The verb, its object (a few words, no clause break, no verb) and "as" opening what it is
#: seen as, not a clause ("as they happen") or an idiom ("as a result", "as to").
_SEEN_AS = re.compile(
    r"\b(?P<cue>" + "|".join(_VERBS) + r")\s+"
    r"(?P<object>(?:(?!(?:and|but|or|because|that|which|who|is|are|was|were|has|have|had|will|"
    r"would|can|could)\b)[^\s,;:.!?\"“”()]+\s+){1,12}?)"
    r"as\s+(?!(?:a\s+result|to|well|soon|long|much|many|far|if|though|they|it|he|she|we|you|"
    r"i|there)\b)(?=\w)"
)

#: Where the "as" phrase ends: a clause's comma, semicolon or dash, or the sentence's end.
_CLAUSE_END = re.compile(r",\s+(?:and|but|while|as|which|who)\b|[;:—–]|,\s+[a-z]+ing\b")


#: What every match holds besides its verb, looked for before the search (tried at every
#: offset).
_AS = " as "


def may_match(text: str) -> bool:
    """Whether :func:`seen_as` may find a view in some sentence of ``text``: it holds "as" and
    a verb of seeing."""
    return _AS in text and holds_any(text, _VERBS, 0, len(text))


def seen_as(fi: int, field: Field, start: int, end: int) -> Found | None:
    """Match "SOURCE sees X as Y" in the sentence ``text[start:end]``."""
    text = field.text
    if text.find(_AS, start, end) < 0:
        return None
    match = _SEEN_AS.search(text, start, end)
    if match is None or in_region(field.regions, match.start()):
        return None
    source = source_before(text, start, match.start("cue"))
    if source is None:
        return None
    stop = _CLAUSE_END.search(text, match.end(), end)
    content_end = stop.start() if stop is not None else end
    if count_words(text, match.end(), content_end) < 1:
        return None
    return make_found(
        fi,
        field,
        [(match.start("object"), content_end)],
        source,
        (match.start("cue"), match.end("cue")),
    )
