"""Shared fixtures: a small generated region on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhurnal


@pytest.fixture(scope="session")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded region of 3,000 parents: parents.csv and grades.csv."""
    out = tmp_path_factory.mktemp("region")
    zhurnal.generate_region(out, parents=3000, seed=7)
    return out
