"""What a page that is not an article says it is: a forum thread, a product, a listing…

Only the page's own declarations count (schema.org types, ``og:type``, a "page not found"
title), and only when nothing on the page declares an article: a news story that also marks
up the product it reviews or the FAQ it ends with is still a news story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["PageKind", "declared_page_kind"]

#: schema.org types of whole pages that are not articles, with what they make the page.
_SCHEMA_KINDS = {
    "discussionforumposting": ("forum", "a forum thread"),
    "qapage": ("forum", "a question-and-answer page"),
    "product": ("product", "a product page"),
    "productgroup": ("product", "a product page"),
    "collectionpage": ("listing", "a listing page"),
    "searchresultspage": ("listing", "a page of search results"),
    "profilepage": ("listing", "a profile page"),
    "contactpage": ("contact", "a contact page"),
}
_OG_KINDS = {
    "product": ("product", "a product page"),
    "product.group": ("product", "a product page"),
    "product.item": ("product", "a product page"),
    "profile": ("listing", "a profile page"),
}
_ERROR_TITLE = re.compile(
    r"^\W*(?:(?:error\s*)?404\b|page\s+not\s+found|not\s+found\b|file\s+not\s+found"
    r"|seite\s+nicht\s+gefunden|page\s+introuvable|p[áa]gina\s+no\s+encontrada"
    r"|p[áa]gina\s+n[ãa]o\s+encontrada|pagina\s+non\s+trovata|страница\s+не\s+найдена)",
    re.IGNORECASE,
)

#: A kind of page (``"forum"``, ``"product"``…) and the reason, as a sentence.
PageKind = tuple[str, str]


def declared_page_kind(
    schema_types: Iterable[frozenset[str]], og_types: Iterable[str], titles: Iterable[str]
) -> PageKind | None:
    """The non-article kind a page declares, or ``None`` when it declares none.

    Args:
        schema_types: The types of each JSON-LD and microdata node of the page, lower-cased.
        og_types: The page's ``og:type`` values.
        titles: The page's ``<title>`` and ``<h1>`` texts.
    """
    for title in titles:
        if _ERROR_TITLE.match(title):
            return "error", f"the page is an error page (its title reads {title[:60]!r})"
    for types in schema_types:
        for name in sorted(types):
            if name in _SCHEMA_KINDS:
                kind, what = _SCHEMA_KINDS[name]
                return kind, f"the page is {what} (schema.org {name})"
    for value in og_types:
        found = _OG_KINDS.get(value.strip().lower())
        if found is not None:
            kind, what = found
            return kind, f"the page is {what} (og:type {value.strip()})"
    return None
