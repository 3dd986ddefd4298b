"""Write quote predictions for the shared quotes corpus, in the format ``quote-score`` reads.

Usage::

    .venv/bin/python scripts/quotes_predict.py ../shared/corpus/quotes-dev.jsonl PRED.jsonl \
        [--split dev] [--kinds direct,mixed,indirect]

Each document's ``text`` is read as users read a plain-text article, with
:func:`newsmodel.text.parse` (headline, standfirst, dateline and paragraphs as it finds them,
quotes included). Predicted spans are mapped back to offsets in ``text`` by finding each part
of the article there; a part the parser rewrote (a repaired encoding, spaces joined) is aligned
character by character.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from newsmodel import Article, QuoteKind, Span, TextPart, text
from newsmodel.errors import GuessWarning
from newsmodel.quotes import QuoteOptions

#: Spaces the parser writes as plain spaces: replaced one for one, offsets stay put.
_ODD_SPACES = re.compile("[\u00a0\u2007\u2009\u202f]")

#: Where a character of an article part sits in the corpus text (``None``: nowhere).
Locator = Callable[[int], "int | None"]


def _part_key(span: Span) -> tuple[TextPart, int | None]:
    return span.part, span.block


def _parts(article: Article) -> Iterator[tuple[tuple[TextPart, int | None], str]]:
    yield (TextPart.HEADLINE, None), article.headline
    if article.standfirst:
        yield (TextPart.STANDFIRST, None), article.standfirst
    for number, block in enumerate(article.body):
        yield (TextPart.BODY, number), str(getattr(block, "text", ""))


def _aligned(part: str, source: str, start: int) -> Locator:
    """Map ``part`` onto the stretch of ``source`` after ``start`` it was read from."""
    window = source[start : start + 2 * len(part) + 200]
    blocks = difflib.SequenceMatcher(None, part, window, autojunk=False).get_matching_blocks()
    where: dict[int, int] = {}
    for a, b, size in blocks:
        for offset in range(size):
            where[a + offset] = start + b + offset

    def locate(index: int) -> int | None:
        if index in where:
            return where[index]
        if index - 1 in where:  # the end of a span: just after its last character
            return where[index - 1] + 1
        # A character the parser added takes the place of the next one the source has.
        return next((where[probe] for probe in range(index, len(part)) if probe in where), None)

    return locate


def _shifted(base: int) -> Locator:
    return lambda offset: base + offset


def locators(article: Article, source: str) -> dict[tuple[TextPart, int | None], Locator]:
    """For each part of ``article``, where its characters sit in ``source``."""
    spaced = _ODD_SPACES.sub(" ", source)
    found: dict[tuple[TextPart, int | None], Locator] = {}
    at = 0
    for key, part in _parts(article):
        index = spaced.find(part, at)
        if index < 0:
            found[key] = _aligned(part, spaced, at)
            continue
        found[key] = _shifted(index)
        at = index + len(part)
    return found


def _place(span: Span, where: dict[tuple[TextPart, int | None], Locator]) -> list[int] | None:
    locate = where.get(_part_key(span))
    if locate is None:
        return None
    start, end = locate(span.start), locate(span.end)
    return None if start is None or end is None else [start, end]


def predict(source: str, options: QuoteOptions | None = None) -> list[dict[str, object]]:
    """Predict the quotes of one corpus text, as scorer records."""
    with warnings.catch_warnings():
        # What the parser guessed (a standfirst, an encoding) is no concern of the scorer.
        warnings.simplefilter("ignore", GuessWarning)
        article = text.parse(source, quote_options=options)
    where = locators(article, source)
    records: list[dict[str, object]] = []
    for quote in article.quotes:
        spans = [_place(span, where) for span in quote.spans]
        placed = [span for span in spans if span is not None]
        if not placed:
            continue
        record: dict[str, object] = {
            "content_start": placed[0][0],
            "content_end": placed[-1][1],
            "content_spans": placed,
            "content": quote.text,
            "kind": quote.kind.value,
        }
        attribution = quote.attribution
        if attribution is not None:
            if attribution.source is not None and attribution.source_span is not None:
                speaker = _place(attribution.source_span, where)
                if speaker is not None:
                    # A resolved pronoun or short form is scored as the name it stands for;
                    # its span stays where the pronoun is written.
                    record["speaker"] = attribution.name or attribution.source
                    record["speaker_start"], record["speaker_end"] = speaker
            if attribution.cue is not None and attribution.cue_span is not None:
                cue = _place(attribution.cue_span, where)
                if cue is not None:
                    record["cue"] = attribution.cue
                    record["cue_start"], record["cue_end"] = cue
        records.append(record)
    return records


def _documents(path: Path, splits: set[str] | None) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                document = json.loads(line)
                if splits is None or document.get("split") in splits:
                    yield document


def main(argv: list[str] | None = None) -> int:
    """Run the extractor over a corpus and write one prediction line per document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="the corpus JSONL (documents with 'text')")
    parser.add_argument("pred", type=Path, help="where to write the predictions JSONL")
    parser.add_argument("--split", help="comma list of splits to predict (default: all)")
    parser.add_argument(
        "--kinds",
        help="comma list of quote kinds to predict: direct, mixed, indirect (default: all)",
    )
    args = parser.parse_args(argv)
    splits = set(args.split.split(",")) if args.split else None
    options = QuoteOptions()
    if args.kinds:
        options = QuoteOptions(kinds=[QuoteKind(kind) for kind in args.kinds.split(",")])
    with args.pred.open("w", encoding="utf-8") as out:
        for document in _documents(args.gold, splits):
            source = str(document["text"])
            line = {"id": document["id"], "quotes": predict(source, options)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
