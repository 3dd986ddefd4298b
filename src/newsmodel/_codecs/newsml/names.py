"""Namespaces, qualified names and element helpers shared by the NewsML-G2 modules."""

from __future__ import annotations

from lxml import etree

# Documented and re-exported as newsmodel.newsml.NAMESPACE.
NAMESPACE = "urn:newsmodel:newsml:1"

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def nar(name: str) -> str:
    return f"{{{NAR}}}{name}"


def nm(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def xh(name: str) -> str:
    return f"{{{XHTML}}}{name}"


def sub(
    parent: etree._Element, element_tag: str, text: str | None = None, /, **attrib: str
) -> etree._Element:
    element = etree.SubElement(parent, element_tag, attrib)
    if text is not None:
        element.text = text
    return element


def local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def source_line(element: etree._Element) -> int | None:
    line: object = element.sourceline  # lxml-stubs say int, lxml says int or None
    return line if isinstance(line, int) else None
