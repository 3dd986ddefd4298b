"""Writing articles as ninjs 3.1: the writer behind :mod:`newsmodel.ninjs`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

from ... import _model as m
from ... import json as _nmjson
from ..._converter import format_when
from ..._model import Article, Byline, BylineKind
from ..xhtml import body_xhtml

__all__ = ["PROFILE", "SCHEMA_URI", "dumps", "to_dict"]


#: The ``profile`` of the ninjs objects newsmodel writes; such objects are read exactly.
PROFILE = "newsmodel-text"
#: The ninjs schema the output conforms to.
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")


def dumps(article: Article, *, indent: int | None = None) -> str:
    """Serialise an article to a ninjs 3.1 object (keys sorted).

    What ninjs cannot carry is left out: quotes, comments, corrections, byline roles and
    affiliations, the dateline's date and agency, the publisher's logo, and dates without a
    time (see the module documentation).
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(
        to_dict(article), ensure_ascii=False, sort_keys=True, indent=indent, separators=separators
    )


def to_dict(article: Article) -> dict[str, Any]:
    """The article as a ninjs 3.1 tree (see :func:`dumps` for what is left out)."""
    a = article
    doc: dict[str, Any] = {
        "uri": _uri(a),
        "type": "text",
        "representationType": "full",
        "profile": PROFILE,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
        "headlines": [{"role": "main", "value": a.headline}],
    }
    _put(doc, "altIds", _by_role(id=a.id, url=a.url))
    published = a.published if isinstance(a.published, dt.datetime) else None
    modified = a.modified if isinstance(a.modified, dt.datetime) else None
    if published is not None:
        doc["firstCreated"] = format_when(published)
    version = modified or published
    if version is not None:
        doc["versionCreated"] = format_when(version)
    _put(doc, "language", a.language)
    _put(doc, "copyrightNotice", a.rights)
    if a.standfirst is not None:
        doc["descriptions"] = [{"role": "summary", "value": a.standfirst}]
    if a.body:
        text = a.text
        doc["bodies"] = [
            {
                "role": "main",
                "contentType": "text/plain",
                "value": text,
                "charCount": len(text),
                "wordCount": len(text.split()),
            },
            {
                "role": "richtext",
                "contentType": "application/xhtml+xml",
                "value": body_xhtml(a.body),
            },
        ]
    people = [_party(b) for b in a.bylines if b.kind is BylineKind.PERSON]
    organisations = [_party(b) for b in a.bylines if b.kind is BylineKind.ORGANIZATION]
    _put(doc, "people", people)
    _put(doc, "organisations", organisations)
    if a.bylines:
        doc["by"] = _by(a.bylines)
    if a.publisher is not None:
        source = {"name": a.publisher.name, "role": "publisher"}
        _put(source, "uri", a.publisher.url if _is_iri(a.publisher.url) else None)
        doc["infoSources"] = [source]
    if a.dateline is not None and a.dateline.place is not None:
        doc["located"] = a.dateline.place
    if a.genre is not None:
        doc["genres"] = [{"name": a.genre}]
    subjects = [{"name": keyword, "rel": "keyword"} for keyword in a.keywords]
    if a.section is not None:
        subjects.append({"name": a.section, "rel": "section"})
    _put(doc, "subjects", subjects)
    _put(doc, "associations", [_association(i, image) for i, image in enumerate(a.images, 1)])
    return doc


def _put(doc: dict[str, Any], key: str, value: object) -> None:
    if value is not None and value != []:
        doc[key] = value


def _by_role(**values: str | None) -> list[dict[str, str]]:
    """ninjs' role-tagged values (``altIds``, ``descriptions``), those given, in order."""
    return [{"role": role, "value": value} for role, value in values.items() if value is not None]


def _is_iri(value: str | None) -> bool:
    return value is not None and _IRI.match(value) is not None


def _uri(article: Article) -> str:
    """The object's identifier: the article's id or URL, else a hash of its content."""
    for candidate in (article.id, article.url):
        if candidate is not None and _is_iri(candidate):
            return candidate
    # The hash is of the lossless form, so any change to the article changes it.
    # "surrogatepass": an article built in Python may hold half a surrogate pair.
    lossless = _nmjson.dumps(article).encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(lossless).hexdigest()[:32]
    return f"urn:newsmodel:{digest}"


def _party(byline: Byline) -> dict[str, Any]:
    party: dict[str, Any] = {"name": byline.name, "rel": "author"}
    contacts = []
    if byline.url is not None:
        if _is_iri(byline.url):
            party["uri"] = byline.url
        else:
            contacts.append({"type": "web", "value": byline.url})
    if byline.email is not None:
        contacts.append({"type": "email", "value": byline.email})
    _put(party, "contactInfo", contacts)
    return party


def _by(bylines: tuple[Byline, ...]) -> str:
    names = [byline.name for byline in bylines]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _association(number: int, image: m.Image) -> dict[str, Any]:
    rendition: dict[str, Any] = {"name": "original", "href": image.url}
    _put(rendition, "width", image.width)
    _put(rendition, "height", image.height)
    association: dict[str, Any] = {
        "name": f"image{number}",
        "uri": image.url,
        "type": "picture",
        "representationType": "partial",
        "renditions": [rendition],
    }
    _put(association, "descriptions", _by_role(caption=image.caption, alt=image.alt))
    _put(association, "by", image.credit)
    return association
