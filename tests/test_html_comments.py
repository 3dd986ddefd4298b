"""Comment sections in markup other than classic WordPress's."""

from __future__ import annotations

import datetime as dt
import warnings

from newsmodel import Article, Comment, html

PROSE = "<p>" + " ".join(["The council voted to reopen the bridge after three years."] * 5) + "</p>"
URL = "https://news.example/2026/bridge"


def parse(comments: str) -> Article:
    text = (
        "<html lang='en'><head><title>Bridge reopens</title></head><body><article>"
        f"<h1>Bridge reopens</h1>{PROSE}{PROSE}</article>{comments}</body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return html.parse(text, url=URL)


def tree(comments: tuple[Comment, ...]) -> list[tuple[str | None, str, list[object]]]:
    return [(c.author, c.text, tree(c.replies)) for c in comments]


WORDPRESS_COM = """<div id="comments" class="comments-area"><ol class="comment-list">
<li id="li-comment-1" class="comment even thread-even depth-1 parent">
 <article id="comment-1" class="comment">
  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b>
  <span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-1">
  <time datetime="2026-01-02T10:00:00+00:00">January 2</time></a></div></footer>
  <div class="comment-content"><p>Finally open again.</p></div>
 </article>
 <ul class="children"><li id="li-comment-2" class="comment odd depth-2">
  <article id="comment-2" class="comment"><footer class="comment-meta">
  <div class="comment-author vcard"><b class="fn">Bob</b></div><div class="comment-metadata">
  <a href="#comment-2"><time datetime="2026-01-02T11:00:00+00:00">January 2</time></a></div>
  </footer><div class="comment-content"><p>About time.</p></div></article></li></ul>
</li>
<li id="comment-3" class="pingback even thread-odd depth-1"><div class="comment-body">
Pingback: <a href="https://other.example/post">A blog that linked here</a></div></li>
<li id="comment-4" class="trackback odd depth-1"><div class="comment-body">
Trackback: <a href="https://third.example/">Another site</a></div></li>
</ol></div>"""


def test_wordpress_com_article_wrapped_comments_keep_their_nesting() -> None:
    """Each list item wrapping its comment in an ``<article>`` keeps author, text and replies."""
    thread = parse(WORDPRESS_COM).comments
    assert thread is not None
    assert tree(thread.comments) == [("Ann", "Finally open again.", [("Bob", "About time.", [])])]
    first = thread.comments[0]
    assert first.published == dt.datetime(2026, 1, 2, 10, tzinfo=dt.timezone.utc)


def test_pingbacks_and_trackbacks_are_not_comments() -> None:
    """Link notices from other sites are left out of the thread."""
    thread = parse(WORDPRESS_COM).comments
    assert thread is not None
    assert thread.loaded == 2
    assert "Pingback" not in str(tree(thread.comments))


def test_comment_permalinks_are_absolute() -> None:
    """``#comment-1`` becomes an address on the page's URL."""
    thread = parse(WORDPRESS_COM).comments
    assert thread is not None
    assert thread.comments[0].url == URL + "#comment-1"
    assert thread.comments[0].replies[0].url == URL + "#comment-2"


def test_numbered_list_of_comment_articles_with_headers() -> None:
    """A "discussion" section with an ``<ol>`` of ``<article>``s, the author and a ``<time>``
    in each header, replies in child lists, is read as a thread."""
    markup = """<section class="discussion"><h2>Comments (3)</h2><ol>
<li><article><header><a href="/u/ann">Ann Lee</a> <time datetime="2026-01-02T10:00:00Z">2 Jan
</time></header><p>I agree with this entirely.</p></article>
 <ol><li><article><header><a href="/u/bob">Bob Roe</a>
 <time datetime="2026-01-02T12:00:00Z">2 Jan</time></header><p>Me too, Ann.</p></article>
 </li></ol></li>
<li><article><header><strong>Cy</strong> <time datetime="2026-01-03T09:00:00Z">3 Jan</time>
</header><p>Not convinced.</p></article></li>
</ol></section>"""
    thread = parse(markup).comments
    assert thread is not None
    assert tree(thread.comments) == [
        ("Ann Lee", "I agree with this entirely.", [("Bob Roe", "Me too, Ann.", [])]),
        ("Cy", "Not convinced.", []),
    ]
    assert thread.comments[1].published == dt.datetime(2026, 1, 3, 9, tzinfo=dt.timezone.utc)
