"""Score the HTML parser on ``../shared/corpus/html-modern-dev``: body, metadata, robustness.

Usage: ``python scripts/html_modern_score.py [CORPUS_DIR] [--json] [--pred OUT.json
--truth TRUTH.json]``. Every page is parsed with its URL; then, over the pages whose
``pageType`` is ``article``:

* **body**: the ``body-score`` metric (4-gram shingle precision and recall macro-averaged
  over pages, F1 of the two means), computed as ``../shared/tools/body-score`` does; with
  ``--pred`` and ``--truth`` the article predictions and their gold are written so that
  ``../shared/tools/body-score PRED --truth TRUTH`` gives the same figure;
* **headline**: the parsed headline is the gold one, compared case-, punctuation- and
  space-blind, a site name after a separator (``|``, ``-``, ``–``, ``—``, ``:``, ``·``,
  ``»``) set aside on either side (the gold keeps it on some pages and not on others);
* **author**: on pages whose gold names an author, one parsed byline names one of the gold's
  people (either name containing the other, as "Jane Doe" and "Dr. Jane Doe");
* **date**: on pages whose gold has a publication date, the parsed one falls on its day.

It also counts article pages refused or empty, other pages refused by the kind of
:class:`~newsmodel.NotAnArticleError`, and any exception that is not a ``NewsModelError``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import unicodedata
import warnings
from collections import Counter
from pathlib import Path

from newsmodel import Article, html
from newsmodel.errors import GuessWarning, NewsModelError, NotAnArticleError

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-modern-dev"

_WORD = re.compile(r"\w+")
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·»]\s+")
_NAME_SEPARATOR = re.compile(r",\s*|\s+and\s+|\s*&\s*|;\s*", re.IGNORECASE)


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").casefold()))


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    if not words:
        return Counter()
    if len(words) < 4:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def body_score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Macro precision, recall and F1 of ``(truth, prediction)`` pairs, as body-score does."""
    precisions: list[float] = []
    recalls: list[float] = []
    for truth, prediction in pairs:
        t, p = _shingles(truth), _shingles(prediction)
        tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _title_forms(title: str | None) -> set[str]:
    parts = _TITLE_SEPARATOR.split(title or "")
    forms = {_norm(title)}
    if len(parts) > 1:
        forms |= {_norm(" ".join(parts[:-1])), _norm(" ".join(parts[1:]))}
    return forms - {""}


def same_headline(gold: str, article: Article | None) -> bool:
    """Whether the parsed headline is the gold one, a site name aside."""
    return article is not None and bool(_title_forms(gold) & _title_forms(article.headline))


def names_an_author(gold: str, article: Article | None) -> bool:
    """Whether one parsed byline names one of the gold's people."""
    if article is None:
        return False
    wanted = [_norm(name) for name in _NAME_SEPARATOR.split(gold) if _norm(name)]
    found = [_norm(byline.name) for byline in article.bylines]
    return any(f and (f in w or w in f) for f in found for w in wanted)


def same_day(gold: str, article: Article | None) -> bool:
    """Whether the parsed publication date falls on the gold's day."""
    value = article.published if article is not None else None
    if value is None:
        return False
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.isoformat() == gold[:10]


def score(corpus: Path) -> tuple[dict[str, object], dict[str, str], dict[str, str]]:
    """The figures, the article pages' predicted bodies and their gold bodies."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pairs: list[tuple[str, str]] = []
    predictions: dict[str, str] = {}
    gold_bodies: dict[str, str] = {}
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    refused_articles: list[str] = []
    refused_others: Counter[str] = Counter()
    escaped: list[str] = []
    for page_id, entry in sorted(truth.items()):
        data = gzip.decompress((corpus / "html" / f"{page_id}.html.gz").read_bytes())
        article: Article | None = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", GuessWarning)
                article = html.parse(data, url=entry.get("url"))
        except NotAnArticleError as error:
            if entry.get("pageType") == "article":
                refused_articles.append(f"{page_id}: {error}")
            else:
                refused_others[error.kind] += 1
        except NewsModelError as error:
            if entry.get("pageType") == "article":
                refused_articles.append(f"{page_id}: {error}")
        except Exception as error:  # counted: no other exception may escape
            escaped.append(f"{page_id}: {type(error).__name__}: {error}")
        if entry.get("pageType") != "article":
            continue
        text = article.text if article is not None else ""
        if not text.strip() and article is not None:
            refused_articles.append(f"{page_id}: empty body")
        predictions[page_id] = text
        gold_bodies[page_id] = entry["articleBody"]
        pairs.append((entry["articleBody"], text))
        checks = (
            ("headline", entry.get("headline"), same_headline),
            ("author", entry.get("author"), names_an_author),
            ("date", entry.get("datePublished"), same_day),
        )
        for field, gold, check in checks:
            if gold:
                totals[field] += 1
                hits[field] += check(gold, article)
    precision, recall, f1 = body_score(pairs)
    figures: dict[str, object] = {
        "articles": len(pairs),
        "body": {"precision": precision, "recall": recall, "f1": f1},
        "metadata": {f: {"hits": hits[f], "total": totals[f]} for f in sorted(totals)},
        "refused_articles": refused_articles,
        "refused_others": dict(sorted(refused_others.items())),
        "other_pages": len(truth) - len(pairs),
        "escaped": escaped,
    }
    return figures, predictions, gold_bodies


def main(argv: list[str] | None = None) -> int:
    """Parse the corpus and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--pred", type=Path, help="write the article pages' bodies here")
    parser.add_argument("--truth", type=Path, help="write the article pages' gold here")
    args = parser.parse_args(argv)
    figures, predictions, gold_bodies = score(args.corpus)
    if args.pred:
        args.pred.write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf-8")
    if args.truth:
        gold = {page_id: {"articleBody": text} for page_id, text in gold_bodies.items()}
        args.truth.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    body = figures["body"]
    assert isinstance(body, dict)
    print(
        f"{figures['articles']} article pages: body P {body['precision']:.3f}"
        f" R {body['recall']:.3f} F1 {body['f1']:.3f}"
    )
    metadata = figures["metadata"]
    assert isinstance(metadata, dict)
    print(
        "metadata: "
        + ", ".join(
            f"{field} {m['hits']}/{m['total']} = {m['hits'] / m['total']:.3f}"
            for field, m in metadata.items()
        )
    )
    refused = figures["refused_articles"]
    assert isinstance(refused, list)
    print(f"article pages refused or empty: {len(refused)}")
    for line in refused:
        print(f"  {line}")
    print(
        f"other pages ({figures['other_pages']}) refused as not articles:"
        f" {figures['refused_others']}"
    )
    escaped = figures["escaped"]
    assert isinstance(escaped, list)
    print(f"exceptions other than NewsModelError: {len(escaped)}")
    for line in escaped:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
