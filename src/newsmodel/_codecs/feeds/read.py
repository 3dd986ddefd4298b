"""Reading feeds: RSS 2.0 (and 0.9x), RSS 1.0 and Atom 1.0, every item or entry an article.

RSS items are read by :mod:`newsmodel._codecs.rss`, shared with WordPress exports; Atom entries
here, with the same rules: the full text from ``content``, the summary as standfirst (with a
:class:`~newsmodel.GuessWarning` when there is nothing else), the feed's title, language and
rights lent to every entry.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ... import _guesses
from ..._model import Article, Block, Byline, Image, Organization, block_texts
from ...errors import GuessWarning, InvalidArticleError, NewsModelWarning, ParseError
from ..itemerror import item_error
from ..markup import MarkupReader, html_blocks, local, text_blocks, tidy
from ..rss import (
    ATOM,
    RDF,
    RSS090,
    RSS1,
    XML_LANG,
    RssItems,
    child,
    children,
    http_url,
    language_tag,
    line_of,
    plain,
    text_of,
    when,
    with_summary,
)
from ..sniffing import wrong_root

__all__ = ["AtomEntries", "feed_kind", "read_feed"]

FeedKind = str  # "rss", "rss1" or "atom"
# Blog exports in Atom (Blogger's) mark each entry's kind: posts, and also settings, the
# template, pages and comments, which are not articles.
_KIND_SCHEME = "http://schemas.google.com/g/2005#kind"


def _is_post(entry: etree._Element) -> bool:
    kinds = [
        category.get("term") or ""
        for category in children(entry, ATOM, "category")
        if category.get("scheme") == _KIND_SCHEME
    ]
    return not kinds or any(kind.endswith("#post") for kind in kinds)


def feed_kind(root: etree._Element) -> FeedKind | None:
    """Which kind of feed ``root`` is, or ``None`` when it is none."""
    name = local(root)
    if name == "rss" and not root.tag.startswith("{"):
        return "rss"
    if root.tag in (f"{{{ATOM}}}feed", f"{{{ATOM}}}entry"):
        return "atom"
    if root.tag == f"{{{RDF}}}RDF" and (
        root.find(f"{{{RSS1}}}item") is not None
        or root.find(f"{{{RSS090}}}item") is not None
        or root.find(f"{{{RSS1}}}channel") is not None
    ):
        return "rss1"
    return None


def read_feed(root: etree._Element, *, max_bytes: int) -> tuple[Article, ...]:
    """Every item or entry of a feed, as articles, in document order.

    Raises:
        ParseError: not a feed, a feed without items, or an item that breaks the model
            (the error names the item).
    """
    kind = feed_kind(root)
    if kind == "atom":
        return _each(AtomEntries(root, max_bytes=max_bytes))
    if kind in ("rss", "rss1"):
        return _each(RssItems(root, max_bytes=max_bytes))
    raise wrong_root(root, "a feed", "<rss>, <rdf:RDF> (RSS 1.0) or an Atom <feed>")


def _each(items: RssItems | AtomEntries) -> tuple[Article, ...]:
    articles = []
    for index, item in enumerate(items.items(), start=1):
        try:
            articles.append(items.article(item, index))
        except (InvalidArticleError, ParseError) as error:
            raise item_error(error, f"item {index}", item) from error
    if not articles:
        raise ParseError("the feed holds no item or entry", line=line_of(items.root))
    return tuple(articles)


class AtomEntries:
    """Atom 1.0: a ``feed`` of ``entry`` elements, or one ``entry`` on its own."""

    def __init__(self, root: etree._Element, *, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        is_feed = local(root) == "feed"
        name = self.text(child(root, ATOM, "title")) if is_feed else None
        self.common: dict[str, Any] = {
            "language": language_tag(root.get(XML_LANG)),
            "rights": self.text(child(root, ATOM, "rights")) if is_feed else None,
            "publisher": Organization(name=name, url=self.link(root)) if name else None,
        }
        self.authors = self.people(root) if is_feed else ()

    def items(self) -> list[etree._Element]:
        if local(self.root) == "entry":
            return [self.root]
        entries = children(self.root, ATOM, "entry")
        kept = [entry for entry in entries if _is_post(entry)]
        if len(kept) < len(entries):
            _guesses.warn(
                f"skipped {len(entries) - len(kept)} entries that are not posts"
                " (settings, templates, pages or comments of a blog export)",
                NewsModelWarning,
                stacklevel=4,
            )
        return kept

    def text(self, element: etree._Element | None) -> str | None:
        """An Atom text construct (``type`` text, html or xhtml) as plain text."""
        if element is None:
            return None
        kind = element.get("type", "text")
        if kind == "xhtml":
            blocks = MarkupReader().blocks(element)
            return tidy(" ".join(text for block in blocks for text in block_texts(block)))
        raw = "".join(text for text in element.itertext() if isinstance(text, str))
        return plain(raw) if kind == "html" else tidy(raw)

    def link(self, element: etree._Element) -> str | None:
        for link in children(element, ATOM, "link"):
            if link.get("rel", "alternate") == "alternate":
                return http_url(link.get("href"))
        return None

    def people(self, element: etree._Element) -> tuple[Byline, ...]:
        found = []
        for person in (*children(element, ATOM, "author"), *children(element, ATOM, "contributor")):
            name = tidy(text_of(person, ATOM, "name"))
            if name:
                found.append(
                    Byline(
                        name=name,
                        email=tidy(text_of(person, ATOM, "email")),
                        url=http_url(text_of(person, ATOM, "uri")),
                        role="contributor" if local(person) == "contributor" else None,
                    )
                )
        return tuple(found)

    def article(self, entry: etree._Element, index: int) -> Article:
        fields: dict[str, Any] = dict(self.common)
        fields["language"] = language_tag(entry.get(XML_LANG)) or fields["language"]
        fields["id"] = tidy(text_of(entry, ATOM, "id"))
        fields["url"] = self.link(entry)
        title = self.text(child(entry, ATOM, "title"))
        if not title:
            title = fields["id"] or fields["url"] or f"entry {index}"
            _guesses.warn(
                f"entry {index} has no title; named it {title!r}", GuessWarning, stacklevel=3
            )
        fields["headline"] = title
        published = when(text_of(entry, ATOM, "published"))
        updated = when(text_of(entry, ATOM, "updated"))
        fields["published"] = published
        fields["modified"] = updated if updated != published else None
        fields["bylines"] = self.people(entry) or self.authors
        fields["rights"] = self.text(child(entry, ATOM, "rights")) or fields["rights"]
        terms = (
            tidy(category.get("label") or category.get("term"))
            for category in children(entry, ATOM, "category")
            if category.get("scheme") != _KIND_SCHEME
        )
        fields["keywords"] = tuple(dict.fromkeys(term for term in terms if term))
        fields["images"] = tuple(
            Image(url=url)
            for link in children(entry, ATOM, "link")
            if link.get("rel") == "enclosure"
            and (link.get("type") or "").startswith("image/")
            and (url := (link.get("href") or "").strip())
        )
        with_summary(
            fields,
            self.content(child(entry, ATOM, "content")),
            self.text(child(entry, ATOM, "summary")),
        )
        return Article(**fields)

    def content(self, element: etree._Element | None) -> tuple[Block, ...]:
        if element is None or element.get("src"):
            return ()
        kind = element.get("type", "text")
        if kind == "xhtml":
            return MarkupReader().blocks(element)
        raw = "".join(text for text in element.itertext() if isinstance(text, str))
        if kind in ("html", "text/html"):
            return html_blocks(raw, max_bytes=self.max_bytes)
        if kind in ("text", "text/plain"):
            return text_blocks(raw)
        if kind.endswith("xml"):  # another XML vocabulary inline: its text, as read
            return MarkupReader().blocks(element)
        return ()  # base64 media and other content types carry no article text
