"""Decode a page's ``application/ld+json`` blocks, repairing what publishers get wrong."""

from __future__ import annotations

import json
import re

from ... import _guesses
from ...errors import GuessWarning
from .cleantext import LONE_SURROGATE_ESCAPE, unescape

__all__ = ["load_block"]


_MAX_REPAIRS = 20
#: HTML comment and CDATA wrappers around a block.
_OPENERS = ("<!--", "<![CDATA[")
_CLOSERS = ("-->", "]]>")
_CONTROL = re.compile(r"[\x00-\x1f]")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
#: A JSON string, kept as it is, or a comment outside strings, removed.
_JSON_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|/\*.*?\*/|(?<![:\w"])//[^\n]*', re.DOTALL)


def load_block(text: str) -> object | None:
    """Decode one ``ld+json`` block, repairing it leniently when it is not strict JSON.

    Repairs, in order: an escape of half a surrogate pair (``\\ud800``, made U+FFFD), HTML
    comment and CDATA wrappers, a trailing semicolon, ``//`` and ``/* */`` comments, control
    characters inside strings, trailing commas, quotation marks left unescaped inside
    strings, and HTML entities.

    Returns:
        The decoded value, or ``None`` (with a warning) when even the repaired text fails.

    Warns:
        GuessWarning: the block needed repair, or could not be read.
    """
    text = _unwrapped(text.strip()).strip().rstrip(";").strip()
    if not text:
        return None
    # Half a surrogate pair decodes to text no writer can encode. The exact pattern is slow,
    # and many blocks escape other characters (\u002F): only a \uD… escape can be one.
    if "\\ud" in text or "\\uD" in text:
        text = LONE_SURROGATE_ESCAPE.sub(r"\\ufffd", text)
    try:
        value: object = json.loads(text)
    except RecursionError:
        _guesses.warn("skipped a JSON-LD block nested too deeply", GuessWarning, stacklevel=2)
        return None
    except ValueError:
        pass
    else:
        return value
    # Comments go first, while the line ends that close "//" comments are still there.
    repaired = _JSON_COMMENT.sub(lambda match: match.group(1) or "", text)
    repaired = _CONTROL.sub(" ", repaired)
    repaired = _TRAILING_COMMA.sub(r"\1", repaired)
    for candidate in (repaired, unescape(repaired)):
        value = _escape_stray_quotes(candidate)
        if value is not None:
            _guesses.warn("repaired a malformed JSON-LD block", GuessWarning, stacklevel=2)
            return value
    _guesses.warn(
        "skipped a JSON-LD block that is not JSON even after repair", GuessWarning, stacklevel=2
    )
    return None


def _unwrapped(text: str) -> str:
    """``text`` without an opening wrapper at its start and a closing one at its end (tested
    at the two ends: a pattern searched through the whole block is slow on long ones)."""
    for opener in _OPENERS:
        if text.startswith(opener):
            text = text[len(opener) :]
            break
    for closer in _CLOSERS:
        if text.endswith(closer):
            return text[: -len(closer)]
    return text


def _escape_stray_quotes(text: str) -> object | None:
    """Decode ``text``, escaping a quotation mark that ended a string too early, repeatedly."""
    for _ in range(_MAX_REPAIRS):
        try:
            value: object = json.loads(text)
        except RecursionError:
            return None
        except json.JSONDecodeError as error:
            # The parser stops just after the stray quote's string: the quote is the last
            # one before the error, and "she said "no" today" becomes one string again.
            quote = text.rfind('"', 0, error.pos)
            if quote <= 0 or text[quote - 1] == "\\" or error.msg.startswith("Extra data"):
                return None
            text = f"{text[:quote]}\\{text[quote:]}"
        except ValueError:
            return None  # valid syntax that Python refuses, such as a 5,000-digit number
        else:
            return value
    return None
