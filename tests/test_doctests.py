"""The examples in module docstrings run, and say what they print."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import warnings

import pytest

import newsmodel


def _modules() -> list[str]:
    names = ["newsmodel"]
    for info in pkgutil.walk_packages(newsmodel.__path__, "newsmodel."):
        if info.name != "newsmodel.__main__":
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_module_docstring_examples_hold(name: str) -> None:
    """Every ``>>>`` example in the module gives the output its docstring shows."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # optional extras (dask) may warn on import
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            pytest.skip(f"{name} needs an optional extra: {error}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"


def test_some_module_carries_examples() -> None:
    """The collection above finds the modules that have examples."""
    finder = doctest.DocTestFinder()
    import newsmodel.text

    assert any(test.examples for test in finder.find(newsmodel.text))
