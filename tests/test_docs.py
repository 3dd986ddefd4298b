"""The docs: Python examples run as written; the command line's options are all explained."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").glob("*.md"))
EXAMPLE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_python_examples_run(page: Path) -> None:
    """Every ```python block of a docs page runs, in order, in one namespace."""
    namespace: dict[str, object] = {}
    for example in EXAMPLE.findall(page.read_text("utf-8")):
        exec(compile(example, str(page), "exec"), namespace)


def _options(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """Every option string of a parser and of its subcommands, with the command's name."""
    for action in parser._actions:  # argparse keeps its actions here, and nowhere public
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for _, option in _options(sub):
                    yield name, option
        else:
            for option in action.option_strings:
                yield parser.prog, option


def test_every_command_line_option_is_documented() -> None:
    """docs/cli.md explains every option of every subcommand, and embeds the generated
    reference, so that neither can drift from the parser."""
    from newsmodel.cli import _parser

    page = (ROOT / "docs" / "cli.md").read_text("utf-8")
    found = list(_options(_parser()))
    assert {option for _, option in found} >= {"--to", "--url", "--format", "--version"}
    missing = [f"{command} {option}" for command, option in found if f"`{option}" not in page]
    assert missing == []
    assert ".. argparse::\n   :module: newsmodel.cli\n   :func: _parser" in page


def test_the_pages_new_users_look_for_exist() -> None:
    """A ninjs page in the table of contents, a theme that scrolls wide tables and code
    instead of cutting them off, and a README set-up that starts with a virtual environment
    and keeps its two one-line commands."""
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    assert "\nninjs\n" in index
    assert (ROOT / "docs" / "ninjs.md").read_text("utf-8").startswith("# IPTC ninjs\n")
    conf = (ROOT / "docs" / "conf.py").read_text("utf-8")
    assert re.search(r'^html_theme = "furo"$', conf, re.MULTILINE)
    readme = (ROOT / "README.md").read_text("utf-8")
    set_up = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", set_up, re.DOTALL)
    assert blocks[0].startswith("python -m venv .venv && . .venv/bin/activate")
    assert blocks[1:] == [
        "python -m pip install . && newsmodel convert --sample --to json\n",
        "python -m pip install -e '.[test]' && python -m pytest\n",
    ]
