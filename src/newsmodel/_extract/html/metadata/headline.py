"""The headline when no structured source gives one: the page's titles without the site's name,
and the ``<h1>`` nearest the article's prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml import etree

from ..index import element_text
from .fields import _H1_REACH, _compact, _Fields, _Page
from .tags import _META_HEADLINE, _meta

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014·•»:]|::|-{1,2})\s+")
#: A paragraph at least this long is article prose, not a caption, a label or a teaser.
_PROSE_CHARS = 80
#: Second-level domains under which a site's name is the label before them ("bbc.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})


def _site_keys(names: Iterable[str], url: str | None) -> frozenset[str]:
    """The compacted forms under which a page's title may carry its site's name.

    They are the declared site names (``og:site_name``, ``application-name``, the
    publisher), each part of a site name that is itself a list ("Autoracing | F1 | Indy"),
    and the page's domain, whole ("livescience.com") and as its name label ("livescience").
    """
    keys: set[str] = set()
    for name in names:
        keys.add(_compact(name))
        keys.update(_compact(part) for part in _TITLE_SEPARATORS.split(name))
    host = ""
    if url and "://" in url:
        try:
            host = (urlsplit(url).hostname or "").removeprefix("www.")
        except ValueError:  # a malformed address names no site
            host = ""
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 2:
        keys.add(_compact(host))
        name = labels[-2]
        if name in _SECOND_LEVEL and len(labels) >= 3:
            name = labels[-3]
        keys.add(_compact(name))
    keys.discard("")
    return frozenset(keys)


def _without_site(
    title: str | None, keys: frozenset[str], witnesses: Iterable[str], printed: Iterable[str]
) -> str | None:
    """A title (``<title>``, ``og:title``) without the site name and sections around it.

    The title is split at its separators (`` | ``, `` - ``, `` – ``, `` — ``, `` :: ``…).
    Parts that name the site are dropped from either end; when one part is left, it is the
    headline. Otherwise the shortest run of parts that another source gives as a whole is
    taken (another title, ``witnesses``, unless it merely repeats this one; or an ``<h1>``,
    ``printed``, which may print the whole title), else the longest part when it reads as a
    headline, else the title as written.
    """
    if not title:
        return None
    title = _without_site_prefix(title, keys)
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    bounds = [0]
    for match in separators:
        bounds += [match.start(), match.end()]
    bounds.append(len(title))
    spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    spans = [(a, b) for a, b in spans if title[a:b].strip()]
    lo, hi = 0, len(spans)
    while hi - lo > 1 and _compact(title[slice(*spans[hi - 1])]) in keys:
        hi -= 1
    while hi - lo > 1 and _compact(title[slice(*spans[lo])]) in keys:
        lo += 1
    spans = spans[lo:hi]
    if len(spans) == 1:
        return title[slice(*spans[0])].strip()
    known = {_compact(text) for text in witnesses if text} - {_compact(title)}
    known.update(_compact(text) for text in printed)
    # Runs of at most a few parts: a headline with its site and sections has a handful, and
    # trying every run of a title with hundreds of separators would take cubic time.
    for size in range(1, min(len(spans), _LONGEST_TITLE_RUN) + 1):
        for first in range(len(spans) - size + 1):
            text = title[spans[first][0] : spans[first + size - 1][1]].strip()
            if _compact(text) in known:
                return text
    rest = [title[a:b].strip() for a, b in spans if _compact(title[a:b]) not in keys]
    best = max(rest or [title], key=len)
    return best if len(best) >= 15 else title


def _without_site_prefix(title: str, keys: frozenset[str]) -> str:
    """A title without a site name that opens it before a colon or a space only
    ("Example Blog: Headline", "example.com Headline"), which the separators miss."""
    for match in _PREFIX_END.finditer(title, 0, _LONGEST_SITE_PREFIX):
        rest = title[match.end() :]
        if _compact(title[: match.start()]) in keys and _HEADLINE_WORD.search(rest):
            return rest
    return title


_PREFIX_END = re.compile(r":?\s+(?![|\u2013\u2014·•»:\-])")
_LONGEST_SITE_PREFIX = 60

#: Most title parts :func:`_without_site` joins when it looks for a headline among them.
_LONGEST_TITLE_RUN = 8


def _prose_distance(el: etree._Element) -> int | None:
    """How many levels above an element its nearest ancestor holding article prose is.

    ``None`` when none is within reach: an ``<h1>`` in a site header or a navigation menu
    sits far from the article's paragraphs, the article's own heading right beside them.
    """
    ancestor = el.getparent()
    for level in range(1, _H1_REACH + 1):
        if ancestor is None:
            return None
        for paragraph in ancestor.iter("p"):
            if len(element_text(paragraph).strip()) >= _PROSE_CHARS:
                return level
        ancestor = ancestor.getparent()
    return None


def _body_h1(page: _Page, keys: frozenset[str]) -> str | None:
    """The ``<h1>`` nearest the article's prose, unless it only names the site."""
    best: tuple[int, str] | None = None
    for el, text in page.h1_elements:
        if _compact(text) in keys:
            continue
        distance = _prose_distance(el)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, text)
    return best[1] if best else None


_HEADLINE_WORD = re.compile(r"\w{4,}")
_LETTER_WORD = re.compile(r"[^\W\d_]{4,}")


def _decorated(heading: str, title: str) -> bool:
    """Whether a heading is the title with only a date or short tokens around it
    ("Dec 18 2025 Title"): the title is then the headline, the rest is furniture."""
    folded, wanted = heading.casefold(), title.casefold()
    at = folded.find(wanted)
    if at < 0:
        return False
    return _LETTER_WORD.search(folded[:at] + " " + folded[at + len(wanted) :]) is None


def _same_story(a: str, b: str) -> bool:
    """Whether two titles share a word of four letters or more (so are about one story)."""
    words = set(_HEADLINE_WORD.findall(a.casefold()))
    return any(word in words for word in _HEADLINE_WORD.findall(b.casefold()))


def _unstructured_headline(
    page: _Page,
    og: _Fields,
    plain: _Fields,
    markup: _Fields,
    site_names: Iterable[str],
    url: str | None,
) -> str | None:
    """The headline when neither JSON-LD nor microdata gives one.

    The ``<title>`` (the site's name removed) is the best witness: OpenGraph titles are often
    rewritten for social media, and the first ``<h1>`` is sometimes a section or site name.
    When ``og:title`` only repeats the ``<title>``, though, the two are one SEO title set once,
    and an ``<h1>`` beside the article's prose that differs from it but tells the same story
    is the headline the article is printed under.
    """
    keys = _site_keys(site_names, url)
    headings = [text for _, text in page.h1_elements]
    twitter = page.meta.get("twitter:title", [])
    others = [*(h for h in (og.headline,) if h), *twitter, *_meta(page, _META_HEADLINE[2:])]
    title = _without_site(page.title, keys, others, headings)
    social = _without_site(og.headline, keys, [title] if title else [], headings)
    if title:
        printed = {_compact(text) for text in headings}
        if social and _compact(social) == _compact(title) and _compact(title) not in printed:
            body_h1 = _body_h1(page, keys)
            if (
                body_h1
                and _compact(body_h1) != _compact(title)
                and not _decorated(body_h1, title)
                and _same_story(body_h1, title)
            ):
                return body_h1
        return title
    body_h1 = _body_h1(page, keys)
    first_h1 = page.h1[0] if page.h1 else None
    return markup.headline or body_h1 or first_h1 or social or plain.headline
