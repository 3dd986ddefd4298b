"""Quality gate for quote extraction: score the dev split of the shared quotes corpus.

Runs ``scripts/quotes_predict.py`` over the ``dev`` split and scores the predictions with the
shared ``quote-score`` tool, then checks each figure against a floor pinned a little below what
the extractor measured when the floor was set. A drop below a floor is a regression; raise the
floors when the extractor improves. Skips when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: (scorer options, figure path in its JSON, floor in percent). Measured figures are in the
#: comments; floors sit just below them.
FLOORS = [
    ((), ("overlap", "content", "F1"), 68.2),  # measured 68.37
    ((), ("overlap", "content+speaker", "F1"), 62.2),  # measured 62.45
    ((), ("overlap", "content+cue", "F1"), 63.5),  # measured 63.69
    (("--kinds", "direct"), ("overlap", "content", "F1"), 92.3),  # measured 92.59
    (("--kinds", "direct"), ("overlap", "content", "P"), 93.9),  # measured 94.18
    (("--kinds", "direct"), ("overlap", "content+speaker", "F1"), 81.9),  # measured 82.18
]


def _predict(shared: Path, out: Path, *options: str) -> Path:
    corpus = shared / "corpus" / "quotes-dev.jsonl"
    script = ROOT / "scripts" / "quotes_predict.py"
    command = [sys.executable, str(script), str(corpus), str(out), "--split", "dev", *options]
    subprocess.run(command, check=True)
    return out


def _score(shared: Path, pred: Path, report: Path, *options: str) -> dict[str, object]:
    corpus = shared / "corpus" / "quotes-dev.jsonl"
    scorer = shared / "tools" / "quote-score"
    command = [sys.executable, str(scorer), str(corpus), str(pred), "--split", "dev"]
    command += [*options, "--json", str(report), "--quiet"]
    subprocess.run(command, check=True)
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def _figure(result: dict[str, object], path: tuple[str, ...]) -> float:
    value: object = result
    for key in path:
        assert isinstance(value, dict)
        value = value[key]
    assert isinstance(value, (int, float))
    return float(value)


@pytest.fixture(scope="module")
def scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The scorer's results: all kinds, and direct quotes predicted and scored alone."""
    work = tmp_path_factory.mktemp("quotes")
    everything = _predict(shared, work / "all.jsonl")
    direct = _predict(shared, work / "direct.jsonl", "--kinds", "direct")
    return {
        "": _score(shared, everything, work / "all.json"),
        "direct": _score(shared, direct, work / "direct.json", "--kinds", "direct"),
    }


@pytest.mark.parametrize(("options", "path", "floor"), FLOORS)
def test_dev_split_floor(
    scores: dict[str, dict[str, object]],
    options: tuple[str, ...],
    path: tuple[str, ...],
    floor: float,
) -> None:
    """Each pinned figure on the dev split stays at or above its floor."""
    result = scores["direct" if options else ""]
    assert _figure(result, path) >= floor
