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
#: What :data:`_WORD` matches in lower-cased ASCII text, where a plain range does the work.
_ASCII_WORD = re.compile(r"[a-z]+")
#: The characters whose lower case is not one character of their own kind (a letter, white
#: space, anything else) whatever stands around them: the capital I with a dot becomes two
#: characters, and the capital sigma's lower case depends on the letters beside it.
_UNEVEN_LOWER_CASE = ("\u0130", "\u03a3")

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
    words = _lower_case_words(sample)
    if len(words) < 30:
        return None
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    # (looked up by ``map``, so that only function words reach the loop)
    for languages in filter(None, map(_LANGUAGES_OF.get, words)):
        for language in languages:
            counts[language] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 0.05 * len(words) and top >= 2 * second:
        return best
    return None


def _lower_case_words(text: str) -> list[str]:
    """The words of ``text`` (what :data:`_WORD` finds), each lower-cased.

    The text is lower-cased once rather than word by word: but for
    :data:`_UNEVEN_LOWER_CASE`, a character's lower case is one character of its own kind,
    so the lower-cased text holds the same words, lower-cased, at the same places.
    """
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    if any(char in text for char in _UNEVEN_LOWER_CASE):
        return [word.lower() for word in _words(text)]
    return _words(text.lower())


def _words(text: str) -> list[str]:
    """What ``_WORD.findall(text)`` finds, faster: white space is no part of a word, so the
    words are those of the white-space separated tokens, and a token of letters only (most
    of them, once the punctuation around them is taken off) is one word as it stands."""
    words: list[str] = []
    for token in text.split():
        if token.isalpha():
            words.append(token)
            continue
        token = token.strip(_EDGE_MARKS)
        if token.isalpha():
            words.append(token)
        elif token:
            words += _WORD.findall(token)
    return words


#: Punctuation that opens or closes words in running text ("said,", "(AP)", "“Yes”"): no
#: part of a word.
_EDGE_MARKS = ".,;:!?'\"()[]{}“”‘’„«»‹›—–-…/*"


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
