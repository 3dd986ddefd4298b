"""Half of a UTF-16 surrogate pair: JSON can spell one (``"\\ud800"``) and a Python string can
hold one, but no UTF-8 writer can encode it. Strict readers refuse it, saying where; lenient
parsers replace it with U+FFFD; no writer fails on it."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import newsmodel.json as nmjson
from newsmodel import Article, GuessWarning, Paragraph, ParseError, html, jsonld, ninjs, text

LONE_HALVES = ["\\ud800", "\\udc00", "\\uDBFF", "\\udc00\\ud800"]
BODY = "<p>The bridge over the river reopened on Monday after two years of repairs.</p>" * 4


def _newsmodel_json(headline: str) -> str:
    """A newsmodel JSON document whose headline is written as ``headline``, escapes kept."""
    written = nmjson.dumps(Article(headline="H", body=(Paragraph(text="Body."),)))
    return written.replace('"H"', f'"{headline}"', 1)


@pytest.mark.parametrize("half", LONE_HALVES)
@pytest.mark.parametrize("encoding", [None, "utf-8", "utf-16"])
def test_newsmodel_json_refuses_a_lone_surrogate_at_its_path(
    half: str, encoding: str | None
) -> None:
    document = _newsmodel_json(f"Bridge {half} reopens")
    data = document if encoding is None else document.encode(encoding)
    with pytest.raises(ParseError, match="lone surrogate") as caught:
        nmjson.loads(data)
    assert caught.value.path == "$.headline"


def test_a_whole_surrogate_pair_is_one_character() -> None:
    article = nmjson.loads(_newsmodel_json("Bridge \\ud83d\\ude00"))
    assert article.headline == "Bridge \N{GRINNING FACE}"


def test_an_escaped_backslash_before_u_is_text() -> None:
    assert nmjson.loads(_newsmodel_json("C:\\\\ud800")).headline == "C:\\ud800"


def test_jsonld_and_ninjs_refuse_a_lone_surrogate_in_a_key_or_value() -> None:
    node = '{"@type": "NewsArticle", "headline": "Bridge", "articleBody": "x \\udfff"}'
    with pytest.raises(ParseError, match="lone surrogate") as caught:
        jsonld.loads(node)
    assert caught.value.path == "$.articleBody"
    with pytest.raises(ParseError, match="lone surrogate") as caught:
        ninjs.loads('{"headlines": [{"role": "main", "value": "B"}], "\\ud800": 1}')
    assert caught.value.path is not None


def test_html_metadata_replaces_a_lone_surrogate() -> None:
    block = '{"@type": "NewsArticle", "headline": "Bridge \\ud800 reopens", "author": "Ann \\udc00 Lee"}'
    page = (
        f'<html><head><script type="application/ld+json">{block}</script></head>'
        f"<body><article><h1>Bridge reopens</h1>{BODY}</article></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        article = html.parse(page)
    assert article.headline == "Bridge \ufffd reopens"
    assert [byline.name for byline in article.bylines] == ["Ann \ufffd Lee"]
    nmjson.dumps(article).encode("utf-8")


def test_text_and_html_given_a_string_with_a_surrogate_replace_it() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        from_text = text.parse("Bridge\ud800 reopens\n\nThe bridge reopened on Monday.")
        from_page = html.parse(
            f"<html><body><article><h1>Bridge\udc00</h1>{BODY}</article></body></html>"
        )
    assert from_text.headline == "Bridge\ufffd reopens"
    assert from_page.headline == "Bridge\ufffd"


def test_ninjs_writes_an_article_built_with_a_surrogate() -> None:
    """Python callers can put one in the model; the writer's identifier hash must not fail."""
    written = ninjs.dumps(Article(headline="Bridge \ud800", body=(Paragraph(text="Body."),)))
    assert written.startswith("{")


def test_the_command_line_reports_the_file_and_path_not_an_internal_error(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(_newsmodel_json("Bridge \\ud800"), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "newsmodel", "convert", str(source), "--to", "ninjs"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "$.headline" in run.stderr
    assert "lone surrogate" in run.stderr
    assert "internal error" not in run.stderr
