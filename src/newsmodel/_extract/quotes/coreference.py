"""Who a pronoun, a description or a surname stands for, for a quote's resolved name.

A :class:`Coreference` reads an article's fields in order, once, and is asked about each
source as the quotes are found. It keeps the sources already seen and the names the text
mentions, and resolves:

- "he" and "she" to the person last quoted within a few paragraphs, or else the last person
  named, skipping those of the other gender where the text gives one ("Mr.", "spokeswoman",
  an earlier "she" for the same name);
- "they" and "we" to the group or organisation last quoted; "it" to the organisation or
  document last quoted; "who" to the name just before it ("said Harvey, who added");
- a definite description ("the analysts", "the senator", "the ministry") to the fullest
  earlier mention with the same head or title ("Energy analysts", "Sen. Jane Doe", "the
  Ministry of Energy");
- a surname ("Doe", "Ms. Doe") to the fullest earlier name that ends with it;
- "I" in narration to the article's author, when the byline names one, and "we" that no
  group stands for to the publisher.
"""

from __future__ import annotations

import bisect
import re

from .cues import ORGANIZATION_WORDS, capitalised_pattern, word_pattern
from .marks import stripped_end
from .sources import FUNCTION, source_before
from .speakers import name_mentions, surname_of
from .word_starts import WordStarts

__all__ = ["Coreference"]

#: Pronouns by what they can stand for.
_GENDERED = {"he": "m", "she": "f", "him": "m", "her": "f"}
_PLURAL = frozenset("they we them us".split())
_RELATIVE = frozenset("who whom".split())
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}

#: How many fields back a pronoun looks for the source last quoted.
_RECENT_FIELDS = 2

#: How many sources back any search looks, so that a paragraph of a thousand quotes stays
#: linear.
_LOOK_BACK = 64

#: How many fields back "they", "we" and "it" look for a group, organisation or document.
_RECENT_GROUP_FIELDS = 3

_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}

#: Nouns that say a person's gender when they describe a name ("spokeswoman Jane Doe").
_GENDER_NOUNS = {
    **dict.fromkeys(
        "spokeswoman congresswoman chairwoman businesswoman woman mother wife daughter "
        "sister grandmother actress queen princess widow girl".split(),
        "f",
    ),
    **dict.fromkeys(
        "spokesman congressman businessman man father husband son brother grandfather "
        "actor king prince widower boy".split(),
        "m",
    ),
}

#: Titles before a name, by the noun a description uses for them ("Sen." -> "the senator").
_TITLE_NOUNS = {
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "representative": "representative",
    "congressman": "congressman",
    "congresswoman": "congresswoman",
    "gov": "governor",
    "governor": "governor",
    "president": "president",
    "mayor": "mayor",
    "minister": "minister",
    "secretary": "secretary",
    "judge": "judge",
    "justice": "justice",
    "gen": "general",
    "general": "general",
    "prof": "professor",
    "professor": "professor",
    "dr": "doctor",
    "ambassador": "ambassador",
    "chancellor": "chancellor",
    "commissioner": "commissioner",
    "sheriff": "sheriff",
    "chief": "chief",
    "coach": "coach",
}

#: Nouns that are also used for a titled office ("the congressman" for "Rep. Doe").
_SAME_OFFICE = {
    "congressman": ("representative", "congressman"),
    "congresswoman": ("representative", "congresswoman"),
    "lawmaker": ("senator", "representative", "congressman", "congresswoman"),
}

_TITLED = re.compile(
    "("
    + capitalised_pattern(
        "Sen Senator Rep Representative Congressman Congresswoman Gov Governor President "
        "Mayor Minister Secretary Judge Justice Gen General Prof Professor Dr Ambassador "
        "Chancellor Commissioner Sheriff Chief Coach".split()
    )
    + r")\.?\s+"
    r"((?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.)){0,3})"
)

_HONORIFIC_NAME = re.compile(
    "("
    + capitalised_pattern("Mr Mrs Ms Miss Sir Dame".split())
    + r")\.?\s+(?:[A-Z][\w'’-]+\s+){0,2}([A-Z][\w'’-]+)\b(?!\.)"
)
_GENDER_NOUN_NAME = WordStarts(
    "("
    + word_pattern({*_GENDER_NOUNS, *(noun.capitalize() for noun in _GENDER_NOUNS)})
    + r")\s+(?:[A-Z][\w'’-]+\s+){0,2}([A-Z][\w'’-]+)"
)

#: A capitalised name of an institution: "the Energy Ministry", "Ministry of Energy".
_INSTITUTION_WORD = re.compile(capitalised_pattern(w.capitalize() for w in ORGANIZATION_WORDS))
_NAME_AFTER_WORD = re.compile(r"\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w'’&-]*)+")

_NAME_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s*(?:\([^()]{0,40}\)\s*)?,?$")
_NOT_NAMES = frozenset("the a an this that these those".split())

_DEFINITE = re.compile(r"^(?:the|these|those|this|that)\s+", re.IGNORECASE)
_FULLEST_LEAD = re.compile(r"^(?:the|a|an|some|many|most|several|these|those)\s+", re.IGNORECASE)


class _Source:
    """A source already seen: how it was written, what it stands for, and where."""

    __slots__ = ("field", "form", "gender", "head", "kind", "known_at")

    def __init__(
        self,
        field: int,
        form: str,
        kind: str,
        head: str,
        gender: str | None,
        known_at: tuple[int, int],
    ) -> None:
        self.field = field
        self.form = form
        self.kind = kind
        self.head = head
        self.gender = gender
        #: When it was seen, to ask :class:`_Genders` what was known of its gender then.
        self.known_at = known_at


#: The words of a headline, for telling title case from sentence case.
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case(headline: str) -> bool:
    """Whether a headline capitalises (nearly) every word, as title case does."""
    words = _HEADLINE_WORD.findall(headline)
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 3 and capitalised >= 0.75 * len(words)


class Coreference:
    """Resolve the sources of one article's quotes, asked in reading order.

    Args:
        texts: The article's fields in reading order (headline, standfirst, body texts).
        author: The person the byline names, who is the "I" of the narration.
        publisher: Who published the article, the "we" of the narration.
    """

    def __init__(
        self, texts: list[str], author: str | None = None, publisher: str | None = None
    ) -> None:
        self._texts = texts
        self._author = author
        self._publisher = publisher
        # Fields read so far: names, titles, institutions and genders are looked for only when
        # a resolution asks for them, each index up to ``_done``.
        self._done = -1
        self._names_read = -1
        self._titled_read = -1
        self._institutions_read = -1
        self._names: list[str] = []
        self._keys: list[tuple[int, int]] = []
        # Per surname, each distinct name and where it was first mentioned: a text that
        # repeats one name thousands of times still has one entry to look through.
        self._by_surname: dict[str, dict[str, int]] = {}
        self._genders = _Genders(texts)
        self._titled: dict[str, _Mentions] = {}
        self._institutions: dict[str, _Mentions] = {}
        self._sources: list[_Source] = []

    # --- the index of mentions ----------------------------------------------------------

    def _may_read_until(self, field: int) -> None:
        """Let the indexes read up to ``field`` when a resolution next asks them."""
        self._done = max(self._done, min(field, len(self._texts) - 1))

    def _read_names(self) -> None:
        while self._names_read < self._done:
            self._names_read += 1
            text = self._texts[self._names_read]
            mentions = name_mentions(text)
            if self._names_read == 0 and mentions and _title_case(text):
                # Every word of such a headline is capitalised, so that a run of capitals is
                # a name only when the article writes it so again ("Republicans Are Following
                # Trump" is nobody's full name).
                rest = "\n".join(self._texts[1:])
                mentions = [(offset, name) for offset, name in mentions if name in rest]
            for offset, name in mentions:
                self._keys.append((self._names_read, offset))
                self._by_surname.setdefault(name.split()[-1], {}).setdefault(name, len(self._names))
                self._names.append(name)

    def _read_titled(self) -> None:
        self._read_names()
        while self._titled_read < self._done:
            self._titled_read += 1
            field = self._titled_read
            for match in _TITLED.finditer(self._texts[field]):
                noun = _TITLE_NOUNS[match.group(1).lower()]
                name = match.group(2)
                self._titled.setdefault(noun, _Mentions()).add(
                    (field, match.start()), self._fullest(name, (field, match.end()))
                )

    def _read_institutions(self) -> None:
        while self._institutions_read < self._done:
            self._institutions_read += 1
            field = self._institutions_read
            text = self._texts[field]
            for match in _INSTITUTION_WORD.finditer(text):
                # "the Energy Ministry", "Ministry of Energy": the capitalised words around.
                first = _capitalised_run_start(text, match.start())
                right = _NAME_AFTER_WORD.match(text, match.end())
                last = right.end() if right is not None else match.end()
                if first < match.start() or last > match.end():
                    self._institutions.setdefault(match.group().lower(), _Mentions()).add(
                        (field, first), text[first:last]
                    )

    def _fullest(self, short: str, before: tuple[int, int]) -> str:
        """The fullest name mentioned before ``before`` that ends with ``short``'s surname."""
        words = short.split()
        if not words:
            return short
        self._read_names()
        known = bisect.bisect_left(self._keys, before)
        best = short
        for name, first in self._by_surname.get(words[-1], {}).items():
            if first >= known:
                break  # first mentions are in order
            if len(name) > len(best) and name.endswith(short):
                best = name
        return best

    # --- resolving ----------------------------------------------------------------------

    def resolve(self, source: str, kind: str, field: int, start: int) -> str | None:
        """What ``source`` stands for, or ``None`` when it names itself or nothing is found.

        Args:
            source: The source phrase without its role ("he", "the senator", "Doe").
            kind: Its :class:`~newsmodel.SourceKind` value as written.
            field: The index of the field it is in.
            start: Where it starts in that field.

        Returns:
            The fullest earlier mention it stands for.
        """
        words = source.split()
        lower = source.lower()
        full_name = (
            len(words) >= 2
            and all(word[:1].isupper() for word in words)
            and words[0].lower() not in _POSSESSIVES
            and not _DEFINITE.match(source)
            and surname_of(source) is None
        )
        if not full_name:
            # A name in full stands for itself; anything else is read against the names before.
            self._may_read_until(field)
        resolved: str | None = None
        gender: str | None = None
        if lower in _GENDERED:
            gender = _GENDERED[lower]
            resolved = self._person(gender, field, start)
        elif lower in _PLURAL:
            resolved = self._recent(("group", "organization", "anonymous"), field)
            if resolved is None and lower in ("we", "us"):
                resolved = self._publisher
            resolved = resolved or self._institution(field, start)
        elif lower == "it":
            resolved = self._recent(("organization", "document"), field)
            resolved = resolved or self._institution(field, start)
        elif lower in _RELATIVE:
            resolved = self._before(field, start)
        elif lower == "i":
            resolved = self._author
        elif len(words) >= 2 and words[0].lower() in _POSSESSIVES:
            # "their assessment", "her statement": whoever the possessive stands for.
            resolved = self.resolve(_POSSESSIVES[words[0].lower()], "unknown", field, start)
            self._sources.pop()
        elif _DEFINITE.match(source) and len(words) >= 2 and words[-1][:1].islower():
            resolved = self._described(words[-1].lower(), field, start)
        else:
            surname = surname_of(source)
            if surname is not None:
                honorific = words[0].lower().rstrip(".") if len(words) > 1 else ""
                if honorific in _HONORIFIC_GENDER:
                    self._genders.learn(surname, _HONORIFIC_GENDER[honorific], self._done)
                full = self._fullest(surname, (field, start))
                resolved = full if full != surname else None
        if resolved == source:
            resolved = None
        form = resolved or source
        if gender is not None and resolved:
            self._genders.learn(resolved.split()[-1], gender, self._done)
        head = (source.split() or [""])[-1].lower()
        self._sources.append(
            _Source(field, form, kind, head, gender, self._genders.now(self._done))
        )
        return resolved

    def _institution(self, field: int, start: int) -> str | None:
        """The institution named last in this field or the one before: "Acme Corp. ... it said"."""
        best: tuple[tuple[int, int], str] | None = None
        self._read_institutions()
        for mentions in self._institutions.values():
            found = mentions.last_at_or_before((field, start))
            if found is not None and field - found[0][0] <= 1 and (best is None or found > best):
                best = found
        return best[1] if best is not None else None

    def _gender_of(self, name: str) -> str | None:
        words = name.split()
        return self._genders.of(words[-1], self._genders.now(self._done)) if words else None

    def _person(self, gender: str, field: int, start: int) -> str | None:
        """The person a "he" or "she" stands for: the last one quoted, else the last named."""
        for seen in reversed(self._sources[-_LOOK_BACK:]):
            if field - seen.field > _RECENT_FIELDS:
                break
            if seen.kind != "person" or seen.form.lower() in _GENDERED:
                continue
            known = (
                seen.gender
                or self._genders.of(seen.form.split()[-1], seen.known_at)
                or self._gender_of(seen.form)
            )
            if known is not None and known != gender:
                continue
            if seen.form.split()[-1][:1].isupper() or _DEFINITE.match(seen.form):
                return seen.form
        self._read_names()
        known_at = bisect.bisect_left(self._keys, (field, start))
        for index in range(known_at - 1, max(known_at - 40, 0) - 1, -1):
            name = self._names[index]
            other = self._gender_of(name)
            if other is None or other == gender:
                return name
        return None

    def _recent(self, kinds: tuple[str, ...], field: int) -> str | None:
        """The group, organisation or document quoted last, in its fullest form."""
        for seen in reversed(self._sources[-_LOOK_BACK:]):
            if field - seen.field > _RECENT_GROUP_FIELDS:
                break
            if seen.kind in kinds and seen.form.lower() not in _PLURAL:
                return self._fullest_with_head(seen.head, seen.form, kinds)
        return None

    def _fullest_with_head(self, head: str, form: str, kinds: tuple[str, ...]) -> str:
        best = form
        for seen in self._sources[-_LOOK_BACK:]:
            if seen.head == head and seen.kind in kinds and _fuller(seen.form, best):
                best = seen.form
        return best

    def _before(self, field: int, start: int) -> str | None:
        """What a relative "who" follows: "said Jane Doe, who added", "an officer who said"."""
        text = self._texts[field]
        cut = stripped_end(text, start)
        if cut and text[cut - 1] == ",":
            cut = stripped_end(text, cut - 1)
        named = _NAME_BEFORE.search(text, max(0, cut - 120), cut + 1)
        if named is not None and named.group(1).split()[0].lower() not in _NOT_NAMES:
            return self._fullest(named.group(1), (field, named.start(1)))
        found = source_before(text, max(0, cut - 200), cut)
        if found is None:
            return None
        phrase = text[found[0] : found[1]].strip()
        words = phrase.split()
        for index in range(len(words) - 1, -1, -1):
            if words[index].lower() in FUNCTION:
                # "criticised by Paul Okoro, who said": the phrase after the preposition.
                phrase = " ".join(words[index + 1 :])
                break
        if not phrase or phrase.lower() in _GENDERED or phrase.lower() in _PLURAL:
            return None
        surname = surname_of(phrase)
        if surname is not None:
            return self._fullest(surname, (field, found[0]))
        return phrase

    def _described(self, noun: str, field: int, start: int) -> str | None:
        """The fullest earlier mention that a description such as "the senator" names."""
        here = (field, start)
        self._read_titled()
        for title in _SAME_OFFICE.get(noun, (noun,)):
            titled = self._titled.get(title)
            if titled is not None and (name := titled.last_before(here)) is not None:
                return name
        heads = (noun, noun + "s", noun.removesuffix("s"))
        best: str | None = None
        for seen in self._sources[-_LOOK_BACK:]:
            if seen.head in heads and _fuller(seen.form, best or "the " + noun):
                best = seen.form
        if best is not None:
            return best
        self._read_institutions()
        institutions = self._institutions.get(noun)
        return institutions.last_before(here) if institutions is not None else None


class _Genders:
    """The gender each surname is known by, first known first.

    It is known from the marks of the fields read ("Mr. Doe", "spokeswoman Jane Doe"), each
    field's when the field is read, and from resolutions between fields ("Ms. Doe", a "she"
    resolved to Jane Doe). The marks are searched for only when a gender is asked for, up to
    the fields read at the moment asked about, and each answer is what was known then.
    """

    __slots__ = ("_learnt", "_marked", "_read", "_texts")

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._read = -1
        #: The first mark of each surname: (field, gender).
        self._marked: dict[str, tuple[int, str]] = {}
        #: The first gender a resolution learnt for each surname: (fields read then, how many
        #: things had been learnt before, gender).
        self._learnt: dict[str, tuple[int, int, str]] = {}

    def now(self, done: int) -> tuple[int, int]:
        """The moment when ``done`` is the last field read, for :meth:`of`."""
        return done, len(self._learnt)

    def learn(self, surname: str, gender: str, done: int) -> None:
        """A resolution's word for a surname's gender, after field ``done`` is read."""
        self._learnt.setdefault(surname, (done, len(self._learnt), gender))

    def of(self, surname: str, moment: tuple[int, int]) -> str | None:
        """The gender known for ``surname`` at a moment from :meth:`now`."""
        done, learnt_before = moment
        self._search(done)
        marked = self._marked.get(surname)
        learnt = self._learnt.get(surname)
        if marked is not None and marked[0] > done:
            marked = None
        if learnt is not None and learnt[1] >= learnt_before:
            learnt = None
        if marked is not None and (learnt is None or marked[0] <= learnt[0]):
            return marked[1]  # marked in a field read before the resolution learnt it
        return learnt[2] if learnt is not None else None

    def _search(self, done: int) -> None:
        while self._read < done:
            self._read += 1
            text = self._texts[self._read]
            for match in (*_HONORIFIC_NAME.finditer(text), *_GENDER_NOUN_NAME.find_all(text)):
                word, surname = match.group(1).lower().rstrip("."), match.group(2)
                gender = _HONORIFIC_GENDER.get(word) or _GENDER_NOUNS.get(word)
                if gender and surname[:1].isupper():
                    self._marked.setdefault(surname, (self._read, gender))


class _Mentions:
    """Mentions of one kind in reading order, read back from any point."""

    __slots__ = ("_keys", "_values")

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []
        self._values: list[str] = []

    def add(self, key: tuple[int, int], value: str) -> None:
        self._keys.append(key)
        self._values.append(value)

    def last_before(self, key: tuple[int, int]) -> str | None:
        found = self.last_at_or_before(key)
        return found[1] if found is not None else None

    def last_at_or_before(self, key: tuple[int, int]) -> tuple[tuple[int, int], str] | None:
        at = bisect.bisect_left(self._keys, key)
        return (self._keys[at - 1], self._values[at - 1]) if at else None


def _capitalised_run_start(text: str, at: int) -> int:
    """Where the run of up to four capitalised words just before ``at`` starts."""
    first = at
    for _ in range(4):
        space = text.rfind(" ", 0, first - 1)
        word = text[space + 1 : first - 1]
        if first < 2 or text[first - 1] != " " or not word[:1].isupper():
            break
        first = space + 1
    return first


def _fuller(form: str, than: str) -> bool:
    """Whether ``form`` says more than ``than``, leaving out a leading determiner."""
    return len(_FULLEST_LEAD.sub("", form).split()) > len(_FULLEST_LEAD.sub("", than).split())
