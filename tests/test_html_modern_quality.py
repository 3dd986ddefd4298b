"""Quality gate for the HTML parser on ``../shared/corpus/html-modern-dev`` (2025-26 pages).

Runs ``scripts/html_modern_score.py`` (see it for how each figure is counted) and checks the
figures against floors pinned a little under what was measured when they were set. Skips
when ``../shared`` is absent. Run the script itself to print the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Body F1 on the article pages: measured 0.941 (P 0.937, R 0.945).
BODY_F1_FLOOR = 0.935
#: Metadata on the article pages: measured headline 189/222 = 0.851, author 149/181 = 0.823,
#: published day 176/193 = 0.912.
METADATA_FLOORS = {"headline": 0.85, "author": 0.82, "date": 0.90}


@pytest.fixture(scope="module")
def figures(shared: Path) -> dict[str, Any]:
    corpus = shared / "corpus" / "html-modern-dev"
    script = ROOT / "scripts" / "html_modern_score.py"
    result = subprocess.run(
        [sys.executable, str(script), str(corpus), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    value: dict[str, Any] = json.loads(result.stdout)
    return value


def test_body_f1_on_modern_articles(figures: dict[str, Any]) -> None:
    """Body F1 on the 2025-26 article pages stays above its floor."""
    assert figures["body"]["f1"] >= BODY_F1_FLOOR


def test_no_article_page_is_refused_or_empty(figures: dict[str, Any]) -> None:
    """Every article page gives an article with a body."""
    assert figures["refused_articles"] == []


def test_no_exception_escapes_but_newsmodel_errors(figures: dict[str, Any]) -> None:
    """Forum, product, listing and documentation pages raise nothing but NewsModelErrors."""
    assert figures["escaped"] == []


@pytest.mark.parametrize("field", sorted(METADATA_FLOORS))
def test_metadata_on_modern_articles(figures: dict[str, Any], field: str) -> None:
    """Headline, author and publication day agree with the people-checked gold often enough."""
    counts = figures["metadata"][field]
    assert counts["hits"] / counts["total"] >= METADATA_FLOORS[field], counts
