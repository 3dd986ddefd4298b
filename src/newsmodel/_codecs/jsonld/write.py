"""Writing articles as schema.org JSON-LD: the writer behind :mod:`newsmodel.jsonld`."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from ... import _model as m
from ..._converter import format_when, structure, unstructure
from ..._extract.common.datelines import dateline_text
from ..._extract.common.schemaorg import NAMESPACE, PREFIX
from ..._model import Article, Byline, BylineKind, Paragraph
from ...errors import InvalidArticleError

__all__ = ["CONTEXT", "PENDING_PROPERTIES", "dumps", "genre_type", "to_dict"]

_SCHEMA = "https://schema.org"

#: Extension terms whose values are JSON literals rather than linked data.
_JSON_TERMS = (
    "body",
    "commentSection",
    "corrections",
    "dateline",
    "quote",
    "quotes",
)

#: The ``@context`` of every document :func:`dumps` writes.
CONTEXT: list[Any] = [
    _SCHEMA,
    {
        "@version": 1.1,
        PREFIX: NAMESPACE,
        **{f"{PREFIX}:{term}": {"@type": "@json"} for term in _JSON_TERMS},
    },
]

#: schema.org terms that are still pending: ``core_only`` moves their values to ``nm:`` terms.
PENDING_PROPERTIES = frozenset({"copyrightNotice", "correction", "creditText", "jobTitle"})

#: Genres (case-folded) and the ``NewsArticle`` subtype each is written as.
_GENRE_TYPES = {
    "opinion": "OpinionNewsArticle",
    "op-ed": "OpinionNewsArticle",
    "editorial": "OpinionNewsArticle",
    "column": "OpinionNewsArticle",
    "commentary": "OpinionNewsArticle",
    "analysis": "AnalysisNewsArticle",
    "news analysis": "AnalysisNewsArticle",
    "review": "ReviewNewsArticle",
    "critique": "ReviewNewsArticle",
    "reportage": "ReportageNewsArticle",
    "report": "ReportageNewsArticle",
    "background": "BackgroundNewsArticle",
    "backgrounder": "BackgroundNewsArticle",
    "explainer": "BackgroundNewsArticle",
    "ask the public": "AskPublicNewsArticle",
}

_SPEAKER_TYPES = {
    m.SourceKind.PERSON: "Person",
    m.SourceKind.ANONYMOUS: "Person",
    m.SourceKind.UNKNOWN: "Person",
    m.SourceKind.ORGANIZATION: "Organization",
}
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def genre_type(genre: str | None) -> str:
    """The schema.org type an article of ``genre`` is written as (``NewsArticle`` if none fits)."""
    if genre is None:
        return "NewsArticle"
    return _GENRE_TYPES.get(" ".join(genre.casefold().split()), "NewsArticle")


# --- writing ----------------------------------------------------------------------------------


def dumps(article: Article, *, core_only: bool = False, indent: int | None = None) -> str:
    """Serialise an article to a schema.org JSON-LD document, safe inside ``<script>``.

    Args:
        article: The article.
        core_only: Use no term that is pending at schema.org; their values travel under
            ``nm:`` extension terms instead (still lossless).
        indent: Pretty-print with this indentation; one line when ``None``.

    Returns:
        JSON text in which ``<``, ``>``, ``&``, U+2028 and U+2029 only appear as ``\\u``
        escapes, with keys sorted.
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(
        to_dict(article, core_only=core_only),
        ensure_ascii=False,
        sort_keys=True,
        indent=indent,
        separators=separators,
    )
    # Outside strings JSON holds none of these characters, so replacing them everywhere only
    # rewrites string contents, as escapes that decode to the same text.
    return _SCRIPT_UNSAFE_RE.sub(lambda match: _SCRIPT_UNSAFE[match.group()], text)


def to_dict(article: Article, *, core_only: bool = False) -> dict[str, Any]:
    """The article as a JSON-LD tree (see :func:`dumps`), text in NFC."""
    return _Writer(_nfc(article), core_only=core_only).document()


class _Writer:
    """Builds one document; keeps the registry of people and organisations written so far."""

    def __init__(self, article: Article, *, core_only: bool) -> None:
        self.article = article
        self.core_only = core_only
        self.base = _base_iri(article)
        #: Written nodes by (type, name): their @id and the node itself.
        self.nodes: dict[tuple[str, str | None], list[tuple[str, dict[str, Any]]]] = {}
        self.used_ids: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------

    def put(self, node: dict[str, Any], name: str, value: object) -> None:
        """Set a property, unless empty; a pending one goes under ``nm:`` with ``core_only``."""
        if value is None or value == [] or value == {}:
            return
        if self.core_only and name in PENDING_PROPERTIES:
            name = f"{PREFIX}:{name}"
        node[name] = value

    def entity(
        self,
        kind: str,
        name: str | None,
        content: dict[str, Any],
        needs: Iterable[str] | None,
    ) -> dict[str, Any]:
        """A Person or Organization node, or a reference to one written before.

        A node written before is reused when it has the same type and name and agrees on the
        properties in ``needs`` (those a reader takes from it for this use; ``None``: all).
        """
        content = {"@type": kind, **({"name": name} if name is not None else {}), **content}
        for node_id, node in self.nodes.get((kind, name), []):
            keys = set(node) | set(content) if needs is None else set(needs)
            if all(node.get(key) == content.get(key) for key in keys - {"@id"}):
                return {"@id": node_id}
        node_id = self.new_id(kind, name)
        node = {"@id": node_id, **content}
        self.nodes.setdefault((kind, name), []).append((node_id, node))
        return node

    def new_id(self, kind: str, name: str | None) -> str:
        ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
        slug = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")[:60]
        if not slug or len(slug) < len(name or "") // 3:
            # Mostly non-Latin names: a short hash is as stable and stays a valid IRI.
            digest = hashlib.sha1((name or "").encode("utf-8")).hexdigest()[:10]
            slug = f"{slug}-{digest}" if slug else digest
        stem = f"{self.base}{kind.lower()}-{slug}"
        node_id, number = stem, 1
        while node_id in self.used_ids:
            number += 1
            node_id = f"{stem}-{number}"
        self.used_ids.add(node_id)
        return node_id

    def extension(self, value: object, kind: Any = None) -> Any:
        """A model value as newsmodel JSON, for an ``@json`` extension term."""
        return unstructure(value, kind)

    # -- nodes -----------------------------------------------------------------------------

    def document(self) -> dict[str, Any]:
        a = self.article
        kind = "NewsArticle" if self.core_only else genre_type(a.genre)
        # A copy: the caller may change the tree it is given.
        node: dict[str, Any] = {"@context": copy.deepcopy(CONTEXT), "@type": kind}
        node["@id"] = f"{self.base}article" if self.base.endswith("#") else _article_blank(a)
        self.put(node, "headline", a.headline)
        self.put(node, "description", a.standfirst)
        if a.body:
            if a.text:  # a body of figures alone has no text
                node["articleBody"] = a.text
                node["wordCount"] = len(a.text.split())
            if not _plain_body(a.body):
                node[f"{PREFIX}:body"] = self.extension(a.body, tuple[m.Block, ...])
        if a.publisher is not None:
            node["publisher"] = self.publisher(a.publisher)
        self.put(node, "author", [self.byline(byline) for byline in a.bylines])
        if a.dateline is not None:
            node["dateline"] = dateline_text(a.dateline)
            if a.dateline.date is not None or a.dateline.agency is not None:
                node[f"{PREFIX}:dateline"] = self.extension(a.dateline)
        if a.published is not None:
            node["datePublished"] = format_when(a.published)
        if a.modified is not None:
            node["dateModified"] = format_when(a.modified)
        self.put(node, "inLanguage", a.language)
        if a.url is not None:
            node["url"] = a.url
            node["mainEntityOfPage"] = {"@type": "WebPage", "@id": a.url}
        self.put(node, "identifier", a.id)
        self.put(node, "articleSection", a.section)
        self.put(node, "genre", a.genre)
        self.put(node, "keywords", list(a.keywords))
        self.put(node, "image", [self.image(image) for image in a.images])
        if a.quotes:
            if self.core_only:
                node[f"{PREFIX}:quotes"] = self.extension(a.quotes, tuple[m.Quote, ...])
            else:
                node["hasPart"] = [self.quotation(quote) for quote in a.quotes]
        if a.comments is not None:
            self.comment_section(node, a.comments)
        self.put(node, "copyrightNotice", a.rights)
        # A CorrectionComment is a Comment, which consumers expect to have an author and a
        # date; the corrections are Text, their dates an extension.
        self.put(node, "correction", [item.text for item in a.corrections])
        if any(item.published is not None for item in a.corrections):
            node[f"{PREFIX}:corrections"] = self.extension(a.corrections, tuple[m.Correction, ...])
        return node

    def publisher(self, publisher: m.Organization) -> dict[str, Any]:
        content: dict[str, Any] = {}
        self.put(content, "url", publisher.url)
        if publisher.logo is not None:
            content["logo"] = {"@type": "ImageObject", "url": publisher.logo}
        return self.entity("Organization", publisher.name, content, ("url", "logo"))

    def byline(self, byline: Byline) -> dict[str, Any]:
        person = byline.kind is BylineKind.PERSON
        content: dict[str, Any] = {}
        if person:
            self.put(content, "jobTitle", byline.role)
        else:
            self.put(content, f"{PREFIX}:role", byline.role)
        if byline.affiliation is not None:
            affiliation = self.entity("Organization", byline.affiliation, {}, ())
            content["affiliation" if person else "parentOrganization"] = affiliation
        self.put(content, "url", byline.url)
        self.put(content, "email", byline.email)
        kind = "Person" if person else "Organization"
        # An author is only the same node as an earlier one when it says the same in full.
        return self.entity(kind, byline.name, content, None)

    def image(self, image: m.Image) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": "ImageObject", "url": image.url}
        self.put(node, "contentUrl", image.url)
        self.put(node, "caption", image.caption)
        self.put(node, "creditText", image.credit)
        self.put(node, "description", image.alt)
        self.put(node, "width", image.width)
        self.put(node, "height", image.height)
        return node

    def quotation(self, quote: m.Quote) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": "Quotation", "text": quote.text}
        rest = {key: value for key, value in self.extension(quote).items() if key != "text"}
        if rest:
            node[f"{PREFIX}:quote"] = rest
        attribution = quote.attribution
        if attribution is not None and attribution.kind in _SPEAKER_TYPES:
            speaker = attribution.name or attribution.source
            if speaker is not None:
                kind = _SPEAKER_TYPES[attribution.kind]
                node["spokenByCharacter"] = self.entity(kind, speaker, {}, ())
        return node

    def comment_section(self, node: dict[str, Any], thread: m.CommentThread) -> None:
        self.put(node, "comment", [self.comment(item) for item in thread.comments])
        self.put(node, "commentCount", thread.total)
        self.put(node, "discussionUrl", thread.url)
        # Present even when empty: it tells "a section with no comments" from "unknown".
        node[f"{PREFIX}:commentSection"] = {} if thread.open is None else {"open": thread.open}

    def comment(self, comment: m.Comment) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": "Comment", "text": comment.text}
        if comment.author is not None or comment.author_url is not None:
            content = {} if comment.author_url is None else {"url": comment.author_url}
            node["author"] = self.entity("Person", comment.author, content, ("url",))
        if comment.published is not None:
            node["dateCreated"] = format_when(comment.published)
        self.put(node, "identifier", comment.id)
        self.put(node, "url", comment.url)
        self.put(node, "comment", [self.comment(reply) for reply in comment.replies])
        return node


def _base_iri(article: Article) -> str:
    """What @ids start with: the article's URL and ``#``, else a blank-node prefix."""
    if article.url is not None and _IRI.match(article.url):
        return article.url.split("#", 1)[0] + "#"
    return "_:"


def _article_blank(article: Article) -> str:
    """The article's @id when it has no URL: its own id if that is an IRI."""
    if article.id is not None and _IRI.match(article.id):
        return article.id
    return "_:article"


def _plain_body(body: tuple[m.Block, ...]) -> bool:
    """Whether ``articleBody`` alone gives the body back: plain paragraphs, one per line."""
    return all(
        isinstance(block, Paragraph) and not block.links and "\n" not in block.text
        for block in body
    )


def _nfc(article: Article) -> Article:
    """The article with every text in NFC, spans and links moved with their text."""
    tree = unstructure(article)
    if _all_nfc(tree):
        return article
    for block in tree.get("body", []):
        if block.get("type") == "paragraph":
            text = block["text"]
            for link in block.get("links", []):
                link["start"], link["end"] = _nfc_range(text, link["start"], link["end"], 1)
    for q, quote in enumerate(article.quotes):
        quote_tree = tree["quotes"][q]
        for s, span in enumerate(quote.spans):
            _move_span(article, span, quote_tree["spans"][s])
        if quote.attribution is not None:
            for name in ("source_span", "cue_span"):
                span = getattr(quote.attribution, name)
                if span is not None:
                    _move_span(article, span, quote_tree["attribution"][m.camel_case(name)])
    normalised = _map_strings(tree, lambda text: unicodedata.normalize("NFC", text))
    try:
        return structure(normalised, Article)
    except ValueError as error:  # pragma: no cover - normalisation keeps every invariant
        raise InvalidArticleError(f"the article's text cannot be put in NFC: {error}") from error


def _move_span(article: Article, span: m.Span, target: dict[str, Any]) -> None:
    text = article.text_of(span) or ""
    target["start"], target["end"] = _nfc_range(text, span.start, span.end, 0)


def _nfc_range(text: str, start: int, end: int, minimum: int) -> tuple[int, int]:
    """Offsets into ``text`` as offsets into its NFC form (at least ``minimum`` apart)."""
    total = len(unicodedata.normalize("NFC", text))
    new_start = min(len(unicodedata.normalize("NFC", text[:start])), total)
    new_end = min(len(unicodedata.normalize("NFC", text[:end])), total)
    new_end = max(new_end, min(new_start + minimum, total))
    new_start = min(new_start, max(new_end - minimum, 0))
    return new_start, new_end


def _all_nfc(tree: object) -> bool:
    if isinstance(tree, str):
        return unicodedata.is_normalized("NFC", tree)
    if isinstance(tree, dict):
        return all(_all_nfc(value) for value in tree.values())
    if isinstance(tree, list):
        return all(_all_nfc(value) for value in tree)
    return True


def _map_strings(tree: Any, function: Callable[[str], str]) -> Any:
    if isinstance(tree, str):
        return function(tree)
    if isinstance(tree, dict):
        return {key: _map_strings(value, function) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_map_strings(value, function) for value in tree]
    return tree
