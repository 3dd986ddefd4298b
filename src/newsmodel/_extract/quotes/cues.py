"""The cue lexicon: verbs and phrases that introduce what someone said, wrote or holds.

Verbs are listed by lemma and grouped by how they take their content; every inflected form is
generated here once, so that the patterns in :mod:`newsmodel._extract.quotes.attribution`
stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "BASE_FORMS",
    "BELIEF_FORMS",
    "COMMISSIVE_FORMS",
    "CUE_FORMS",
    "DOCUMENT_NOUNS",
    "GROUP_NOUNS",
    "INTENT_VERBS",
    "ORGANIZATION_WORDS",
    "PERSON_NOUNS",
    "SPEECH_FORMS",
    "TELL_FORMS",
    "capitalised_pattern",
    "cue_pattern",
    "inflect",
    "word_pattern",
]

#: Verbs of speech, writing and assertion: "she said", "officials warned that ...".
SPEECH_VERBS = (
    "acknowledge add admit advise affirm agree allege announce answer argue ask assert assure "
    "boast brag caution charge cite claim comment complain concede conclude confess confirm "
    "contend continue counter declare decry deny describe disclose dismiss echo elaborate "
    "emphasize exclaim "
    "emphasise estimate explain express forecast grumble highlight hint indicate inform insist "
    "joke lament maintain mention note object observe opine point predict proclaim promise "
    "propose protest quip reaffirm recall recount reiterate remark remind repeat reply report "
    "respond retort reveal say scoff shout signal speculate state stress suggest swear tell "
    "testify tweet underline underscore urge vow warn whisper write scream yell chant cry "
    "holler interject muse post"
)

#: Verbs that report a stance on something: "he called the plan a disaster", "critics accused
#: the minister of ...". They attribute whatever follows them in the clause.
STANCE_VERBS = (
    "accuse blame blast brand call chide criticize criticise defend demand describe dub endorse "
    "label mock pledge praise question recommend refer reject slam threaten tout want "
    "support oppose express attack welcome applaud condemn denounce thank offer seek refuse "
    "decline discuss talk speak favor portray characterize plan intend"
)

#: Verbs of belief and perception that PolNeAR-style annotation counts as attribution:
#: "critics believe that ...", "the poll shows ...".
BELIEF_VERBS = (
    "believe doubt expect fear feel find guess hope imagine know predict reckon show think worry"
)

#: Verbs that take the hearer as object before the content: "told reporters that ...".
TELL_VERBS = "tell inform assure remind warn advise caution"

#: Verbs of promising, refusing and agreeing, whose content may be an infinitive: "vowed to
#: repeal the law", "declined to comment", "agreed to debate".
COMMISSIVE_VERBS = "vow pledge promise threaten swear agree refuse decline offer plan intend"

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "swear": ("swear", "swears", "swore", "sworn", "swearing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "know": ("know", "knows", "knew", "knowing"),
    "find": ("find", "finds", "found", "finding"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "call": ("call", "calls", "called", "calling"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "point": ("point", "points", "pointed", "pointing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "plan": ("plan", "plans", "planned", "planning"),
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
    "refer": ("refer", "refers", "referred", "referring"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "label": ("label", "labels", "labeled", "labelled", "labeling", "labelling"),
}

_CONSONANT_END = re.compile(r"[^aeiou]y$")


def inflect(lemma: str) -> tuple[str, ...]:
    """Return the verb forms of ``lemma``: base, third person, past, and -ing.

    Args:
        lemma: A regular or listed irregular English verb.

    Returns:
        The forms, base form first.
    """
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if _CONSONANT_END.search(lemma):
        stem = lemma[:-1]
        return (lemma, stem + "ies", stem + "ied", lemma + "ing")
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "o")) else lemma + "s"
    return (lemma, third, lemma + "ed", lemma + "ing")


def _forms(lemmas: Iterable[str]) -> frozenset[str]:
    return frozenset(form for lemma in lemmas for form in inflect(lemma))


#: Lemmas whose base and third-person forms are mostly nouns in news text ("secretary of state",
#: "percentage points", "the report"); only their past and -ing forms count as cues.
NOUNISH = frozenset(
    "answer charge claim comment counter echo estimate fear forecast guess hint hope note "
    "object point promise protest question report repeat reply signal state tweet call "
    "demand doubt label brand find show question slam blast cry chant muse support "
    "attack post plan".split()
)


#: Verbs of intending, whose -ing form is mostly a noun ("careful planning", "content planning").
INTENT_VERBS = ("plan", "intend")


def _cue_forms(lemmas: Iterable[str]) -> frozenset[str]:
    forms: set[str] = set()
    for lemma in lemmas:
        kept = inflect(lemma)
        kept = kept[2:] if lemma in NOUNISH else kept
        if lemma in INTENT_VERBS:
            kept = tuple(form for form in kept if not form.endswith("ing"))
        forms.update(kept)
    return frozenset(forms)


#: Every inflected form of a speech, stance or belief verb that can be a cue.
CUE_FORMS = (
    _cue_forms(SPEECH_VERBS.split())
    | _cue_forms(STANCE_VERBS.split())
    | _cue_forms(BELIEF_VERBS.split())
)

#: Base forms, which follow a modal or "to" as often as a subject: "refused to endorse".
BASE_FORMS = frozenset(
    inflect(lemma)[0] for lemma in (SPEECH_VERBS + " " + STANCE_VERBS + " " + BELIEF_VERBS).split()
)

#: Forms of speech verbs: only these invert ("..., said Smith").
SPEECH_FORMS = _cue_forms(SPEECH_VERBS.split())

#: Forms of the verbs that put the hearer between cue and content.
TELL_FORMS = _forms(TELL_VERBS.split())

#: Forms of the verbs whose content may be a "to" infinitive.
COMMISSIVE_FORMS = _forms(COMMISSIVE_VERBS.split())

#: Belief forms, kept apart because they only attribute with a clause after them.
BELIEF_FORMS = _forms(BELIEF_VERBS.split())


def cue_pattern(forms: Iterable[str]) -> str:
    """Return a regex matching any of ``forms`` as a whole word.

    The alternation is factored into a trie ("sa(?:id|ys|y)") so that the regex engine tries
    each letter once instead of every form in turn: an order of magnitude faster on running
    text than a flat list of hundreds of words.

    Args:
        forms: Words to match.

    Returns:
        The pattern text.
    """
    return r"\b" + word_pattern(forms)


def word_pattern(forms: Iterable[str]) -> str:
    """Return what :func:`cue_pattern` does without its leading ``\\b``, for
    :class:`~newsmodel._extract.quotes.word_starts.WordStarts` (which checks it).

    Args:
        forms: Words to match.

    Returns:
        The pattern text.
    """
    by_case: dict[str, set[str]] = {"[a-z]": set(), "[A-Z]": set(), "": set()}
    for form in forms:
        first = form[:1]
        by_case["[a-z]" if "a" <= first <= "z" else "[A-Z]" if "A" <= first <= "Z" else ""].add(
            form
        )
    cases = [(case, words) for case, words in by_case.items() if words]
    if len(cases) == 1:
        return _trie_pattern(_trie(cases[0][1])) + r"\b"
    # A lookahead for the case of the first letter picks the trie a word may be in: the
    # engine tries each first letter of that case only, not every letter of both in turn.
    branches = [
        (f"(?={case})" if case else "") + _trie_pattern(_trie(words)) for case, words in cases
    ]
    return "(?:" + "|".join(branches) + r")\b"


def capitalised_pattern(forms: Iterable[str]) -> str:
    """Return a regex matching any of ``forms``, words that begin with a capital, as a whole word.

    It matches what :func:`cue_pattern` does, but each branch checks the word boundary after
    its first letter: a pattern that begins with a letter lets the regex engine skip ahead to
    the capitals of a text instead of trying every position, several times faster. (Words in
    lower case gain nothing: most positions of a text are lowercase letters.)

    Args:
        forms: Words to match, each beginning with a capital.

    Returns:
        The pattern text.
    """
    trie = _trie(forms)
    branches = [
        re.escape(char) + r"(?<!\w.)" + _trie_pattern(child)
        for char, child in sorted(trie.children.items())
    ]
    return "(?:" + "|".join(branches) + r")\b"


def _trie(forms: Iterable[str]) -> _Trie:
    trie = _Trie()
    for form in set(forms):
        node = trie
        for char in form:
            node = node.children.setdefault(char, _Trie())
        node.final = True
    return trie


class _Trie:
    """A letter trie of words, to write a regex that tries each letter once."""

    __slots__ = ("children", "final")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.final = False


def _trie_pattern(node: _Trie) -> str:
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.children.items())
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if node.final:
        return "(?:" + body + ")?"
    return body


#: Head nouns that make a source a text rather than a speaker.
DOCUMENT_NOUNS = frozenset(
    "report statement study poll survey letter memo memorandum document filing analysis data "
    "complaint lawsuit suit indictment ruling order opinion release announcement email e-mail "
    "tweet post blog article editorial column book interview transcript footnote record records "
    "records estimate estimates figures numbers polls polling surveys studies reports documents "
    "letters emails e-mails statements findings bill proposal platform website ad advertisement "
    "video plan budget remarks comments words figures results".split()
)

#: Plural heads that make a source a group of people.
GROUP_NOUNS = frozenset(
    "analysts experts economists officials residents critics supporters voters lawmakers "
    "legislators democrats republicans members leaders observers scientists researchers "
    "investigators authorities advocates activists aides advisers advisors allies opponents "
    "people sources protesters demonstrators campaigners strategists pollsters historians "
    "observers insiders diplomats executives employees workers teachers students parents "
    "doctors lawyers attorneys prosecutors judges senators representatives delegates donors "
    "conservatives liberals progressives republicans organizers organisers participants "
    "respondents americans citizens immigrants veterans women men families police officers "
    "agents spokesmen spokespeople staffers others many some most both".split()
)

#: Singular heads of a described person ("the mayor", "a spokeswoman").
PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson official aide adviser advisor analyst expert economist "
    "president senator governor mayor minister secretary chairman chairwoman chair director "
    "leader candidate lawmaker congressman congresswoman representative source person "
    "professor lawyer attorney judge prosecutor strategist pollster historian diplomat "
    "executive founder author reporter writer journalist member resident voter supporter "
    "critic ambassador commissioner chief officer general admiral nominee speaker manager "
    "activist advocate host anchor commentator columnist editor man woman father mother "
    "son daughter wife husband friend".split()
)

#: Words that mark a capitalised name as an institution rather than a person.
ORGANIZATION_WORDS = frozenset(
    "ministry department house party committee council agency news post times journal "
    "reuters associated press court administration campaign university institute association "
    "union bank commission office bureau board senate congress government foundation center "
    "centre corporation corp inc company group network fund coalition league organization "
    "organisation service services school college church police army navy pentagon kremlin "
    "fbi cia nsa un nato gop dnc rnc cnn fox msnbc nbc cbs abc bbc ap afp".split()
)
