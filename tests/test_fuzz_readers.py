"""Every reader, fed arbitrary and mutated input, returns an article or raises NewsModelError.

Fast properties for the suite; ``scripts/fuzz_campaign.py`` runs the long campaign. The
readers come from the format registry, so a newly registered format is fuzzed too. A run that
does not finish within a generous alarm is reported as a hang rather than left to block.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import Article, NewsModelError, available_formats
from strategies import articles

#: Seconds a single read may take before it counts as a hang (far above any real input here).
HANG_SECONDS = 30

READERS: dict[str, Callable[[bytes], object]] = {
    fmt.name: (lambda data, read=fmt.read: read(data, None))  # type: ignore[misc]
    for fmt in available_formats()
    if fmt.read is not None
}
# Every article of a document, where a format reads several (json's is its loads in a tuple).
READERS.update(
    {
        f"{fmt.name}-all": (lambda data, read=fmt.read_all: read(data, None))  # type: ignore[misc]
        for fmt in available_formats()
        if fmt.read_all is not None and fmt.name != "json"
    }
)
WRITERS = {fmt.name: fmt.write for fmt in available_formats() if fmt.write is not None}
#: The heuristic parsers are slower per example than the codecs.
SLOW_READERS = frozenset({"html", "text"})

#: Fragments the fuzz campaign found readers stumbling over.
TOKENS = [
    "2024-05-01T10:00:00+99:99",
    "2024-05-01T10:00:00+24:00",
    "Tue, 01 May 2024 10:00:00 +9999",
    "3-8-22 1:99999999999999999999999999953",
    "1" * 5000,
    "<a&b>x</a&b>",
    '<?xml version="1.0" encoding="UTF-8"',
    '<!DOCTYPE x [<!ENTITY a "b">]>',
    '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="x"/>',
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>',
    '<meta property="article:published_time" content="2024-05-01T10:00:00+24:00">',
    "\ufeff",
    "\x00",
    "[" * 300,
    "<div>" * 300,
    "\\ud800",  # in a JSON string, the escape of half a surrogate pair
]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(TOKENS),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["role", "rel", "type", "@type", "@id", "value", "name", "text", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@contextmanager
def no_hang() -> Iterator[None]:
    """Fail, instead of blocking the suite, when the body runs past :data:`HANG_SECONDS`."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise AssertionError(f"a reader ran for more than {HANG_SECONDS} s: a hang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_only_newsmodel_errors(name: str, data: bytes) -> None:
    """Read ``data``; what the reader accepts, every writer must write out as bytes (or refuse
    with a NewsModelError): a reader must not let through what no writer can take."""
    with no_hang(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = READERS[name](data)
        except NewsModelError:
            return
        assert isinstance(result, (Article, tuple))
        for article in result if isinstance(result, tuple) else (result,):
            for write in WRITERS.values():
                with contextlib.suppress(NewsModelError):
                    write(article)


def _edit(data: bytes, edits: list[tuple[float, int, bytes]]) -> bytes:
    for where, removed, inserted in edits:
        at = int(where * len(data))
        data = data[:at] + inserted + data[at + removed :]
    return data


EDITS = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.integers(0, 40),
        st.binary(max_size=8) | st.sampled_from(TOKENS).map(lambda t: t.encode("utf-8")),
    ),
    min_size=1,
    max_size=4,
)
BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])


def _examples(name: str, fast: int) -> Any:
    return settings(max_examples=fast // 4 if name in SLOW_READERS else fast)


@pytest.mark.parametrize("name", sorted(READERS))
def test_arbitrary_bytes_raise_only_newsmodel_errors(name: str) -> None:
    """Random bytes, optionally behind a byte-order mark."""

    @_examples(name, 40)
    @given(bom=BOMS, data=st.binary(max_size=300))
    def check(bom: bytes, data: bytes) -> None:
        read_only_newsmodel_errors(name, bom + data)

    check()


@pytest.mark.parametrize("name", sorted(READERS))
def test_edited_documents_raise_only_newsmodel_errors(name: str) -> None:
    """The library's own output in the reader's format (or, for a read-only format, in
    every format), with bytes replaced, cut and inserted."""
    writers = (
        [WRITERS[name.removesuffix("-all")]]
        if name.removesuffix("-all") in WRITERS
        else list(WRITERS.values())
    )

    @_examples(name, 30)
    @given(article=articles(), write=st.sampled_from(writers), edits=EDITS, bom=BOMS)
    def check(article: Article, write: Callable[[Article], bytes], edits: Any, bom: bytes) -> None:
        read_only_newsmodel_errors(name, bom + _edit(write(article), edits))

    check()


def _paths(tree: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _paths(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _paths(value, (*path, index))


def _replace(tree: Any, path: tuple[object, ...], value: object) -> Any:
    if not path:
        return value
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return tree


JSON_READERS = sorted(name for name in READERS if name in ("json", "jsonld", "ninjs"))


@pytest.mark.parametrize("name", JSON_READERS)
def test_json_of_the_wrong_shape_raises_only_newsmodel_errors(name: str) -> None:
    """The reader's own JSON with one value anywhere in the tree swapped for another of any
    type: a list where a string belongs, an object for a role, a huge number, an odd date."""

    @_examples(name, 80)
    @given(article=articles(), choice=st.integers(min_value=0), value=JSON_VALUES)
    def check(article: Article, choice: int, value: object) -> None:
        tree = json.loads(WRITERS[name](article))
        paths = list(_paths(tree))
        tree = _replace(tree, paths[choice % len(paths)], value)
        # The huge number and the surrogate escape as JSON text, not as strings.
        data = json.dumps(tree).replace(f'"{TOKENS[4]}"', TOKENS[4])
        data = data.replace('"\\\\ud800"', '"\\ud800"')
        read_only_newsmodel_errors(name, data.encode("utf-8"))

    check()
