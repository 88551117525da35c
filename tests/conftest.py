"""Shared fixtures: the shared folder beside the repo, and one sample build per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory):
    """The sample corpus built once into a temporary folder."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("sample-build")
    result = build([], out)
    return out, result


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """The dev corpus (twelve real articles, copied from shared/ as test fixtures)."""
    return FIXTURES / "dev"
