"""What a region's ``class`` and ``id`` names say about it: boilerplate ("share-bar",
"related"), the article's text ("entry-content"), or nothing.

Names are cut into words at dashes, underscores, colons, slashes, dots and camel-case
boundaries, and the words looked up in the vocabularies below; no word names a site.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["name_hints"]

#: Where a camel-cased word is cut ("shareBar").
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")

#: Class and id words of regions that are not the article's text.
_NEGATIVE_WORDS = frozenset(
    {
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "dfp", "gpt",
        "sponsor", "sponsored", "promo", "promotion", "promoted", "outbrain", "taboola",
        "share", "sharing", "shares", "sharebar", "social", "socials", "sociallinks",
        "related", "recommended", "recommendations", "recirc", "recirculation", "more",
        "newsletter", "newsletters", "subscribe", "subscription", "signup",
        "comment", "comments", "disqus", "respond", "reply",
        "cookie", "cookies", "consent", "gdpr", "banner", "popup", "modal", "overlay",
        "sidebar", "widget", "widgets", "rail", "footer", "masthead", "nav", "navbar",
        "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager",
        "byline", "bylines", "author", "authors", "dateline", "timestamp", "date", "time",
        "published", "updated", "meta", "tags", "tag", "keywords", "topics", "categories",
        "trending", "popular", "mostread", "toolbar", "tools", "print", "skip", "elementhidden",
        "sronly", "visuallyhidden", "offscreen", "teaser", "teasers", "headline", "title",
        "kicker", "eyebrow", "bio", "follow", "login", "signin", "donate", "feedback",
        "caption", "credit", "podcast", "gallery",
        "carousel", "slideshow", "ribbon", "alert", "notice", "disclaimer", "copyright",
        "newsletterbox", "inline", "callout", "aside", "box", "card", "cards", "list",
        "links", "linklist", "headlines", "storylist", "feed",
    }
)  # fmt: skip

#: Negative words that outweigh any positive word beside them ("comment-body").
_STRONG_NEGATIVE_WORDS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "outbrain",
        "taboola", "share", "sharing", "social", "related", "recommended", "recirc",
        "newsletter", "subscribe", "comment", "comments", "disqus", "respond", "reply",
        "cookie", "cookies", "consent", "popup", "modal", "teaser", "teasers", "byline",
        "bylines", "author", "authors", "dateline", "timestamp", "date", "time", "published",
        "updated", "meta", "tags", "caption", "credit",
    }
)  # fmt: skip

#: Class and id words of regions that usually hold the article's text.
_POSITIVE_WORDS = frozenset(
    {
        "article", "articlebody", "body", "content", "entry", "main", "post", "story",
        "storybody", "text", "prose", "richtext", "blog", "permalink", "page",
    }
)  # fmt: skip

#: Compound names that mark an article body outright ("article-body", "entry-content"…).
_BODY_NAME = re.compile(
    r"(?:article|story|entry|post|news|main)[-_ ]?(?:body|content|text)"
    r"|(?:body|content)[-_ ]?(?:article|story|text)"
    r"|articlebody|storybody|rich[-_]?text",
    re.IGNORECASE,
)
#: The same for a lower-cased ASCII name: matching without IGNORECASE is several times faster
#: on the long names that do not match.
_BODY_NAME_ASCII = re.compile(_BODY_NAME.pattern)


@lru_cache(maxsize=4096)
def name_hints(name: str) -> tuple[bool, bool, bool, bool]:
    """Negative, positive, article-body and strongly negative hints of a class or id value.

    A page has thousands of distinct names, most of them site-made, so this runs on nearly
    every one: the separators are replaced in turn rather than matched by a regex, and the
    camel-case boundary is looked for only in a word with a capital after its first letter.
    """
    lower = name.lower()
    spaced = name.replace("_", " ").replace("-", " ").replace(":", " ")
    parts = spaced.replace("/", " ").replace(".", " ").split()
    words: list[str]
    if lower == name:
        words = parts
    else:
        words = []
        for part in parts:
            rest = part[1:]
            if rest.lower() == rest:
                words.append(part.lower())
            else:
                words.extend(w.lower() for w in _CAMEL_BOUNDARY.split(part) if w)
    # Every article-body name holds one of these words: most names are ruled out at once.
    body = ("body" in lower or "content" in lower or "text" in lower) and (
        _BODY_NAME_ASCII.search(lower) if name.isascii() else _BODY_NAME.search(name)
    ) is not None
    positive = body or not _POSITIVE_WORDS.isdisjoint(words)
    found = _NEGATIVE_WORDS.intersection(words)
    if not found and (lower != name or "-" in name):
        # A name written as one word ("share-bar", "shareBar" for "sharebar"); without a
        # dash or a capital, each such word is one of the words already looked up.
        found = _NEGATIVE_WORDS.intersection(lower.replace("-", "").split())
    # "content-with-sidebar" is content; "comment-content" is still a comment.
    strong = not body and not _STRONG_NEGATIVE_WORDS.isdisjoint(found)
    negative = not body and bool(found) and (not positive or strong)
    return negative, positive, body, strong
