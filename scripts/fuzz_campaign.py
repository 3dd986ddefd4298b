"""Fuzz every reader with structure-aware mutations of real documents and save what escapes.

Usage::

    .venv/bin/python scripts/fuzz_campaign.py [--minutes 10] [--readers html,json] \
        [--out fuzz-findings] [--seed 0] [--shared ../shared]

Seeds come from the test fixtures, from ``../shared`` when it is there (real pages and their
JSON-LD blocks, IPTC's NewsML-G2 and ninjs examples, news texts), and from the library's own
output in every format it writes. Each execution mutates a seed: byte edits, splices of two
documents, byte-order marks and wide encodings, and, when the seed is JSON or markup, edits
that keep its structure (a value of the wrong JSON type, a huge number, deep nesting, an
absurd date, a DOCTYPE, an XInclude, an ``ld+json`` block, a tag name XML refuses; in
well-formed XML an element dropped, repeated, nested thousands deep, moved, renamed, given
a text or attribute of the wrong kind, or a comment or processing instruction among its
children).

A reader may return an article or raise :class:`~newsmodel.NewsModelError`; anything else is a
*class*, named by the exception type and the innermost newsmodel line it came from. A run over
``--timeout`` CPU seconds is a hang. The first input of each class is saved at once under
``--out/<reader>/raw/``; at the end the smallest is shrunk and saved under ``--out/<reader>/``.
Every input is timed in CPU seconds, and one in ``--memory-every`` (and every slow one) is
read again in a forked child to measure its peak memory: Python allocations and resident-set
growth (lxml's). An input slower than ``--per-100kb`` CPU seconds per 100 KB is saved under
``slow/``; one whose peak passes ``--memory-factor`` times its size plus ``--memory-mb``
under ``memory/``.
``--out/<reader>/report.json`` is rewritten every 30 seconds with executions, classes, the five
slowest inputs and the five growths nearest the bound. Readers run one after the other in
this one process: the campaign is meant to run niced in the background, a process per reader
when two should run side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import gzip
import hashlib
import heapq
import json
import os
import random
import re
import signal
import sys
import time
import traceback
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from lxml import etree

import newsmodel.json as newsmodel_json
from newsmodel import Article, NewsModelError, available_formats, text

ROOT = Path(__file__).resolve().parents[1]
Reader = Callable[[bytes], object]
Mutator = Callable[[random.Random, bytes, list[bytes]], bytes]

#: Dates no clock shows, and dates that only look like dates.
ABSURD_DATES = [
    "2024-05-01T10:00:00+99:99",
    "2024-05-01T10:00:00+24:00",
    "2024-05-01T24:00:00Z",
    "Tue, 01 May 2024 10:00:00 +9999",
    "Tue Nov 19 2019 10:00:00 GMT-9999 (Eastern Standard Time)",
    "0000-00-00T00:00:00Z",
    "9999-99-99",
    "99999-01-01",
    "-2024-01-01",
    "2024-02-30",
    "May 32, 2024",
    "10:99 pm ET Nov 26, 2026",
    "2026년 13월 45일 오후 25:99",
    "2024-05-01T10:00:00.99999999999999+05:30",
    "1e400",
    "Published " + "9" * 200,
]
HUGE_NUMBER = "1" * 5000
#: Markup that hostile or sloppy producers write, inserted where a tag begins.
MARKUP_TOKENS = [
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>',
    "<a&b>x</a&b>",
    "&#0;&#xFFFFFFFF;&bogus;&amp;",
    "<![CDATA[ ]]>",
    "<!-- c -->",
    "<?pi x?>",
    "<?>",
    "<?xml version='1.0' encoding='UTF-16'",
    "<div>" * 400,
    "</p></div></article>",
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","wordCount":'
    + HUGE_NUMBER
    + "}</script>",
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"'
    + ABSURD_DATES[0]
    + '"}</script>',
    '<meta property="article:published_time" content="Tue, 01 May 2024 10:00:00 +9999">',
    '<time datetime="2024-05-01T10:00:00+24:00">May 1</time>',
    '<p xmlns="urn:x" xmlns:a="urn:a" a:b="c">',
    "<p>“" + "word " * 2000 + "”</p>",
    '<img src="" width="99999999999999999999" height="-1">',
    "\x00\x0b\ufffe\ud7ff",
]
BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]
_DATE_LIKE = re.compile(rb"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMBER = re.compile(rb"(?<![\w.])\d{1,9}(?![\w.])")


class Hang(Exception):
    """Raised inside a reader that ran past the timeout."""


# --- readers ----------------------------------------------------------------------------------


def readers() -> dict[str, Reader]:
    """Every readable registered format, plus ``loads_all`` where a codec reads many articles
    from one document (named ``<format>-all``)."""
    found: dict[str, Reader] = {}
    for fmt in available_formats():
        if fmt.read is not None:
            read = fmt.read
            found[fmt.name] = lambda data, read=read: read(data, None)  # type: ignore[misc]
    for fmt in available_formats():
        if fmt.read_all is not None and fmt.name != "json":  # json's is its loads in a tuple
            read_all = fmt.read_all
            found[f"{fmt.name}-all"] = lambda data, read=read_all: read(data, None)  # type: ignore[misc]
    return found


# --- seeds ------------------------------------------------------------------------------------


def _library_articles() -> list[Article]:
    sample = newsmodel_json.loads((ROOT / "src/newsmodel/data/sample.json").read_bytes())
    articles = [sample]
    for path in sorted((ROOT / "tests/data").rglob("*.txt"))[:40]:
        with contextlib.suppress(NewsModelError):
            articles.append(text.parse(path.read_bytes()))
    return articles


def _shared_files(shared: Path) -> dict[str, list[bytes]]:
    by_kind: dict[str, list[bytes]] = {"html": [], "xml": [], "ninjs": [], "text": [], "ld": []}
    if not shared.is_dir():
        return by_kind
    for corpus in ("html-dev", "html-modern-dev"):
        for path in sorted((shared / "corpus" / corpus / "html").glob("*.html.gz"))[:120]:
            page = gzip.decompress(path.read_bytes())
            if len(page) <= 400_000:
                by_kind["html"].append(page)
            for block in re.findall(
                rb"<script[^>]*ld\+json[^>]*>(.*?)</script>", page, re.DOTALL | re.IGNORECASE
            ):
                by_kind["ld"].append(block.strip())
    by_kind["xml"] += [
        p.read_bytes() for p in sorted((shared / "newsml-g2/examples").glob("*.xml"))
    ]
    by_kind["ninjs"] += [p.read_bytes() for p in sorted((shared / "ninjs/examples").glob("*.json"))]
    quotes = shared / "corpus" / "quotes-dev.jsonl"
    if quotes.is_file():
        with quotes.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if number >= 150:
                    break
                by_kind["text"].append(json.loads(line)["text"].encode("utf-8"))
    return by_kind


def seeds(reader_names: list[str], shared: Path) -> dict[str, list[bytes]]:
    """Per reader: the library's own output in that format, and real documents of its kind."""
    articles = _library_articles()
    outputs: dict[str, list[bytes]] = {}
    for fmt in available_formats():
        if fmt.write is not None:
            written = []
            for article in articles:
                with contextlib.suppress(NewsModelError):
                    written.append(fmt.write(article))
            outputs[fmt.name] = written
    real = _shared_files(shared)
    texts = [p.read_bytes() for p in sorted((ROOT / "tests/data").rglob("*.txt"))]
    kinds = {
        "html": real["html"],
        "text": texts + real["text"],
        "jsonld": real["ld"],
        "ninjs": real["ninjs"],
        "newsml": real["xml"],
        "newsml-all": real["xml"],
        "jsonld-all": real["ld"],
        "ninjs-all": real["ninjs"],
    }
    result: dict[str, list[bytes]] = {}
    for name in reader_names:
        base = name.removesuffix("-all")
        own = outputs.get(base, [])
        fixtures = [p.read_bytes() for p in sorted((ROOT / "tests/data/formats" / base).glob("*"))]
        # A format with no corpus of its own (nitf, feeds…) also starts from the XML examples.
        result[name] = own + fixtures + kinds.get(name, real["xml"]) or [b"<x/>"]
    return result


# --- mutations --------------------------------------------------------------------------------


def _flip(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    out = bytearray(data or b" ")
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert_bytes(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    at = rng.randint(0, len(data))
    noise = rng.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\r", b"<", b"&", b'"', b"{", b"]", b"\\"])
    return data[:at] + noise * rng.randint(1, 4) + data[at:]


def _delete(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    if len(data) < 2:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, max(1, len(data) // 8)) :]


def _repeat(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 200)]
    return data[:start] + piece * rng.choice([2, 10, 200, 5000]) + data[start:]


def _splice(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    other = rng.choice(pool)
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


def _truncate(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    return data[: rng.randint(0, len(data))]


def _encoding(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    choice = rng.randrange(4)
    if choice == 0:
        return rng.choice(BOMS) + data
    decoded = data.decode("utf-8", "replace")
    if choice == 1:
        return decoded.encode("utf-16")
    if choice == 2:
        return decoded.encode(rng.choice(["utf-16-le", "utf-16-be", "utf-32"]))
    return decoded.encode("latin-1", "replace")


def _absurd_date(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    dates = list(_DATE_LIKE.finditer(data))
    absurd = rng.choice(ABSURD_DATES).encode("utf-8")
    if not dates:
        return _insert_token(rng, data, [absurd])
    match = rng.choice(dates)
    return data[: match.start()] + absurd + data[match.end() :]


def _huge_number(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return data + HUGE_NUMBER.encode()
    match = rng.choice(numbers)
    big = rng.choice([HUGE_NUMBER, "9" * 30, "-1", "0", "1e999", "NaN", "Infinity"])
    return data[: match.start()] + big.encode() + data[match.end() :]


def _insert_token(rng: random.Random, data: bytes, tokens: list[bytes]) -> bytes:
    tags = [m.start() for m in re.finditer(rb"<", data[:200_000])] or [0]
    at = rng.choice(tags)
    return data[:at] + rng.choice(tokens) + data[at:]


def _markup(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    return _insert_token(rng, data, [t.encode("utf-8", "surrogatepass") for t in MARKUP_TOKENS])


def _json_value(rng: random.Random, depth: int = 0) -> object:
    """A value of a type a reader probably did not expect there."""
    choice = rng.randrange(12)
    if choice == 0:
        return []
    if choice == 1:
        return {}
    if choice == 2:
        return rng.choice(ABSURD_DATES)
    if choice == 3:
        return rng.choice([0, -1, 2**63, 1e308, -1e-308, True, False, None])
    if choice == 4:
        return HUGE_NUMBER  # swapped for a bare number when written
    if choice == 5:
        nested: object = "x"
        for _ in range(rng.choice([50, 500, 5000])):
            nested = [nested] if rng.random() < 0.5 else {"a": nested}
        return nested
    if choice == 6:
        return "x" * rng.choice([1, 1000, 200_000])
    if choice == 7:
        return [rng.choice(["a", 1, None, [], {}]) for _ in range(rng.randint(1, 5))]
    if choice == 8 and depth < 2:
        return {
            rng.choice(["role", "rel", "type", "@type", "@id", "value", "name"]): _json_value(
                rng, depth + 1
            )
        }
    if choice == 9:
        return "<p>x<a&b>y</a&b></p>"
    if choice == 10:
        return "\ud800" if rng.random() < 0.5 else "\x00"
    return rng.choice(["", " ", "@graph", "NewsArticle", "https://schema.org", "urn:x"])


def _nodes(tree: Any, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _nodes(value, (*path, index))


def _json_edit(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    try:
        tree = json.loads(data)
    except (ValueError, RecursionError):
        return _flip(rng, data, _)
    paths = list(_nodes(tree))
    path = rng.choice(paths)
    value = _json_value(rng)
    if not path:
        tree = value if rng.random() < 0.3 else [tree]
    else:
        parent = tree
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and rng.random() < 0.3:
            parent[
                rng.choice(["@graph", "nm:quote", "nm:body", "headline", "bodies", "altIds"])
            ] = value
        else:
            parent[path[-1]] = value
    try:
        written = json.dumps(tree, ensure_ascii=rng.random() < 0.5)
    except (ValueError, RecursionError):
        return data
    return written.replace(f'"{HUGE_NUMBER}"', HUGE_NUMBER).encode("utf-8", "surrogatepass")


_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _xml_edit(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """An edit of one element of an XML seed that keeps it well-formed: drop, duplicate, nest
    deeply, give it a text or an attribute of the wrong kind, move another under it, give it
    a comment or processing instruction, rename it."""
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return _markup(rng, data, pool)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    element = rng.choice(elements)
    parent = element.getparent()
    choice = rng.randrange(8)
    if choice == 0 and parent is not None:
        parent.remove(element)
    elif choice == 1 and parent is not None:
        for _ in range(rng.choice([1, 2, 50, 2000])):
            parent.insert(parent.index(element), copy.deepcopy(element))
    elif choice == 2:
        inner = element
        for _ in range(rng.choice([50, 300, 3000])):
            wrapper = etree.Element(element.tag)
            wrapper.append(inner if inner is not element else etree.Element(element.tag))
            inner = wrapper
        element.append(inner)
    elif choice == 3:
        element.text = rng.choice([*ABSURD_DATES, HUGE_NUMBER, "", " ", "x" * 100000, "<"])
    elif choice == 4:
        names = list(element.attrib) or ["type", "role", "qcode", "href", "rel", "id"]
        value = rng.choice([*ABSURD_DATES, HUGE_NUMBER, "", "-1", "a&b", "\u2028", "ex:" * 500])
        element.set(rng.choice(names), value)
    elif choice == 5 and len(elements) > 1:
        other = rng.choice(elements)
        if other is not element and other not in element.iterancestors():
            element.append(other)
    elif choice == 6:
        aside = etree.Comment("c") if rng.random() < 0.5 else etree.ProcessingInstruction("pi", "x")
        element.insert(rng.randint(0, len(element)), aside)
    else:
        element.tag = rng.choice([e.tag for e in elements])
    return bytes(etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True))


MUTATORS: list[tuple[Mutator, int]] = [
    (_flip, 3),
    (_insert_bytes, 2),
    (_delete, 2),
    (_repeat, 1),
    (_splice, 2),
    (_truncate, 1),
    (_encoding, 1),
    (_absurd_date, 3),
    (_huge_number, 2),
    (_markup, 3),
    (_json_edit, 6),
    (_xml_edit, 6),
]


def mutate(rng: random.Random, seed: bytes, pool: list[bytes]) -> bytes:
    """One to three mutations of ``seed``; JSON edits only when the seed is JSON, XML tree
    edits only when it looks like XML."""
    data = seed
    start = data.lstrip()[:5]
    kept = {_json_edit: start[:1] in (b"{", b"["), _xml_edit: start.startswith((b"<?xml", b"<"))}
    chosen = [(f, w) for f, w in MUTATORS if kept.get(f, True)]
    functions = [f for f, _ in chosen]
    weights = [w for _, w in chosen]
    for _ in range(rng.choice([1, 1, 2, 3])):
        data = rng.choices(functions, weights)[0](rng, data, pool)
    return data[:3_000_000]


# --- running ----------------------------------------------------------------------------------


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def _where(tb: TracebackType | None) -> str:
    """The innermost newsmodel line of a traceback, as ``module.py:line``."""
    place = "?"
    for frame, line in traceback.walk_tb(tb):
        filename = frame.f_code.co_filename
        if "newsmodel" in filename and "fuzz_campaign" not in filename:
            place = f"{filename.split('newsmodel/')[-1]}:{line}"
    return place


def run_one(read: Reader, data: bytes, timeout: float) -> tuple[str | None, float]:
    """The class ``data`` falls into (``None`` when it is handled) and the CPU seconds it took.

    CPU time, not wall time: the campaign runs niced beside other work, and a reader's cost is
    what it computes, not how long it waited for a core. A hang is a run past ``timeout`` CPU
    seconds (readers never wait on anything but the CPU)."""
    signal.setitimer(signal.ITIMER_PROF, timeout)
    started = time.process_time()
    try:
        read(data)
    except NewsModelError:
        return None, time.process_time() - started
    except Hang as error:
        return f"hang at {_where(error.__traceback__)}", time.process_time() - started
    except Exception as error:  # the point of the campaign: anything else is a finding
        return (
            f"{type(error).__name__} at {_where(error.__traceback__)}",
            time.process_time() - started,
        )
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return None, time.process_time() - started


def shrink(read: Reader, data: bytes, found: str, timeout: float, budget: float) -> bytes:
    """A smaller input of the same class: drop chunks while the class stays (delta debugging)."""
    deadline = time.monotonic() + budget
    chunk = max(1, len(data) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        start, shrunk = 0, False
        while start < len(data) and time.monotonic() < deadline:
            candidate = data[:start] + data[start + chunk :]
            if run_one(read, candidate, timeout)[0] == found:
                data, shrunk = candidate, True
            else:
                start += chunk
        if not shrunk:
            chunk //= 2
    return data


def _status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def _peak_memory(read: Reader, data: bytes, timeout: float) -> int:
    """The peak memory ``read(data)`` needs, in bytes: the larger of its Python allocations'
    peak (``tracemalloc``) and its resident set's growth, which sees lxml's C allocations but
    not what reuses memory the process already holds. The reader runs in a forked child whose
    high-water mark is reset first; without ``/proc`` only ``tracemalloc`` counts."""
    if not Path("/proc/self/clear_refs").exists():
        return _traced_peak(read, data)
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(readable)
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(int(timeout * 4) + 1)
        growth = -1
        try:
            Path("/proc/self/clear_refs").write_text("5")
            before = _status_kib("VmRSS")
            traced = _traced_peak(read, data)
            growth = max(traced, (_status_kib("VmHWM") - before) * 1024)
        finally:
            os.write(writable, str(growth).encode())
            os._exit(0)
    os.close(writable)
    with os.fdopen(readable, "rb") as answer:
        text = answer.read()
    os.waitpid(child, 0)
    return int(text) if text.strip() else -1


def _traced_peak(read: Reader, data: bytes) -> int:
    tracemalloc.start()
    with contextlib.suppress(Exception):  # only the memory matters here
        read(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _over_time(seconds: float, size: int, per_100kb: float) -> bool:
    """Slower than ``per_100kb`` seconds per 100 KB, counting anything under 100 KB as 100 KB."""
    return seconds > per_100kb * max(size, 100_000) / 100_000


def campaign(
    name: str, read: Reader, pool: list[bytes], all_seeds: list[bytes], args: argparse.Namespace
) -> dict[str, Any]:
    rng = random.Random(f"{args.seed}:{name}")
    smallest: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    slowest: list[tuple[float, int, str]] = []  # a heap of the slowest inputs
    hungriest: list[tuple[int, int, str, int]] = []  # a heap of the growths nearest the bound
    over_memory: list[dict[str, Any]] = []
    executions = measured = 0
    big_ratio: tuple[float, int, int] = (0.0, 0, 0)  # the worst growth per byte of 100 KB up
    largest: tuple[int, int] = (0, 0)  # the peak of the largest input measured
    out = Path(args.out) / name
    started = time.monotonic()
    stop = started + args.minutes * 60
    next_report = started + 30
    result: dict[str, Any] = {}
    while True:
        now = time.monotonic()
        if now >= next_report or now >= stop:
            result = _summary(executions, now - started, smallest, counts, slowest, hungriest)
            result["memory_measured"] = measured
            result["largest_measured"] = {
                "bytes": largest[0],
                "peak_mb": round(largest[1] / 1e6, 1),
            }
            result["worst_growth_per_byte_from_100kb"] = {
                "ratio": round(big_ratio[0], 2),
                "bytes": big_ratio[1],
                "peak_mb": round(big_ratio[2] / 1e6, 1),
            }
            result["memory_over_bound"] = over_memory
            _write_report(args, name, result)
            next_report = now + 30
        if now >= stop:
            break
        data = mutate(rng, rng.choice(pool), all_seeds)
        found, seconds = run_one(read, data, args.timeout)
        executions += 1
        digest = hashlib.sha1(data).hexdigest()[:12]
        if found is not None:
            counts[found] = counts.get(found, 0) + 1
            if found not in smallest:
                print(f"  {name}: new class {found} ({len(data):,} bytes)", flush=True)
            if found not in smallest or len(data) < len(smallest[found]):
                smallest[found] = data
                _save(out / "raw", _class_file(found), data)
        entry = (seconds, len(data), digest)
        if len(slowest) < 5:
            heapq.heappush(slowest, entry)
        elif entry > slowest[0]:
            heapq.heapreplace(slowest, entry)
        if seconds > args.slow or _over_time(seconds, len(data), args.per_100kb):
            _save(out / "slow", digest, data)
        if executions % args.memory_every == 0 or seconds > args.slow:
            growth = _peak_memory(read, data, args.timeout)
            measured += 1
            bound = args.memory_factor * len(data) + args.memory_mb * 1_000_000
            heapq.heappush(hungriest, (growth - bound, len(data), digest, growth))
            if len(hungriest) > 5:
                heapq.heappop(hungriest)
            largest = max(largest, (len(data), growth))
            if len(data) >= 100_000:
                big_ratio = max(big_ratio, (growth / len(data), len(data), growth))
            if growth > bound:
                path = _save(out / "memory", digest, data)
                over_memory.append({"bytes": len(data), "growth": growth, "file": str(path)})
    classes = {}
    for found, data in smallest.items():
        small = shrink(read, data, found, args.timeout, budget=30)
        path = _save(out, _class_file(found), small)
        classes[found] = {"count": counts[found], "smallest": len(small), "file": str(path)}
    result["classes"] = classes
    _write_report(args, name, result)
    return result


def _class_file(found: str) -> str:
    return re.sub(r"[^\w.-]+", "_", found)[:80]


def _summary(
    executions: int,
    seconds: float,
    smallest: dict[str, bytes],
    counts: dict[str, int],
    slowest: list[tuple[float, int, str]],
    hungriest: list[tuple[int, int, str, int]],
) -> dict[str, Any]:
    return {
        "executions": executions,
        "seconds": round(seconds),
        "classes": {f: {"count": counts[f], "smallest": len(d)} for f, d in smallest.items()},
        "slowest": [
            {
                "cpu_seconds": round(s, 3),
                "bytes": n,
                "cpu_seconds_per_100kb": round(s * 100_000 / max(n, 1), 2),
                "input": d,
            }
            for s, n, d in sorted(slowest, reverse=True)
        ],
        "memory_closest_to_bound": [
            {
                "peak_mb": round(growth / 1e6, 1),
                "bytes": n,
                "growth_per_input_byte": round(growth / max(n, 1), 1),
                "input": d,
            }
            for _, n, d, growth in sorted(hungriest, reverse=True)
        ],
    }


def _write_report(args: argparse.Namespace, name: str, result: dict[str, Any]) -> None:
    path = Path(args.out) / name / "report.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2))


def _save(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.bin"
    path.write_bytes(data)
    return path


def table(out: Path) -> str:
    """A Markdown table of the reports under ``out``, one row per reader."""
    rows = [
        "| reader | executions | minutes | classes | slowest input (CPU s, size) "
        "| highest peak beyond 20x input | worst peak / input from 100 KB "
        "| largest input measured: peak | over 20x + 32 MB |",
        "| --- | ---: | ---: | --- | --- | --- | --- | --- | ---: |",
    ]
    for path in sorted(out.glob("*/report.json")):
        report = json.loads(path.read_text())
        slowest = "—"
        if report["slowest"]:
            first = report["slowest"][0]
            slowest = f"{first['cpu_seconds']:.2f} s, {first['bytes'] / 1000:,.0f} KB"
        peak = "no input that large"
        worst = report.get("worst_growth_per_byte_from_100kb") or {}
        if worst.get("bytes"):
            size = worst["bytes"] / 1000
            peak = f"{worst['ratio']:.1f}x ({worst['peak_mb']} MB, {size:,.0f} KB)"
        largest = report.get("largest_measured") or {}
        at_largest = (
            f"{largest['bytes'] / 1000:,.0f} KB: {largest['peak_mb']} MB" if largest else "—"
        )
        nearest = "—"
        if report["memory_closest_to_bound"]:
            first = report["memory_closest_to_bound"][0]
            nearest = f"{first['peak_mb']} MB, {first['bytes'] / 1000:,.0f} KB"
        classes = ", ".join(report["classes"]) or "none"
        rows.append(
            f"| {path.parent.name} | {report['executions']:,} | {report['seconds'] / 60:.1f} "
            f"| {classes} | {slowest} | {nearest} | {peak} | {at_largest} "
            f"| {len(report['memory_over_bound'])} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="per reader")
    parser.add_argument("--readers", help="comma-separated names (default: every reader)")
    parser.add_argument("--out", default="fuzz-findings", help="where reproducers go")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--timeout", type=float, default=20.0, help="CPU seconds before a hang")
    parser.add_argument(
        "--slow", type=float, default=2.0, help="CPU seconds worth saving the input"
    )
    parser.add_argument(
        "--per-100kb", type=float, default=2.0, help="CPU seconds per 100 KB that make an outlier"
    )
    parser.add_argument("--memory-every", type=int, default=50, help="measure memory every N")
    parser.add_argument(
        "--memory-factor", type=float, default=20.0, help="allowed growth per input byte"
    )
    parser.add_argument(
        "--memory-mb", type=float, default=32.0, help="allowed growth on top, in MB"
    )
    parser.add_argument(
        "--table", action="store_true", help="print the reports under --out as a table and stop"
    )
    args = parser.parse_args(argv)
    if args.table:
        print(table(Path(args.out)))
        return 0
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    signal.signal(signal.SIGPROF, _alarm)
    available = readers()
    names = args.readers.split(",") if args.readers else list(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        parser.error(f"unknown readers: {', '.join(unknown)}; known: {', '.join(available)}")
    pools = seeds(list(available), Path(args.shared))
    # Splices draw from every reader's seeds: a feed with a NewsML-G2 item's tail in it.
    everything = list({seed: None for pool in pools.values() for seed in pool})
    report: dict[str, Any] = {}
    for name in names:
        print(f"{name}: {len(pools[name])} seeds, {args.minutes:g} min", flush=True)
        report[name] = result = campaign(name, available[name], pools[name], everything, args)
        print(
            f"{name}: {result['executions']:,} executions, {len(result['classes'])} classes",
            flush=True,
        )
        Path(args.out).mkdir(parents=True, exist_ok=True)
        (Path(args.out) / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 1 if any(r["classes"] for r in report.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
