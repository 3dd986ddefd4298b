"""HTML pages in: a news page becomes a complete :class:`~newsmodel.Article`.

:func:`parse` decodes the page (byte-order mark, declared charset, detection), parses it once
with lxml, reads its metadata from every source it offers (JSON-LD, microdata, OpenGraph,
Dublin Core, plain meta, markup, the URL; see :mod:`newsmodel._extract.html.metadata.read`
for the order of trust), extracts the main text as structured blocks with boilerplate removed,
and reads the comment section, then finds the quotes with :func:`newsmodel.quotes.with_quotes`.
It is a heuristic parser: what it guesses, it reports with a
:class:`~newsmodel.errors.GuessWarning`; a page that holds no article raises
:class:`~newsmodel.errors.ExtractionError` saying why.

:func:`dumps` writes an article as a small, readable HTML page.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as _html
import re

from lxml import etree

from . import _guesses
from ._codecs.limits import DEFAULT_MAX_PAGE_BYTES, check_size
from ._codecs.xhtml import block_xhtml
from ._extract.common.cleantext import replace_surrogates
from ._extract.common.datelines import DATELINE
from ._extract.common.dates import read_date
from ._extract.common.urls import is_readable_url, join_url
from ._extract.html.blocks import with_absolute_urls
from ._extract.html.comments import absolute_comment_urls, extract_comments
from ._extract.html.content import ContentTree
from ._extract.html.encoding import decode_html
from ._extract.html.index import PageIndex
from ._extract.html.language import GUESSABLE_LANGUAGES, LANGUAGE_SAMPLE, guess_language
from ._extract.html.metadata.read import PageMetadata, read_metadata
from ._model import (
    Article,
    Block,
    Dateline,
    Heading,
    Paragraph,
    block_texts,
)
from .errors import (
    ExtractionError,
    GuessWarning,
    InvalidArticleError,
    NotAnArticleError,
    ParseError,
)
from .quotes import QuoteOptions, with_quotes

__all__ = ["dumps", "parse", "sniff"]

_SNIFF = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
#: libxml2 drops whatever follows an end tag of ``body`` or ``html``; pages that close them
#: early (templates glued together) keep their article after it, as browsers show it.
#: They are removed from the page's UTF-8 bytes, which the regex scans in a third of the time
#: it takes over the text; ``\s`` is spelled out as every white space character a text
#: pattern's ``\s`` matches (a bytes pattern's matches ASCII ones only).
_WHITE_SPACE_UTF8 = b"|".join(
    re.escape(char.encode("utf-8")) for char in map(chr, range(0x3001)) if char.isspace()
)
_DOCUMENT_END_TAG = re.compile(rb"</(?:body|html)(?:" + _WHITE_SPACE_UTF8 + rb")*>", re.IGNORECASE)
#: lxml's plain HTML parser: the ``lxml.html`` element classes cost a lookup per element and
#: nothing here needs their methods.
#: The page reaches lxml as UTF-8 bytes: their encoding is fixed here, whatever charset the
#: page's ``<meta>`` names (it was honoured when the bytes were decoded). Nothing looks an
#: element up by its ``id`` through libxml2, so the parser need not index them.
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, encoding="utf-8", collect_ids=False
)
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")

#: A page whose text is shorter than this, and whose metadata does not say it is an
#: article (an article node in JSON-LD or microdata, ``og:type`` article), is taken for a
#: non-article page (a home page, an index, an error page).
_MIN_ARTICLE_CHARS = 200
#: Below this share of the JSON-LD ``articleBody``, the extracted text is taken to have
#: missed the article and the ``articleBody`` is used instead.
_ARTICLE_BODY_SHARE = 0.3


def parse(
    data: str | bytes,
    *,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    quote_options: QuoteOptions | None = None,
    keep_non_article: bool = False,
    reference_time: dt.datetime | None = None,
) -> Article:
    """Read a news page into an article.

    Args:
        data: The page, as bytes (decoded by byte-order mark, then the charset it declares,
            then detection) or as text.
        url: Where the page was fetched from; used for the article's URL when the page names
            no canonical one, to choose among several article nodes, to make relative link
            and image URLs absolute, and for a date in the path.
        max_bytes: The largest page accepted (characters for ``str``).
        quote_options: Which quotes to find (:class:`~newsmodel.quotes.QuoteOptions`);
            every kind, names resolved, by default.
        keep_non_article: Instead of raising :class:`~newsmodel.errors.NotAnArticleError`
            for a page that is not an article, return what it carries (its metadata and
            whatever text it has) with a :class:`~newsmodel.errors.GuessWarning`.
        reference_time: When the page was fetched (the HTTP ``Date`` of the response, a WARC
            record's ``WARC-Date``), timezone-aware. Dates the page writes relative to that
            moment ("3 hours ago", "yesterday", "vor 2 Tagen") are read against it, with a
            :class:`~newsmodel.errors.GuessWarning`; without it they are not read at all.

    Returns:
        The article: headline, standfirst, body blocks (paragraphs, headings, block quotes,
        lists, figures, with inline links), bylines, dateline, dates, language, publisher,
        images, keywords, section, genre, comments and quotes.

    Raises:
        InvalidArticleError: ``reference_time`` has no time zone.
        ParseError: the input is not an HTML document at all (binary data such as an
            image), or is over ``max_bytes``.
        NotAnArticleError: the page is not an article: it says it is a forum thread, a
            product, a listing or an error page, or it holds too little running text; the
            error's ``kind`` and message say which.
        ExtractionError: the page is empty, or has no headline or title.

    Warns:
        GuessWarning: a charset was corrected or detected; a JSON-LD block was repaired or
            skipped; a date had no time zone, came from the URL alone, or a modification date
            precedes the publication date; the language was guessed from the text; the body
            came from the metadata's ``articleBody`` because the page showed none; a page
            that is not an article was kept (``keep_non_article``).
    """
    check_size(data, max_bytes)
    if reference_time is not None and reference_time.utcoffset() is None:
        raise InvalidArticleError(
            "reference_time must be timezone-aware (it dates what the page says happened"
            " '3 hours ago')",
            path="reference_time",
        )
    if isinstance(data, bytes):
        _refuse_binary(data)
        text = decode_html(data)
    else:
        text = data
    root = _tree(text)
    elements = PageIndex(root)
    content = ContentTree(root, elements)
    meta = read_metadata(root, url=url, elements=elements, reference_time=reference_time)
    # The body is read with its URLs as the page wrote them, the relative ones resolved at the
    # end: finding the base they are relative to walks the whole tree, and most pages have no
    # relative URL, nor comments (whose links are all resolved).
    base_url = functools.cache(functools.partial(_base_url, root, meta.url or url))
    blocks = content.blocks(skip_texts=meta.titles, short=meta.declares_article)
    size = _text_size(blocks)
    if size < _MIN_ARTICLE_CHARS and meta.non_article is None:
        # Too little prose for an article: a page of short lines (a glossary entry, a price
        # table) may still show one; its whole text outside boilerplate is the second try.
        whole = content.page_blocks(skip_texts=meta.titles)
        whole_size = _text_size(whole)
        if whole_size > size:
            blocks, size = whole, whole_size
    blocks, refusal = _check_body(blocks, size, meta)
    if refusal is not None:
        if not keep_non_article:
            try:
                raise refusal
            finally:
                # The error's traceback holds this frame: were the frame to keep holding the
                # error, the two would make a reference cycle that keeps the whole page read
                # so far alive until the garbage collector finds it.
                del refusal
        _guesses.warn(f"{refusal.reason}; kept what it carries", GuessWarning, stacklevel=2)
        if not blocks:
            blocks = content.blocks(skip_texts=meta.titles, short=True)
    headline = meta.headline or next(
        (block.text for block in blocks if isinstance(block, Heading)), None
    )
    if not headline:
        raise ExtractionError("the page has article text but no headline or title")
    comments = extract_comments(
        root,
        article_node=meta.article_node,
        declared_total=meta.comment_count,
        elements=elements,
    )
    if comments is not None and comments.comments and (base := base_url()):
        comments = absolute_comment_urls(comments, base)
    article = Article(
        headline=headline,
        standfirst=meta.standfirst if meta.standfirst != headline else None,
        body=with_absolute_urls(blocks, base_url),
        bylines=meta.bylines,
        dateline=_dateline(blocks),
        published=meta.published,
        modified=meta.modified,
        language=_language(meta.language, blocks),
        url=meta.url,
        id=meta.id,
        section=meta.section,
        genre=meta.genre,
        keywords=meta.keywords,
        publisher=meta.publisher,
        images=meta.images,
        comments=comments,
        rights=meta.rights,
    )
    return with_quotes(article) if quote_options is None else with_quotes(article, quote_options)


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like an HTML page (a doctype or an opening
    ``html``, ``head``, ``meta`` or ``title`` tag, after any comments)."""
    return _SNIFF.match(head) is not None


def _dateline(blocks: tuple[Block, ...]) -> Dateline | None:
    """The dateline opening the first paragraph ("WASHINGTON (AP) —"), which stays in the text.

    Only a dateline's place and agency are read here; its day is kept when it names a full
    date. The paragraph keeps its words: the page printed them there.
    """
    first = next((block for block in blocks if isinstance(block, Paragraph)), None)
    if first is None:
        return None
    match = DATELINE.match(first.text)
    if match is None:
        return None
    place = match["place"] or match["mixed"]
    agency = (match["agency"] or "").strip() or None
    if place is None and agency is None:
        return None
    day: dt.date | None = None
    if match["date"]:
        # A dateline's date without a year is simply not kept; that is no guess to report.
        value = read_date(match["date"], warn=False)
        day = value.date() if isinstance(value, dt.datetime) else value
    place = place.strip(" ,") if place else None
    return Dateline(place=place or None, date=day, agency=agency)


def _base_url(root: etree._Element, page_url: str | None) -> str | None:
    """What relative URLs on the page are relative to: ``<base href>``, else the page's URL."""
    base = next(root.iter("base"), None)
    href = (base.get("href") or "").strip() if base is not None else ""
    if href and page_url:
        joined = join_url(page_url, href)
        if joined is not None:
            return joined
    if href.startswith(("http://", "https://")) and is_readable_url(href):
        return href
    if page_url and page_url.startswith(("http://", "https://")) and is_readable_url(page_url):
        return page_url
    return None


def _language(declared: str | None, blocks: tuple[Block, ...]) -> str | None:
    """The declared language, checked against a light guess from the body text.

    A page with no declaration gets the guess; one whose declaration the text clearly
    contradicts (a template's default ``lang="en"`` on a German page) gets the guess too.
    Both warn.
    """
    guess = guess_language(_opening_text(blocks, LANGUAGE_SAMPLE))
    if guess is None:
        return declared
    if declared is None:
        _guesses.warn(
            f"the page declares no language; guessed {guess!r} from its text",
            GuessWarning,
            stacklevel=3,
        )
        return guess
    primary = declared.split("-", 1)[0].lower()
    if primary != guess and primary in GUESSABLE_LANGUAGES:
        _guesses.warn(
            f"the page declares {declared!r} but its text reads as {guess!r}; used {guess!r}",
            GuessWarning,
            stacklevel=3,
        )
        return guess
    return declared


def _opening_text(blocks: tuple[Block, ...], size: int) -> str:
    """The blocks' texts joined by line breaks, cut to ``size`` characters: only as many
    blocks as that takes are joined."""
    texts: list[str] = []
    length = -1
    for block in blocks:
        for text in block_texts(block):
            texts.append(text)
            length += len(text) + 1
            if length >= size:
                return "\n".join(texts)[:size]
    return "\n".join(texts)


def _tree(text: str) -> etree._Element:
    # The declaration names an encoding the decoded text no longer has.
    text = _XML_DECLARATION.sub("", text, count=1)
    _refuse_binary_text(text)
    try:
        # lxml would otherwise encode the text itself, and cut it at a lone surrogate.
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        encoded = replace_surrogates(text).encode("utf-8")
    encoded = _DOCUMENT_END_TAG.sub(b"", encoded)
    if _blank(encoded):
        raise ExtractionError("the page is empty")
    try:
        root = etree.fromstring(encoded, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ParseError(f"not an HTML document: {error}") from None
    if root is None:
        raise ExtractionError("the page is empty")
    return root


def _blank(encoded: bytes) -> bool:
    """Whether UTF-8 bytes hold nothing but white space (as ``str.isspace`` has it)."""
    rest = encoded.lstrip()
    if not rest:
        return True
    if rest[0] < 0x80 and not 0x1C <= rest[0] <= 0x1F:
        # An ASCII character that is not white space (``lstrip`` leaves the separators).
        return False
    return rest.decode("utf-8").isspace()


def _check_body(
    blocks: tuple[Block, ...], size: int, meta: PageMetadata
) -> tuple[tuple[Block, ...], NotAnArticleError | None]:
    """The body to keep (its text ``size`` characters long), and why the page is not an
    article when it is not one."""
    declared = meta.article_body
    if (
        declared
        and len(declared) >= 2 * _MIN_ARTICLE_CHARS
        and (size < _ARTICLE_BODY_SHARE * len(declared))
    ):
        # The page renders its text in a way the extractor missed (or not at all): the
        # metadata's copy is better than a fragment.
        _guesses.warn(
            f"the page's text was not found ({size} characters); used the metadata's"
            f" articleBody ({len(declared)} characters)",
            GuessWarning,
            stacklevel=3,
        )
        paragraphs = [p for p in _PARAGRAPH_BREAK.split(declared) if p.strip()]
        return tuple(Paragraph(text=p) for p in paragraphs), None
    if meta.non_article is not None:
        kind, reason = meta.non_article
        return blocks, NotAnArticleError(reason, kind=kind)
    if not blocks:
        return blocks, NotAnArticleError("no part of the page reads as article text")
    if size < _MIN_ARTICLE_CHARS and not meta.declares_article:
        return blocks, NotAnArticleError(
            f"the page holds too little running text for an article ({size} characters)"
        )
    return blocks, None


def _text_size(blocks: tuple[Block, ...]) -> int:
    return sum(len(text) for block in blocks for text in block_texts(block))


#: Leading bytes of common binary files that are sometimes fetched in place of a page.
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg file"),
    (b"ID3", "an MP3 file"),
)
#: Control characters that no HTML page holds in any number (tab, line feeds, form feed and
#: escape are left out).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SAMPLE = 4096


def _refuse_binary(data: bytes) -> None:
    head = data[:16]
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise ParseError("not an HTML document: the bytes are a WebP image")
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise ParseError(f"not an HTML document: the bytes are {what}")


def _refuse_binary_text(text: str) -> None:
    sample = text[:_BINARY_SAMPLE]
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise ParseError("not an HTML document: it holds binary data")


# --- writing ----------------------------------------------------------------------------------


def _e(text: str) -> str:
    return _html.escape(text, quote=True)


def _when(value: dt.datetime | dt.date) -> str:
    return value.isoformat()


def dumps(article: Article) -> str:
    """Write an article as a small, readable HTML page.

    The page carries the headline, standfirst, bylines, dates and body; :func:`parse` reads
    its headline, body text and dates back.
    """
    lang = f' lang="{_e(article.language)}"' if article.language else ""
    head = [
        '<meta charset="utf-8">',
        f"<title>{_e(article.headline)}</title>",
        '<meta property="og:type" content="article">',
    ]
    if article.url:
        head.append(f'<link rel="canonical" href="{_e(article.url)}">')
    if article.standfirst:
        head.append(f'<meta name="description" content="{_e(article.standfirst)}">')
    body = [f"<h1>{_e(article.headline)}</h1>"]
    if article.standfirst:
        body.append(f'<p class="standfirst"><em>{_e(article.standfirst)}</em></p>')
    if article.bylines:
        names = ", ".join(_e(byline.name) for byline in article.bylines)
        body.append(f'<p class="byline">By <span class="author">{names}</span></p>')
    if article.published is not None:
        when = _when(article.published)
        head.append(f'<meta property="article:published_time" content="{when}">')
        body.append(f'<p class="published"><time datetime="{when}">{when}</time></p>')
    if article.modified is not None:
        head.append(f'<meta property="article:modified_time" content="{_when(article.modified)}">')
    body.append('<div class="article-body">')
    body.extend(block_xhtml(block) for block in article.body)
    body.append("</div>")
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n"
        + "\n".join(head)
        + "\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )
