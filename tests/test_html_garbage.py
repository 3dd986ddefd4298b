"""Reading a page leaves no reference cycles: what a parse builds is freed by reference counting
as soon as it is dropped, rather than piling up for Python's cyclic garbage collector (whose
passes over it cost a batch run of many pages time and memory)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from newsmodel import NotAnArticleError, html

PROSE = (
    "The city council voted on Tuesday to reopen the old river bridge to cyclists and"
    " pedestrians, ending a closure that had lasted almost three years."
)

ARTICLE = f"""<!DOCTYPE html><html lang="en"><head><title>Bridge reopens</title></head>
<body><nav><ul><li><a href="/">Home</a></li></ul></nav>
<aside class="sidebar"><p>{PROSE}</p></aside>
<article><h1>Bridge reopens</h1>
<div class="byline">By <a href="https://example.com/ann">Ann Lee</a><br>City desk</div>
<div class="article-body"><div class="text-module"><p>{PROSE}</p><p>{PROSE}</p></div>
<div class="text-module"><p>{PROSE}</p><blockquote><p>“It is open,” the mayor said.</p>
</blockquote></div><ul><li>One</li><li>Two</li></ul></div></article>
<div class="comments"><p>A reader’s comment on the bridge.</p></div>
<footer><p>Copyright The Daily Example.</p></footer></body></html>"""

NOT_AN_ARTICLE = """<!DOCTYPE html><html><head><title>Home</title></head><body>
<ul><li><a href="/a">One story</a></li><li><a href="/b">Another story</a></li></ul>
</body></html>"""


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The garbage collector stopped, so that every cycle made is still there to count."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _refused() -> None:
    try:
        html.parse(NOT_AN_ARTICLE)
    except NotAnArticleError:
        pass
    else:
        raise AssertionError("the page of links was taken for an article")


@pytest.mark.usefixtures("collector_off")
@pytest.mark.parametrize(
    "read", [lambda: html.parse(ARTICLE), _refused], ids=["article", "refused page"]
)
def test_a_parse_leaves_nothing_for_the_garbage_collector(read: Callable[[], object]) -> None:
    """Once its result is dropped, a parse (an article read in full, or a page refused as not
    an article) has left no unreachable objects behind."""
    read()  # (first use: lazily built tables and caches fill here)
    gc.collect()
    read()
    assert gc.collect() == 0
