"""The plain-text article parser: headline, header lines, body, end matter and comments.

The text is read top to bottom. The first non-empty line is the headline. The *header* follows:
byline lines, date lines and page furniture, with at most one text unit among them -- the
standfirst -- before the first byline or date. The body runs to the comment section or the end;
its last units are checked for *end matter* (wire credits, a copyright line, tags, a
contributor line), and furniture anywhere in it ("Advertisement", "Read more: …", a "Related:"
list) is dropped. Block structure is read from conventions people use in plain text: ``#``
headings or short unpunctuated lines between paragraphs, bulleted and numbered lists, ``>``
quotations and ``[Image: …]`` lines.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, NamedTuple

from ... import _guesses
from ..._model import (
    Article,
    Block,
    BlockQuote,
    Byline,
    CommentThread,
    Correction,
    Dateline,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
)
from ...errors import ExtractionError, GuessWarning
from ..common.bylines import BYLINE_START, looks_like_name, name_case, split_bylines
from ..common.datelines import DATELINE
from ..common.dates import parse_date, read_date
from .comments import COMMENTS_HEADING, comment_thread
from .layout import BULLET, Unit, units, wrap_width
from .standfirst import Evidence, standfirst_evidence

__all__ = ["parse_article"]

_HEADING_MARK: Final = re.compile(r"^(#{1,6})\s+(.+?)(?:\s+#+)?$")
_QUOTE_MARK: Final = re.compile(r"^>\s?")
_FIGURE: Final = re.compile(
    r"^\[(?:image|photo|picture|figure|graphic)\s*:\s*(?P<url>\S+?)\]\s*(?P<caption>.*?)"
    r"\s*(?:\((?:credit|photo|image|picture)\s*:\s*(?P<credit>[^()]+)\))?$",
    re.IGNORECASE,
)
_FURNITURE: Final = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?:\s+content)?|story\s+continues\s+below.*"
    r"|continue\s+reading.*|scroll\s+to\s+continue.*|share(?:\s+this)?(?:\s+(?:article|story|page))?"
    r"|share\s+(?:on|via)\b.*|(?:share|tweet|email|print|save|facebook|twitter|x|linkedin"
    r"|whatsapp|copy\s+link|reddit|flipboard)(?:\s*[|·•/]\s*(?:share|tweet|email|print|save"
    r"|facebook|twitter|x|linkedin|whatsapp|copy\s+link|reddit|flipboard))*"
    r"|read\s+more(?:\s*[:»›>|].*)?|read\s+next\b.*|more\s+from\s+.{1,40}|recommended(?:\s+stories)?"
    r"|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|sign\s+up\b.{0,80}|subscribe\b.{0,80}"
    r"|follow\s+us\b.{0,60}|listen\s+to\s+(?:this\s+)?(?:article|story)\b.*"
    r"|\d+\s*(?:min(?:ute)?s?)\s+read|(?:photo|image|picture|photograph|video|graphic)"
    r"(?:\s+by|\s*:)\s.{1,80}|loading\.*|skip\s+(?:to|advertisement)\b.*|back\s+to\s+top"
    r"|click\s+here\b.*|\(?\d+\)?\s+comments?|기사\s*공유|광고|관련\s*기사|무단\s*전재.*)\s*[.!]?$",
    re.IGNORECASE,
)
_RELATED: Final = re.compile(
    r"^(?:related(?:\s+(?:articles|stories|coverage|content|reading))?|more\s+on\s+this\s+story"
    r"|see\s+also|read\s+also|also\s+read|read\s+more|관련\s*기사)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_RIGHTS: Final = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all\s+rights\s+reserved\b|ⓒ|저작권자)", re.IGNORECASE
)
_TAGS: Final = re.compile(r"^(?:tags|topics|keywords|filed\s+under)\s*:\s*(?P<tags>.+)$", re.I)
_CORRECTION: Final = re.compile(
    r"^(?P<label>correction|clarification|editor['’]s\s+note|update)"
    r"(?:\s*\((?P<when>[^()]{4,60})\))?\s*:\s*(?P<text>.+)$",
    re.IGNORECASE,
)
_CONTRIBUTED: Final = re.compile(
    r"^(?:the\s+)?(?P<agency>[A-Z][\w.&' -]{0,40}?)\s+(?:staff\s+)?(?:writers?|reporters?|"
    r"correspondents?|journalists?|photographers?)\s+(?P<names>.+?)\s+contributed"
    r"(?:\s+(?:to\s+this\s+(?:report|story)|reporting)(?:\s+from\s+.+?)?)?\.?$"
)
#: " in Ann Arbor, Michigan," after a contributor's name, up to the next "and".
_CONTRIBUTOR_PLACE: Final = re.compile(
    r"\s+(?:in|from|at)\s+[A-Z][\w.'’-]*(?:,?\s+(?!and\b)[A-Z][\w.'’-]*)*,?"
)
_CONTRIBUTING: Final = re.compile(r"^contributing(?:\s+reporting)?\s*:\s*(?P<names>.+)$", re.I)
_DATE_LABEL: Final = re.compile(
    r"(?:^|(?<=\s))(?P<label>(?:first\s+|originally\s+)?(?:published|posted|filed|issued|released)"
    r"|(?:last\s+)?(?:updated|modified)|date|입력|수정|최종\s*수정|업데이트)\b(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
#: "Posted by Jane Doe on November 26, 2026 at 10:15 am ET".
_POSTED_BY: Final = re.compile(
    r"^(?:(?:posted|written|published|submitted)\s+)?by\s+(?P<who>.+?)\s+on\s+(?P<when>.*\d.*)$",
    re.IGNORECASE,
)
_SEGMENTS: Final = re.compile(r"\s+[|·•]\s+")
_HEADING_END: Final = re.compile(r"[.,;:!\"”’'…)\]]$")
_SENTENCE: Final = re.compile(r"[.!?\"”’)…]$")
_DIGIT: Final = re.compile(r"\d")
#: First characters of the units that are not plain paragraphs (lists, quotes, figures…).
_MARKS: Final = frozenset("#>[-*•◦▪‣●0123456789")
#: How a paragraph after a subheading ends: a sentence, or a lead-in to a list.
_LEAD_IN: Final = re.compile(r"[.!?:\"”’)…]$")
_KOREAN_ROLE: Final = re.compile(r"(?:기자|특파원|논설위원)$")


class _Meta(NamedTuple):
    bylines: tuple[Byline, ...]
    dates: tuple[tuple[bool, dt.datetime | dt.date | None], ...]
    bare_name: bool


def _dates_in(segment: str) -> list[tuple[bool, dt.datetime | dt.date | None]] | None:
    """The labelled or bare dates a header segment gives, ``(is_modified, value)``."""
    labels = list(_DATE_LABEL.finditer(segment))
    if labels and labels[0].start() == 0:
        found: list[tuple[bool, dt.datetime | dt.date | None]] = []
        for index, match in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(segment)
            piece = segment[match.end() : end].strip(" ,;|")
            label = match["label"].lower()
            modified = "updat" in label or "modif" in label or label in ("수정", "업데이트")
            # Quietly: the caller reports a day without time once, if it keeps the date.
            found.append((modified, read_date(piece, warn=False) if piece else None))
        return found
    if _DIGIT.search(segment) and len(segment) <= 80:
        value = read_date(segment, warn=False)
        if value is not None:
            return [(False, value)]
    return None


def _meta(text: str) -> _Meta | None:
    """A header or end line's bylines and dates; ``None`` when it is running text."""
    if len(text) > 200 or DATELINE.match(text):
        return None
    if _FURNITURE.match(text):
        return _Meta((), (), bare_name=False)
    posted = _POSTED_BY.match(text)
    if posted is not None:
        who = split_bylines(posted["who"])
        when = read_date(posted["when"], warn=False)
        if who and when is not None:
            return _Meta(who, ((False, when),), bare_name=False)
    dates: list[tuple[bool, dt.datetime | dt.date | None]] = []
    leftover: list[str] = []
    for segment in _SEGMENTS.split(text):
        found = _dates_in(segment)
        if found is not None:
            dates.extend(found)
        elif not _FURNITURE.match(segment):
            leftover.append(segment)
    if not leftover:
        return _Meta((), tuple(dates), bare_name=False)
    joined = " | ".join(leftover)
    bylines = split_bylines(joined)
    if not bylines:
        return None
    credited = bool(BYLINE_START.match(joined)) or any(
        b.role or b.affiliation or b.email for b in bylines
    )
    if credited or dates or _KOREAN_ROLE.search(joined):
        return _Meta(bylines, tuple(dates), bare_name=False)
    bare = len(bylines) == 1 and looks_like_name(joined) and 2 <= len(joined.split()) <= 4
    return _Meta(bylines, (), bare_name=True) if bare else None


class _Header(NamedTuple):
    standfirst: str | None
    bylines: list[Byline]
    dates: list[tuple[bool, dt.datetime | dt.date | None]]
    body_start: int


def _header(headline: str, found: list[Unit]) -> _Header:
    bylines: list[Byline] = []
    dates: list[tuple[bool, dt.datetime | dt.date | None]] = []
    pending: list[Unit] = []
    index = 0
    seen_meta = False
    cache: dict[int, _Meta | None] = {}

    def meta_at(at: int) -> _Meta | None:
        if at not in cache:
            cache[at] = _meta(found[at].text)
        return cache[at]

    while index < len(found):
        unit = found[index]
        if COMMENTS_HEADING.match(unit.text) and (unit.blank_before or not seen_meta):
            # A comment section right after the header: no body. (A "12 comments" teaser sits
            # among the byline and date lines, with no blank line before it.)
            break
        meta = meta_at(index)
        if (
            meta is not None
            and meta.bylines
            and not meta.dates
            and all((b.role or "").endswith(" by") for b in meta.bylines)
        ):
            # Wire credits ("Reporting by …") close an article; they never open one.
            meta = None
        if meta is not None and meta.bare_name:
            # A bare name is a byline only when a date line follows it ("Jane Doe" / "Nov. 26").
            following = meta_at(index + 1) if index + 1 < len(found) else None
            if following is None or not following.dates or following.bare_name:
                meta = None
        if meta is None:
            if seen_meta or pending or DATELINE.match(unit.text):
                break
            pending.append(unit)
            index += 1
            continue
        bylines.extend(meta.bylines)
        dates.extend(meta.dates)
        seen_meta = True
        index += 1
    standfirst: str | None = None
    if pending and seen_meta:
        standfirst = pending[0].text
    elif pending and index < len(found):
        # No bylines or dates: the line under the headline is a standfirst when it sits right
        # under it with a blank line after, or when the next paragraph opens with a dateline.
        after = found[index]
        if (not pending[0].blank_before and after.blank_before) or DATELINE.match(after.text):
            standfirst = pending[0].text
        elif (
            not pending[0].blank_before
            and not after.blank_before
            and not DATELINE.match(pending[0].text)
        ) and (
            # Every line its own paragraph: only the line's words can tell.
            evidence := standfirst_evidence(
                headline, pending[0].text, [unit.text for unit in found[index:]]
            )
        ) is not Evidence.PARAGRAPH:
            if evidence is Evidence.STANDFIRST:
                standfirst = pending[0].text
            else:
                index = 0
                _guesses.warn(
                    "the line under the headline may be a standfirst; kept it as the first "
                    "paragraph",
                    GuessWarning,
                    stacklevel=5,
                )
        else:
            index = 0
    elif pending:
        index = 0
    return _Header(standfirst, bylines, dates, index)


def _dateline(text: str, published: dt.datetime | dt.date | None) -> tuple[Dateline | None, str]:
    match = DATELINE.match(text)
    if match is None:
        return None, text
    place = match["place"] or match["mixed"]
    agency = match["agency"]
    if place is None and agency is None:
        return None, text
    if place is None and match["date"] is None and not text.startswith("("):
        return None, text
    day: dt.date | None = None
    if match["date"]:
        day = _dateline_day(match["date"], published)
    dateline = Dateline(place=place, date=day, agency=agency.strip() if agency else None)
    return dateline, text[match.end() :]


def _dateline_day(text: str, published: dt.datetime | dt.date | None) -> dt.date | None:
    value = parse_date(text)
    if value is not None:
        return value if not isinstance(value, dt.datetime) else value.date()
    if published is None:
        _guesses.warn(
            f"the dateline's date {text!r} has no year and the article no date to take it from",
            GuessWarning,
            stacklevel=5,
        )
        return None
    year = published.year
    value = parse_date(f"{text} {year}")
    if value is None:
        return None
    day = value if not isinstance(value, dt.datetime) else value.date()
    # Filed on December 31st, published on January 1st: the dateline belongs to the year before.
    if (day - _as_day(published)).days > 180:
        day = day.replace(year=year - 1)
    _guesses.warn(
        f"took the year of the dateline's date {text!r} from the publication date",
        GuessWarning,
        stacklevel=5,
    )
    return day


def _as_day(value: dt.datetime | dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


class _End(NamedTuple):
    bylines: list[Byline]
    dates: list[tuple[bool, dt.datetime | dt.date | None]]
    rights: str | None
    keywords: list[str]
    stop: int


def _end_matter(found: list[Unit], start: int, stop: int) -> _End:
    bylines: list[Byline] = []
    dates: list[tuple[bool, dt.datetime | dt.date | None]] = []
    rights: str | None = None
    keywords: list[str] = []
    index = stop
    under_related: bool | None = None  # for the run of bullets being walked over
    while index > start:
        text = found[index - 1].text
        if not BULLET.match(text):
            under_related = None
        if _RIGHTS.match(text):
            rights = text
        elif (tags := _TAGS.match(text)) is not None:
            keywords = [t.strip() for t in re.split(r"\s*[,;|]\s*", tags["tags"]) if t.strip()]
        elif (contributed := _CONTRIBUTED.match(text)) is not None and (
            people := _contributors(contributed)
        ):
            bylines[:0] = people
        elif (contributing := _CONTRIBUTING.match(text)) is not None and (
            credited := split_bylines(contributing["names"])
        ):
            bylines[:0] = [
                Byline(name=b.name, kind=b.kind, role="Contributor", affiliation=b.affiliation)
                for b in credited
            ]
        elif BULLET.match(text):
            if under_related is None:
                # Once per run of bullets: whether a "Related:" heading stands above it.
                heading = _before_bullets(found, start, index - 1)
                under_related = bool(_RELATED.match(found[heading].text))
            if not under_related:
                break
        elif _FURNITURE.match(text) or _RELATED.match(text):
            pass
        else:
            meta = _meta(text)
            if meta is None or meta.bare_name or not (meta.bylines or meta.dates):
                break
            bylines[:0] = meta.bylines
            dates[:0] = meta.dates
        index -= 1
    return _End(bylines, dates, rights, keywords, index)


def _before_bullets(found: list[Unit], start: int, index: int) -> int:
    """The unit before the run of bullets that ends at ``index`` (not before ``start``)."""
    while index > start and BULLET.match(found[index].text):
        index -= 1
    return index


def _contributors(match: re.Match[str]) -> list[Byline]:
    agency = match["agency"]
    if agency.lower() in ("staff", "the"):
        agency = None
    people: list[Byline] = []
    names = _CONTRIBUTOR_PLACE.sub("", match["names"])
    for part in re.split(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)\s*", names):
        name = part.strip()
        if not name or not looks_like_name(name):
            return []
        people.append(Byline(name=name_case(name), role="Contributor", affiliation=agency))
    return people


def _is_heading(found: list[Unit], index: int, first: int) -> bool:
    text = found[index].text
    if index == first or index + 1 >= len(found) or len(text) > 80 or len(text.split()) > 12:
        return False
    if (
        _HEADING_END.search(text)
        or BULLET.match(text)
        or not (text[0].isupper() or text[0].isdigit())
    ):
        return False
    following = found[index + 1].text
    if BULLET.match(following):
        return True
    return bool(_LEAD_IN.search(following)) and len(following) > len(text)


def _blocks(found: list[Unit], first: int, stop: int) -> tuple[list[Block], list[Correction]]:
    blocks: list[Block] = []
    corrections: list[Correction] = []
    index = first
    while index < stop:
        text = found[index].text
        index += 1
        # Long running text: no furniture, heading, list or correction is this long.
        if (
            len(text) > 200
            and text[0] not in _MARKS
            and not text[0].islower()
            and (text[0] not in "CcEe" or _CORRECTION.match(text) is None)
        ):
            blocks.append(Paragraph(text=text))
            continue
        related = _RELATED.match(text)
        if related is not None:
            # The heading and the list of links under it.
            while index < stop and BULLET.match(found[index].text):
                index += 1
            continue
        if _FURNITURE.match(text):
            continue
        correction = _CORRECTION.match(text)
        if correction is not None and correction["label"].lower() != "update":
            when = parse_date(correction["when"]) if correction["when"] else None
            corrections.append(Correction(text=correction["text"], published=when))
            continue
        heading = _HEADING_MARK.match(text)
        if heading is not None:
            blocks.append(Heading(text=heading[2], level=len(heading[1])))
            continue
        figure = _FIGURE.match(text)
        if figure is not None:
            image = Image(
                url=figure["url"], caption=figure["caption"] or None, credit=figure["credit"]
            )
            blocks.append(Figure(image=image))
            continue
        if _QUOTE_MARK.match(text):
            paragraphs = [_QUOTE_MARK.sub("", text)]
            while index < stop and _QUOTE_MARK.match(found[index].text):
                paragraphs.append(_QUOTE_MARK.sub("", found[index].text))
                index += 1
            source = None
            if len(paragraphs) > 1 and re.match(r"^(?:—|–|--)\s*\S", paragraphs[-1]):
                source = paragraphs.pop().lstrip("—–- ").strip()
            kept = tuple(p.strip() for p in paragraphs if p.strip())
            if kept:
                blocks.append(BlockQuote(paragraphs=kept, source=source))
            continue
        bullet = BULLET.match(text)
        if bullet is not None:
            ordered = bullet.group()[0].isalnum()
            items = [text[bullet.end() :]]
            while index < stop:
                following = BULLET.match(found[index].text)
                if following is None or following.group()[0].isalnum() != ordered:
                    break
                items.append(found[index].text[following.end() :])
                index += 1
            blocks.append(ListBlock(items=tuple(items), ordered=ordered))
            continue
        if _is_heading(found, index - 1, first):
            blocks.append(Heading(text=text, level=2))
            continue
        blocks.append(Paragraph(text=text))
    return blocks, corrections


def _comments_at(found: list[Unit], start: int) -> int | None:
    for index in range(start, len(found)):
        unit = found[index]
        if len(unit.text) <= 40 and COMMENTS_HEADING.match(unit.text):
            return index
    return None


def parse_article(text: str) -> Article:
    """Read an article from clean text (decoded, line endings ``\\n``, no control characters).

    Raises:
        ExtractionError: the text holds no line to take as a headline.
    """
    lines = text.split("\n")
    head = next((i for i, line in enumerate(lines) if line.strip()), None)
    if head is None:
        raise ExtractionError("the text is empty", line=1)
    headline = lines[head].strip()
    marked = _HEADING_MARK.match(headline)
    if marked is not None:
        headline = marked[2]
    rest = lines[head + 1 :]
    found = units(rest, head + 1, wrap_width(rest), blank=False)
    header = _header(headline, found)
    comments_index = _comments_at(found, header.body_start)
    stop = len(found) if comments_index is None else comments_index
    end = _end_matter(found, header.body_start, stop)
    blocks, corrections = _blocks(found, header.body_start, end.stop)

    published: dt.datetime | dt.date | None = None
    modified: dt.datetime | dt.date | None = None
    for is_modified, value in header.dates + end.dates:
        if value is None:
            continue
        if not is_modified and published is None:
            published = value
        elif modified is None:
            modified = value
    for label, value in (("publication", published), ("modification", modified)):
        if value is not None and not isinstance(value, dt.datetime):
            _guesses.warn(
                f"the {label} date {value.isoformat()} has no time or no zone; kept the day only",
                GuessWarning,
                stacklevel=4,
            )

    dateline: Dateline | None = None
    if blocks and isinstance(blocks[0], Paragraph):
        dateline, remainder = _dateline(blocks[0].text, published or modified)
        if dateline is not None:
            remainder = remainder.strip()
            blocks[0:1] = [Paragraph(text=remainder)] if remainder else []

    thread: CommentThread | None = None
    if comments_index is not None:
        unit = found[comments_index]
        thread = comment_thread(unit.text, lines[unit.line + 1 :])

    return Article(
        headline=headline,
        standfirst=header.standfirst,
        body=tuple(blocks),
        bylines=_unique(header.bylines + end.bylines),
        dateline=dateline,
        published=published,
        modified=modified,
        keywords=tuple(end.keywords),
        comments=thread,
        rights=end.rights,
        corrections=tuple(corrections),
    )


def _unique(bylines: list[Byline]) -> tuple[Byline, ...]:
    # A name in the header byline and again in the end credits is one person, credited once.
    seen: set[str] = set()
    kept: list[Byline] = []
    for byline in bylines:
        key = byline.name
        if key not in seen:
            seen.add(key)
            kept.append(byline)
    return tuple(kept)
