"""Reading JSON-ready trees into the model: the order of errors, bounded cost on bad input."""

from __future__ import annotations

import json
import sys

import attrs
import pytest

import newsmodel.json as nmjson
from newsmodel import Article, Paragraph, ParseError, _model, _structure, jsonld
from newsmodel._converter import structure
from newsmodel._problems import every_problem


def _document(**fields: object) -> str:
    return json.dumps({"newsmodel": "1.0", "headline": "H", **fields})


def _error(data: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        nmjson.loads(data)
    return caught.value


@pytest.mark.parametrize(
    ("fields", "path", "message"),
    [
        # Every array field is looked at first, whatever comes before it.
        ({"headline": 5, "body": "text"}, "$.body", "expected an array, got a string"),
        # Then field by field, in model order.
        ({"standfirst": 1, "headline": 5}, "$.headline", "expected a string, got a number"),
        ({"headline": None}, "$.headline", "expected a string, got null"),
        # Unknown keys only when every field is fine, the first in sorted order.
        ({"zz": 1, "aa": 2, "language": 3}, "$.language", "expected a string, got a number"),
        ({"zz": 1, "aa": 2}, "$.aa", "unknown key"),
        # The model's own checks last.
        ({"headline": " ", "zz": 1}, "$.zz", "unknown key"),
        ({"headline": " "}, "$.headline", "must not be empty (absent values are None)"),
        (
            {"bylines": [{"name": "A", "kind": "robot"}]},
            "$.bylines[0].kind",
            "expected one of person, organization, got 'robot'",
        ),
        (
            {"bylines": [{"name": "A", "kind": ["person"]}]},
            "$.bylines[0].kind",
            "expected one of person, organization, got ['person']",
        ),
        (
            {
                "body": [
                    {
                        "type": "paragraph",
                        "text": "a",
                        "links": [{"start": 1, "end": 1, "url": "u"}],
                    }
                ]
            },
            "$.body[0].links[0]",
            "link at 1-1 covers no text",
        ),
        (
            {"body": [{"type": "list", "items": []}]},
            "$.body[0].items",
            "a list needs at least one item",
        ),
        ({"dateline": {"date": "2026-01-01T10:00:00Z"}}, "$.dateline.date", "expected a date"),
        ({"comments": {"open": "yes"}}, "$.comments.open", "expected true or false, got a string"),
    ],
)
def test_errors_come_in_a_fixed_order(fields: dict[str, object], path: str, message: str) -> None:
    """Of several problems, the one reported is the first in the documented order."""
    error = _error(_document(**fields))
    assert (path, message) == (error.path, error.message[: len(message)])


def test_a_string_is_never_an_array() -> None:
    """A long string where blocks belong is one error, not one per character."""
    error = _error(_document(body="x" * 1_000_000))
    assert (error.path, error.message) == ("$.body", "expected an array, got a string")
    page = jsonld.to_dict(Article(headline="H", body=[Paragraph(text="x")]))
    page["nm:body"] = "x" * 100_000
    with pytest.raises(ParseError) as caught:
        jsonld.from_dict(page)
    assert (caught.value.path, caught.value.message) == (
        "$.nm:body",
        "expected an array, got a string",
    )


@pytest.mark.parametrize(
    ("fields", "path", "message"),
    [
        ({"body": [7] * 470_000}, "$.body[0]", "expected a block object, got a number"),
        ({"keywords": [7] * 470_000}, "$.keywords[0]", "expected a string, got a number"),
        ({"quotes": [{}] * 100_000}, "$.quotes[0].text", "required key is missing"),
        (
            {"body": [{"type": "heading", "text": "a"}] * 1000 + [{"type": "video"}] * 100_000},
            "$.body[1000]",
            "unknown block type 'video'",
        ),
    ],
)
def test_an_array_of_bad_items_reports_the_first(
    fields: dict[str, object], path: str, message: str
) -> None:
    """Reading stops at the first bad item of an array, and names its index."""
    error = _error(_document(**fields))
    assert (path, message) == (error.path, error.message[: len(message)])


def test_deep_reply_chains_are_a_parse_error() -> None:
    """Replies nested past what Python can recurse through are refused, not a crash."""
    comment: dict[str, object] = {"text": "a"}
    for _ in range(sys.getrecursionlimit()):
        comment = {"text": "a", "replies": [comment]}
    tree = {"comments": {"comments": [comment]}, "headline": "H"}
    with pytest.raises(ParseError, match="nested too deeply"):
        structure(tree, Article)


def test_top_level_arrays_must_be_arrays() -> None:
    """Structuring a tuple type takes a JSON array and nothing else."""
    blocks = tuple[_model.Block, ...]
    assert structure([{"type": "paragraph", "text": "a"}], blocks) == (Paragraph(text="a"),)
    for value, name in (("ab", "a string"), ({"a": 1}, "an object"), (None, "null")):
        with pytest.raises(ParseError) as caught:
            structure(value, blocks, path="$.nm:body")
        assert (caught.value.path, caught.value.message) == (
            "$.nm:body",
            f"expected an array, got {name}",
        )


_PROBES: dict[object, tuple[object, ...]] = {
    str: ("", " ", "\n\t", "\u00a0", "\u2003", "a", " a ", "\x00"),
    str | None: (None, "", " ", "\u3000", "a"),
    int: (0, 1, 6, 7, -1, 10**30, -(10**30)),
    int | None: (None, 0, 1, -1),
}


@pytest.mark.parametrize(
    ("validator", "kind", "predicate"),
    [
        (validator, kind, predicate)
        for (validator, kind), predicate in _structure._PREDICATES.items()
    ],
)
def test_inline_checks_agree_with_the_model(
    validator: object, kind: object, predicate: str
) -> None:
    """Each check the reader writes inline passes exactly when the model's validator does."""
    field = next(
        field
        for cls in vars(_model).values()
        if isinstance(cls, type) and attrs.has(cls)
        for field in attrs.fields(cls)
        if field.validator is validator
    )
    check = eval(f"lambda value: bool({predicate.format(v='value')})")
    for value in _PROBES[kind]:
        try:
            validator(None, field, value)  # type: ignore[operator]
            passes = True
        except ValueError:
            passes = False
        assert check(value) == passes, (validator, value)


def test_only_validators_of_the_fields_own_type_are_skipped() -> None:
    """A type-only validator is skipped just when it checks the type the reader builds."""
    skipped = _structure._checks_only_the_type
    assert skipped(_model._instance(_model.Span, optional=True), _model.Span | None)
    assert skipped(_model._instance(_model.TextPart), _model.TextPart)
    assert skipped(_model._each(_model.Link, "Link"), tuple[_model.Link, ...])
    assert skipped(_model._each(_model.BLOCK_TYPES, "a block"), tuple[_model.Block, ...])
    assert not skipped(_model._instance(_model.Image), _model.Span)
    assert not skipped(_model._each(_model.Span, "Span"), tuple[_model.Link, ...])
    assert not skipped(_model._text, str)


def test_a_report_lists_every_problem_within_bounds() -> None:
    """Reports list each field's problems in reading order, at most ten items per array."""
    tree = {"headline": 5, "language": 7, "body": [7] * 100_000, "zz": 1}
    problems = every_problem(tree, Article)
    assert problems[:2] == [
        ("$.headline", "expected a string, got a number"),
        ("$.body[0]", "expected a block object, got a number"),
    ]
    assert [path for path, _ in problems[2:]] == [
        *(f"$.body[{index}]" for index in range(1, 10)),
        "$.language",
        "$.zz",
    ]
