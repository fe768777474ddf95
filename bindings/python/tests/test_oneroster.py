"""OneRoster sets from Python: validation with every problem, import into a
School, export and back."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhurnal
from zhurnal import oneroster

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "oneroster"


def test_a_broken_set_reports_file_line_and_code() -> None:
    report = oneroster.validate(FIXTURES / "broken" / "sourced_id_duplicate")
    assert not report.is_clean and report.error_count >= 1
    problem = next(p for p in report.problems if p.severity == "error")
    assert problem.code.startswith("oneroster.") and problem.file.endswith(".csv") and problem.line > 1
    assert str(report).endswith(f"{report.error_count} errors, {report.warning_count} warnings")
    with pytest.raises(zhurnal.InvalidInputError) as refused:
        oneroster.import_(FIXTURES / "broken" / "sourced_id_duplicate")
    assert refused.value.code == "interop.set_refused"
    with pytest.raises(zhurnal.StorageError):
        oneroster.validate(FIXTURES / "no-such-set")


def test_import_export_and_back(tmp_path: Path) -> None:
    school, report = oneroster.import_(FIXTURES / "gymnasium")
    assert report.is_clean
    assert isinstance(school, zhurnal.School) and school.name
    oneroster.export(school, tmp_path / "out")
    assert oneroster.validate(tmp_path / "out").is_clean
    again, _ = oneroster.import_(tmp_path / "out")
    assert again.to_json() == school.to_json()
