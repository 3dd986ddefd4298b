"""Article files as agencies and content systems hold them: NITF, NewsML 1, NewsML-G2
messages, feeds and WordPress exports, each recognised from its content and read to the
articles pinned in its golden file.

Each sample ``tests/data/formats/<format>/<name>.xml`` has a golden file,
``tests/data/golden/<format>/<name>.json``: the format it must be detected as, its articles in
newsmodel JSON, and the reader's warnings.
Set ``NEWSMODEL_REGENERATE=1`` to rewrite the golden files after a deliberate change, then
review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import newsmodel.json as nmjson
from newsmodel import (
    Article,
    Figure,
    Image,
    NewsModelWarning,
    ParseError,
    detect_format,
    feeds,
    newsml,
    newsml1,
    nitf,
    wxr,
)

SAMPLES = Path(__file__).parent / "data" / "formats"
GOLDEN = Path(__file__).parent / "data" / "golden"
FILES = sorted(SAMPLES.glob("*/*.xml"))


def _golden(path: Path) -> Path:
    return GOLDEN / path.parent.name / (path.stem + ".json")


def _read(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    fmt = detect_format(data)  # content only: no file name, no --from
    assert fmt.read_all is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NewsModelWarning)
        articles = fmt.read_all(data, None)
    return {
        "format": fmt.name,
        "articles": [nmjson.to_dict(article) for article in articles],
        "warnings": sorted(
            {str(w.message) for w in caught if issubclass(w.category, NewsModelWarning)}
        ),
    }


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_sample_reads_to_its_golden_articles(path: Path) -> None:
    """Each sample is detected from its content and gives the articles of its golden file."""
    actual = _read(path)
    golden = _golden(path)
    if os.environ.get("NEWSMODEL_REGENERATE"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(golden.read_text("utf-8"))
    assert expected["format"] == path.parent.name
    assert actual == expected


def test_every_sample_has_a_golden_file() -> None:
    """No sample without its expectation, and no expectation without its sample."""
    goldens = sorted(GOLDEN.glob("*/*.json"))
    assert [_golden(path) for path in FILES] == goldens
    assert len(FILES) >= 10


def test_the_samples_convert_without_from(tmp_path: Path) -> None:
    """``newsmodel convert FOLDER --to json`` reads every sample, one output per article."""
    out = tmp_path / "out"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsmodel",
            "convert",
            str(SAMPLES),
            "--to",
            "json",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    expected = sum(len(json.loads(_golden(path).read_text("utf-8"))["articles"]) for path in FILES)
    written = sorted(out.rglob("*.json"))
    assert len(written) == expected
    assert (out / "feed" / "atom@3.json").is_file()
    assert (out / "nitf" / "nitf-3.6-namespaced.json").is_file()


def test_a_feed_becomes_one_json_line_per_item(tmp_path: Path) -> None:
    """Into a .jsonl output, every item of a feed is one line."""
    out = tmp_path / "items.jsonl"
    source = SAMPLES / "feed" / "atom.xml"
    run = subprocess.run(
        [sys.executable, "-m", "newsmodel", "convert", str(source), "--to", "json", "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    lines = out.read_text("utf-8").splitlines()
    assert [nmjson.loads(line).headline for line in lines] == [
        "Neue Fähre für die Insel",
        "Markt zieht um",
        "Kurz notiert: Sperrung am Deich",
    ]


PACKAGE_ONLY = b"""<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:gallery"
 version="2" standard="NewsML-G2" standardversion="2.35"><itemMeta>
 <itemClass qcode="ninat:composite"/><provider literal="Example Wire"/>
 <versionCreated>2026-07-04T11:00:00Z</versionCreated></itemMeta><groupSet root="r">
 <group id="r" role="group:main"><itemRef residref="urn:x:photo-1"/>
 <itemRef residref="urn:x:photo-2"/></group></groupSet></packageItem>"""


def test_a_package_alone_names_the_items_it_references() -> None:
    """A packageItem is NewsML-G2 (not "not NewsML-G2") and the error lists its references."""
    assert detect_format(PACKAGE_ONLY).name == "newsml"
    with pytest.raises(
        ParseError, match=r"packageItem holds no article .*urn:x:photo-1, urn:x:photo-2"
    ):
        newsml.loads_all(PACKAGE_ONLY)


def test_a_message_with_a_package_gives_the_inline_items() -> None:
    """The articles a package message carries inline are read; the package itself is not."""
    data = (SAMPLES / "newsml" / "g2-package-message.xml").read_bytes()
    assert [a.headline for a in newsml.loads_all(data)] == [
        "Heatwave warning extended to Sunday",
        "How to keep cool at home",
    ]


def test_other_g2_items_are_named() -> None:
    """A conceptItem says what it is rather than "not NewsML-G2"."""
    data = b'<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="c"/>'
    with pytest.raises(ParseError, match="conceptItem describes a concept"):
        newsml.loads(data)


def test_loads_wants_exactly_one_article() -> None:
    """The single-article verb of a multi-article reader points to loads_all."""
    with pytest.raises(ParseError, match="loads_all"):
        feeds.loads((SAMPLES / "feed" / "atom.xml").read_bytes())
    with pytest.raises(ParseError, match="loads_all"):
        wxr.loads((SAMPLES / "wxr" / "wordpress-export.xml").read_bytes())


def test_a_summary_only_item_warns_and_keeps_its_summary() -> None:
    """An item with only a description is an article with that standfirst and no body."""
    data = b"""<rss version="2.0"><channel><title>T</title><item><title>Only a summary</title>
    <description>Just &lt;b&gt;one&lt;/b&gt; line.</description></item></channel></rss>"""
    with pytest.warns(NewsModelWarning, match="only a summary"):
        article = feeds.loads(data)
    assert (article.standfirst, article.body) == ("Just one line.", ())


def test_wordpress_shortcodes_and_block_comments_are_removed() -> None:
    """Block comments and shortcodes go, bracketed words stay, blank lines make paragraphs."""
    from newsmodel._codecs.wxr.read import wordpress_html

    stored = '<!-- wp:paragraph -->\nOne [sic] line\nstill one.\n\n[gallery ids="1,2"]\n\nTwo.'
    assert wordpress_html(stored) == "<p>One [sic] line<br>still one.</p>\n<p>Two.</p>"


def test_blog_export_entries_that_are_not_posts_are_skipped() -> None:
    """An Atom blog export marks settings and comments by kind; only posts are articles."""
    kind = "http://schemas.google.com/g/2005#kind"
    entry = (
        "<entry><title>{0}</title><id>{0}</id><updated>2026-01-01T00:00:00Z</updated>"
        '<category scheme="' + kind + '" term="http://schemas.google.com/blogger/2008/kind#{1}"/>'
        '<content type="html">Text of {0}</content></entry>'
    )
    data = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>'
        + entry.format("settings", "settings")
        + entry.format("A post", "post")
        + entry.format("a comment", "comment")
        + "</feed>"
    )
    with pytest.warns(NewsModelWarning, match="skipped 2 entries"):
        articles = feeds.loads_all(data)
    assert [(a.headline, a.keywords) for a in articles] == [("A post", ())]


def test_a_caption_component_is_not_body_text() -> None:
    """NewsML 1: a text component whose role is Caption stays out of the body."""
    data = b"""<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine></NewsLines>
    <NewsComponent><Role FormalName="Main"/><ContentItem><MediaType FormalName="Text"/>
    <DataContent>The story.</DataContent></ContentItem></NewsComponent>
    <NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/>
    <DataContent>A photo caption.</DataContent></ContentItem></NewsComponent>
    </NewsComponent></NewsItem></NewsML>"""
    assert newsml1.loads(data).text == "The story."


def test_one_output_file_refuses_several_articles(tmp_path: Path) -> None:
    """``-o one.json`` for a feed of three items fails and writes nothing, instead of keeping
    only the last item."""
    out = tmp_path / "one.json"
    source = SAMPLES / "feed" / "atom.xml"
    run = subprocess.run(
        [sys.executable, "-m", "newsmodel", "convert", str(source), "--to", "json", "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "holds 3 articles" in run.stderr
    assert not out.exists()


def test_bytes_that_are_not_the_utf8_they_declare_are_read_as_windows_1252() -> None:
    """An archive file declaring UTF-8 but written in windows-1252 is read, with a warning."""
    data = '<?xml version="1.0" encoding="UTF-8"?><nitf><body><body.head><hedline>'
    data += "<hl1>Café “quoted”</hl1></hedline></body.head></body></nitf>"
    with pytest.warns(NewsModelWarning, match="windows-1252"):
        assert nitf.loads(data.encode("cp1252")).headline == "Café “quoted”"


def test_undeclared_html_entities_are_read_from_the_fixed_table() -> None:
    """``&nbsp;`` and ``&eacute;`` without a DTD are read as characters, with a warning; an
    unknown name stays an error."""
    data = "<nitf><body><body.head><hedline><hl1>{}</hl1></hedline></body.head></body></nitf>"
    with pytest.warns(NewsModelWarning, match="undeclared HTML entities"):
        assert nitf.loads(data.format("Caf&eacute;&nbsp;bar")).headline == "Café bar"
    with pytest.raises(ParseError, match="'madeup' not defined"):
        nitf.loads(data.format("&madeup;"))


def test_a_description_of_several_paragraphs_is_the_body() -> None:
    """Feeds that put the whole article in the description give it as the body, no warning."""
    paragraphs = "".join(f"&lt;p&gt;Paragraph {n}.&lt;/p&gt;" for n in (1, 2, 3))
    data = f"""<rss version="2.0"><channel><title>T</title><item><title>Full text</title>
    <description>{paragraphs}</description></item></channel></rss>"""
    with warnings.catch_warnings():
        warnings.simplefilter("error", NewsModelWarning)
        article = feeds.loads(data)
    assert (article.standfirst, article.text) == (None, "Paragraph 1.\nParagraph 2.\nParagraph 3.")


def test_show_and_validate_read_every_article_of_a_feed() -> None:
    """``newsmodel show`` names each item ``file@n``; ``validate`` checks every one."""
    source = SAMPLES / "feed" / "rss2-content-encoded.xml"
    shown = subprocess.run(
        [sys.executable, "-m", "newsmodel", "show", str(source)], capture_output=True, text=True
    )
    assert shown.returncode == 0, shown.stderr
    assert f"== {source}@1" in shown.stdout
    assert f"== {source}@2" in shown.stdout
    assert "Headline:   Road closure on Mill Street" in shown.stdout
    checked = subprocess.run(
        [sys.executable, "-m", "newsmodel", "validate", str(source)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


def test_an_error_inside_carried_nitf_keeps_its_own_line() -> None:
    """A NewsML 1 item's NITF content that breaks the model is refused at the line of the
    culprit, not at the line of the NewsItem around it."""
    carried = nitf.dumps(
        Article(headline="h", body=[Figure(image=Image(url="https://e.org/a.jpg", width=3))])
    ).replace('width="3"', 'width="wide"')
    data = (
        "<NewsML Version='1.2'>\n<NewsItem>\n<NewsComponent>\n<NewsLines>"
        "<HeadLine>h</HeadLine></NewsLines>\n<ContentItem><Format FormalName='NITF'/>"
        f"<DataContent>\n\n{carried.replace('<media ', chr(10) + '<media ')}"
        "</DataContent></ContentItem>\n</NewsComponent>\n</NewsItem>\n</NewsML>"
    )
    with pytest.raises(ParseError, match="NewsItem 1: media-reference width") as caught:
        newsml1.loads_all(data)
    assert caught.value.line == 8
