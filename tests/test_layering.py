"""The package's layers: every import inside ``newsmodel`` points down, never up or sideways.

The layers, lowest first (``docs/architecture.md`` draws them):

0. ``errors``, and ``_guesses`` (where the parsers' guesses go);
1. the model: ``_model``, ``_validators``, ``_converter`` (with ``_structure`` and ``_codegen``),
   ``_validate``;
2. extraction: ``_extract`` (pure heuristics, knowing no format);
3. formats: the public facades (``json``, ``jsonld``, ``newsml``, ``ninjs``, ``text``, ``html``,
   ``quotes``…), their implementations in ``_codecs``, and ``_schema``, ``_formats``;
4. applications: ``batch``, ``dask``, ``cli`` and their helpers, and the package itself.

A module may import from its own layer or any layer below. Within the formats, one codec does
not reach into another: ``_codecs/<format>/`` imports only the shared ``_codecs`` modules and
newsmodel's own JSON format (the lossless form other codecs embed).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsmodel"

#: Layer of each top-level module or subpackage; a public top-level module not listed is a
#: format facade (layer 3), a private one must be listed.
LAYERS = {
    "errors": 0,
    "_guesses": 0,
    "_model": 1,
    "_validators": 1,
    "_converter": 1,
    "_structure": 1,
    "_codegen": 1,
    "_problems": 1,
    "_validate": 1,
    "_extract": 2,
    "_codecs": 3,
    "_schema": 3,
    "_formats": 3,
    "batch": 4,
    "dask": 4,
    "cli": 4,
    "_sources": 4,
    "_payload": 4,
    "_archives": 4,
    "_fetch": 4,
    "_report": 4,
    "_progress": 4,
    "__main__": 4,
    "__init__": 4,
}
FORMAT_LAYER = 3


def _json_format(module: str) -> bool:
    """Whether ``module`` is newsmodel's own JSON format, which every codec may embed."""
    rest = module.removeprefix("newsmodel.")
    return rest in ("json", "_codecs.json") or rest.startswith("_codecs.json.")


def _module_name(path: Path) -> str:
    """``newsmodel._codecs.newsml.read`` for ``src/newsmodel/_codecs/newsml/read.py``."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The ``newsmodel`` modules a file imports, at the top or inside functions."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("newsmodel"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            elif node.module and node.module.startswith("newsmodel"):
                target = node.module
            else:
                continue
            if node.module:
                found.add(target)
            # "from . import json" names a module.
            found.update(
                f"{target}.{alias.name}"
                for alias in node.names
                if (PACKAGE.parent / target.replace(".", "/") / f"{alias.name}.py").exists()
                or (PACKAGE.parent / target.replace(".", "/") / alias.name).is_dir()
            )
    return found


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(module: str) -> int:
    """The layer of a ``newsmodel`` module (see the module docstring)."""
    top = _top(module)
    if top in LAYERS:
        return LAYERS[top]
    if not top.startswith("_"):
        return FORMAT_LAYER
    raise AssertionError(f"{module}: give its top-level module {top!r} a layer in LAYERS")


def _codec_of(module: str) -> str | None:
    """The format a ``_codecs/<format>/`` module implements; ``None`` for shared modules."""
    parts = module.split(".")
    if len(parts) > 2 and parts[1] == "_codecs" and (PACKAGE / "_codecs" / parts[2]).is_dir():
        return parts[2]
    return None


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda path: _module_name(path))
def test_module_imports_only_its_own_layer_or_lower(path: Path) -> None:
    """model <- extraction <- formats <- applications: no import points upward."""
    module = _module_name(path)
    upward = sorted(target for target in _imports(path) if layer_of(target) > layer_of(module))
    assert upward == [], f"{module} (layer {layer_of(module)}) imports a higher layer"


@pytest.mark.parametrize("path", _sources(), ids=lambda path: _module_name(path))
def test_codec_does_not_reach_into_another_codec(path: Path) -> None:
    """A codec's implementation uses shared codec modules and the JSON format only."""
    module = _module_name(path)
    own = _codec_of(module)
    if own is None:
        return
    foreign = sorted(
        target
        for target in _imports(path)
        if (other := _codec_of(target)) is not None and other != own and not _json_format(target)
    )
    facades = sorted(
        target
        for target in _imports(path)
        if layer_of(target) == FORMAT_LAYER
        and not _top(target).startswith("_")
        and not _json_format(target)
    )
    assert foreign == [], f"{module} imports another codec's implementation"
    assert facades == [], f"{module} imports a format's public facade"


def test_extraction_imports_no_codec_and_no_facade() -> None:
    """The rule the layers exist for, stated on its own: ``_extract`` knows no format."""
    offenders = {
        _module_name(path): sorted(
            target
            for target in _imports(path)
            if _top(target) == "_codecs" or layer_of(target) >= FORMAT_LAYER
        )
        for path in sorted((PACKAGE / "_extract").rglob("*.py"))
    }
    assert {module: found for module, found in offenders.items() if found} == {}


def test_import_graph_sees_relative_module_imports() -> None:
    """The checker itself: a relative ``from . import module`` counts as importing it."""
    imports = _imports(PACKAGE / "quotes.py")
    assert "newsmodel._extract.quotes.rules" in imports
    assert layer_of("newsmodel._extract.quotes.rules") == 2
    assert layer_of("newsmodel.cli") == 4
