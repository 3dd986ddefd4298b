"""The public API is exactly what ``newsmodel.__all__`` says."""

from __future__ import annotations

import subprocess
import sys
import types

import newsmodel


def test_all_is_sorted_and_complete() -> None:
    """Every public name is listed once, in order, and exists."""
    public = {
        name
        for name, value in vars(newsmodel).items()
        # Submodules (newsmodel.json, newsmodel.cli…) are imported by their own name.
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert sorted(newsmodel.__all__) == newsmodel.__all__
    assert sorted(public) == sorted(set(newsmodel.__all__) - {"__version__"})


def test_import_stays_light() -> None:
    """``import newsmodel`` loads neither the command line nor lxml."""
    code = (
        "import sys, newsmodel;"
        "print(sorted(m for m in ('lxml', 'newsmodel.cli', 'argparse') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
