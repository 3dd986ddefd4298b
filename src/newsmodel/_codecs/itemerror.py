"""The error of one item of a document that holds several (a feed's items, NewsML 1's
NewsItems, a WordPress export's posts)."""

from __future__ import annotations

from lxml import etree

from ..errors import NewsModelError, ParseError

__all__ = ["item_error"]


def item_error(error: NewsModelError, item: str, element: etree._Element) -> ParseError:
    """``error`` as the document's: ``item`` ("item 3") before the message, the path kept,
    and the culprit's own line, or the item's when the error has none."""
    line = error.line
    if line is None:
        found: object = element.sourceline  # lxml-stubs say int, lxml says int or None
        line = found if isinstance(found, int) else None
    return ParseError(f"{item}: {error.message}", path=error.path, line=line, column=error.column)
