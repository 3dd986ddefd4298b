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
from collections.abc import Container, Iterable
from operator import mul

from lxml import etree

from ..._model import Block
from .blocks import _Emitter
from .index import BY_LINE_TAGS, METADATA_TAGS, PageIndex, is_markup, opens_byline
from .names import name_hints
from .tree import _DEPTH_WEIGHTS, _Node, _Run

__all__ = ["ContentTree", "is_hidden"]


#: Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "input", "select", "textarea", "option", "map", "audio", "video", "source",
        "track", "link", "meta", "head", "title", "legend", "datalist", "output", "progress",
        "meter", "base", "param", "area", "frame", "frameset", "noframes", "applet",
    }
)  # fmt: skip

#: Elements whose content is page furniture, unless markup repair has moved the article into
#: one (an unclosed ``<button>`` or ``<nav>`` swallows the rest of the page; old blogs wrap
#: posts in a ``<fieldset>``). Their text never counts for the container around them, but
#: each that holds a paragraph stays a candidate of last resort.
_FURNITURE_TAGS = frozenset(
    {"nav", "aside", "footer", "button", "label", "menu", "dialog", "fieldset"}
)

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
_DIGITS = re.compile(r"\d+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A run needs this many characters to count as prose when choosing the container.
_MIN_GOOD_RUN = 30
#: A run whose link text exceeds this share of its text is navigation, not prose.
_MAX_GOOD_LINK_DENSITY = 0.3
#: How much other text costs against good text when choosing the container.
_OTHER_TEXT_COST = 0.3
#: A region named like boilerplate by a weak word ("widget", "card", "list") is taken for
#: article text when it holds this much prose, making up this share of its text, with at
#: most this link density.
_MIN_PROSE_REGION = 150
_PROSE_SHARE = 0.6
_PROSE_LINK_DENSITY = 0.2
#: An ancestor of the chosen container is taken when it adds at least this share of the
#: container's prose, and at most this much link or boilerplate text per character of prose
#: it adds.
_MIN_ADDED_PROSE = 0.2
_MAX_ADDED_NOISE = 0.8
#: ... and when boxes of the container's own kind hold this share of the prose it adds.
_MIN_KIN_SHARE = 0.25


def is_hidden(el: etree._Element) -> bool:
    """Whether an element is hidden from readers by its attributes."""
    return _is_hidden(el, el.keys())


def _is_hidden(el: etree._Element, keys: Container[str | bytes]) -> bool:
    """:func:`is_hidden`, given the names of the element's attributes."""
    if "hidden" in keys or ("aria-hidden" in keys and el.get("aria-hidden") == "true"):
        return True
    return "style" in keys and _HIDDEN_STYLE.search(el.get("style") or "") is not None


#: How the walk reads each element type (types not listed are inline text).
_INLINE, _SKIP, _BLOCK, _FURNITURE, _BREAK, _LINK = range(6)
#: Built so that a type in several sets takes the first reading the walk tests for.
_KINDS = {
    "a": _LINK,
    "br": _BREAK,
    **dict.fromkeys(_FURNITURE_TAGS, _FURNITURE),
    **dict.fromkeys(_BLOCK_TAGS, _BLOCK),
    **dict.fromkeys(_SKIP_TAGS, _SKIP),
}
#: Attributes the walk reads that few elements carry: one test of the attribute names rules
#: them all out for most elements.
_RARE_ATTRIBUTES = frozenset({"id", "hidden", "aria-hidden", "style", "itemprop", "itemscope"})
#: The element types listed by their type: metadata elements and by-lines.
_LISTED_TAGS = METADATA_TAGS | BY_LINE_TAGS
_NO_HINTS = (False, False, False, False)
_NO_LEVELS = (0,) * len(_DEPTH_WEIGHTS)


class _Builder:
    """Reads an lxml tree once into :class:`_Node` and :class:`_Run` objects.

    On the way it lists every element with a ``class`` or ``id`` (skipped regions included),
    every microdata property and item, and the elements metadata is read from, so that the
    metadata and comment readers need not walk the tree again. This walk visits every element
    of the page, so its loop is kept flat: attribute reads are inlined, and an element's
    attributes are looked up by name only when its list of attribute names holds them (most
    elements carry a class and nothing else this reader needs).
    """

    def __init__(self) -> None:
        #: The nodes, children first.
        self.nodes: list[_Node] = []
        #: The same nodes in the order they were opened, parents first: ``_Node.parent`` and
        #: ``_Node.number`` are positions in this list.
        self.opened: list[_Node] = []
        #: Each named element, its classes and id, one after another.
        self.named: list[etree._Element | str] = []
        self.itemprops: list[etree._Element] = []
        self.itemscopes: list[etree._Element] = []
        self.marked: list[etree._Element] = []
        self.by_lines: list[etree._Element] = []
        #: How many ``<img>`` elements the walk has passed, read or listed: a block holds one
        #: when the count grew while its content was read.
        self.images = 0

    def build(self, root: etree._Element) -> _Node:
        node = self._open(root, _tag(root), -1)
        # (the root's own text is read with its content, below)
        self._name_all((root,), texts=False)
        self._fill(node, root)
        return node

    def _name_all(
        self, elements: Iterable[etree._Element], *, texts: bool = True, names: bool = True
    ) -> None:
        """List the named elements (with ``names``), microdata, metadata elements and (with
        ``texts``) by-lines among ``elements`` (the root, or a region skipped for its text), as
        the walk does for the elements it reads. A ``<head>`` or an SVG holds no class or id
        worth listing: its names are not listed.

        A third of a page's elements sit in such regions (menus, footers, hidden boxes), so
        the loop is kept flat. Comments, processing instructions and entities have a function
        for a tag, which no set of names holds, and no attributes.
        """
        named, itemprops, itemscopes = self.named, self.itemprops, self.itemscopes
        for sub in elements:
            tag = sub.tag
            if tag == "img":
                self.images += 1
            keys = sub.keys()
            if tag in _LISTED_TAGS:
                if tag in METADATA_TAGS:
                    if tag != "a" or "rel" in keys:
                        self.marked.append(sub)
                elif texts:
                    text = sub.text
                    if text and ("By" in text or "by" in text) and opens_byline(text):
                        self.by_lines.append(sub)
            if not keys:
                continue
            classes = sub.get("class") if names and "class" in keys else None
            ident = None
            if not _RARE_ATTRIBUTES.isdisjoint(keys):
                if names:
                    ident = sub.get("id")
                if "itemprop" in keys:
                    itemprops.append(sub)
                if "itemscope" in keys:
                    itemscopes.append(sub)
            if classes or ident:
                named += (sub, classes or "", ident or "")

    def _open(self, el: etree._Element, tag: str, parent: int) -> _Node:
        """A new node under the node opened at ``parent``."""
        opened = self.opened
        node = _Node(el, tag, len(opened), parent)
        opened.append(node)
        return node

    def _by_line(self, el: etree._Element, text: str | None) -> None:
        if text and opens_byline(text):
            self.by_lines.append(el)

    def _fill(self, node: _Node, el: etree._Element, href: str | None = None) -> None:
        # Blocks inside a link (a teaser card wrapped in one ``<a>``) are link text too.
        run = self._inline(node, el, _Run(), href)
        if run.chars:
            _take(node, run)
        self.nodes.append(node)

    def _inline(self, node: _Node, el: etree._Element, run: _Run, href: str | None) -> _Run:
        """Add ``el``'s content to ``run`` and new child nodes to ``node``; return the open run."""
        text = el.text
        if text:
            run.add(text, href)
            # Few texts are short and hold "By": the tag is looked up for those only.
            if len(text) < 120 and ("By" in text or "by" in text) and el.tag in BY_LINE_TAGS:
                self._by_line(el, text)
        named = self.named
        # (the children taken as a slice: lxml builds it in one call, where its child iterator
        # costs a step each; 3% of the walk)
        for child in el[:]:  # type: ignore[index]  # (lxml-stubs types integer indexes only)
            # The HTML parser gives lower-case tags without namespaces; comments, processing
            # instructions and entities have a function for a tag, and only their tail is text.
            tag = child.tag
            if tag.__class__ is str:
                keys = child.keys()
                classes = ident = itemprop = None
                hidden = False
                if keys:
                    if "class" in keys:
                        classes = child.get("class")
                    if not _RARE_ATTRIBUTES.isdisjoint(keys):
                        ident = child.get("id")
                        hidden = _is_hidden(child, keys)
                        if "itemprop" in keys:
                            itemprop = child.get("itemprop")
                            self.itemprops.append(child)
                        if "itemscope" in keys:
                            self.itemscopes.append(child)
                    if classes or ident:
                        named += (child, classes or "", ident or "")
                if tag in METADATA_TAGS and (tag != "a" or "rel" in keys):
                    self.marked.append(child)
                kind = _KINDS.get(tag, _INLINE)
                if hidden or kind == _SKIP:
                    if tag == "img":
                        self.images += 1
                    if tag in BY_LINE_TAGS:
                        self._by_line(child, child.text)
                    if len(child):
                        self._name_all(child.iterdescendants(), names=tag not in _NO_NAMES_TAGS)
                elif kind == _BLOCK:
                    if run.chars:
                        _take(node, run)
                        run = _Run()
                    self._block(node, child, tag, classes, ident, itemprop, href)
                elif kind in (_INLINE, _LINK):
                    target = href
                    if kind == _LINK and href is None:
                        target = (child.get("href") or "").strip() or "#"
                    if len(child):
                        run = self._inline(node, child, run, target)
                    elif leaf_text := child.text:
                        # A leaf, as most inline elements are: read here, without a call.
                        run.add(leaf_text, target)
                        if (
                            len(leaf_text) < 120
                            and ("By" in leaf_text or "by" in leaf_text)
                            and tag in BY_LINE_TAGS
                        ):
                            self._by_line(child, leaf_text)
                elif kind == _BREAK:
                    run.add("\n", href)
                else:
                    self._furniture(node, child, tag, href)
            tail = child.tail
            if tail:
                # (run.add, written out: nearly every element has a tail)
                run.append(tail)
                run.append(href)
                n = len(tail.strip())
                if n:
                    run.chars += n
                    if href is not None:
                        run.link_chars += n
        return run

    def _furniture(self, node: _Node, el: etree._Element, tag: str, href: str | None) -> None:
        if next(el.iter("p"), None) is None:
            # Menus and link lists: no paragraph, nothing to read (nor to build).
            if len(el):
                self._name_all(el.iterdescendants())
        else:
            # A candidate of its own, outside its parent's text and reading order.
            sub = self._open(el, tag, node.number)
            sub.negative = sub.strong = True
            self._fill(sub, el, href)

    def _block(
        self,
        node: _Node,
        el: etree._Element,
        tag: str,
        classes: str | None,
        ident: str | None,
        itemprop: str | None,
        href: str | None,
    ) -> None:
        opened = self.opened
        sub = _Node(el, tag, len(opened), node.number)
        opened.append(sub)
        images = self.images
        run = self._inline(sub, el, _Run(), href)
        if run.chars:
            _take(sub, run)
        elif not sub and opened[-1] is sub and self.images == images and tag != "img":
            # No text, no image and no node below (a spacer, an empty ad slot): nothing a
            # later step reads, so nothing to keep while the page is read.
            opened.pop()
            return
        # What the names say is asked only of the blocks kept: no step reads a block's own
        # hints while its content is walked.
        if classes or ident:
            negative, positive, body, strong = name_hints(classes) if classes else _NO_HINTS
            if ident:
                # Each hint holds when either name gives it.
                more = name_hints(ident)
                negative, positive = negative or more[0], positive or more[1]
                body, strong = body or more[2], strong or more[3]
            sub.negative, sub.positive, sub.body, sub.strong = negative, positive, body, strong
        if itemprop == "articleBody":
            sub.body = True
            sub.positive = True
            sub.negative = sub.strong = False
        if tag == "article" or tag == "main":
            sub.positive = True
        elif tag == "header":
            sub.negative = sub.strong = True
        self.nodes.append(sub)
        if sub.negative and not sub.strong and _reads_as_prose(sub):
            # A "widget", "card" or "list" wrapper around the article's own prose.
            sub.negative = False
        node.append(sub)
        node.chars += sub.chars
        node.link_chars += sub.link_chars
        node.noise += sub.chars if sub.negative and not sub.body else sub.noise
        # A boilerplate-named region's prose does not make its parent the article.
        good = sub.good
        if good and (not sub.negative or sub.body):
            # (a node's levels sum to its good text: none of it, nothing to carry up)
            node.good += good
            for depth, chars in enumerate(sub.levels or (), start=1):
                if chars:
                    node.add_good(depth, chars)


def _take(node: _Node, run: _Run) -> None:
    """Close a run that holds text into its node's content and counts."""
    chars = run.chars
    node.append(run)
    node.chars += chars
    link_chars = run.link_chars
    node.link_chars += link_chars
    node.noise += link_chars
    if chars >= _MIN_GOOD_RUN and link_chars <= _MAX_GOOD_LINK_DENSITY * chars:
        node.good += chars
        node.add_good(0, chars)


def _reads_as_prose(node: _Node) -> bool:
    """Whether a region's text is mostly running prose with few links."""
    return (
        node.good >= _MIN_PROSE_REGION
        and node.good >= _PROSE_SHARE * node.chars
        and node.link_chars <= _PROSE_LINK_DENSITY * node.chars
    )


def _mark_shadows(opened: list[_Node]) -> None:
    """Flag the nodes inside boilerplate regions (``opened``: the nodes, parents first)."""
    for node in opened:
        parent = node.parent
        node.shadow = (parent >= 0 and opened[parent].shadow) or (node.negative and not node.body)


def _tag(el: etree._Element) -> str:
    if not is_markup(el):
        return ""
    tag = el.tag
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _score(node: _Node) -> float:
    # (the same products, summed in the same order, as a generator would give)
    near: float = sum(map(mul, _DEPTH_WEIGHTS, node.levels or _NO_LEVELS))
    score = near - _OTHER_TEXT_COST * (node.chars - node.good)
    if node.shadow:
        # Inside a comment section, a related-stories box…: a candidate of last resort.
        score *= 0.2
    if node.body:
        score *= 1.25
    elif node.positive:
        score *= 1.05
    return score


def _widen(node: _Node, nodes: list[_Node], opened: list[_Node]) -> _Node:
    """The chosen container, widened to the ancestor that joins its article-like siblings.

    Page builders split one article over several boxes (a text module per section, a card per
    paragraph, a wrapper per product of a list): the best-scoring box then holds only part of
    it. An ancestor is taken instead when what it adds is mostly prose (at least a share of
    the box's own prose, with little other text such as navigation, link lists or comments
    beside it), most of it in boxes of the chosen one's kind. (``opened``: the nodes,
    parents first, where a node's ``parent`` index points.)
    """
    kind = _kind(node)
    # How much prose the other boxes of the chosen one's kind hold under each ancestor.
    kin_good = [0] * len(opened)
    for other in nodes:
        if (
            other.good > 0
            and other.tag == node.tag
            and other is not node
            and not other.shadow
            and _kind(other) == kind
        ):
            parent = other.parent
            while parent >= 0:
                kin_good[parent] += other.good
                parent = opened[parent].parent
    best = node
    up = node.parent
    while up >= 0:
        ancestor = opened[up]
        if ancestor.shadow and not node.shadow:
            break
        added_good = ancestor.good - best.good
        added_noise = ancestor.noise - best.noise
        if (
            added_good >= _MIN_ADDED_PROSE * best.good
            and added_noise <= _MAX_ADDED_NOISE * added_good
            and kin_good[up] >= _MIN_KIN_SHARE * added_good
        ):
            best = ancestor
        up = ancestor.parent
    return best


def _kind(node: _Node) -> tuple[str, str]:
    """A box's element type and first class name, numbers left out ("et_pb_text_3")."""
    classes = (node.el.get("class") or "").split()
    return node.tag, _DIGITS.sub("", classes[0]) if classes else ""


def _choose(nodes: list[_Node], opened: list[_Node], *, short: bool) -> _Node | None:
    best: _Node | None = None
    best_score = 0.0
    for node in nodes:
        if node.good <= 0:
            continue
        score = _score(node)
        if score > best_score:
            best, best_score = node, score
    if best is not None:
        return _widen(best, nodes, opened)
    return _densest(nodes) if short else None


def _densest(nodes: list[_Node]) -> _Node | None:
    """The deepest container of the most non-link text outside boilerplate regions: the
    page's text when no run of it is long enough to read as prose (nodes come children
    first)."""
    best: _Node | None = None
    best_score = 0
    for node in nodes:
        score = node.chars - node.link_chars
        if not node.shadow and not node.negative and score > best_score:
            best, best_score = node, score
    return best


class ContentTree:
    """A page read once for its text; :meth:`blocks` then extracts the article's body.

    Building it also lists the page's elements with a ``class`` or ``id``, and its microdata,
    into the :class:`~newsmodel._extract.html.index.PageIndex` given, for the other readers.
    """

    def __init__(self, root: etree._Element, elements: PageIndex | None = None) -> None:
        builder = _Builder()
        builder.build(root)
        _mark_shadows(builder.opened)
        self._nodes = builder.nodes
        self._opened = builder.opened
        if elements is not None:
            elements.set_named(builder.named)
            elements.set_microdata(builder.itemprops, builder.itemscopes)
            elements.set_metadata_elements(builder.marked)
            elements.set_by_lines(builder.by_lines)

    def blocks(
        self,
        *,
        skip_texts: frozenset[str] = frozenset(),
        short: bool = False,
    ) -> tuple[Block, ...]:
        """The main content as blocks; empty when no part of the page reads like prose.

        Link and image URLs are kept as the page wrote them
        (:func:`~newsmodel._extract.html.blocks.with_absolute_urls` resolves them).

        Args:
            skip_texts: Texts to leave out wherever they stand alone, such as the headline.
            short: Whether the article may be too short to hold a run of prose (the page
                says it is an article); its text is then looked for even without one.

        Returns:
            The article's blocks in reading order.
        """
        return self._emit(_choose(self._nodes, self._opened, short=short), skip_texts)

    def page_blocks(self, *, skip_texts: frozenset[str] = frozenset()) -> tuple[Block, ...]:
        """The page's text outside boilerplate, as blocks: the fallback when :meth:`blocks`
        finds too little (a glossary entry, a table of short lines). Arguments as there."""
        return self._emit(_densest(self._nodes), skip_texts)

    @staticmethod
    def _emit(container: _Node | None, skip_texts: frozenset[str]) -> tuple[Block, ...]:
        if container is None:
            return ()
        # The container's own negative name (and those of its ancestors) is not held against
        # it: it was chosen for its text.
        container.negative = False
        container.body = True
        emitter = _Emitter(skip_texts)
        emitter._node(container)
        return tuple(emitter.blocks)
