"""The language guess for pages that declare none, against the rules as they are stated."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel._extract.html import language
from newsmodel._extract.html.language import guess_language

_SCRIPT_COUNTS = (
    ("ko", r"[\uac00-\ud7af]", 50),
    ("ja", r"[\u3040-\u30ff]", 50),
    ("zh", r"[\u4e00-\u9fff]", 200),
    ("ru", r"[\u0400-\u04ff]", 200),
    ("ar", r"[\u0600-\u06ff]", 200),
)


def _reference(text: str) -> str | None:
    """The guess as the rules state it: a script that names a language, else the function
    words of one language clearly leading among the sample's words."""
    sample = text[: language.LANGUAGE_SAMPLE]
    for tag, letters, least in _SCRIPT_COUNTS:
        if len(re.findall(letters, sample)) > least:
            if tag == "ru" and re.search(r"[їєґі]", sample):
                return "uk"
            return tag
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", sample)]
    if len(words) < 30:
        return None
    counts = {
        tag: sum(word in vocabulary for word in words)
        for tag, vocabulary in language._FUNCTION_WORDS.items()
    }
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= 0.05 * len(words) and top >= 2 * second else None


_WORDS = st.sampled_from(
    [
        "the", "The", "THE", "and", "der", "Die", "und", "le", "Les", "não", "NÃO", "yang",
        "het", "il", "el", "bridge", "Brücke", "straße", "İstanbul", "ΣΟΦΙΑ", "x2", "_a",
        "한국", "カナ", "漢字", "привет", "їжак", "مرحبا", "“quoted”", "42", "-", "\n",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.tuples(_WORDS, st.integers(1, 120)), max_size=12))
def test_the_guess_follows_the_stated_rules(runs: list[tuple[str, int]]) -> None:
    """Scripts, capitalised and accented words, digits and marks: the fast guess agrees with
    a plain reading of its rules."""
    text = " ".join(" ".join([word] * count) for word, count in runs)
    assert guess_language(text) == _reference(text)
