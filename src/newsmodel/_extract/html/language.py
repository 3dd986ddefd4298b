"""A light guess at a text's language, for pages that declare none.

Scripts that belong to one language (Hangul, kana) decide at once; otherwise the commonest
function words of a few languages are counted. The guess is made only when one language
clearly leads, and callers report it with a :class:`~newsmodel.errors.GuessWarning`.
"""

from __future__ import annotations

import re

__all__ = ["GUESSABLE_LANGUAGES", "LANGUAGE_SAMPLE", "guess_language"]

_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
#: A letter of any of the scripts above: most texts that are not ASCII (curly quotes, accented
#: Latin letters) hold none, and one search rules out the five counts.
_SCRIPTS = re.compile(
    "[" + "".join(p.pattern[1:-1] for p in (_HANGUL, _KANA, _HAN, _CYRILLIC, _ARABIC)) + "]"
)
_WORD = re.compile(r"[^\W\d_]+")

#: Frequent short words that are rare in the other languages listed.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that was for with are this have from they which".split()),
    "pt": frozenset("não uma para com os das dos mais pelo pela também são foi ao às".split()),
    "es": frozenset("el los las por una con para del más pero está fue muy también sus".split()),
    "de": frozenset("der die und das ist nicht mit sich auch auf eine dem den für wird".split()),
    "fr": frozenset("le les des est une dans pour qui sur pas avec sont du au cette".split()),
    "it": frozenset("il che non della per una sono con gli nel alla anche dei delle".split()),
    "id": frozenset("yang dan di dengan untuk dari ini itu dalam tidak akan pada adalah".split()),
    "nl": frozenset("het een van en niet dat op zijn voor met ook maar bij wordt".split()),
}

#: Each function word with the languages it belongs to.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _vocabulary in _FUNCTION_WORDS.items():
    for _word in _vocabulary:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)

#: The languages :func:`guess_language` can name.
GUESSABLE_LANGUAGES = frozenset(_FUNCTION_WORDS) | {"ko", "ja", "zh", "ru", "uk", "ar"}

#: How many characters of the text are looked at.
LANGUAGE_SAMPLE = 3000


def guess_language(text: str) -> str | None:
    """The most likely language of ``text`` as a BCP 47 tag, or ``None`` when unclear."""
    sample = text[:LANGUAGE_SAMPLE]
    if not sample.isascii():
        by_script = _by_script(sample)
        if by_script is not None:
            return by_script
    words = _WORD.findall(sample)
    if len(words) < 30:
        return None
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    # (lower-cased and looked up by ``map``, so that only function words reach the loop)
    for languages in filter(None, map(_LANGUAGES_OF.get, map(str.lower, words))):
        for language in languages:
            counts[language] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 0.05 * len(words) and top >= 2 * second:
        return best
    return None


def _by_script(sample: str) -> str | None:
    """A language named by the script the text is written in, when the script says it."""
    if _SCRIPTS.search(sample) is None:
        return None
    if len(_HANGUL.findall(sample)) > 50:
        return "ko"
    if len(_KANA.findall(sample)) > 50:
        return "ja"
    if len(_HAN.findall(sample)) > 200:
        return "zh"
    if len(_CYRILLIC.findall(sample)) > 200:
        # Russian is by far the commonest; Ukrainian has letters Russian lacks.
        return "uk" if re.search(r"[їєґі]", sample) else "ru"
    if len(_ARABIC.findall(sample)) > 200:
        return "ar"
    return None
