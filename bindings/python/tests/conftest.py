"""Shared fixtures: a small generated region on disk, and a school."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import zhurnal


@pytest.fixture(scope="session")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded region of 3,000 parents: parents.csv and grades.csv."""
    out = tmp_path_factory.mktemp("region")
    zhurnal.generate_region(out, parents=3000, seed=7)
    return out


@pytest.fixture(scope="session")
def school_json(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The school of the `school_week` example (class 5А, one week of
    lessons, marks and attendance), before the father's application:
    from ZHURNAL_SCHOOL_JSON, or written by the example when unset."""
    given = os.environ.get("ZHURNAL_SCHOOL_JSON")
    if given:
        return Path(given).read_text(encoding="utf-8")
    out = tmp_path_factory.mktemp("school")
    root = Path(__file__).resolve().parents[3]
    subprocess.run(
        ["cargo", "run", "--quiet", "--example", "school_week", "--", "--out", str(out)],
        cwd=root,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return (out / "school.json").read_text(encoding="utf-8")
