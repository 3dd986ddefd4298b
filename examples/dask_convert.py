"""Convert a sharded JSON Lines dataset to newsmodel JSON with Dask.

Run: python examples/dask_convert.py 'shards/*.jsonl' converted/ [--scheduler processes]

Every shard becomes one output file of JSON Lines (``converted/0.jsonl``…), in shard order,
and failed records are listed in ``converted/errors/``. On a cluster, create a
``dask.distributed.Client`` first; the code does not change.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import dask

import newsmodel.dask as nmdask


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shards", help="a glob pattern of JSON Lines files")
    parser.add_argument("output", type=Path, help="a folder for the converted shards")
    parser.add_argument("--to", default="json", help="output format (default: json)")
    parser.add_argument("--scheduler", default="processes", help="Dask's local scheduler")
    args = parser.parse_args()

    with dask.config.set(scheduler=args.scheduler):
        results = nmdask.convert(nmdask.jsonl_records(args.shards), to=args.to).persist()
        nmdask.outputs(results).to_textfiles(str(args.output / "*.jsonl"), last_endline=True)
        failed = nmdask.failures(results).map(json.dumps)
        failed.to_textfiles(str(args.output / "errors" / "*.jsonl"), last_endline=True)
        print(f"{results.count().compute()} records, {failed.count().compute()} failed")


if __name__ == "__main__":
    main()
