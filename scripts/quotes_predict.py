"""Write quote predictions for the shared quotes corpus, in the format ``quote-score`` reads.

Usage::

    .venv/bin/python scripts/quotes_predict.py ../shared/corpus/quotes-dev.jsonl PRED.jsonl \
        [--split dev]

Each document's ``text`` has paragraphs separated by blank lines; the first becomes the
headline and the rest body paragraphs. Predicted spans are mapped back to offsets in ``text``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from newsmodel import _model
from newsmodel._model import QuoteKind
from newsmodel.quotes import QuoteOptions, extract

#: Blank lines separate paragraphs; a single line break does too in live blogs and
#: transcripts, so every line is a paragraph of its own.
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def article_from_text(text: str) -> tuple[_model.Article, list[int]]:
    """Map a corpus text to an article and the offset in ``text`` of each field.

    Args:
        text: Paragraphs separated by blank lines, the headline first.

    Returns:
        The article and, for the headline and each body block in order, where it starts.
    """
    pieces: list[tuple[int, str]] = []
    at = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[at:end].strip():
            pieces.append((at, text[at:end]))
        if match:
            at = match.end()
    if not pieces:
        pieces = [(0, "(untitled)")]
    (_, headline), *rest = pieces
    article = _model.Article(
        headline=headline, body=[_model.Paragraph(text=body) for _, body in rest]
    )
    return article, [offset for offset, _ in pieces]


def _offset(span: _model.Span, offsets: list[int]) -> int:
    if span.part is _model.TextPart.HEADLINE:
        return offsets[0]
    assert span.block is not None
    return offsets[span.block + 1]


def predict(text: str, options: QuoteOptions | None = None) -> list[dict[str, object]]:
    """Predict the quotes of one corpus text, as scorer records."""
    article, offsets = article_from_text(text)
    records: list[dict[str, object]] = []
    for quote in extract(article, options or QuoteOptions()):
        spans = [[_offset(s, offsets) + s.start, _offset(s, offsets) + s.end] for s in quote.spans]
        record: dict[str, object] = {
            "content_start": spans[0][0],
            "content_end": spans[-1][1],
            "content_spans": spans,
            "content": quote.text,
            "kind": quote.kind.value,
        }
        attribution = quote.attribution
        if attribution is not None:
            if attribution.source is not None and attribution.source_span is not None:
                base = _offset(attribution.source_span, offsets)
                # A resolved pronoun or short form is scored as the name it stands for; its
                # span stays where the pronoun is written.
                record["speaker"] = attribution.name or attribution.source
                record["speaker_start"] = base + attribution.source_span.start
                record["speaker_end"] = base + attribution.source_span.end
            if attribution.cue is not None and attribution.cue_span is not None:
                base = _offset(attribution.cue_span, offsets)
                record["cue"] = attribution.cue
                record["cue_start"] = base + attribution.cue_span.start
                record["cue_end"] = base + attribution.cue_span.end
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
            text = str(document["text"])
            line = {"id": document["id"], "quotes": predict(text, options)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
