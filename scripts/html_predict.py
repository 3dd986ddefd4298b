"""Write body predictions for the HTML dev corpus, for ``../shared/tools/body-score``.

Usage: ``python scripts/html_predict.py OUT.json [CORPUS_DIR]``; the corpus defaults to
``../shared/corpus/html-dev``. Pages that fail to parse are reported and predicted empty.
"""

from __future__ import annotations

import gzip
import json
import sys
import warnings
from pathlib import Path

from newsmodel import html
from newsmodel.errors import GuessWarning, ParseError

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-dev"


def main(argv: list[str]) -> int:
    """Parse every page of the corpus and write ``{id: body text}`` to the output file."""
    out = Path(argv[1]) if len(argv) > 1 else Path("html-pred.json")
    corpus = Path(argv[2]) if len(argv) > 2 else DEFAULT_CORPUS
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pred: dict[str, str] = {}
    for page_id, entry in sorted(truth.items()):
        data = gzip.decompress((corpus / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", GuessWarning)
                pred[page_id] = html.parse(data, url=entry.get("url")).text
        except ParseError as error:
            print(f"{page_id}: {error}", file=sys.stderr)
            pred[page_id] = ""
    out.write_text(json.dumps(pred, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
