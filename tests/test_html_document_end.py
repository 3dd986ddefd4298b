"""End tags of ``body`` and ``html`` are taken out of a page before lxml reads it (libxml2
drops what follows them), in its UTF-8 bytes: exactly where a text regex finds them."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from newsmodel import html

_TEXT_END_TAG = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)

_PIECES = st.sampled_from(
    [
        "</body>", "</BODY>", "</Html >", "</html\n\t>", "</body\u00a0>", "</body\u3000\u2003>",
        "</body\x1c>", "</bodyx>", "</b>", "</ht", "ml>", "<p>", "x", "é", "İ", "ſ", "\u212a",
        " ", "\n", "\u00a0", "\u2028", "\x1f", "\U0001f600", ">", "</",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_end_tags_leave_the_bytes_where_a_text_regex_finds_them(text: str) -> None:
    """Every case and every white space a text pattern's ``\\s`` matches, and nothing else."""
    expected = _TEXT_END_TAG.sub("", text)
    assert html._DOCUMENT_END_TAG.sub(b"", text.encode("utf-8")) == expected.encode("utf-8")
    assert html._blank(expected.encode("utf-8")) == (not expected or expected.isspace())


def test_every_white_space_character_is_spelled_out() -> None:
    """The bytes pattern lists every character ``str.isspace`` knows."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert all(html._DOCUMENT_END_TAG.fullmatch(f"</body{space}>".encode()) for space in spaces)
