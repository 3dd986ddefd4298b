"""Comment sections at the end of plain-text articles.

A section opens with a heading ("Comments", "12 comments", "Comment List", "Leave a comment",
"댓글 3"). Each comment that follows is an author line, an optional time line and the text
("Jane Doe · 2 hours ago" on one line works too); a reply is indented deeper than its parent
or marked with "↳". Buttons and form text copied with the page ("Reply", "Like", "Load more
comments", "Your email address will not be published") are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..._model import Comment, CommentThread
from ..common.dates import parse_date, read_date

__all__ = ["COMMENTS_HEADING", "comment_thread", "is_time"]

#: A heading that opens a comment section.
COMMENTS_HEADING: Final = re.compile(
    r"^(?:(?:\(?\d[\d,.]*\)?\s+)?(?:reader\s+|user\s+)?comments?"
    r"|(?:reader\s+)?comments?\s*[(\[:]?\s*\d[\d,]*\s*[)\]]?"
    r"|comment\s+(?:list|section|thread)"
    r"|(?:leave|post|add|write)\s+a\s+(?:comment|reply)"
    r"|join\s+the\s+(?:conversation|discussion)"
    r"|(?:show|view|see|read)\s+(?:all\s+)?(?:\d+\s+)?comments"
    r"|댓글(?:\s*[(\[]?\s*\d+\s*[)\]]?)?(?:\s*목록)?|\d+\s*개의\s*댓글|コメント(?:\s*\d+)?)\s*:?$",
    re.IGNORECASE,
)
_OPEN: Final = re.compile(
    r"^(?:(?:leave|post|add|write)\s+a\s+(?:comment|reply)|join\s+the\s+(?:conversation|discussion)"
    r"|(?:post|submit)\s+comment|댓글\s*(?:쓰기|달기|작성))\s*[.:]?$",
    re.IGNORECASE,
)
_CLOSED: Final = re.compile(
    r"^(?:comments\s+(?:are|have\s+been)\s+closed|commenting\s+(?:is|has\s+been)\s+(?:closed|disabled)"
    r"|comments\s+(?:for|on)\s+this\s+(?:article|story)\s+(?:are|have\s+been)\s+closed)\b.*$",
    re.IGNORECASE,
)
_FURNITURE: Final = re.compile(
    r"^(?:reply|replies|like|likes|report|flag|share|edit|delete|upvote|downvote|cancel|"
    r"\d+\s+(?:likes?|replies|reply|votes?|points?|upvotes?)|sort\s+by\b.*|newest|oldest|best|top|"
    r"most\s+(?:popular|liked|recent)|load\s+more\b.*|show\s+more\b.*|view\s+(?:more|all|\d+)\b.*"
    r"|see\s+more\b.*|(?:hide|show)\s+replies|be\s+the\s+first\s+to\s+comment\b.*"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published\b.*|required\s+fields\s+are\s+marked.*"
    r"|(?:sign|log)\s*(?:in|up)\b.*|comment\s+policy\b.*|(?:name|email|website|comment)\s*\*?"
    r"|답글|답글\s*달기|좋아요(?:\s*\d+)?|신고|[·|•]+)\s*[.!]?$",
    re.IGNORECASE,
)
_RELATIVE: Final = re.compile(
    r"^(?:(?:about\s+)?(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?"
    r"|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago|just\s+now|yesterday|today"
    r"|\d+\s*(?:초|분|시간|일|주|개월|년)\s*전|방금(?:\s*전)?)$",
    re.IGNORECASE,
)
_MARKER: Final = re.compile(r"^(?:(?:↳|⤷|└[─-]*|┗)\s*)+|^(?:reply|답글)\s*:\s*", re.IGNORECASE)
_AUTHOR_TIME: Final = re.compile(
    r"^(?P<author>[^·•|]{1,60}?)\s*(?:[·•|]|\s[–—-]\s|\son\s)\s*(?P<time>.+)$"
)
_AUTHOR_SAID: Final = re.compile(r"^(?P<author>.{1,60}?)\s+(?:said|says|wrote|writes)\s*:?$")
_DIGIT: Final = re.compile(r"\d")
_NUMBER: Final = re.compile(r"\d[\d,.]*")


def is_time(text: str) -> bool:
    """Whether a line is a comment's time: a date, a moment or a relative "2 hours ago"."""
    if _RELATIVE.match(text):
        return True
    return len(text) <= 60 and bool(_DIGIT.search(text)) and read_date(text, warn=False) is not None


def _when(text: str) -> dt.datetime | dt.date | None:
    if len(text) > 60 or not _DIGIT.search(text):
        return None
    return parse_date(text)


def _author_like(line: str) -> bool:
    if len(line) > 60 or len(line.split()) > 6 or line.endswith(("!", "?", ",", ";")):
        return False
    # "Jane D." ends with an initial, not with a sentence.
    return not line.endswith(".") or len(line.rsplit(None, 1)[-1]) <= 3


def total_of(heading: str) -> int | None:
    """The comment count a section heading declares ("12 comments", "Comments (12)")."""
    match = _NUMBER.search(heading)
    if match is None:
        return None
    digits = re.sub(r"[,.]", "", match.group())
    return int(digits) if digits.isdigit() else None


#: Deepest reply level kept; deeper replies join the replies at this level. Real threads nest
#: a handful of levels, and a deeper tree would overflow the stack of every recursive reader.
_DEEPEST_REPLY = 64


class _Node:
    __slots__ = ("author", "children", "published", "text")

    def __init__(self, author: str | None, published: dt.datetime | dt.date | None, text: str):
        self.author = author
        self.published = published
        self.text = text
        self.children: list[_Node] = []

    def freeze(self) -> Comment:
        return Comment(
            text=self.text,
            author=self.author,
            published=self.published,
            replies=tuple(child.freeze() for child in self.children),
        )


def _blocks(lines: list[str]) -> tuple[list[tuple[int, list[str]]], bool | None, int | None]:
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    level = 0
    block_indent = 0
    is_open: bool | None = None
    total: int | None = None

    def close() -> None:
        nonlocal current
        if current:
            blocks.append((level, current))
        current = []

    for raw in lines:
        expanded = raw.expandtabs(4)
        line = expanded.strip()
        if not line:
            close()
            continue
        if _CLOSED.match(line):
            is_open = False
            close()
            continue
        if _OPEN.match(line):
            is_open = True if is_open is None else is_open
            close()
            continue
        if COMMENTS_HEADING.match(line):
            total = total_of(line) if total is None else total
            close()
            continue
        if _FURNITURE.match(line):
            close()
            continue
        indent = len(expanded) - len(expanded.lstrip())
        marker = _MARKER.match(line)
        line_level = indent
        if marker is not None:
            line_level += 2 * max(1, marker.group().count("↳") + marker.group().count("⤷"))
            line = line[marker.end() :].strip()
            if not line:
                continue
        heads = _AUTHOR_TIME.match(line)
        if current and (
            marker is not None
            or indent != block_indent
            or (heads is not None and is_time(heads["time"]))
        ):
            close()
        elif current and len(current) >= 3 and is_time(line) and _author_like(current[-1]):
            # No blank lines between comments: a time line shows the line before it was the
            # next comment's author.
            author = current.pop()
            close()
            current = [author]
        if not current:
            level = line_level
            block_indent = indent
        current.append(line)
    close()
    return blocks, is_open, total


def comment_thread(heading: str, lines: list[str]) -> CommentThread:
    """Read a comment section: its heading and the lines after it.

    Returns:
        The thread, empty when no comment follows the heading; ``total`` is the count the
        heading declares, ``open`` is known when the section says so ("Comments are closed",
        a "Leave a comment" form).
    """
    blocks, is_open, total = _blocks(lines)
    declared = total_of(heading)
    if _OPEN.match(heading) and is_open is None:
        is_open = True
    roots: list[_Node] = []
    stack: list[tuple[int, _Node]] = []
    carried: tuple[str | None, dt.datetime | dt.date | None] = (None, None)
    for level, block in blocks:
        author, published = carried
        carried = (None, None)
        rest = block
        first = block[0]
        split = _AUTHOR_TIME.match(first)
        said = _AUTHOR_SAID.match(first)
        if split is not None and is_time(split["time"]):
            author, published = split["author"].strip(), _when(split["time"])
            rest = block[1:]
        elif is_time(first):
            published = _when(first)
            rest = block[1:]
        elif said is not None:
            author, rest = said["author"], block[1:]
        elif len(block) >= 2 and _author_like(first):
            author, rest = first, block[1:]
            if rest and is_time(rest[0]):
                published, rest = _when(rest[0]), rest[1:]
        if not rest:
            # An author and time with the text after a blank line.
            carried = (author, published)
            continue
        node = _Node(author, published, "\n".join(rest))
        while stack and (stack[-1][0] >= level or len(stack) >= _DEEPEST_REPLY):
            stack.pop()
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((level, node))
    return CommentThread(
        comments=tuple(node.freeze() for node in roots),
        total=declared if declared is not None else total,
        open=is_open,
    )
