"""Bylines as pages print them, split into credited people and organisations.

One byline string can credit several people ("By Jane Doe and John Roe, Reuters"), name a role
and an agency in one phrase ("By TOM KRISHER, AP Auto Writer"), use a bar or a slash ("Jane Doe
| Staff Writer"), or be a wire service's end credits ("Reporting by Jane Doe in Kyiv; Editing by
John Roe"). :func:`split_bylines` turns each into :class:`~newsmodel.Byline` values; names in
capitals are restored to name case by :func:`name_case`.
"""

from __future__ import annotations

import re
from typing import Final

from ..._model import Byline, BylineKind

__all__ = [
    "BYLINE_IN_NAME",
    "BYLINE_START",
    "BY_PREFIX",
    "bylines_from_text",
    "is_organization",
    "looks_like_name",
    "name_case",
    "split_bylines",
]

#: Lower-case words inside a name ("Ludwig van Beethoven", "Rosa de la Cruz").
_PARTICLES: Final = frozenset(
    {"van", "von", "der", "den", "de", "da", "das", "dos", "du", "del", "della", "di", "la",
     "le", "bin", "bint", "ibn", "al", "el", "ter", "ten", "y", "e", "zu", "af", "av"}
)  # fmt: skip
_ROMAN: Final = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_MC: Final = re.compile(r"\bMc([a-z])")

#: News agencies and outlets that appear alone in bylines, as written.
_AGENCIES: Final = frozenset(
    {"AP", "The AP", "Associated Press", "The Associated Press", "Reuters", "Thomson Reuters",
     "AFP", "Agence France-Presse", "Agence France Presse", "Bloomberg", "dpa", "DPA", "PA",
     "PA Media", "Press Association", "UPI", "Yonhap", "Kyodo", "Xinhua", "ANSA", "EFE", "TASS",
     "Interfax", "Anadolu", "Anadolu Agency", "AAP", "CP", "The Canadian Press", "CNN", "BBC",
     "NPR", "Al Jazeera", "Reuters Staff", "AP Staff", "Staff", "Staff Reports", "Staff Report",
     "Wire Services", "Wire Reports", "News Desk", "Web Desk", "Editorial Board",
     "The Editorial Board", "연합뉴스", "뉴시스", "뉴스1"}
)  # fmt: skip
#: Agency names that may open a role ("AP Auto Writer", "Associated Press Writer").
_AGENCY_PREFIX: Final = re.compile(
    r"^(The Associated Press|Associated Press|AP|Reuters|AFP|Bloomberg|dpa|UPI|CP|AAP|PA)\s+(.+)$"
)
#: Words that make a name an outlet: never a person, never a role.
_OUTLET_WORDS: Final = re.compile(
    r"\b(?:News|Press|Media|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|"
    r"Chronicle|Inquirer|Network|Agency|Newsroom|Wire|Service|Services|Group|Inc|LLC|Ltd|Radio|"
    r"TV|Television|Magazine|Daily|Weekly|Broadcasting|Newspaper|Online|Digital|Institute|"
    r"University|Foundation|Council|Ministry)\b"
)
#: Words that make a credited name a desk ("Staff", "Metro Desk") but may also open a role.
_DESK_WORDS: Final = re.compile(r"\b(?:Staff|Desk|Bureau|Reports|Board)\b")
_ROLE_WORDS: Final = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|critic|producer|"
    r"photographer|photojournalist|journalist|analyst|chief|intern|fellow|author|host|anchor|"
    r"commentator|blogger|freelancer?|stringer|researcher|strategist|economist|director|"
    r"manager|president|professor|lecturer|head|lead|senior|deputy|associate|assistant|"
    r"managing|executive|contributing|special correspondent)s?\b|기자|특파원|논설위원|칼럼니스트",
    re.IGNORECASE,
)
#: The words of the byline patterns below, kept in one place: "by" in the corpus' languages,
#: the English words that lead it ("Written by"), the labels that stand for it ("Author:"),
#: and "and" joining names.
_BY_WORDS: Final = r"by|von|par|por|di|door|av|af|oleh|от|автор"
_BY_LEADS: Final = (
    r"posted|written|published|submitted|words|text|story|report|reported|interview|analysis"
)
_BYLINE_LABELS: Final = r"authors?|writer|reporter|byline|contributing"
_AND_WORDS: Final = r"and|und|et|e|y|и"
_BY: Final = re.compile(
    rf"^(?:(?:(?:{_BY_LEADS})\s+)?by\s*:?|(?:{_BYLINE_LABELS})\s*:)\s+", re.IGNORECASE
)
_CREDIT: Final = re.compile(
    r"^(?P<role>(?:[A-Za-z][\w-]*\s+){0,3}?(?:reporting|editing|writing|compiled|edited|written|"
    r"reported|produced|graphics|photos?|photography|research|translation|translated|"
    r"fact-checking|video|illustrations?|design|data|additional\s+reporting|contributions?)"
    r"\s+by)\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_SEGMENT: Final = re.compile(r"\s*(?:\||\s/\s|·|•|\s[-–—]\s|,)\s*")
_AND: Final = re.compile(r"\s*(?:,\s*and\s+|\band\s+|&|\s및\s|\s와\s)\s*", re.IGNORECASE)
_CREDIT_NAMES: Final = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|&)\s*", re.IGNORECASE)
_EMAIL: Final = re.compile(r"<?\b([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\b>?")
_HANDLE: Final = re.compile(r"(?:^|\s)@\w{1,30}\b")
_PLACE: Final = re.compile(r"\s+(?:in|at|from)\s+[A-Z][\w.'’ -]*$")
_NAME_TOKEN: Final = re.compile(r"^[^\W\d_](?:[\w'’.-]*[^\W\d_.'’-]\.?|\.)?$|^[^\W\d_]\.$")
_SPACES: Final = re.compile(r"\s+")
_DIGIT: Final = re.compile(r"\d")


#: A byline's opening in any of the corpus' languages, as structured data and meta tags write
#: it ("By", "Posted by", "Von", "Por", "Автор").
BY_PREFIX: Final = re.compile(rf"^\s*(?:(?:{_BY_LEADS})\s+by|{_BY_WORDS})\s*:?\s+", re.IGNORECASE)
#: A line that opens as a byline does ("By Jane Doe", "Written by…", "Author: …").
BYLINE_START: Final = re.compile(
    rf"^(?:(?:{_BY_LEADS})\s+)?by\b|^(?:{_BYLINE_LABELS})\s*:", re.IGNORECASE
)
#: A name field that holds a whole printed byline rather than one name.
BYLINE_IN_NAME: Final = re.compile(rf"^\s*by\b|,|;|\||·|&|\s(?:{_AND_WORDS})\s", re.IGNORECASE)
_CREDIT_SEPARATOR: Final = re.compile(rf"\s*(?:[,;&|/]|\s(?:{_AND_WORDS})\s)\s*", re.IGNORECASE)


def name_case(name: str) -> str:
    """Restore a name printed in capitals to name case.

    "TOM KRISHER" becomes "Tom Krisher", "MARY O'NEILL-MCDONALD" "Mary O'Neill-McDonald",
    "LUDWIG VAN BEETHOVEN" "Ludwig van Beethoven". A name with any lower-case letter is
    returned unchanged: it is already in the case its owner chose.
    """
    if any(char.islower() for char in name) or not any(char.isupper() for char in name):
        return name
    words = name.split()
    cased: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if word in _ROMAN:
            cased.append(word)
        elif 0 < index < len(words) - 1 and lower in _PARTICLES:
            cased.append(lower)
        else:
            cased.append(_MC.sub(_mc, _LETTERS.sub(_capitalise, lower)))
    return " ".join(cased)


def _capitalise(match: re.Match[str]) -> str:
    return match.group().capitalize()


def _mc(match: re.Match[str]) -> str:
    return "Mc" + match.group(1).upper()


def looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a personal name: one to six capitalised words or initials."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 6:
        return False
    for index, token in enumerate(tokens):
        if index and token.lower() in _PARTICLES:
            continue
        if token[0].islower() or not _NAME_TOKEN.match(token):
            return False
    return True


def is_organization(text: str) -> bool:
    """Whether a credited name is an agency, outlet or desk rather than a person."""
    if text in _AGENCIES or _OUTLET_WORDS.search(text) or _DESK_WORDS.search(text):
        return True
    return text.startswith("The ") and looks_like_name(text[4:])


#: Small words an outlet's name may hold in lower case ("Special to the Post").
_SMALL: Final = frozenset({"of", "the", "and", "for", "to", "on", "at", "in", "de", "la", "y", "&"})


def _lower_words(text: str) -> bool:
    return any(word[0].islower() and word not in _SMALL for word in text.split())


def _is_role(text: str) -> bool:
    return (
        bool(_ROLE_WORDS.search(text)) and text not in _AGENCIES and not _OUTLET_WORDS.search(text)
    )


def _clean(text: str) -> str:
    # (what collapsing each run of white space to one space and stripping the ends gives)
    text = " ".join(text.split())
    while len(text) > 1 and text[0] == "(" and text[-1] == ")":
        text = text[1:-1].strip()
    return text.strip(" .;:,")


def _role_case(role: str) -> str:
    return role.title() if role.isupper() and len(role) > 3 else role


def _names(text: str) -> list[str]:
    return [name for part in _AND.split(text) if (name := _clean(part))]


def _credit(name: str, role: str) -> Byline | None:
    name = _PLACE.sub("", name).strip(" .,")
    if not name:
        return None
    if name.lower().startswith("the ") or is_organization(name):
        return Byline(name=name, kind=BylineKind.ORGANIZATION, role=role)
    if not looks_like_name(name):
        return None
    return Byline(name=name_case(name), role=role)


def _credits(text: str) -> tuple[Byline, ...]:
    bylines: list[Byline] = []
    for clause in _CLAUSE_BREAK.split(text):
        match = _CREDIT.match(_clean(clause))
        if match is None:
            continue
        role = match["role"][0].upper() + _SPACES.sub(" ", match["role"][1:]).lower()
        for name in _CREDIT_NAMES.split(match["names"]):
            byline = _credit(_clean(name), role)
            if byline is not None:
                bylines.append(byline)
    return tuple(bylines)


def _name_and_role(text: str) -> tuple[str, str] | None:
    tokens = text.split()
    choices = [
        k for k in range(2, min(4, len(tokens) - 1) + 1) if looks_like_name(" ".join(tokens[:k]))
    ]
    # The role starts where a capitalised word is followed by a lower-case one ("Social
    # affairs correspondent"); failing that, after a first and last name.
    for k in choices:
        role = " ".join(tokens[k:])
        followed = k + 1 < len(tokens) and tokens[k + 1][0].islower()
        if tokens[k][0].isupper() and followed and _is_role(role):
            return " ".join(tokens[:k]), role
    if 2 in choices and _is_role(" ".join(tokens[2:])):
        return " ".join(tokens[:2]), " ".join(tokens[2:])
    return None


def _co_author(part: str) -> bool:
    """Whether a comma part reads as a person's name rather than a role or an outlet."""
    return (
        len(part.split()) >= 2
        and not part.isupper()
        and looks_like_name(part)
        and not is_organization(part)
        and not _is_role(part)
    )


_CLAUSE_BREAK: Final = re.compile(r"\s*[;\n]\s*")
_FOR_OUTLET: Final = re.compile(r"^(?:for|special to)\s+", re.IGNORECASE)
#: A Korean name followed by its role ("홍길동 기자").
_KOREAN_ROLE: Final = re.compile(r"^(.+?)\s+(기자|특파원|논설위원|칼럼니스트|객원기자|선임기자)$")


def split_bylines(text: str) -> tuple[Byline, ...]:
    """Split one printed byline into the people and organisations it credits.

    Args:
        text: A byline as printed: "By TOM KRISHER, AP Auto Writer", "Jane Doe | NJ Advance
            Media", "By Jane Doe and John Roe, Reuters", "Reporting by Jane Doe; Editing by
            John Roe".

    Returns:
        One :class:`~newsmodel.Byline` per credited name, in order, each with the role and
        affiliation the string gives; an empty tuple when the text does not read as a byline.
    """
    text = _clean(text)
    if not text or len(text) > 200:
        return ()
    if _CREDIT.match(text):
        return _credits(text)
    text = _BY.sub("", text, count=1)
    emails: list[str] = []
    if "@" in text:  # (as every address and handle holds)
        emails = _EMAIL.findall(text)
        text = _HANDLE.sub(" ", _EMAIL.sub(" ", text))
    # A part with digits is a date or time printed beside the name ("Jane Doe | Nov. 26, 2026").
    parts = [
        part for raw in _SEGMENT.split(text) if (part := _clean(raw)) and not _DIGIT.search(part)
    ]
    if not parts:
        return ()
    names = _names(parts[0])
    rest = parts[1:]
    if len(names) == 1 and not rest and not looks_like_name(names[0]):
        # "Jane Doe Social affairs correspondent": a name and a role with no separator.
        split = _name_and_role(names[0])
        if split is not None:
            names, rest = [split[0]], [split[1]]
    # "Jane Doe, John Roe and Ann Lee": later comma parts are more names only when the list
    # closes with "and"; otherwise "Jane Doe, Some Outlet" is a person and an affiliation.
    closing = next(
        (
            i
            for i, part in enumerate(rest)
            if _AND.search(part) and all(map(looks_like_name, _names(part)))
        ),
        None,
    )
    if closing is not None and all(
        looks_like_name(part) and not is_organization(part) for part in rest[:closing]
    ):
        for part in rest[: closing + 1]:
            names.extend(_names(part))
        rest = rest[closing + 1 :]
    elif len(rest) >= 2 and all(map(_co_author, rest)):
        # "Jane Doe, John Roe, Ann Lee" without "and": one outlet is possible after a name,
        # but not two names' worth of them.
        names.extend(rest)
        rest = []
    roles: list[str] = []
    affiliations: list[str] = []
    credited = [name.casefold() for name in names]
    for part in rest:
        if any(name in part.casefold() for name in credited):
            # The name again ("Biography Jane Doe"): an author card's furniture, not a part.
            continue
        if len(part.split()) > 8 or (_lower_words(part) and not _is_role(part)):
            # Running text, not a role or an outlet: this is not a byline.
            return ()
        prefix = _AGENCY_PREFIX.match(part)
        if prefix is not None and _is_role(prefix.group(2)):
            affiliations.append(prefix.group(1))
            roles.append(_role_case(prefix.group(2)))
        elif _is_role(part):
            roles.append(_role_case(part))
        else:
            affiliations.append(_FOR_OUTLET.sub("", part))
    role = ", ".join(roles) or None
    affiliation = ", ".join(affiliations) or None
    bylines: list[Byline] = []
    for raw_name in names:
        name = _PLACE.sub("", raw_name).strip()
        if name.startswith("the "):
            name = "The " + name[4:]
        person_role = role
        korean = _KOREAN_ROLE.match(name)
        if korean is not None:
            name, person_role = korean.group(1), person_role or korean.group(2)
        if not name:
            continue
        if is_organization(name) and (name in _AGENCIES or looks_like_name(name)):
            bylines.append(Byline(name=name, kind=BylineKind.ORGANIZATION, role=person_role))
        elif looks_like_name(name):
            bylines.append(Byline(name=name_case(name), role=person_role, affiliation=affiliation))
        else:
            return ()
    if len(bylines) == 1 and len(emails) == 1:
        bylines[0] = Byline(
            name=bylines[0].name,
            kind=bylines[0].kind,
            role=bylines[0].role,
            affiliation=bylines[0].affiliation,
            email=emails[0],
        )
    return tuple(bylines)


def bylines_from_text(text: str) -> tuple[Byline, ...]:
    """The people and organisations a printed byline credits ("By Jane Doe and AP").

    :func:`~newsmodel._extract.common.bylines.split_bylines` reads it when it can; when it finds no
    name, the text is cut at commas, semicolons and "and", each part a credit of its own.
    """
    found = split_bylines(text)
    if found:
        return found
    text = BY_PREFIX.sub("", text.strip())
    parts = [part.strip(" .") for part in _CREDIT_SEPARATOR.split(text)]
    return tuple(
        Byline(
            name=part,
            kind=BylineKind.ORGANIZATION if is_organization(part) else BylineKind.PERSON,
        )
        for part in parts
        if part and not part.startswith(("http://", "https://"))
    )
