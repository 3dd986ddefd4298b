"""The Dask adapter, in Dask's local mode, gives the command line's output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsmodel.json as nmjson
from newsmodel import Article

pytest.importorskip("dask")

ROOT = Path(__file__).resolve().parents[1]


def test_example_matches_the_command_line(tmp_path: Path) -> None:
    """examples/dask_convert.py over JSON Lines shards = newsmodel convert over the same."""
    shards = tmp_path / "shards"
    shards.mkdir()
    for shard in range(3):
        lines = [nmjson.dumps(Article(headline=f"Shard {shard} story {n}")) for n in range(15)]
        if shard == 1:
            lines[4] = '{"newsmodel": "1.0", "headline": 5}'
        (shards / f"shard-{shard}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    pattern = str(shards / "*.jsonl")

    engine = tmp_path / "engine"
    example = [sys.executable, str(ROOT / "examples" / "dask_convert.py"), pattern, str(engine)]
    done = subprocess.run(example, capture_output=True, text=True, check=True)
    assert "45 records, 1 failed" in done.stdout

    cli = tmp_path / "cli.jsonl"
    command = [
        sys.executable,
        "-m",
        "newsmodel",
        "convert",
        pattern,
        "--to",
        "json",
        "-o",
        str(cli),
    ]
    ran = subprocess.run(command, capture_output=True, text=True, check=False)
    assert ran.returncode == 1
    assert "shard-1.jsonl:5: $.headline: expected a string" in ran.stderr

    converted = sorted(engine.glob("*.jsonl"), key=lambda path: int(path.stem))
    from_engine = "".join(path.read_text("utf-8") for path in converted)
    assert from_engine == cli.read_text("utf-8")
    assert len(from_engine.splitlines()) == 44
    errors = "".join(path.read_text("utf-8") for path in (engine / "errors").glob("*.jsonl"))
    assert "shard-1.jsonl:5" in errors
