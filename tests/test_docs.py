"""The Python examples in the README and the docs run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").glob("*.md"))
EXAMPLE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_python_examples_run(page: Path) -> None:
    """Every ```python block of a docs page runs, in order, in one namespace."""
    namespace: dict[str, object] = {}
    for example in EXAMPLE.findall(page.read_text("utf-8")):
        exec(compile(example, str(page), "exec"), namespace)
