"""NetSchool diary payloads from Python."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import zhurnal
from zhurnal import netschool

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "netschool"


def test_a_payload_becomes_a_diary_week() -> None:
    payload = (FIXTURES / "week-normal.json").read_text(encoding="utf-8")
    types = (FIXTURES / "types.json").read_text(encoding="utf-8")
    imported = netschool.diary_week(payload, types, student=4, name="Гаврилова Полина", today=date(2014, 9, 18))
    week = imported.week
    assert isinstance(week, zhurnal.DiaryWeek)
    assert (week.monday, week.today, week.term) == (date(2014, 9, 15), date(2014, 9, 18), "Q1")
    assert week.student_name.startswith("Гаврилова")
    maths = week.days[0].lessons[0]
    assert maths.subject_name == "Математика" and maths.marks[0].value == "5"
    assert str(maths.marks[0].weight) == "1.5"
    assert week.days[1].lessons[0].attendance is zhurnal.AttendanceCode.ABSENT
    assert imported.unknown_types == [99] and imported.hidden_weights == 1
    # The same table as a mapping or as pairs.
    table = {t["id"]: t["name"] for t in json.loads(types)}
    assert netschool.diary_week(payload, table).week.days == week.days
    assert netschool.diary_week(payload, list(table.items())).week.today == date(2014, 9, 15)


def test_errors_name_the_path() -> None:
    payload = json.loads((FIXTURES / "week-normal.json").read_text(encoding="utf-8"))
    del payload["weekDays"][0]["lessons"][1]["number"]
    with pytest.raises(zhurnal.InvalidInputError) as missing:
        netschool.diary_week(json.dumps(payload), {})
    assert missing.value.code == "interop.payload"
    assert "weekDays[0].lessons[1].number" in str(missing.value)
    with pytest.raises(TypeError):
        netschool.diary_week("{}", 3)  # type: ignore[arg-type]
