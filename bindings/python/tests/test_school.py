"""The school handle from Python: the diary, journal writes, applications
and credentials, snapshots, the rollout report, strict conversions and
threads."""

from __future__ import annotations

import threading
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

import zhurnal
from zhurnal import Actor, Consent, ConsentChannel, Edit, Role, School

MONDAY = date(2014, 9, 15)
SATURDAY = date(2014, 9, 20)
STUDENT = 4
FATHER = Actor.parent(4)
CLASS_TEACHER = Actor.class_teacher(1)
SPECIALIST = Actor.administrator(9)


def at(day: int, hour: int) -> datetime:
    return datetime(2014, 9, day, hour, 0)


def approve_father(school: School) -> int:
    consent = Consent(date(2014, 9, 18), ConsentChannel.IN_PERSON, phone="+7 928 000-00-04")
    app = school.submit_application(Edit(FATHER, at(18, 18)), FATHER, STUDENT, consent)
    school.register_application(Edit(SPECIALIST, at(19, 10)), app, "4/2014")
    school.approve_application(Edit(SPECIALIST, at(19, 10)), app)
    return app


def first_lesson(school: School) -> zhurnal.DiaryLesson:
    week = school.diary_week(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY)
    return next(lesson for day in week.days for lesson in day.lessons)


def test_a_parent_reads_only_with_an_approved_application(school_json: str) -> None:
    school = School.from_json(school_json)
    with pytest.raises(zhurnal.AccessRefusedError) as refused:
        school.diary_week(FATHER, STUDENT, MONDAY, SATURDAY)
    assert refused.value.code == "access.parent_not_granted"
    assert isinstance(refused.value, PermissionError)
    approve_father(school)
    week = school.diary_week(FATHER, STUDENT, MONDAY, SATURDAY)
    assert week.monday == MONDAY and type(week.monday) is date
    assert week.term == "Q1"
    assert [d.date for d in week.days][0] == MONDAY
    lessons = [lesson for d in week.days for lesson in d.lessons]
    assert lessons and all(isinstance(lesson.shift, zhurnal.Shift) for lesson in lessons)
    averages = [s.average for s in week.subjects if s.average is not None]
    assert averages and all(isinstance(a, Decimal) and a.as_tuple().exponent == -2 for a in averages)
    assert week == school.diary_week(FATHER, STUDENT, MONDAY, SATURDAY)
    assert "DiaryWeek(student=4" in repr(week)


def test_marks_cross_exactly_and_strictly(school_json: str) -> None:
    school = School.from_json(school_json)
    lesson = first_lesson(school)
    teacher = Edit(Actor.teacher(lesson.teacher), at(15, 9))
    mark = school.record_mark(teacher, lesson.lesson, STUDENT, "5", "answer", Decimal("1.50"))
    written = next(m for m in first_lesson(school).marks if m.mark == mark)
    assert written.weight == Decimal("1.5") and written.value == "5"
    for bad in (1.5, True, "1.5"):
        with pytest.raises(TypeError):
            school.record_mark(teacher, lesson.lesson, STUDENT, "5", "answer", bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="28 significant digits"):
        school.record_mark(teacher, lesson.lesson, STUDENT, "5", "answer", Decimal("1.0000000000000000000000000000001"))
    with pytest.raises(zhurnal.InvalidInputError) as scale:
        school.record_mark(teacher, lesson.lesson, STUDENT, "7", "answer")
    assert scale.value.code == "mark.out_of_scale"
    with pytest.raises(zhurnal.AccessRefusedError):
        school.record_mark(Edit(FATHER, at(15, 9)), lesson.lesson, STUDENT, "5", "answer")
    school.set_attendance(teacher, lesson.lesson, STUDENT, zhurnal.AttendanceCode.LATE)
    assert first_lesson(school).attendance is zhurnal.AttendanceCode.LATE
    # A reason for an absence is the class teacher's to give.
    with pytest.raises(zhurnal.RecordStateError):
        school.set_attendance(teacher, lesson.lesson, STUDENT, "illness")
    school.set_attendance(teacher, lesson.lesson, STUDENT, "absent")
    school.set_absence_reason(Edit(CLASS_TEACHER, at(16, 9), "справка"), lesson.lesson, STUDENT, "illness")
    assert first_lesson(school).attendance is zhurnal.AttendanceCode.ILLNESS


def test_dates_and_times_are_strict(school_json: str) -> None:
    school = School.from_json(school_json)
    with pytest.raises(TypeError, match="datetime.datetime"):
        school.diary_week(CLASS_TEACHER, STUDENT, datetime(2014, 9, 15, 8), SATURDAY)
    with pytest.raises(TypeError):
        Edit(CLASS_TEACHER, date(2014, 9, 15))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="time zone"):
        Edit(CLASS_TEACHER, datetime(2014, 9, 15, 8, tzinfo=timezone.utc))
    with pytest.raises(ValueError):
        Actor("headmaster", 1)
    assert Actor("parent", 4) == FATHER and Actor(Role.PARENT, 4) == FATHER
    assert hash(Actor("parent", 4)) == hash(FATHER)
    assert repr(FATHER) == "Actor(role=<Role.PARENT: 'parent'>, id=4)"
    assert Edit(FATHER, at(15, 9), "исправление").reason == "исправление"


def test_term_marks_attendance_and_what_do_i_need(school_json: str) -> None:
    school = School.from_json(school_json)
    marks = school.term_marks(CLASS_TEACHER, STUDENT, "Q1", SATURDAY)
    assert marks and all(m.term == "Q1" for m in marks)
    summary = school.student_attendance(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY, SATURDAY)
    assert summary.lessons == len(first_week_lessons(school))
    assert summary.missed == (
        summary.missed_unknown + summary.missed_excused + summary.missed_illness + summary.missed_unexcused
    )
    subject = marks[0].subject
    answer = school.what_do_i_need(
        CLASS_TEACHER, STUDENT, subject=subject, term="Q1", target=5, value=5, weight=Decimal(1), today=SATURDAY
    )
    assert answer.reachable == (answer.new_marks is not None)
    low = school.what_do_i_need(
        CLASS_TEACHER, STUDENT, subject=subject, term="Q1", target=5, value=2, weight=Decimal(1), today=SATURDAY
    )
    assert not low.reachable and low.reason == "target.value_too_low"


def first_week_lessons(school: School) -> list[zhurnal.DiaryLesson]:
    week = school.diary_week(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY)
    return [lesson for day in week.days for lesson in day.lessons]


def test_the_slip_shows_the_password_once(school_json: str) -> None:
    school = School.from_json(school_json)
    app = approve_father(school)
    login, slip = school.issue_credentials(Edit(SPECIALIST, at(19, 11)), app)
    assert slip is not None and slip.login == login and slip.has_password
    password = slip.take_password()
    assert password not in repr(slip) and not slip.has_password
    with pytest.raises(zhurnal.RecordStateError) as again:
        slip.take_password()
    assert again.value.code == "py.password_already_read"
    with pytest.raises(zhurnal.RecordStateError):
        school.log_in(login, password + "x", date(2014, 9, 20))
    first = school.log_in(login, password, date(2014, 9, 20))
    assert first.first and first.active_since == date(2014, 9, 20)
    assert password not in school.to_json()
    counts = school.application_counts(date(2014, 9, 21))
    assert (counts.submitted, counts.activated) == (1, 1)


def test_snapshots_and_the_offline_export(school_json: str, tmp_path: Path) -> None:
    school = School.from_json(school_json)
    approve_father(school)
    path = tmp_path / "school.json"
    school.save(path)
    assert School.load(path).to_json() == school.to_json()
    path.write_text(path.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    with pytest.raises(zhurnal.SnapshotError):
        School.load(path)
    with pytest.raises(zhurnal.StorageError):
        School.load(tmp_path / "missing.json")
    export = School.from_json(school.export_for(FATHER, SATURDAY))
    assert export.export_person == FATHER
    assert export.diary_week(FATHER, STUDENT, MONDAY, SATURDAY) == school.diary_week(
        FATHER, STUDENT, MONDAY, SATURDAY
    )
    lesson = first_lesson(school)
    with pytest.raises(zhurnal.RecordStateError) as read_only:
        export.record_mark(Edit(Actor.teacher(lesson.teacher), at(15, 9)), lesson.lesson, STUDENT, "5", "answer")
    assert read_only.value.code == "handle.read_only_export"


def test_the_rollout_report_as_text_data_and_page() -> None:
    school = School.demo(5)
    report = school.rollout_report(date(2014, 12, 1))
    assert report.date == date(2014, 12, 1)
    assert "Активация родителей" in report.to_text() and str(report) == report.to_text()
    assert len(report.classes) == 11
    # A parent of children in two classes counts in each class, once in the school.
    assert 0 < report.eligible <= sum(c.eligible for c in report.classes)
    assert all(c.activated <= c.eligible for c in report.classes)
    assert isinstance(report.share, Decimal)
    data = report.to_dict()
    assert data["date"] == "2014-12-01" and len(data["classes"]) == 11
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    with pytest.raises(ValueError):
        School.demo(5, size="huge")


def test_threads_share_one_school(school_json: str) -> None:
    """8 threads write 10 000 marks each through one school, each as the
    teacher of its own lesson, while a reader reads the week: nothing is
    lost (every mark is in the week and in the audit trail), and no read
    sees a lesson's marks shrink."""
    school = School.from_json(school_json)
    threads_n, writes = 8, 10_000
    lessons = first_week_lessons(school)[:threads_n]
    assert len(lessons) == threads_n
    before = {lesson.lesson: len(lesson.marks) for lesson in lessons}
    audit_before = school.audit_len()
    done = threading.Event()
    failures: list[BaseException] = []

    def write(lesson: zhurnal.DiaryLesson) -> None:
        edit = Edit(Actor.teacher(lesson.teacher), at(16, 20))
        try:
            for _ in range(writes):
                school.record_mark(edit, lesson.lesson, STUDENT, "4", "answer")
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            failures.append(e)

    shrank: list[int] = []
    reads = 0

    def read() -> None:
        nonlocal reads
        last = {lesson: 0 for lesson in before}
        while not done.is_set():
            for lesson in first_week_lessons(school):
                if lesson.lesson in last:
                    if len(lesson.marks) < last[lesson.lesson]:
                        shrank.append(lesson.lesson)
                    last[lesson.lesson] = len(lesson.marks)
            reads += 1

    writers = [threading.Thread(target=write, args=(lesson,)) for lesson in lessons]
    reader = threading.Thread(target=read)
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    done.set()
    reader.join()
    assert not failures, failures
    assert not shrank, f"a reader saw the marks of lessons {shrank} shrink"
    assert reads > 0
    assert school.audit_len() == audit_before + threads_n * writes
    after = {lesson.lesson: len(lesson.marks) for lesson in first_week_lessons(school)}
    assert all(after[lesson] == n + writes for lesson, n in before.items()), (before, after)


def test_the_roster_and_the_load_check() -> None:
    school = School.demo(5)
    admin = Edit(Actor.administrator(1), datetime(2014, 9, 1, 8))
    before = school.audit_len()
    school.add_class(admin, 900, "5Ж")
    school.add_student(admin, 9001, "Новикова", "Вера", date(2003, 5, 1))
    school.add_parent(admin, 9001, "Новиков", "Олег", phone="+7 928 000-00-01")
    school.link_parent(admin, 9001, 9001, zhurnal.Relation.FATHER)
    school.enrol(admin, 9001, 900, date(2014, 9, 1))
    assert school.audit_len() == before + 5
    with pytest.raises(zhurnal.InvalidInputError):
        school.add_class(admin, 901, "5ЖЖЖ")
    with pytest.raises(zhurnal.AccessRefusedError):
        school.add_class(Edit(Actor.parent(1), datetime(2014, 9, 1, 8)), 902, "5З")
    with pytest.raises(ValueError):
        school.link_parent(admin, 9001, 9001, "uncle")
    assert school.load_check(Actor.administrator(1), 900) == []


def test_two_control_works_a_day_break_the_load_rule(school_json: str) -> None:
    school = School.from_json(school_json)
    monday = school.diary_week(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY).days[0].lessons
    class_id = school.diary_week(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY).class_id
    assert class_id is not None and len(monday) >= 2
    assert school.load_check(CLASS_TEACHER, class_id) == []
    for lesson in monday[:2]:
        school.assign_work(Edit(Actor.teacher(lesson.teacher), at(14, 9)), lesson.lesson, "control", MONDAY)
    rules = school.load_check(CLASS_TEACHER, class_id)
    assert ("load.per_day", [MONDAY]) in rules
    # Withdrawn, the breach goes.
    school.assign_work(Edit(Actor.teacher(monday[0].teacher), at(14, 10)), monday[0].lesson, "control", None)
    assert ("load.per_day", [MONDAY]) not in school.load_check(CLASS_TEACHER, class_id)
