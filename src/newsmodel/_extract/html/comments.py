"""Comment sections: rendered markup and schema.org data become a :class:`CommentThread`.

Three sources, first match wins for the comments themselves:

1. schema.org ``Comment`` items in microdata (``itemtype=".../Comment"``), replies nested
   by ``itemscope`` nesting;
2. ``comment`` nodes of the JSON-LD article (replies under each node's own ``comment``);
3. rendered comment lists: WordPress ``#comments`` / ``.comment-list`` / ``.commentlist`` and
   the common markup that copies it (an item per comment, a ``children`` list of replies,
   the author in ``.fn`` / ``.comment-author``, the text in ``.comment-content`` /
   ``.comment-body``, the time in ``<time>``), the WordPress.com themes that wrap each
   comment's own content in an ``<article class="comment">`` inside its list item, and
   plainer markup: a region named "comments", "discussion" or "responses" holding a list of
   ``<article>`` (or list) items, each with a header naming the author beside a ``<time>``,
   replies nested as child lists.

Pingbacks and trackbacks (``.pingback``, ``.trackback``) are notices that another site linked
to the article, not readers' comments: they are left out. Comment permalinks and author links
are made absolute against the page's address.

A declared ``commentCount`` becomes the thread's ``total`` even when no comment is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from lxml import etree

from ..._model import Comment, CommentThread
from ..common.cleantext import clean_text
from ..common.dates import parse_date
from ..common.schemaorg import types_of
from ..common.urls import join_url
from .index import Named, PageIndex, element_text, is_markup
from .metadata.microdata import item_properties, itemprop_value, properties_by_item

__all__ = ["absolute_comment_urls", "extract_comments"]

#: Ids and classes of comment lists.
_LIST_IDS = frozenset({"comments", "comment-list", "commentlist"})
_LIST_CLASSES = frozenset({"comment-list", "commentlist", "comments-list"})
#: Ids of comment items ("comment-12", "li-comment-12"); "div-comment-12" is a comment's body.
_COMMENT_ID = re.compile(r"^(?:li-)?comment-\d+$")

#: Class words of the parts of a rendered comment.
_AUTHOR_WORDS = frozenset({"fn", "comment-author", "author", "comment-author-name", "username"})
_TEXT_WORDS = frozenset({"comment-content", "comment-text", "comment-body-text", "comment-entry"})
_META_WORDS = frozenset(
    {"comment-meta", "comment-metadata", "commentmetadata", "reply", "comment-reply",
     "comment-author", "vcard", "comment-awaiting-moderation", "says", "children"}
)  # fmt: skip
_ITEM_WORDS = frozenset({"comment", "comment-item", "comment-list-item"})
_CHILDREN_WORDS = frozenset({"children", "replies", "comment-replies", "sub-comments"})
#: Class words of link notices kept out of the thread.
_NOTICE_WORDS = frozenset(
    {"pingback", "trackback", "comment-type-pingback", "comment-type-trackback"}
)
#: Words (split at dashes and underscores) of a class or id that names a comment section.
_SECTION_WORDS = frozenset({"comments", "commentlist", "discussion", "responses"})
_NAME_PARTS = re.compile(r"[\s_\-]+")
#: What a section's class or id holds (see :func:`_names_section`).
_SECTION_PARTS = ("comment", "discussion", "responses")
_MAX_COMMENTS = 2000


def _words(el: etree._Element) -> set[str]:
    """The words of an element's class, split at white space."""
    return set((el.get("class") or "").split())


def extract_comments(
    root: etree._Element,
    *,
    article_node: Mapping[str, Any] | None = None,
    declared_total: int | None = None,
    elements: PageIndex | None = None,
) -> CommentThread | None:
    """The page's comment section, or ``None`` when the page shows none and declares no count.

    Args:
        root: The parsed page.
        article_node: The page's JSON-LD article node, when it has one.
        declared_total: A comment count the page's metadata declares.
        elements: The page's shared element lists, when the caller has them already.

    Returns:
        The thread with its comments (replies nested) and the declared total; links are
        kept as the page wrote them (:func:`absolute_comment_urls` resolves them).
    """
    if elements is None:
        elements = PageIndex(root)
    # One search for the sections and the forms: each reader passes over the other's elements.
    named = elements.named_holding(_SECTION_PARTS, _SECTION_AND_FORM_ID_PARTS)
    comments = _from_microdata(elements) or _from_jsonld(article_node) or _from_markup(named)
    is_open = _open_state(named)
    if comments is None and declared_total is None and is_open is None:
        return None
    # The declared count is kept as the page gives it, even when it counts differently from
    # what was loaded (some platforms leave replies out of it).
    return CommentThread(comments=tuple(comments or ()), total=declared_total, open=is_open)


def absolute_comment_urls(thread: CommentThread, base_url: str) -> CommentThread:
    """The thread with its comments' permalinks and author links resolved against
    ``base_url``."""
    comments = tuple(_with_absolute_urls(comment, base_url) for comment in thread.comments)
    return attrs.evolve(thread, comments=comments)


def _with_absolute_urls(comment: Comment, base_url: str) -> Comment:
    def absolute(url: str | None) -> str | None:
        return (join_url(base_url, url) or url) if url else None

    return attrs.evolve(
        comment,
        url=absolute(comment.url),
        author_url=absolute(comment.author_url),
        replies=tuple(_with_absolute_urls(reply, base_url) for reply in comment.replies),
    )


#: Ids and classes of a comment form (WordPress ``#respond``/``#commentform`` and look-alikes).
_FORM_IDS = frozenset({"respond", "commentform", "comment-form", "reply-form"})
_FORM_CLASSES = frozenset({"comment-respond", "comment-form", "commentform"})
#: What every form id holds ("comment", which every form's class holds, is a section part).
_FORM_ID_PARTS = ("respond", "reply-form")
_SECTION_AND_FORM_ID_PARTS = (*_SECTION_PARTS, *_FORM_ID_PARTS)
#: Classes of a notice that comments are closed.
_CLOSED_CLASSES = frozenset({"no-comments", "comments-closed", "nocomments"})


def _open_state(named: Iterable[Named]) -> bool | None:
    """Whether the page takes new comments: a comment form says yes, a closed notice no."""
    for item in named:
        # Every closed notice's and form's class holds "comment": most elements are passed
        # over without splitting their classes.
        if "comment" in item.classes:
            classes = set(item.classes.split())
            if classes & _CLOSED_CLASSES:
                return False
            if classes & _FORM_CLASSES:
                return True
        if item.id in _FORM_IDS:
            return True
    return None


# --- microdata --------------------------------------------------------------------------------


def _is_comment_item(el: etree._Element) -> bool:
    return any(
        value.rstrip("/").rsplit("/", 1)[-1].lower() in ("comment", "answer")
        for value in (el.get("itemtype") or "").split()
    )


def _from_microdata(elements: PageIndex) -> list[Comment] | None:
    items = elements.itemscopes
    comment_items = [el for el in items if _is_comment_item(el)]
    if not comment_items:
        return None
    props = properties_by_item(elements.itemprops)
    item_set = set(comment_items)
    built: dict[etree._Element, Comment] = {}
    parents: dict[etree._Element, etree._Element | None] = {}
    for el in comment_items:
        parent = el.getparent()
        while parent is not None and parent not in item_set:
            parent = parent.getparent()
        parents[el] = parent
    # Children first, so that each comment is built with its replies.
    for el in reversed(comment_items):
        owned = item_properties(el, props)
        text = _prop(owned, "text") or _prop(owned, "description")
        if not text:
            continue
        author = None
        for author_el in [*owned.get("author", []), *owned.get("creator", [])]:
            if author_el.get("itemscope") is not None:
                author = _prop(item_properties(author_el, props), "name")
            author = author or itemprop_value(author_el)
            if author:
                break
        replies = tuple(
            built[child] for child in comment_items if parents[child] is el and child in built
        )
        when = _prop(owned, "dateCreated") or _prop(owned, "datePublished")
        built[el] = Comment(
            text=text,
            id=el.get("id") or None,
            author=author,
            published=_when(when),
            url=_prop(owned, "url"),
            replies=replies,
        )
    top = [built[el] for el in comment_items if parents[el] is None and el in built]
    return top or None


def _prop(owned: Mapping[str, list[etree._Element]], name: str) -> str | None:
    for el in owned.get(name, ()):
        value = itemprop_value(el)
        if value:
            return value
    return None


def _when(text: str | None) -> Any:
    if not text:
        return None
    return parse_date(text)


# --- JSON-LD ----------------------------------------------------------------------------------


def _from_jsonld(node: Mapping[str, Any] | None) -> list[Comment] | None:
    if node is None:
        return None
    raw = node.get("comment")
    if raw is None:
        return None
    comments = _jsonld_comments(raw, 0)
    return comments or None


def _jsonld_comments(raw: object, depth: int) -> list[Comment]:
    if depth > 50:
        return []
    out: list[Comment] = []
    for item in raw if isinstance(raw, list) else [raw]:
        if not isinstance(item, dict) or not types_of(item) & {"comment", "answer"}:
            continue
        text_value = item.get("text") or item.get("description")
        text = clean_text(text_value) if isinstance(text_value, str) else None
        if not text:
            continue
        author_value = item.get("author") or item.get("creator")
        if isinstance(author_value, list):
            author_value = author_value[0] if author_value else None
        if isinstance(author_value, dict):
            author_value = author_value.get("name")
        author = clean_text(author_value) if isinstance(author_value, str) else None
        when = item.get("dateCreated") or item.get("datePublished")
        url = item.get("url")
        identifier = item.get("@id") or item.get("identifier")
        out.append(
            Comment(
                text=text,
                id=identifier if isinstance(identifier, str) and identifier else None,
                author=author,
                published=_when(when) if isinstance(when, str) else None,
                url=url if isinstance(url, str) and url else None,
                replies=tuple(_jsonld_comments(item.get("comment", []), depth + 1)),
            )
        )
    return out


# --- rendered markup --------------------------------------------------------------------------


def _names_section(item: Named) -> bool:
    classes, ident = item.classes, item.id
    if not (
        "comment" in classes
        or "comment" in ident
        or "discussion" in classes
        or "discussion" in ident
        or "responses" in classes
        or "responses" in ident
    ):
        return False
    if item.id in _LIST_IDS or _LIST_CLASSES.intersection(item.classes.split()):
        return True
    words = {w for value in (item.classes, item.id) for w in _NAME_PARTS.split(value) if w}
    return bool(words & _SECTION_WORDS)


def _from_markup(named: Iterable[Named]) -> list[Comment] | None:
    containers = [n.el for n in named if _names_section(n)]
    for container in containers:
        items = _items(container, 0)
        if items:
            return items
    return None


def _items(container: etree._Element, depth: int) -> list[Comment]:
    """The comments directly inside ``container`` (looking through wrapper lists)."""
    if depth > 30:
        return []
    out: list[Comment] = []
    for child in container:
        if not is_markup(child):
            continue
        words = _words(child)
        if words & _NOTICE_WORDS:
            continue
        if _is_rendered_comment(child, words) or _is_plain_comment(child):
            comment = _rendered(child, depth)
            if comment is not None:
                out.append(comment)
        elif child.tag in ("ol", "ul", "div", "section") and not words & _TEXT_WORDS:
            out.extend(_items(child, depth + 1))
        if len(out) >= _MAX_COMMENTS:
            break
    return out


def _is_rendered_comment(el: etree._Element, words: set[str] | None = None) -> bool:
    """Whether an element is a comment by its class or id (``words``: its class's words,
    when the caller has them already)."""
    if words is None:
        words = _words(el)
    if words & _ITEM_WORDS:
        return True
    return _COMMENT_ID.match(el.get("id") or "") is not None


def _is_plain_comment(el: etree._Element) -> bool:
    """An unnamed item of a comment section: an ``<article>``, or a list item holding one or a
    ``<time>`` (the header's date) of its own."""
    if el.tag == "article":
        return True
    if el.tag != "li":
        return False
    first = next((child for child in el if is_markup(child)), None)
    if first is not None and first.tag == "article":
        return True
    return any(not _inside_list(time, el) for time in el.iter("time"))


def _inside_list(sub: etree._Element, item: etree._Element) -> bool:
    parent = sub.getparent()
    while parent is not None and parent is not item:
        if parent.tag in ("ol", "ul"):
            return True
        parent = parent.getparent()
    return False


def _own_body(el: etree._Element) -> etree._Element:
    """The element holding a comment's own content: a wrapper ``<article>`` (WordPress.com
    themes put one in each list item, beside the list of replies), else the item itself."""
    first = next((child for child in el if is_markup(child)), None)
    if (
        first is not None
        and (first.tag == "article" or (first.tag == "div" and _is_rendered_comment(first)))
        and element_text(first).strip()
    ):
        return first
    return el


def _rendered(item: etree._Element, depth: int) -> Comment | None:
    el = _own_body(item)
    author: str | None = None
    text_parts: list[str] = []
    when: str | None = None
    permalink: str | None = None
    replies: list[Comment] = []
    text_el: etree._Element | None = None
    header_author: str | None = None
    # (elements only: no comment, processing instruction or entity)
    for sub in el.iter(etree.Element):
        if sub is el:
            continue
        # Most of a comment's elements have no class: their words need no splitting.
        if sub.get("class"):
            words = _words(sub)
            if text_el is None and words & _TEXT_WORDS and not _inside_reply(sub, el):
                text_el = sub
            if author is None and words & _AUTHOR_WORDS and not _inside_reply(sub, el):
                author = _author_name(sub)
        if header_author is None and _names_author(sub) and not _inside_reply(sub, el):
            header_author = _author_name(sub)
        if when is None and sub.tag == "time" and not _inside_reply(sub, el):
            when = sub.get("datetime") or clean_text(element_text(sub))
            link = sub.getparent()
            if link is not None and link.tag == "a":
                permalink = link.get("href")
        elif (
            permalink is None
            and sub.tag == "a"
            and "#comment" in (sub.get("href") or "")
            and not _inside_reply(sub, el)
        ):
            # WordPress themes link the comment's date to its permalink.
            permalink = sub.get("href")
            if when is None and next(sub.iter("time"), None) is None:
                when = clean_text(element_text(sub))
    for parent in {id(item): item, id(el): el}.values():
        for child in parent:
            if is_markup(child) and (_words(child) & _CHILDREN_WORDS or child.tag in ("ol", "ul")):
                replies.extend(_items(child, depth + 1))
    author = author or header_author
    if text_el is not None:
        text_parts = _paragraphs(text_el)
    else:
        # No marked text element: the comment's paragraphs outside its meta and replies.
        text_parts = [
            text
            for p in el.iter("p")
            if not _inside_reply(p, el) and not _inside_meta(p, el)
            for text in [clean_text(element_text(p))]
            if text
        ]
    text = "\n".join(text_parts)
    if not text:
        return None
    if author and len(author) > 100:
        author = None
    identifier = item.get("id") or el.get("id") or None
    return Comment(
        text=text,
        id=identifier,
        author=author,
        published=_when(when),
        url=permalink,
        replies=tuple(replies),
    )


_SAYS = re.compile(r"\s+(?:says|said|dice|disse|schreibt|написал)\s*:?\s*$", re.IGNORECASE)
_ON_DATE = re.compile(r"\s+(?:on|at|am|em|le)\s+.*\d.*$")


def _author_name(el: etree._Element) -> str | None:
    """The commenter's name from an author element, without "says:" or the date after it."""
    name_el = next((sub for sub in el.iter() if "fn" in _words(sub)), None)
    if name_el is None and not (el.text or "").strip():
        # "<strong>Ann</strong> on <a>May 2</a> said:": the name is the first child.
        name_el = next((child for child in el if is_markup(child)), None)
    text = clean_text(element_text(name_el if name_el is not None else el))
    if not text:
        return None
    text = _ON_DATE.sub("", _SAYS.sub("", text)).strip()
    return text if text and len(text) <= 100 else None


def _names_author(el: etree._Element) -> bool:
    """A plain header's author: ``rel=author``, ``itemprop=author``, ``<cite>``, or the first
    link or bold name of a ``<header>``."""
    if el.tag == "cite" or "author" in (el.get("rel") or "").split():
        return True
    if el.get("itemprop") == "author":
        return True
    parent = el.getparent()
    if parent is None or parent.tag != "header" or el.tag not in ("a", "strong", "b", "span"):
        return False
    return next((c for c in parent if is_markup(c) and c.tag != "time"), None) is el


def _paragraphs(el: etree._Element) -> list[str]:
    paragraphs = [text for p in el.iter("p") if (text := clean_text(element_text(p)))]
    if paragraphs:
        return paragraphs
    text = clean_text(element_text(el))
    return [text] if text else []


def _inside_reply(sub: etree._Element, comment: etree._Element) -> bool:
    parent = sub.getparent()
    while parent is not None and parent is not comment:
        if _is_rendered_comment(parent) or _words(parent) & _CHILDREN_WORDS:
            return True
        parent = parent.getparent()
    return False


def _inside_meta(sub: etree._Element, comment: etree._Element) -> bool:
    parent = sub.getparent()
    while parent is not None and parent is not comment:
        if _words(parent) & _META_WORDS or parent.tag in ("header", "footer"):
            return True
        parent = parent.getparent()
    return False
