"""Main-content extraction from an HTML tree: the article's body as structured blocks.

The page is read once into a light tree of block nodes and inline text runs (scripts, styles,
templates, forms' controls and hidden elements never enter it). Each node carries how much text
it holds, how much of it is link text, and how much sits in "good" runs: runs long enough and
link-poor enough to read like running prose outside any boilerplate-named region. The
container whose good text most outweighs its other text is the article; inside it, regions
named like boilerplate (share bars, related links, newsletter boxes…), link-dense regions and
lone boilerplate lines are left out, and the rest becomes paragraphs, headings, block quotes,
lists and figures, with inline links kept as stand-off spans.

No rule here names a site: the signals are text length, link density, the usual vocabulary of
class and id names, and the HTML element types.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from ..._model import (
    Block,
    BlockQuote,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    block_texts,
)
from .index import Named, PageIndex, element_text, is_markup

__all__ = ["ContentTree", "extract_body", "is_hidden"]

#: Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "button", "input", "select", "textarea", "option", "label", "nav", "dialog",
        "map", "audio", "video", "source", "track", "link", "meta", "head", "title", "menu",
        "aside", "footer", "form_control", "picture_source", "fieldset", "legend", "datalist",
        "output", "progress", "meter", "base", "param", "area", "frame", "frameset", "noframes",
        "applet",
    }
)  # fmt: skip

#: Skipped elements whose content holds no class or id worth listing.
_NO_NAMES_TAGS = frozenset({"script", "style", "svg", "math", "head", "noscript", "template"})

#: Elements that start a new block of text.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", "form", "caption", "img", "picture",
    }
)  # fmt: skip

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SPLIT_NAME = re.compile(r"[\s_\-:/.]+|(?<=[a-z])(?=[A-Z])")

#: Class and id words of regions that are not the article's text.
_NEGATIVE_WORDS = frozenset(
    {
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "dfp", "gpt",
        "sponsor", "sponsored", "promo", "promotion", "promoted", "outbrain", "taboola",
        "share", "sharing", "shares", "sharebar", "social", "socials", "sociallinks",
        "related", "recommended", "recommendations", "recirc", "recirculation", "more",
        "newsletter", "newsletters", "subscribe", "subscription", "signup",
        "comment", "comments", "disqus", "respond", "reply",
        "cookie", "cookies", "consent", "gdpr", "banner", "popup", "modal", "overlay",
        "sidebar", "widget", "widgets", "rail", "footer", "masthead", "nav", "navbar",
        "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager",
        "byline", "bylines", "author", "authors", "dateline", "timestamp", "date", "time",
        "published", "updated", "meta", "tags", "tag", "keywords", "topics", "categories",
        "trending", "popular", "mostread", "toolbar", "tools", "print", "skip", "elementhidden",
        "sronly", "visuallyhidden", "offscreen", "teaser", "teasers", "headline", "title",
        "kicker", "eyebrow", "bio", "follow", "login", "signin", "donate", "feedback",
        "caption", "credit", "podcast", "gallery",
        "carousel", "slideshow", "ribbon", "alert", "notice", "disclaimer", "copyright",
        "newsletterbox", "inline", "callout", "aside", "box", "card", "cards", "list",
        "links", "linklist", "headlines", "storylist", "feed",
    }
)  # fmt: skip

#: Negative words that outweigh any positive word beside them ("comment-body").
_STRONG_NEGATIVE_WORDS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "outbrain",
        "taboola", "share", "sharing", "social", "related", "recommended", "recirc",
        "newsletter", "subscribe", "comment", "comments", "disqus", "respond", "reply",
        "cookie", "cookies", "consent", "popup", "modal", "teaser", "teasers", "byline",
        "bylines", "author", "authors", "dateline", "timestamp", "date", "time", "published",
        "updated", "meta", "tags", "caption", "credit",
    }
)  # fmt: skip

#: Class and id words of regions that usually hold the article's text.
_POSITIVE_WORDS = frozenset(
    {
        "article", "articlebody", "body", "content", "entry", "main", "post", "story",
        "storybody", "text", "prose", "richtext", "blog", "permalink", "page",
    }
)  # fmt: skip

#: Compound names that mark an article body outright ("article-body", "entry-content"…).
_BODY_NAME = re.compile(
    r"(?:article|story|entry|post|news|main)[-_ ]?(?:body|content|text)"
    r"|(?:body|content)[-_ ]?(?:article|story|text)"
    r"|articlebody|storybody|rich[-_]?text",
    re.IGNORECASE,
)

#: Lines that are page furniture wherever they appear, matched against the whole line.
_BOILERPLATE_LINE = re.compile(
    r"^\W*(?:advertisement|advertising|advert|anzeige|publicidade|publicité|реклама|ad|sponsored"
    r"|don'?t miss|must read|you (?:may|might) also like|also read|see also|watch|listen"
    r"|story continues(?: below)?(?: advertisement)?|continue reading(?: below)?"
    r"|read more|see more|show more|load more|read next|more on this|related|related articles?"
    r"|recommended|share(?: this)?(?: article| story)?|share on \w+|tweet|email|print"
    r"|comments?|\d+ comments?|leave a comment|sign up|subscribe(?: now)?|follow us"
    r"|click here|skip to content|back to top|image|photo|video|close|menu)\W*$",
    re.IGNORECASE,
)

_ABSOLUTE_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^#")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_CREDIT_NAME = re.compile(r"credit|copyright|source|byline|author|photographer", re.I)
_CAPTION_NAME = re.compile(r"caption", re.I)
_MEDIA_NAME = re.compile(r"photo|image|img|picture|media|figure|caption", re.I)
#: A box with an image and more text than this is not a figure with its caption.
_MAX_CAPTION_CHARS = 300

#: A run needs this many characters to count as prose when choosing the container.
_MIN_GOOD_RUN = 30
#: A run whose link text exceeds this share of its text is navigation, not prose.
_MAX_GOOD_LINK_DENSITY = 0.3
#: How much good text counts by how deep below a candidate container it sits: an article's
#: paragraphs are its children or grandchildren, while a page's teaser cards each hold one
#: paragraph deep inside their own wrappers, so that a far ancestor does not win by summing
#: a whole feed of them.
_DEPTH_WEIGHTS = (1.0, 1.0, 1.0, 0.8, 0.6, 0.45, 0.35)
#: How much other text costs against good text when choosing the container.
_OTHER_TEXT_COST = 0.3


@lru_cache(maxsize=4096)
def _name_hints(name: str) -> tuple[bool, bool, bool]:
    """Negative, positive and article-body hints of a class or id value."""
    words = {w.lower() for w in _SPLIT_NAME.split(name) if w}
    compact = {w.replace("-", "") for w in name.lower().split()}
    body = bool(_BODY_NAME.search(name))
    positive = body or bool(words & _POSITIVE_WORDS)
    found = words & _NEGATIVE_WORDS or compact & _NEGATIVE_WORDS
    # "content-with-sidebar" is content; "comment-content" is still a comment.
    negative = not body and bool(found) and (not positive or bool(found & _STRONG_NEGATIVE_WORDS))
    return negative, positive, body


def is_hidden(el: etree._Element) -> bool:
    """Whether an element is hidden from readers by its attributes."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


class _Run:
    """Inline content between two block boundaries: text pieces with their link targets."""

    __slots__ = ("chars", "link_chars", "pieces")

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str | None]] = []
        self.chars = 0
        self.link_chars = 0

    def add(self, text: str, href: str | None) -> None:
        self.pieces.append((text, href))
        n = len(text.strip())
        self.chars += n
        if href is not None:
            self.link_chars += n


class _Node:
    """A block element with its content in reading order and its text statistics."""

    __slots__ = (
        "body", "chars", "el", "good", "items", "levels", "link_chars", "negative", "positive",
        "shadow", "tag",
    )  # fmt: skip

    def __init__(self, el: etree._Element, tag: str) -> None:
        self.el = el
        self.tag = tag
        self.items: list[_Node | _Run] = []
        self.negative = False
        self.positive = False
        self.body = False
        self.shadow = False
        self.chars = 0
        self.link_chars = 0
        self.good = 0
        #: Good characters by depth below this node (the last entry: all deeper ones).
        self.levels = [0] * len(_DEPTH_WEIGHTS)


class _Builder:
    """Reads an lxml tree once into :class:`_Node` and :class:`_Run` objects.

    On the way it lists every element with a ``class`` or ``id`` (skipped regions included),
    so that the metadata and comment readers need not walk the tree again.
    """

    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self.named: list[Named] = []

    def build(self, root: etree._Element) -> _Node:
        node = _Node(root, _tag(root))
        self._name(root)
        self._fill(node, root)
        return node

    def _name(self, el: etree._Element) -> tuple[str | None, str | None]:
        classes, ident = el.get("class"), el.get("id")
        if classes or ident:
            self.named.append(Named(el, (classes or "").lower(), (ident or "").lower()))
        return classes, ident

    def _name_all(self, el: etree._Element) -> None:
        """List the named elements of a region that is skipped for its text."""
        for sub in el.iterdescendants():
            if is_markup(sub):
                self._name(sub)

    def _fill(self, node: _Node, el: etree._Element) -> None:
        run = self._inline(node, el, _Run(), None)
        self._close(node, run)
        self.nodes.append(node)

    def _close(self, node: _Node, run: _Run) -> _Run:
        if run.chars:
            node.items.append(run)
            node.chars += run.chars
            node.link_chars += run.link_chars
            if run.chars >= _MIN_GOOD_RUN and run.link_chars <= _MAX_GOOD_LINK_DENSITY * run.chars:
                node.good += run.chars
                node.levels[0] += run.chars
            return _Run()
        return run

    def _inline(self, node: _Node, el: etree._Element, run: _Run, href: str | None) -> _Run:
        """Add ``el``'s content to ``run`` and new child nodes to ``node``; return the open run."""
        if el.text:
            run.add(el.text, href)
        for child in el:
            if not is_markup(child):
                # Comments and processing instructions: only their tail is text.
                if child.tail:
                    run.add(child.tail, href)
                continue
            # The HTML parser gives lower-case tags without namespaces.
            tag = child.tag
            classes, ident = self._name(child)
            if tag in _SKIP_TAGS or is_hidden(child):
                if len(child) and tag not in _NO_NAMES_TAGS:
                    self._name_all(child)
            elif tag in _BLOCK_TAGS:
                run = self._close(node, run)
                sub = _Node(child, tag)
                self._hint(sub, child, classes, ident)
                sub.shadow = node.shadow or (sub.negative and not sub.body)
                self._fill(sub, child)
                node.items.append(sub)
                node.chars += sub.chars
                node.link_chars += sub.link_chars
                # A boilerplate-named region's prose does not make its parent the article.
                if not sub.negative or sub.body:
                    node.good += sub.good
                    levels, below = node.levels, sub.levels
                    for depth in range(1, len(levels)):
                        levels[depth] += below[depth - 1]
                    levels[-1] += below[-1]
            elif tag == "br":
                run.add("\n", href)
            else:
                child_href = href
                if tag == "a" and href is None:
                    child_href = (child.get("href") or "").strip() or "#"
                run = self._inline(node, child, run, child_href)
            if child.tail:
                run.add(child.tail, href)
        return run

    @staticmethod
    def _hint(node: _Node, el: etree._Element, classes: str | None, ident: str | None) -> None:
        for value in (classes, ident):
            if value:
                negative, positive, body = _name_hints(value)
                node.negative = node.negative or negative
                node.positive = node.positive or positive
                node.body = node.body or body
        if el.get("itemprop") == "articleBody":
            node.body = True
            node.positive = True
            node.negative = False
        if node.tag in ("article", "main"):
            node.positive = True
        elif node.tag == "header":
            node.negative = True


def _tag(el: etree._Element) -> str:
    if not is_markup(el):
        return ""
    tag = el.tag
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _score(node: _Node) -> float:
    near = sum(weight * chars for weight, chars in zip(_DEPTH_WEIGHTS, node.levels, strict=True))
    score = near - _OTHER_TEXT_COST * (node.chars - node.good)
    if node.shadow:
        # Inside a comment section, a related-stories box…: a candidate of last resort.
        score *= 0.2
    if node.body:
        score *= 1.25
    elif node.positive:
        score *= 1.05
    return score


def _choose(nodes: list[_Node], *, short: bool) -> _Node | None:
    best: _Node | None = None
    best_score = 0.0
    for node in nodes:
        if node.good <= 0:
            continue
        score = _score(node)
        if score > best_score:
            best, best_score = node, score
    if best is None and short:
        # No run is long enough to read as prose: the deepest container of the most non-link
        # text outside boilerplate regions (nodes come children first).
        for node in nodes:
            score = node.chars - node.link_chars
            if not node.shadow and not node.negative and score > best_score:
                best, best_score = node, score
    return best


# --- emitting blocks ---------------------------------------------------------------------------


def _assemble(pieces: list[tuple[str, str | None]]) -> tuple[str, tuple[Link, ...]]:
    """Join inline pieces into one whitespace-normalised text with link spans into it."""
    parts: list[str] = []
    links: list[Link] = []
    length = 0
    space = True  # at the start, leading white space is dropped
    for raw, href in pieces:
        text = _WS.sub(" ", raw)
        if space:
            text = text.lstrip(" ")
        if not text:
            continue
        start = length + (1 if text.startswith(" ") else 0)
        parts.append(text)
        length += len(text)
        space = text.endswith(" ")
        end = length - (1 if space else 0)
        if href is not None and href != "#" and end > start:
            if links and links[-1].url == href and links[-1].end >= start - 1:
                start = links.pop().start
            links.append(Link(start=start, end=end, url=href))
    joined = "".join(parts)
    stripped = joined.rstrip(" ")
    if len(stripped) < len(joined):
        cut = len(stripped)
        links = [
            Link(start=link.start, end=min(link.end, cut), url=link.url)
            for link in links
            if link.start < cut
        ]
    return stripped, tuple(links)


def _flat_pieces(node: _Node) -> Iterator[tuple[str, str | None]]:
    for item in node.items:
        if isinstance(item, _Run):
            yield from item.pieces
        else:
            yield (" ", None)
            yield from _flat_pieces(item)
            yield (" ", None)


def _flat_text(node: _Node) -> str:
    return _WS.sub(" ", "".join(text for text, _ in _flat_pieces(node))).strip()


def _is_boilerplate_line(text: str) -> bool:
    return len(text) < 60 and _BOILERPLATE_LINE.match(text) is not None


def _link_dense(chars: int, link_chars: int, limit: float) -> bool:
    return chars > 0 and link_chars > limit * chars


class _Emitter:
    """Turns the chosen container's nodes into model blocks."""

    def __init__(self, base_url: str | None, skip_texts: frozenset[str]) -> None:
        self.blocks: list[Block] = []
        self.base_url = base_url
        self.skip_texts = skip_texts

    def _absolute(self, url: str) -> str:
        if self.base_url is None or _ABSOLUTE_URL.match(url):
            return url
        return urljoin(self.base_url, url)

    def emit(self, node: _Node) -> None:
        for item in node.items:
            if isinstance(item, _Run):
                self._paragraph(item.pieces, item.chars, item.link_chars)
            else:
                self._node(item)

    def _paragraph(self, pieces: list[tuple[str, str | None]], chars: int, links: int) -> None:
        if _link_dense(chars, links, 0.5):
            return
        text, spans = _assemble(pieces)
        if not text or _is_boilerplate_line(text) or text in self.skip_texts:
            return
        if not _WORD.search(text):
            return
        if self.base_url is not None:
            spans = tuple(
                Link(start=link.start, end=link.end, url=self._absolute(link.url)) for link in spans
            )
        self.blocks.append(Paragraph(text=text, links=spans))

    def _node(self, node: _Node) -> None:
        if node.negative and not node.body:
            if node.tag == "figure":
                self._figure(node)
            return
        tag = node.tag
        if tag in ("figure", "img", "picture") or self._is_media_box(node):
            self._figure(node)
            return
        if node.chars == 0:
            return
        if _link_dense(node.chars, node.link_chars, 0.5):
            return
        if tag in _HEADINGS:
            text = _flat_text(node)
            if text and text not in self.skip_texts and not _is_boilerplate_line(text):
                self.blocks.append(Heading(text=text, level=_HEADINGS[tag]))
        elif tag == "blockquote":
            paragraphs = self._texts(node)
            if paragraphs:
                self.blocks.append(BlockQuote(paragraphs=paragraphs, cite=node.el.get("cite")))
        elif tag in ("ul", "ol"):
            items = self._list_items(node)
            if items:
                self.blocks.append(ListBlock(items=items, ordered=tag == "ol"))
        elif tag == "tr":
            cells = [t for t in (_flat_text(c) for c in node.items if isinstance(c, _Node)) if t]
            if cells:
                self.blocks.append(Paragraph(text=" ".join(cells)))
        else:
            self.emit(node)

    @staticmethod
    def _is_media_box(node: _Node) -> bool:
        """A ``<div class="photo">``-like box: an image with at most a caption's worth of text."""
        if node.chars > _MAX_CAPTION_CHARS:
            return False
        names = f"{node.el.get('class') or ''} {node.el.get('id') or ''}"
        return _MEDIA_NAME.search(names) is not None and next(node.el.iter("img"), None) is not None

    def _texts(self, node: _Node) -> tuple[str, ...]:
        sub = _Emitter(self.base_url, self.skip_texts)
        sub.emit(node)
        return tuple(text for block in sub.blocks for text in block_texts(block))

    def _list_items(self, node: _Node) -> tuple[str, ...]:
        items: list[str] = []
        for item in node.items:
            if isinstance(item, _Node):
                if item.negative or _link_dense(item.chars, item.link_chars, 0.5):
                    continue
                text = _flat_text(item)
            else:
                text = _assemble(item.pieces)[0]
            if text and not _is_boilerplate_line(text):
                items.append(text)
        return tuple(items)

    def _figure(self, node: _Node) -> None:
        img = node.el if node.tag == "img" else next(node.el.iter("img"), None)
        if img is None:
            return
        url = _image_url(img)
        if url is None:
            return
        url = self._absolute(url)
        caption, credit = _caption_and_credit(node.el)
        alt = (img.get("alt") or "").strip() or None
        self.blocks.append(Figure(image=Image(url=url, caption=caption, credit=credit, alt=alt)))


def _caption_and_credit(figure: etree._Element) -> tuple[str | None, str | None]:
    """A figure's caption and its credit, the credit taken out of the caption."""
    caption: str | None = None
    credit: str | None = None
    for el in figure.iter():
        if el is figure or not is_markup(el):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if credit is None and _CREDIT_NAME.search(names):
            credit = _WS.sub(" ", element_text(el)).strip() or None
        elif caption is None and (el.tag == "figcaption" or _CAPTION_NAME.search(names)):
            caption = _WS.sub(" ", element_text(el)).strip() or None
    if caption and credit:
        caption = _WS.sub(" ", caption.replace(credit, " ")).strip() or None
    return caption, credit


def _image_url(img: etree._Element) -> str | None:
    for attr in ("src", "data-src", "data-original", "data-lazy-src", "data-url"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
    if srcset:
        return srcset.split(",")[0].split()[0]
    return None


class ContentTree:
    """A page read once for its text; :meth:`blocks` then extracts the article's body.

    Building it also lists the page's elements with a ``class`` or ``id`` into the
    :class:`~newsmodel._extract.html.index.PageIndex` given, for the other readers.
    """

    def __init__(self, root: etree._Element, elements: PageIndex | None = None) -> None:
        builder = _Builder()
        builder.build(root)
        self._nodes = builder.nodes
        if elements is not None:
            elements.named = tuple(builder.named)

    def blocks(
        self,
        *,
        skip_texts: frozenset[str] = frozenset(),
        base_url: str | None = None,
        short: bool = False,
    ) -> tuple[Block, ...]:
        """The main content as blocks; empty when no part of the page reads like prose.

        Args:
            skip_texts: Texts to leave out wherever they stand alone, such as the headline.
            base_url: The page's address, against which relative link and image URLs are
                resolved; they are kept as written when it is ``None``.
            short: Whether the article may be too short to hold a run of prose (the page
                says it is an article); its text is then looked for even without one.

        Returns:
            The article's blocks in reading order.
        """
        container = _choose(self._nodes, short=short)
        if container is None:
            return ()
        # The container's own negative name (and those of its ancestors) is not held against
        # it: it was chosen for its text.
        container.negative = False
        container.body = True
        emitter = _Emitter(base_url, skip_texts)
        emitter._node(container)
        return tuple(emitter.blocks)


def extract_body(
    root: etree._Element,
    *,
    skip_texts: frozenset[str] = frozenset(),
    base_url: str | None = None,
    short: bool = False,
) -> tuple[Block, ...]:
    """The main content of a page as blocks; empty when no part of it reads like prose.

    Args:
        root: The parsed page (the ``html`` element).
        skip_texts: Texts to leave out wherever they stand alone, such as the headline.
        base_url: The page's address, against which relative link and image URLs are
            resolved; they are kept as written when it is ``None``.
        short: Whether the article may be too short to hold a run of prose (the page says it
            is an article); its text is then looked for even without one.

    Returns:
        The article's blocks in reading order.
    """
    return ContentTree(root).blocks(skip_texts=skip_texts, base_url=base_url, short=short)
