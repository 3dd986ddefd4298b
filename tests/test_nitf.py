"""NITF: written valid against NITF 3.6, read back exactly, and others' NITF read leniently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from newsmodel import (
    Article,
    BlockQuote,
    Byline,
    BylineKind,
    Dateline,
    Figure,
    GuessWarning,
    Heading,
    Image,
    Link,
    ListBlock,
    Organization,
    Paragraph,
    ParseError,
    nitf,
)
from strategies import articles

ZONE = dt.timezone(dt.timedelta(hours=-5))
CARRIED = (
    "headline", "standfirst", "body", "bylines", "dateline", "published", "modified",
    "language", "url", "id", "section", "genre", "keywords", "rights",
)  # fmt: skip


@pytest.fixture(scope="session")
def schema(shared: Path) -> etree.XMLSchema:
    """IPTC's NITF 3.6 schema, loaded offline (its xml.xsd import sits beside it)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(shared / "newsml-g2" / "nitf-3-6.xsd"), parser))


def assert_valid(schema: etree.XMLSchema, text: str) -> None:
    document = etree.fromstring(text.encode("utf-8"))
    if not schema.validate(document):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
        pytest.fail(f"not valid NITF 3.6:\n{errors}")


FULL = Article(
    headline="Harbour ferry returns after a winter off",
    standfirst="The island service resumes on Monday with two boats.",
    body=[
        Paragraph(
            text="The ferry sails again from Monday, the council said.",
            links=[Link(start=4, end=9, url="https://example.org/ferry", title="Timetable")],
        ),
        Heading(text="Fares", level=3),
        BlockQuote(paragraphs=["We missed it."], cite="https://example.org/q", source="A rider"),
        ListBlock(items=["Adults: 4", "Children: 2"], ordered=True),
        Figure(image=Image(url="https://example.org/boat.jpg", caption="The boat", width=640)),
    ],
    bylines=[
        Byline(name="Ana Lima", role="Transport Reporter", affiliation="Coast Times"),
        Byline(name="Wire Desk", kind=BylineKind.ORGANIZATION, email="desk@example.org"),
    ],
    dateline=Dateline(place="PORTSEA", date=dt.date(2026, 3, 2), agency="CT"),
    published=dt.datetime(2026, 3, 2, 9, 30, tzinfo=ZONE),
    modified=dt.datetime(2026, 3, 2, 11, 0, 5, tzinfo=dt.timezone.utc),
    language="en-GB",
    url="https://example.org/news/ferry",
    id="urn:example:ferry-1",
    section="Local",
    genre="news",
    keywords=["ferries", "transport"],
    publisher=Organization(name="Coast Times"),
    rights="© 2026 Coast Times",
)


def test_a_full_article_round_trips(schema: etree.XMLSchema) -> None:
    """Every field NITF can carry comes back equal, from a schema-valid document."""
    text = nitf.dumps(FULL)
    assert_valid(schema, text)
    assert nitf.loads(text) == FULL
    assert nitf.loads(text.encode("utf-8")) == FULL
    assert nitf.to_bytes(FULL).startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert nitf.loads(nitf.to_bytes(FULL)) == FULL


@settings(max_examples=200)
@given(articles())
def test_generated_articles_round_trip_through_valid_nitf(
    schema: etree.XMLSchema, article: Article
) -> None:
    """Generated articles are written valid and read back with the same headline, bylines,
    dates, body blocks and the other fields NITF carries."""
    text = nitf.dumps(article)
    assert_valid(schema, text)
    back = nitf.loads(text)
    for name in CARRIED:
        assert getattr(back, name) == getattr(article, name), name
    assert back.publisher == (
        Organization(name=article.publisher.name) if article.publisher else None
    )
    assert tuple(c.text for c in back.corrections) == tuple(c.text for c in article.corrections)


def test_what_nitf_cannot_carry_is_left_out() -> None:
    """Quotes, comments and attached images have no NITF element and are not invented."""
    article = Article(headline="h", images=[Image(url="https://example.org/i.jpg")], publisher=None)
    assert nitf.loads(nitf.dumps(article)).images == ()


OTHERS = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">
<nitf baselang="fr-FR">
 <head>
  <title>Un titre de t\xeate</title>
  <tobject tobject.type="news"><tobject.subject tobject.subject.refnum="15000000"
     tobject.subject.type="Sport" tobject.subject.matter="Voile"/></tobject>
  <docdata>
   <doc-id id-string="AFP-123"/>
   <urgency ed-urg="3"/>
   <date.issue norm="20140829T135006Z"/>
   <doc.copyright year="2014" holder="Agence Exemple"/>
   <key-list><keyword key="voile"/></key-list>
  </docdata>
 </head>
 <body>
  <body.head>
   <hedline><hl1>Le   r&eacute;gate est lanc&eacute;e</hl1><hl2>Trente bateaux au d&eacute;part</hl2></hedline>
   <byline>Par <person>Marie Dupont</person>, <byttl>envoy&eacute;e sp&eacute;ciale</byttl></byline>
   <distributor>Agence Exemple</distributor>
   <dateline><location>BREST</location>, <story.date norm="20140829">29 ao&ucirc;t</story.date></dateline>
  </body.head>
  <body.content>
   <p>Premier   paragraphe.</p>
   <block><p>Dans un bloc.</p><hl2>Inter</hl2></block>
   <table><tr><td>A</td><td>1</td></tr></table>
  </body.content>
  <body.end><tagline>Avec Jean Martin.</tagline></body.end>
 </body>
</nitf>
"""


def test_others_nitf_is_read_leniently() -> None:
    """A 3.2 file with a DTD DOCTYPE, no namespace and HTML entities gives its article."""
    article = nitf.loads(OTHERS)
    assert article.headline == "Le régate est lancée"
    assert article.standfirst == "Trente bateaux au départ"
    assert article.bylines == (Byline(name="Marie Dupont", role="envoyée spéciale"),)
    assert article.dateline == Dateline(
        place="BREST", date=dt.date(2014, 8, 29), agency="Agence Exemple"
    )
    assert article.published == dt.datetime(2014, 8, 29, 13, 50, 6, tzinfo=dt.timezone.utc)
    assert article.language == "fr-FR"
    assert article.id == "AFP-123"
    assert article.rights == "© 2014 Agence Exemple"
    assert article.keywords == ("voile", "Voile")
    assert article.section == "Sport"
    assert article.genre == "news"
    assert [type(block).__name__ for block in article.body] == [
        "Paragraph", "Paragraph", "Heading", "Paragraph", "Paragraph",
    ]  # fmt: skip
    assert article.body[0] == Paragraph(text="Premier paragraphe.")
    assert article.body[-1] == Paragraph(text="Avec Jean Martin.")


def test_namespaced_nitf_reads_like_bare_nitf() -> None:
    """The 2006 namespace changes nothing for the reader."""
    bare = OTHERS.replace(b'<nitf baselang="fr-FR">', b'<nitf baselang="fr-FR">')
    spaced = OTHERS.replace(
        b'<nitf baselang="fr-FR">',
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" baselang="fr-FR">',
    )
    assert nitf.loads(spaced) == nitf.loads(bare)


def test_double_encoded_text_is_repaired_with_a_warning() -> None:
    """UTF-8 read as windows-1252 upstream ("DÃ©cÃ¨s") comes back as written."""
    data = "<nitf><body><body.head><hedline><hl1>DÃ©cÃ¨s dâ€™un acteur</hl1></hedline>"
    data += "</body.head></body></nitf>"
    with pytest.warns(GuessWarning, match="double-encoded"):
        article = nitf.loads(data)
    assert article.headline == "Décès d’un acteur"


def test_a_headline_less_document_is_named_by_its_id_with_a_warning() -> None:
    """No hl1, title or du-key: the doc-id stands in, and the reader says so."""
    data = '<nitf><head><docdata><doc-id id-string="X-1"/></docdata></head><body/></nitf>'
    with pytest.warns(GuessWarning, match="X-1"):
        assert nitf.loads(data).headline == "X-1"


def test_other_roots_are_refused_by_name() -> None:
    """A document that is not NITF says what its root is."""
    with pytest.raises(ParseError, match="root element is <rss>"):
        nitf.loads("<rss/>")


def test_sniff() -> None:
    """NITF is told by its root element, after a declaration, comments and a DOCTYPE."""
    assert nitf.sniff(OTHERS[:300])
    assert nitf.sniff(b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">')
    assert not nitf.sniff(b"<newsItem><nitf>")
