"""Search for a pattern that only matches at the start of a word, faster than ``re`` does.

A pattern that begins with ``\\b`` has no first character the regex engine can look for, so a
search enters the matcher at every offset of the text, most of them inside words. Every word
start but the text's first follows a character that is no letter or digit, and most follow a
space: a search for " " and then the pattern starts at a literal the engine skips ahead to,
and a search for the other separators starts at a class of characters the engine checks
cheaply. :class:`WordStarts` runs both and merges what they find into exactly the matches of
the plain ``\\b`` search, in order.
"""

from __future__ import annotations

import re

__all__ = ["WordStarts", "cuts_word"]


class WordStarts:
    """A pattern whose every match starts with a word character at a word boundary.

    Args:
        body: The pattern without its leading ``\\b``. Each match must begin with a word
            character (a letter, digit or underscore), as a word or a name does.
    """

    __slots__ = ("_after_other", "_after_space", "pattern")

    def __init__(self, body: str) -> None:
        #: The plain pattern: each of :meth:`find_all`'s matches is a match of it.
        self.pattern = re.compile(r"\b(?:" + body + ")")
        # After a space, a match that begins with a word character is at a word boundary:
        # the ``\b`` is left out of the search that every space of a text enters.
        self._after_space = re.compile(r" (?:" + body + ")")
        # Letters and digits outside ASCII are let through here and refused by the ``\b``.
        self._after_other = re.compile(r"[^a-zA-Z0-9 ]\b(?:" + body + ")")

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """Return what ``list(self.pattern.finditer(text, start, end))`` returns.

        Args:
            text: The text to search.
            start: Where the search starts; a match there needs a word boundary as in
                ``re`` (the character before ``start`` counts).
            end: Where every match must end; the end of the text when ``None``.
        """
        if end is None:
            end = len(text)
        found: list[re.Match[str]] = []
        # A match at ``start`` follows the separator before it, if any: the searches start
        # there. Only at the text's start is there none to find it by.
        match = self.pattern.match(text, 0, end) if start == 0 else None
        spaced = self._after_space.search(text, max(start - 1, 0), end)
        other = self._after_other.search(text, max(start - 1, 0), end)
        while True:
            if match is not None:
                found.append(match)
                at = match.end()
                match = None
                if start < at < end and not _is_word(text[at - 1]):
                    # A match that ends in a separator may be followed by one at once.
                    match = self.pattern.match(text, at, end)
                    if match is not None:
                        continue
                # Candidates that overlap the match found are searched for again after it.
                if spaced is not None and spaced.start() < at:
                    spaced = self._after_space.search(text, at, end)
                if other is not None and other.start() < at:
                    other = self._after_other.search(text, at, end)
            if spaced is None and other is None:
                return found
            if other is None or (spaced is not None and spaced.start() < other.start()):
                assert spaced is not None
                at = spaced.start() + 1
                spaced = self._after_space.search(text, spaced.end(), end)
            else:
                at = other.start() + 1
                other = self._after_other.search(text, other.end(), end)
            match = self.pattern.match(text, at, end)


def cuts_word(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a word of ``text``: a range that ends there lets a match
    end with part of a word, which the text's own word boundary would refuse."""
    return 0 < at < len(text) and _is_word(text[at - 1]) and _is_word(text[at])


def _is_word(char: str) -> bool:
    """Whether ``char`` is a word character as ``\\w`` matches it."""
    return char.isalnum() or char == "_"
