"""Plain text from bytes and from damaged strings.

Text files carry no charset declaration, so :func:`decode_text` tries what is likely: UTF-8
(with or without its byte-order mark), UTF-16 and UTF-32 by their marks or by the pattern of
zero bytes ASCII leaves in them, then windows-1252 and, last, Latin-1. :func:`repair_mojibake`
undoes UTF-8 that was decoded as windows-1252 or Latin-1 (once or twice) -- "CafÃ©", "itâ€™s" --
and :func:`clean_text` normalises line endings and removes control characters. Every guess
issues a :class:`~newsmodel.errors.GuessWarning`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from ... import _guesses
from ...errors import GuessWarning
from ..common.encoding import decode_bom, try_decode

__all__ = ["clean_text", "decode_text", "repair_mojibake"]


def _guess(message: str) -> None:
    _guesses.warn(message, GuessWarning, stacklevel=4)


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII in UTF-16 leaves a zero byte in every other position: the even ones in big-endian
    # text, the odd ones in little-endian. UTF-8 text never contains zero bytes.
    sample = data[:2048]
    if len(sample) < 4 or len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > half * 0.4:
            return try_decode(data, codec)
    return None


def decode_text(data: bytes) -> str:
    """Decode the bytes of a plain-text file.

    UTF-8, with or without a byte-order mark, is read silently, as is anything with a UTF-16 or
    UTF-32 byte-order mark. Everything else is a guess, reported with a :class:`GuessWarning`:
    UTF-16 recognised by its zero bytes, then windows-1252, then Latin-1 (which decodes
    anything).
    """
    text = decode_bom(data)
    if text is None:
        text = try_decode(data, "utf-8")
    if text is not None:
        return text
    text = _utf16_without_bom(data)
    if text is not None:
        _guess("the text is not UTF-8; read it as UTF-16 (no byte-order mark)")
        return text
    text = try_decode(data, "cp1252")
    if text is None:
        # The five bytes windows-1252 leaves undefined: Latin-1 maps them to control
        # characters, which clean_text then removes.
        _guess("the text is not UTF-8; read it as Latin-1")
        return data.decode("latin-1")
    _guess("the text is not UTF-8; read it as windows-1252")
    return text


def _byte_table() -> dict[str, int]:
    # Each character windows-1252 or Latin-1 shows for a byte 0x80-0xFF, back to that byte.
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        table[bytes([byte]).decode("latin-1")] = byte
        try:
            table[bytes([byte]).decode("cp1252")] = byte
        except UnicodeDecodeError:
            continue
    # Windows-1252 has no character for 0x9D, so decoders replace it with U+FFFD; in a
    # mangled sequence it nearly always stood for the last byte of ” (E2 80 9D).
    table["\ufffd"] = 0x9D
    return table


_BYTES: Final = _byte_table()
_CONTINUATION: Final = "".join(
    re.escape(char) for char, byte in _BYTES.items() if 0x80 <= byte <= 0xBF
)
_LEAD2: Final = "".join(re.escape(char) for char, byte in _BYTES.items() if 0xC2 <= byte <= 0xDF)
_LEAD3: Final = "".join(re.escape(char) for char, byte in _BYTES.items() if 0xE0 <= byte <= 0xEF)
_LEAD4: Final = "".join(re.escape(char) for char, byte in _BYTES.items() if 0xF0 <= byte <= 0xF4)
#: A UTF-8 sequence shown as windows-1252 or Latin-1: a lead byte's character and as many
#: continuation bytes' characters as the lead announces. "Ã©" is é, "â€™" is ’.
_MOJIBAKE: Final = re.compile(
    f"[{_LEAD2}][{_CONTINUATION}]|[{_LEAD3}][{_CONTINUATION}]{{2}}|[{_LEAD4}][{_CONTINUATION}]{{3}}"
)
#: The characters that open such a sequence, for a quick test before the full search.
_SUSPECT: Final = re.compile(f"[{_LEAD2}{_LEAD3}{_LEAD4}][{_CONTINUATION}]")


def _unmangle(match: re.Match[str]) -> str:
    piece = match.group()
    try:
        char = bytes(_BYTES[char] for char in piece).decode("utf-8")
    except UnicodeDecodeError:
        return piece
    # Two-byte sequences past Hebrew and Arabic (Syriac, NKo) are almost never mojibake, while
    # German "Fuß“" or "ÜBER»" would decode to them: leave those alone.
    return piece if len(piece) == 2 and ord(char) >= 0x700 else char


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as windows-1252 or Latin-1, once or twice over.

    Only sequences that decode as UTF-8 are touched, so real accented text ("Ça va", "São
    Paulo") stays as it is. A repair issues a :class:`GuessWarning`.
    """
    if text.isascii() or not _SUSPECT.search(text):
        return text
    repaired = text
    for _ in range(3):
        fixed = _MOJIBAKE.sub(_unmangle, repaired)
        if fixed == repaired:
            break
        repaired = fixed
    if repaired != text:
        _guess("repaired double-encoded UTF-8 (mojibake) in the text")
    return repaired


#: C0 and C1 control characters except tab and newline, and the format characters that hide
#: in copied text (zero-width spaces and joiners' neighbours, the byte-order mark, soft hyphen).
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]")
_SPACE_LIKE: Final = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAK: Final = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def clean_text(text: str) -> str:
    """Normalise line endings to ``\\n``, spaces to ASCII spaces, and drop control characters.

    Also composes characters (NFC), so that "é" written as e + accent compares equal to "é".
    """
    if "\r" in text:
        text = _LINE_BREAK.sub("\n", text)
    # Nearly all text is clean: one pass in C to see that is much cheaper than the searches.
    if not text.replace("\n", " ").replace("\t", " ").isprintable():
        text = _LINE_BREAK.sub("\n", text)
        text = _CONTROL.sub("", text)
        text = _SPACE_LIKE.sub(" ", text)
    return text if text.isascii() else unicodedata.normalize("NFC", text)
