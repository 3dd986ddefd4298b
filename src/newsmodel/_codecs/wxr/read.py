"""Reading WordPress eXtended RSS (WXR) exports: every post an article.

A WXR file is an RSS 2.0 channel whose items are every kind of WordPress object. Posts become
articles; pages, attachments, menu items and the rest are skipped and counted (a
:class:`~newsmodel.NewsModelWarning` says how many of each). A post's ``content:encoded`` is
WordPress's stored text: block-editor comments (``<!-- wp:paragraph -->``) and shortcodes
(``[caption]``, ``[gallery]``) are removed, and paragraphs are made from blank lines as
WordPress does when it displays a post. Authors are named by their display names from the
channel's ``wp:author`` entries, categories give the section and keywords with the tags, and
approved ``wp:comment``s become the comment thread, replies under the comments they answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from lxml import etree

from ... import _guesses
from ..._model import Article, Byline, Comment, CommentThread, Image
from ...errors import InvalidArticleError, NewsModelWarning, ParseError
from ..itemerror import item_error
from ..markup import html_blocks, local, tidy
from ..rss import CONTENT, DC, RssItems, children, text_of

__all__ = ["is_wxr", "read_export"]

_EXPORT = "http://wordpress.org/export/"
_EXCERPT = "http://wordpress.org/export/{}/excerpt/"
# <!-- wp:paragraph {"align":"center"} --> and its closing twin; other comments stay for the
# HTML parser, which drops them.
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->", re.DOTALL)
# [caption id="…" width="300"], [/caption], [gallery ids="1,2"], [embed]; a bracketed word
# without attributes ("[sic]") is text unless WordPress itself registers it.
_SHORTCODE = re.compile(
    r"\[/?(?:(?:caption|wp_caption|gallery|embed|audio|video|playlist)\b[^\]]*"
    r"|[A-Za-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\]]+))+\s*/?)\]"
    r"|\[/[A-Za-z][\w-]*\]"
)
# [caption]<img …/> The caption[/caption]: WordPress shows a figure with its caption.
_CAPTION = re.compile(r"\[(?:wp_)?caption\b[^\]]*\](.*?)\[/(?:wp_)?caption\]", re.DOTALL)
_IMAGE_TAG = re.compile(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.IGNORECASE)
_EMBED = re.compile(r"\[embed\b[^\]]*\].*?\[/embed\]", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BLOCK_START = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|blockquote|figure|div|table|pre|hr|section|img)\b", re.IGNORECASE
)
#: Post statuses that hold no article: WordPress's empty placeholder, and the bin.
_NOT_WRITTEN = frozenset({"auto-draft", "trash"})
#: Replies nest at most this deep, as in the text parser's comment threads.
MAX_REPLY_DEPTH = 64
_GMT_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")


def is_wxr(root: etree._Element) -> bool:
    """A ``rss`` root whose channel declares WordPress's export namespace."""
    return local(root) == "rss" and _export_namespace(root) is not None


def _export_namespace(root: etree._Element) -> str | None:
    for element in (root, root.find("channel")):
        if element is None:
            continue
        for uri in element.nsmap.values():
            if uri and uri.startswith(_EXPORT) and "excerpt" not in uri:
                return uri
    return None


def read_export(root: etree._Element, *, max_bytes: int) -> tuple[Article, ...]:
    """Every post of a WordPress export, as articles in document order.

    Raises:
        ParseError: not a WordPress export, an export without posts, or a post that breaks
            the model (the error names it).
    """
    namespace = _export_namespace(root)
    if local(root) != "rss" or namespace is None:
        raise ParseError("not a WordPress export (WXR): no wp: namespace on an <rss> root")
    export = _Export(root, namespace, max_bytes=max_bytes)
    articles = []
    skipped: Counter[str] = Counter()
    for index, item in enumerate(export.items(), start=1):
        kind = tidy(export.wp(item, "post_type")) or "post"
        status = tidy(export.wp(item, "status"))
        if kind != "post":
            skipped[kind] += 1
            continue
        if status in _NOT_WRITTEN:
            skipped[f"{status} post"] += 1
            continue
        try:
            articles.append(export.article(item, index))
        except (InvalidArticleError, ParseError) as error:
            raise item_error(
                error, f"post {tidy(export.wp(item, 'post_id')) or index}", item
            ) from error
    if skipped:
        counts = ", ".join(f"{kind}: {count}" for kind, count in sorted(skipped.items()))
        _guesses.warn(
            f"skipped {skipped.total()} entries that are not articles ({counts})",
            NewsModelWarning,
            stacklevel=3,
        )
    if not articles:
        raise ParseError("the WordPress export holds no post")
    return tuple(articles)


def wordpress_html(content: str) -> str:
    """Stored post content as HTML: block comments and shortcodes out, paragraphs in."""
    content = _BLOCK_COMMENT.sub("", content)
    content = _CAPTION.sub(_figure, content)
    content = _EMBED.sub("", content)
    content = _SHORTCODE.sub("", content)
    pieces = []
    for chunk in _PARAGRAPH_BREAK.split(content.replace("\r\n", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            pieces.append(chunk)
        else:
            pieces.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(pieces)


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline  # lxml-stubs say int, lxml says int or None
    return line if isinstance(line, int) else None


def _figure(match: re.Match[str]) -> str:
    inner = match.group(1)
    image = _IMAGE_TAG.search(inner)
    if image is None:
        return inner
    caption = (inner[: image.start()] + inner[image.end() :]).strip()
    return f"\n\n<figure>{image.group()}<figcaption>{caption}</figcaption></figure>\n\n"


def _gmt(text: str | None) -> dt.datetime | None:
    """``2026-03-01 09:30:00`` in UTC, as WordPress stores ``*_gmt`` dates; its
    ``0000-00-00 00:00:00`` (never published) is no date."""
    match = _GMT_DATE.match((text or "").strip())
    if match is None or match.group(1) == "0000":
        return None
    try:
        year, month, day, hour, minute, second = map(int, match.groups())
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.timezone.utc)
    except ValueError:
        return None


class _Export(RssItems):
    def __init__(self, root: etree._Element, namespace: str, *, max_bytes: int) -> None:
        super().__init__(root, max_bytes=max_bytes)
        self.namespace = namespace
        version = namespace.rstrip("/").rpartition("/")[2]
        self.excerpt = _EXCERPT.format(version)
        self.authors = self.author_names()
        self.attachments = {
            tidy(self.wp(item, "post_id")): tidy(self.wp(item, "attachment_url"))
            for item in self.items()
            if tidy(self.wp(item, "post_type")) == "attachment"
        }

    def wp(self, element: etree._Element, name: str) -> str | None:
        return text_of(element, self.namespace, name)

    def author_names(self) -> dict[str, str]:
        """Login → display name, from the channel's ``wp:author`` entries."""
        names: dict[str, str] = {}
        if self.channel is None:
            return names
        for author in children(self.channel, self.namespace, "author"):
            login = tidy(self.wp(author, "author_login"))
            full = " ".join(
                filter(
                    None,
                    (tidy(self.wp(author, f"author_{part}_name")) for part in ("first", "last")),
                )
            )
            name = tidy(self.wp(author, "author_display_name")) or full or login
            if login and name:
                names[login] = name
        return names

    def article(self, item: etree._Element, index: int) -> Article:
        fields: dict[str, Any] = self.fields(item, index)
        content = text_of(item, CONTENT, "encoded") or ""
        fields["body"] = html_blocks(wordpress_html(content), max_bytes=self.max_bytes)
        fields["standfirst"] = tidy(text_of(item, self.excerpt, "encoded"))
        logins = (tidy(creator.text) for creator in children(item, DC, "creator"))
        fields["bylines"] = tuple(
            Byline(name=self.authors.get(login, login)) for login in logins if login
        )
        published = _gmt(self.wp(item, "post_date_gmt")) or fields["published"]
        modified = _gmt(self.wp(item, "post_modified_gmt"))
        fields["published"] = published
        fields["modified"] = modified if modified != published else None
        categories: list[str] = []
        tags: list[str] = []
        for category in children(item, None, "category"):
            text = tidy(category.text)
            if text:
                (tags if category.get("domain") == "post_tag" else categories).append(text)
        fields["section"] = categories[0] if categories else None
        fields["keywords"] = tuple(dict.fromkeys(categories + tags))
        fields["images"] = self.featured(item)
        fields["comments"] = self.thread(item)
        fields["id"] = fields["id"] or tidy(self.wp(item, "post_id"))
        return Article(**fields)

    def featured(self, item: etree._Element) -> tuple[Image, ...]:
        for meta in children(item, self.namespace, "postmeta"):
            if tidy(self.wp(meta, "meta_key")) == "_thumbnail_id":
                url = self.attachments.get(tidy(self.wp(meta, "meta_value")))
                if url:
                    return (Image(url=url),)
        return ()

    def thread(self, item: etree._Element) -> CommentThread:
        """Approved comments (not pingbacks), each under the comment it replies to."""
        entries: dict[str, tuple[str, dict[str, Any]]] = {}
        order: list[str] = []
        for element in children(item, self.namespace, "comment"):
            if tidy(self.wp(element, "comment_approved")) != "1":
                continue
            if tidy(self.wp(element, "comment_type")) in ("pingback", "trackback"):
                continue
            text = tidy(self.wp(element, "comment_content"))
            if not text:
                continue
            key = tidy(self.wp(element, "comment_id")) or f"#{len(order)}"
            parent = tidy(self.wp(element, "comment_parent")) or "0"
            entries[key] = (
                parent,
                {
                    "text": text,
                    "id": key if not key.startswith("#") else None,
                    "author": tidy(self.wp(element, "comment_author")),
                    "author_url": tidy(self.wp(element, "comment_author_url")),
                    "published": _gmt(self.wp(element, "comment_date_gmt")),
                    "replies": [],
                },
            )
            order.append(key)
        top: list[dict[str, Any]] = []
        for key in order:
            parent, fields = entries[key]
            # A reply to a comment that is not here (unapproved, or later) stands on its own,
            # as does one nested deeper than the model's readers go.
            if parent in entries and _depth(entries, parent, key) < MAX_REPLY_DEPTH:
                entries[parent][1]["replies"].append(fields)
            else:
                top.append(fields)
        status = tidy(self.wp(item, "comment_status"))
        return CommentThread(
            comments=[_comment(fields) for fields in top],
            open=None if status is None else status == "open",
        )


def _depth(entries: dict[str, tuple[str, dict[str, Any]]], parent: str, key: str) -> int:
    """How deep ``parent`` sits; past the limit when the chain loops back to ``key``."""
    depth = 0
    while parent in entries and depth < MAX_REPLY_DEPTH:
        if parent == key:
            return MAX_REPLY_DEPTH
        parent = entries[parent][0]
        depth += 1
    return depth


def _comment(fields: dict[str, Any]) -> Comment:
    replies = [_comment(reply) for reply in fields["replies"]]
    return Comment(**{**fields, "replies": replies})
