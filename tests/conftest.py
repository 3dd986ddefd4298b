"""Shared fixtures: where ``../shared`` (the dev corpora and IPTC schemas) lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: ``../shared`` beside the checkout, or wherever ``NEWSMODEL_SHARED`` points.
SHARED = Path(os.environ.get("NEWSMODEL_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder; tests that need it skip when it is absent."""
    if not (SHARED / "README.md").is_file():
        pytest.skip(f"../shared is absent (looked in {SHARED}); set NEWSMODEL_SHARED to run this")
    return SHARED


# Generated articles are large by Hypothesis' standards, and the suite runs on two shared cores.
# CI replays the same examples every run, so a submission's result does not depend on luck;
# local runs keep exploring new ones (and save what they find in .hypothesis/).
settings.register_profile(
    "newsmodel",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("CI")),
)
settings.load_profile("newsmodel")
