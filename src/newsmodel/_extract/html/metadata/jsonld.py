"""Metadata from the page's JSON-LD article node."""

from __future__ import annotations

import re
from typing import Any

from ...._model import Byline, BylineKind, Image, Organization
from ...common.bylines import is_organization, name_case
from ...common.cleantext import clean_text
from ...common.counts import lenient_count
from ...common.schemaorg import Graph, node_id, types_of
from .fields import _BY_PREFIX, _byline_with, _Fields, _keywords, _list, _split, _text

#: The genre an article subtype declares.
_GENRES = {
    "opinionnewsarticle": "opinion",
    "analysisnewsarticle": "analysis",
    "reviewnewsarticle": "review",
    "review": "review",
    "backgroundnewsarticle": "background",
    "reportagenewsarticle": "news",
    "satiricalarticle": "satire",
    "blogposting": "blog",
    "liveblogposting": "live blog",
}


def _body_text(value: object) -> str | None:
    """An ``articleBody``: like :func:`clean_text`, but its paragraph breaks kept."""
    if not isinstance(value, str):
        return None
    lines = [clean_text(line) for line in re.split(r"\s*(?:\n|<br\s*/?>|</p>)\s*", value)]
    return "\n".join(line for line in lines if line) or None


def _jsonld_bylines(value: object, graph: Graph) -> list[Byline]:
    bylines: list[Byline] = []
    for item in _list(value):
        item = graph.resolve(item)
        if isinstance(item, str):
            text = clean_text(item)
            if text and not text.startswith(("http://", "https://")):
                bylines.extend(_split(text))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                given, family = _text(item.get("givenName")), _text(item.get("familyName"))
                name = " ".join(part for part in (given, family) if part) or None
            if not name or name.startswith(("http://", "https://")):
                continue
            organization = bool(types_of(item) & {"organization", "newsmediaorganization"})
            url = _text(item.get("url")) or _text(item.get("sameAs"))
            email = _text(item.get("email"))
            role = _text(item.get("jobTitle"))
            affiliation = _text(item.get("affiliation"), graph) or _text(
                item.get("worksFor"), graph
            )
            split = _split(name)
            if len(split) > 1 or (split and _BY_PREFIX.match(name)):
                # A whole printed byline in a name field ("By A and B, Associated Press").
                bylines.extend(split)
            elif organization or is_organization(split[0].name if split else name):
                # "Jane Doe | Example Media" is a person with an affiliation, not a company.
                bylines.append(Byline(name=name, kind=BylineKind.ORGANIZATION, url=url))
            else:
                person = split[0] if split else Byline(name=name_case(name))
                bylines.append(
                    _byline_with(
                        person,
                        role=role or person.role,
                        affiliation=affiliation or person.affiliation,
                        url=url if url and url.startswith(("http", "/")) else None,
                        email=email.removeprefix("mailto:") if email else person.email,
                    )
                )
    return bylines


def _jsonld_images(value: object, graph: Graph) -> list[Image]:
    images: list[Image] = []
    for item in _list(value):
        item = graph.resolve(item)
        if isinstance(item, str):
            if item.strip():
                images.append(Image(url=item.strip()))
        elif isinstance(item, dict):
            url = _text(item.get("url")) or _text(item.get("contentUrl"))
            if not url:
                continue
            images.append(
                Image(
                    url=url,
                    caption=_text(item.get("caption")) or _text(item.get("description")),
                    credit=_text(item.get("creditText"))
                    or _text(item.get("copyrightHolder"), graph)
                    or _text(item.get("author"), graph),
                    width=_dimension(item.get("width")),
                    height=_dimension(item.get("height")),
                )
            )
    return images


def _dimension(value: object) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str):
        match = re.match(r"\s*(\d{1,6})", value)
        return int(match.group(1)) if match else None
    return None


def _from_jsonld(node: dict[str, Any], graph: Graph) -> _Fields:
    fields = _Fields()
    fields.headline = _text(node.get("headline")) or _text(node.get("name"))
    fields.description = _text(node.get("description")) or _text(node.get("abstract"))
    fields.authors = _jsonld_bylines(node.get("author"), graph) or _jsonld_bylines(
        node.get("creator"), graph
    )
    for key, target in (("datePublished", fields.published), ("dateCreated", fields.published)):
        text = _text(node.get(key))
        if text:
            target.append(text)
    modified = _text(node.get("dateModified"))
    if modified:
        fields.modified.append(modified)
    fields.section = _text(node.get("articleSection"))
    fields.keywords = _keywords([node.get("keywords")])
    fields.images = _jsonld_images(node.get("image"), graph) or _jsonld_images(
        node.get("thumbnailUrl"), graph
    )
    url = _text(node.get("url"), graph)
    if not url:
        entity = graph.resolve(node.get("mainEntityOfPage"))
        url = node_id(entity) if isinstance(entity, dict) else _text(entity)
    fields.url = url if url and url.startswith("http") else None
    fields.language = _text(node.get("inLanguage"), graph)
    publisher = graph.resolve(node.get("publisher"))
    if isinstance(publisher, list) and publisher:
        publisher = graph.resolve(publisher[0])
    if isinstance(publisher, dict):
        name = _text(publisher.get("name"))
        if name:
            logo = graph.resolve(publisher.get("logo"))
            fields.publisher = Organization(
                name=name,
                url=_text(publisher.get("url")),
                logo=_text(logo.get("url")) if isinstance(logo, dict) else _text(logo),
            )
    elif isinstance(publisher, str):
        name = clean_text(publisher)
        if name:
            fields.publisher = Organization(name=name)
    fields.rights = _text(node.get("copyrightNotice")) or _text(node.get("license"))
    statistic = graph.resolve(node.get("interactionStatistic"))
    fields.comment_count = lenient_count(node.get("commentCount"))
    if fields.comment_count is None:
        for item in _list(statistic):
            if isinstance(item, dict) and "comment" in str(item.get("interactionType", "")).lower():
                fields.comment_count = lenient_count(item.get("userInteractionCount"))
    for kind in types_of(node):
        if kind in _GENRES:
            fields.genre = _GENRES[kind]
            break
    identifier = _text(node.get("identifier"))
    fields.id = identifier if identifier and not identifier.startswith("http") else None
    return fields
