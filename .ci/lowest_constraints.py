"""Print pip constraints that pin each runtime dependency to the lowest release its range in
pyproject.toml allows ("lxml>=5.2,<7" gives "lxml==5.2.*"), so CI tests the floor we publish."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

_FLOOR = re.compile(r"^\s*([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*[^;]*?>=\s*([0-9][0-9.]*)")


def main() -> int:
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    for requirement in project["project"]["dependencies"]:
        match = _FLOOR.match(requirement)
        if match is None:
            sys.exit(f"no lower bound in {requirement!r}: give every dependency one")
        name, version = match.groups()
        # "5.2" means the 5.2 line (its latest bug-fix); "2.8.2" means that release exactly.
        print(f"{name}=={version}.*" if version.count(".") == 1 else f"{name}=={version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
