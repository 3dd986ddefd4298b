"""One pass over a parsed page that later readers share instead of each searching the tree.

libxml2 evaluates XPath ``contains(@class, …)`` predicates slowly; fetching every element
with a ``class`` or ``id`` once and filtering the lower-cased names in Python is several times
faster, and metadata, byline and comment readers all need the same few names.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple, cast

from lxml import etree

__all__ = [
    "BY_LINE_TAGS",
    "METADATA_TAGS",
    "Named",
    "PageIndex",
    "element_text",
    "is_markup",
    "named_elements",
    "opens_byline",
    "xpath_elements",
]

_NAMED_XPATH = etree.XPath("//*[@class or @id]")
#: Microdata properties and items, fetched together: libxml2's cost is the walk, not the test.
_MICRODATA_XPATH = etree.XPath("descendant-or-self::*[@itemprop or @itemscope]")


class Named(NamedTuple):
    """An element with its ``class`` and ``id`` values, lower-cased."""

    el: etree._Element
    classes: str
    id: str


def xpath_elements(xpath: etree.XPath, root: etree._Element) -> list[etree._Element]:
    """The elements a compiled XPath selects (other results, such as strings, dropped)."""
    result = xpath(root)
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, etree._Element)]


def is_markup(el: etree._Element) -> bool:
    """Whether a node is an element proper, not a comment, processing instruction or entity."""
    return not isinstance(el, (etree._Comment, etree._ProcessingInstruction, etree._Entity))


def named_elements(root: etree._Element) -> tuple[Named, ...]:
    """Every element of the page that has a ``class`` or an ``id``, in document order."""
    return tuple(
        Named(el, (el.get("class") or "").lower(), (el.get("id") or "").lower())
        for el in xpath_elements(_NAMED_XPATH, root)
    )


#: The elements page metadata is read from (of links, only those with a ``rel``).
METADATA_TAGS = frozenset({"meta", "link", "script", "title", "time", "h1", "a"})


#: Elements whose own text may be a printed byline without a telling class ("By Ann Lee").
BY_LINE_TAGS = frozenset({"p", "span", "div", "address", "li"})


def opens_byline(text: str) -> bool:
    """Whether an element's own text is short and opens with "By", as a printed byline does."""
    return len(text) < 120 and text.lstrip()[:3] in ("By ", "by ", "By", "by")


def _named(el: etree._Element, classes: str, ident: str) -> Named:
    return Named(el, classes.lower(), ident.lower())


def _joined_lower(values: list[str]) -> tuple[str, list[int]]:
    """The values joined and lower-cased, with where each one starts in the joined text."""
    text = "".join(values).lower()
    if len(text) != sum(map(len, values)):
        # A few letters lengthen when lower-cased ("İ"): each value is lowered on its own.
        values = [value.lower() for value in values]
        text = "".join(values)
    return text, [*accumulate(map(len, values), initial=0)]


class PageIndex:
    """The element lists of one page that several readers need, each computed once."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        #: The named elements, their classes and their ids, in three columns (no object per
        #: element: a page has thousands). The names are lower-cased only when searched.
        self._columns: tuple[list[etree._Element], list[str], list[str]] | None = None
        #: A column's values joined and lower-cased, with where each element's value starts.
        self._joined: dict[int, tuple[str, list[int]]] = {}
        self._itemprops: list[etree._Element] | None = None
        self._itemscopes: list[etree._Element] | None = None
        self._metadata_elements: list[etree._Element] | None = None
        self._by_lines: list[etree._Element] | None = None

    @property
    def named(self) -> tuple[Named, ...]:
        """Elements with a ``class`` or ``id``, in document order."""
        elements, classes, ids = self._named_columns()
        return tuple(map(_named, elements, classes, ids))

    def set_named(self, flat: list[etree._Element | str]) -> None:
        """Take the named elements from a reader that walks the whole tree anyway, as one flat
        list of element, classes and id after another (empty strings for none)."""
        columns = (flat[0::3], flat[1::3], flat[2::3])
        self._columns = cast("tuple[list[etree._Element], list[str], list[str]]", columns)
        self._joined = {}

    def _named_columns(self) -> tuple[list[etree._Element], list[str], list[str]]:
        if self._columns is None:
            named = named_elements(self.root)
            self._columns = (
                [item.el for item in named],
                [item.classes for item in named],
                [item.id for item in named],
            )
        return self._columns

    def named_holding(
        self, class_parts: Iterable[str] = (), id_parts: Iterable[str] = ()
    ) -> list[Named]:
        """The named elements whose lower-cased classes hold one of ``class_parts``, or whose
        id holds one of ``id_parts``, in document order, and possibly a few others besides
        (callers test each element they get).

        Readers look for a few elements among thousands by a word in their names ("author",
        "comment"): one substring search through all the names at once finds them without a
        Python test per element.
        """
        elements, classes, ids = self._named_columns()
        found: set[int] = set()
        for column, values, parts in ((1, classes, class_parts), (2, ids, id_parts)):
            if not parts:
                continue
            if column not in self._joined:
                self._joined[column] = _joined_lower(values)
            text, starts = self._joined[column]
            for part in parts:
                at = text.find(part)
                while at >= 0:
                    # The element whose names this occurrence starts in (a match across two
                    # elements' names, with no separator between them, only adds a candidate).
                    index = bisect_right(starts, at) - 1
                    found.add(index)
                    at = text.find(part, starts[index + 1])
        return [_named(elements[i], classes[i], ids[i]) for i in sorted(found)]

    @property
    def itemprops(self) -> list[etree._Element]:
        """Elements with an ``itemprop`` (microdata properties), in document order."""
        if self._itemprops is None:
            self._itemprops, self._itemscopes = self._microdata()
        return self._itemprops

    @property
    def itemscopes(self) -> list[etree._Element]:
        """Elements with an ``itemscope`` (microdata items), in document order."""
        if self._itemscopes is None:
            self._itemprops, self._itemscopes = self._microdata()
        return self._itemscopes

    def set_microdata(
        self, itemprops: list[etree._Element], itemscopes: list[etree._Element]
    ) -> None:
        """Take the microdata lists from a reader that walks the whole tree anyway."""
        self._itemprops, self._itemscopes = itemprops, itemscopes

    @property
    def metadata_elements(self) -> list[etree._Element]:
        """The ``meta``, ``link``, ``script``, ``title``, ``time`` and ``h1`` elements, and the
        links with a ``rel``, in document order."""
        if self._metadata_elements is None:
            self._metadata_elements = [
                el
                for el in self.root.iter(*METADATA_TAGS)
                if el.tag != "a" or el.get("rel") is not None
            ]
        return self._metadata_elements

    def set_metadata_elements(self, elements: list[etree._Element]) -> None:
        """Take the metadata elements from a reader that walks the whole tree anyway."""
        self._metadata_elements = elements

    @property
    def by_lines(self) -> list[etree._Element]:
        """The elements of :data:`BY_LINE_TAGS` whose own text :func:`opens_byline`, in
        document order."""
        if self._by_lines is None:
            self._by_lines = [
                el for el in self.root.iter(*BY_LINE_TAGS) if el.text and opens_byline(el.text)
            ]
        return self._by_lines

    def set_by_lines(self, elements: list[etree._Element]) -> None:
        """Take the by-lines from a reader that reads every element's text anyway."""
        self._by_lines = elements

    def _microdata(self) -> tuple[list[etree._Element], list[etree._Element]]:
        found = xpath_elements(_MICRODATA_XPATH, self.root)
        props = [el for el in found if el.get("itemprop") is not None]
        return props, [el for el in found if el.get("itemscope") is not None]


def element_text(el: etree._Element) -> str:
    """All the text inside an element, scripts and styles excepted."""
    return "".join(_texts(el))


def _texts(el: etree._Element) -> list[str]:
    out: list[str] = []
    if el.text:
        out.append(el.text)
    for child in el:
        if is_markup(child) and child.tag not in _NO_TEXT:
            out.extend(_texts(child))
        if child.tail:
            out.append(child.tail)
    return out


_NO_TEXT = frozenset({"script", "style", "template", "noscript"})
