"""newsmodel JSON: round trips, the envelope, strict reading with paths, and the schema."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files

import jsonschema
import pytest
from hypothesis import given, settings

import newsmodel.json as nmjson
from newsmodel import Article, Byline, Heading, Paragraph, ParseError, _schema
from strategies import articles

VALIDATOR = jsonschema.Draft202012Validator(nmjson.schema())


@settings(max_examples=500)
@given(articles())
def test_round_trip(article: Article) -> None:
    """loads(dumps(a)) == a for every article."""
    assert article == nmjson.loads(nmjson.dumps(article))


@settings(max_examples=500)
@given(articles())
def test_schema_accepts_every_output(article: Article) -> None:
    """The shipped JSON Schema accepts whatever dumps writes."""
    VALIDATOR.validate(json.loads(nmjson.dumps(article)))


def test_shipped_schema_matches_the_model() -> None:
    """The schema file in the package is the one the model generates today."""
    assert _schema.generate() == nmjson.schema()
    jsonschema.Draft202012Validator.check_schema(nmjson.schema())


def test_envelope_key_order_and_defaults() -> None:
    """Version first, camelCase keys in model order, defaults left out, datetimes with offset."""
    article = Article(
        headline="H",
        body=[Heading(text="Sub")],
        bylines=[Byline(name="Jane Doe", role="Staff Writer")],
        published=dt.datetime(2026, 11, 26, 10, 32, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        modified=dt.date(2026, 11, 27),
    )
    expected = (
        '{"newsmodel":"1.0","headline":"H","body":[{"type":"heading","text":"Sub"}],'
        '"bylines":[{"name":"Jane Doe","role":"Staff Writer"}],'
        '"published":"2026-11-26T10:32:00-05:00","modified":"2026-11-27"}'
    )
    assert expected == nmjson.dumps(article)


def test_indent_and_bytes() -> None:
    """dumps can indent; loads takes str or bytes, with or without a BOM."""
    article = Article(headline="Héllo", body=[Paragraph(text="ß")])
    text = nmjson.dumps(article, indent=2)
    assert "\n" in text
    assert article == nmjson.loads(text.encode("utf-8"))
    assert article == nmjson.loads(text.encode("utf-16"))


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        (
            {"bylines": [{"name": "A"}, {"name": 7}]},
            "$.bylines[1].name",
            "expected a string, got a number",
        ),
        ({"surprise": 1}, "$.surprise", "unknown key"),
        ({"bylines": [{"name": "A", "nick": "B"}]}, "$.bylines[0].nick", "unknown key"),
        ({"headline": ""}, "$.headline", "must not be empty"),
        ({"published": "2026-11-26T10:00:00"}, "$.published", "UTC offset"),
        ({"body": [{"type": "video"}]}, "$.body[0]", "unknown block type"),
        ({"body": [{"type": "heading", "text": "x", "level": 9}]}, "$.body[0].level", "1 to 6"),
        ({"comments": {"total": True}}, "$.comments.total", "expected an integer"),
        (
            {"comments": {"comments": [{"text": "a", "replies": [{}]}]}},
            "$.comments.comments[0].replies[0].text",
            "missing",
        ),
        ({"bylines": {"name": "A"}}, "$.bylines", "expected"),
        (
            {
                "quotes": [
                    {"text": "x", "spans": [{"part": "body", "block": 2, "start": 0, "end": 1}]}
                ]
            },
            "$.quotes[0].spans[0]",
            "no text",
        ),
    ],
)
def test_errors_name_their_json_path(document: dict[str, object], path: str, message: str) -> None:
    """Every invalid value is reported at its JSON path."""
    tree = {"newsmodel": "1.0", "headline": "H", **document}
    with pytest.raises(ParseError) as caught:
        nmjson.loads(json.dumps(tree))
    assert path == caught.value.path
    assert message in caught.value.message


def test_syntax_errors_give_line_and_column() -> None:
    """A truncated document says where it stops."""
    with pytest.raises(ParseError) as caught:
        nmjson.loads('{"newsmodel": "1.0",\n "headline": ')
    assert (caught.value.line, caught.value.column) == (2, 14)
    assert str(caught.value).startswith("line 2:14: not valid JSON")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[]", "expected a JSON object"),
        ('{"headline": "H"}', "not a newsmodel document"),
        ('{"newsmodel": "2.0", "headline": "H"}', "reads 1.x"),
        ('{"newsmodel": 1, "headline": "H"}', "not a newsmodel document"),
        ('{"newsmodel": "1.0", "headline": "H", "x": NaN}', "NaN"),
        (b'{"newsmodel": "1.0", "headline": "\xff"}', "UTF-8"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_foreign_documents_are_refused(data: str | bytes, message: str) -> None:
    """Other JSON, other major versions, and hostile nesting are clear errors."""
    with pytest.raises(ParseError, match=message):
        nmjson.loads(data)


def test_newer_minor_versions_load_when_they_use_no_new_keys() -> None:
    """The forward-compatibility policy: 1.x loads; a key from the future is named."""
    assert nmjson.loads('{"newsmodel": "1.7", "headline": "H"}').headline == "H"
    with pytest.raises(ParseError, match=r"format 1\.7") as caught:
        nmjson.loads('{"newsmodel": "1.7", "headline": "H", "mood": "calm"}')
    assert caught.value.path == "$.mood"


def test_sample_article_is_valid() -> None:
    """The bundled sample loads and satisfies the schema."""
    text = files("newsmodel").joinpath("data/sample.json").read_text("utf-8")
    VALIDATOR.validate(json.loads(text))
    assert "riverside" in nmjson.loads(text).headline
