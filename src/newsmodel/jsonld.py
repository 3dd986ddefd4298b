"""schema.org JSON-LD: a ``NewsArticle`` out, and the articles real pages publish in.

Writing: :func:`dumps` gives one JSON-LD document, a ``NewsArticle`` node (or the subtype the
genre names: ``OpinionNewsArticle``, ``AnalysisNewsArticle``…) in the context
``https://schema.org``. Bylines become ``Person`` / ``Organization`` authors, quotes become
``Quotation`` parts with their speaker, comments become ``Comment`` trees. People and
organisations get stable ``@id``\\ s derived from the article's URL and their names, and a node
that appears twice (an author who is also quoted, a commenter who is also an author) is written
once and referred to by ``@id`` after that.

The output is safe inside an HTML ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and U+2029
are written as ``\\u`` escapes, so no text can close the element. Keys are sorted, so the same
article always gives the same bytes. Text is written in Unicode normalisation form NFC; an
article whose text is not NFC is normalised on the way out (offsets of quotes and links are
moved with their text).

What schema.org has no property for (the block structure of the body, inline links, quote
spans and attributions, the parts of a dateline, whether comments are open, a byline's role
on an organisation) travels under extension terms prefixed ``nm:``, declared in the document's
own context (:data:`NAMESPACE`); structured extension values are JSON literals (``@json``).
With them, ``loads(dumps(article)) == article`` for every article.

``core_only=True`` leaves out every term that is still pending at schema.org (``Quotation``,
``jobTitle``, ``creditText``, ``copyrightNotice``, ``correction``, the ``NewsArticle``
subtypes): their values move to ``nm:`` terms instead, so the round trip stays lossless.

Reading: :func:`loads` / :func:`from_dict` read the article of a JSON-LD document,
:func:`loads_all` / :func:`from_nodes` every article in it, :func:`articles_from_blocks` those of
the ``<script type="application/ld+json">`` blocks of a page. All accept what real pages
publish (``@graph``, top-level arrays, ``@id`` references, type lists, lower-case types,
``http`` contexts, ``type``/``id`` aliases, authors as strings, objects, arrays or references,
bylines written into author names, dates in any common form). A document this module wrote is
read exactly; any other is read leniently (white space tidied, HTML entities decoded).
"""

from __future__ import annotations

from ._codecs.jsonld.read import (
    articles_from_blocks,
    from_dict,
    from_nodes,
    loads,
    loads_all,
    sniff,
)
from ._codecs.jsonld.write import CONTEXT, PENDING_PROPERTIES, dumps, genre_type, to_dict
from ._extract.common.schemaorg import NAMESPACE

__all__ = [
    "CONTEXT",
    "NAMESPACE",
    "PENDING_PROPERTIES",
    "articles_from_blocks",
    "dumps",
    "from_dict",
    "from_nodes",
    "genre_type",
    "loads",
    "loads_all",
    "sniff",
    "to_dict",
]
