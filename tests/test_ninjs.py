"""IPTC ninjs 3.1: schema-valid output, round trips of what ninjs carries, IPTC's examples."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import jsonschema
import pytest
import referencing
from hypothesis import given, settings

from newsmodel import (
    Article,
    Byline,
    BylineKind,
    Dateline,
    Organization,
    Paragraph,
    ParseError,
    ninjs,
)
from strategies import articles
from test_jsonld import FULL, HAND_WRITTEN, NO_URL

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def validator(shared: Path) -> jsonschema.Draft202012Validator:
    """The ninjs 3.1 schema, with the GeoJSON schema it references registered beside it."""
    folder = shared / "ninjs"
    schema = json.loads((folder / "ninjs-schema_3.1.json").read_text("utf-8"))
    geojson = json.loads((folder / "GeoJSON-schema.json").read_text("utf-8"))
    registry = referencing.Registry().with_resource(
        geojson["$id"], referencing.Resource.from_contents(geojson)
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def carried(article: Article) -> Article:
    """What ninjs carries of an article: what a ninjs round trip must give back."""
    published = article.published if isinstance(article.published, dt.datetime) else None
    modified = article.modified if isinstance(article.modified, dt.datetime) else None
    if published is None:
        published, modified = modified, None
    elif modified == published:
        modified = None
    people = [b for b in article.bylines if b.kind is BylineKind.PERSON]
    organisations = [b for b in article.bylines if b.kind is BylineKind.ORGANIZATION]
    place = article.dateline.place if article.dateline is not None else None
    publisher = article.publisher
    return attrs.evolve(
        article,
        bylines=[attrs.evolve(b, role=None, affiliation=None) for b in people + organisations],
        dateline=None if place is None else Dateline(place=place),
        published=published,
        modified=modified,
        publisher=None if publisher is None else attrs.evolve(publisher, logo=None),
        quotes=[],
        comments=None,
        corrections=[],
    )


@settings(max_examples=200)
@given(articles())
def test_output_validates(validator: jsonschema.Draft202012Validator, article: Article) -> None:
    """Every generated article gives a ninjs object the 3.1 schema accepts."""
    validator.validate(json.loads(ninjs.dumps(article)))


@settings(max_examples=200)
@given(articles())
def test_round_trip_of_what_ninjs_carries(article: Article) -> None:
    """loads(dumps(a)) gives back everything of a that ninjs has a place for."""
    assert carried(article) == ninjs.loads(ninjs.dumps(article))


@pytest.mark.parametrize("name", sorted(HAND_WRITTEN))
def test_hand_written(validator: jsonschema.Draft202012Validator, name: str) -> None:
    """The hand-written articles validate and come back as far as ninjs carries them."""
    article = HAND_WRITTEN[name]
    tree = ninjs.to_dict(article)
    validator.validate(tree)
    assert carried(article) == ninjs.from_dict(tree)


def test_mapping() -> None:
    """The fields sit where ninjs consumers look for them."""
    tree = ninjs.to_dict(FULL)
    assert tree["uri"] == "urn:example:story:4711"
    assert tree["headlines"] == [{"role": "main", "value": FULL.headline}]
    assert tree["descriptions"] == [{"role": "summary", "value": FULL.standfirst}]
    assert tree["firstCreated"] == "2026-11-24T18:05:00+01:00"
    assert tree["versionCreated"] == "2026-11-25T09:00:00+00:00"
    assert tree["by"] == "Jane Doe and Reuters"
    assert tree["people"][0] == {
        "name": "Jane Doe",
        "rel": "author",
        "uri": "https://example.com/staff/jane-doe",
        "contactInfo": [{"type": "email", "value": "jane@example.com"}],
    }
    assert tree["located"] == "SPRINGFIELD"
    assert tree["bodies"][0]["value"] == FULL.text
    assert tree["bodies"][1]["value"].startswith(
        '<p>The <a href="https://example.com/council">council</a> approved'
    )
    assert tree["associations"][0]["renditions"] == [
        {"name": "original", "href": "https://example.com/lead.jpg", "width": 1200, "height": 800}
    ]
    assert "quotes" not in json.dumps(tree)


def test_uri_without_id_or_url_is_a_stable_hash() -> None:
    """An article with no IRI to name it gets a content hash URN, the same every time."""
    article = Article(headline="H", id="not an IRI")
    uri = ninjs.to_dict(article)["uri"]
    assert uri.startswith("urn:newsmodel:")
    assert uri == ninjs.to_dict(article)["uri"]
    assert ninjs.loads(ninjs.dumps(article)).id == "not an IRI"
    assert ninjs.to_dict(NO_URL)["uri"].startswith("urn:newsmodel:")


def test_reads_iptc_examples(shared: Path, validator: jsonschema.Draft202012Validator) -> None:
    """IPTC's example items read into articles with their headline, body and bylines."""
    folder = shared / "ninjs" / "examples"
    found = {path.name: ninjs.loads(path.read_bytes()) for path in sorted(folder.glob("*.json"))}
    assert len(found) == 4

    simple = found["004_simple_text_article.json"]
    assert simple.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert simple.id == "http://ninjs.example.com/newsitems/20130709simp123"
    assert simple.published == dt.datetime(2013, 7, 9, 10, 37, tzinfo=UTC)
    assert [b.name for b in simple.bylines] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert len(simple.body) == 4  # the XHTML body's paragraphs

    complex_ = found["005_complex_text_article.json"]
    assert complex_.language == "en"
    assert complex_.dateline == Dateline(place="Grossetto, Italy")
    assert complex_.rights is not None
    assert "Schettino has denied wrongdoing." in complex_.text

    dpa = found["dpa_text.json"]
    assert dpa.language == "de"
    assert dpa.published == dt.datetime(
        2019, 5, 10, 16, 2, 28, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert dpa.bylines[0].name == "Christian Hollmann"
    assert dpa.publisher == Organization(name="dpa")
    assert len(dpa.body) == 9
    assert all(isinstance(block, Paragraph) for block in dpa.body)

    tt = found["tt_text_image_3.json"]
    assert tt.headline == "Militärövning i jätteformat hålls 2023"
    assert tt.genre == "Inrikes"
    assert tt.standfirst is not None
    assert tt.images[0].url.endswith("a001_NormalHires.jpg")
    assert tt.images[0].credit == "Karl Melander/TT"
    assert (tt.images[0].width, tt.images[0].height) == (4724, 3149)
    assert tt.bylines == ()  # Jonas Svensson is in the story, not its author
    assert tt.body


def test_malformed_input() -> None:
    """Bad JSON, a non-object and a missing headline are ParseErrors saying where."""
    with pytest.raises(ParseError) as error:
        ninjs.loads('{"uri": "x",\n "headlines": [}')
    assert error.value.line == 2
    with pytest.raises(ParseError):
        ninjs.loads("[]")
    with pytest.raises(ParseError) as error:
        ninjs.loads('{"uri": "urn:x", "bodies": [{"value": "text"}]}')
    assert error.value.path == "$.headlines"


def test_sniff() -> None:
    """sniff knows ninjs from JSON-LD and from newsmodel JSON."""
    assert ninjs.sniff(ninjs.dumps(FULL).encode())
    assert ninjs.sniff(b'{"uri": "urn:x", "headlines": [{"value": "H"}]}')
    assert not ninjs.sniff(b'{"@context": "https://schema.org", "uri": "x", "headlines": []}')
    assert not ninjs.sniff(b'{"newsmodel": "1.0", "headline": "x"}')


def test_organisation_bylines_come_after_people() -> None:
    """The documented loss: organisation bylines come back after the people."""
    article = Article(
        headline="H",
        bylines=[Byline(name="AP", kind=BylineKind.ORGANIZATION), Byline(name="Jane Doe")],
    )
    assert [b.name for b in ninjs.loads(ninjs.dumps(article)).bylines] == ["Jane Doe", "AP"]
