//! Reports: a student's subject marks, period marks, the journal page.

use rust_decimal::Decimal;

use super::*;
use crate::attendance::AttendanceCode;
use crate::marks::{MarkValue, PeriodMark, Points, WorkTypeCode};

fn wt(code: &str) -> WorkTypeCode {
    WorkTypeCode::new(code).unwrap()
}

fn p(n: u8) -> MarkValue {
    MarkValue::Points(Points::new(n).unwrap())
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn subject_marks_average_and_period_mark() {
    let mut s = school();
    let l1 = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let l2 = lesson(&mut s, d(2014, 9, 3), 1, MATH);
    let l3 = lesson(&mut s, d(2014, 10, 31), 1, MATH);
    let q2 = lesson(&mut s, d(2014, 11, 10), 1, MATH);
    let rus = lesson(&mut s, d(2014, 9, 2), 2, RUSSIAN);
    s.record_mark(l1, sid(1), p(5), &wt("answer"), None)
        .unwrap(); // 5 × 1
    s.record_mark(l2, sid(1), p(4), &wt("control"), None)
        .unwrap(); // 4 × 3
    s.record_mark(l3, sid(1), p(4), &wt("test"), None).unwrap(); // 4 × 1.5
    s.record_mark(l3, sid(1), MarkValue::Pass, &wt("credit"), None)
        .unwrap();
    s.record_mark(l2, sid(1), MarkValue::Debt, &wt("homework"), None)
        .unwrap();
    s.record_mark(q2, sid(1), p(2), &wt("answer"), None)
        .unwrap();
    s.record_mark(rus, sid(1), p(2), &wt("answer"), None)
        .unwrap();
    s.record_mark(l1, sid(2), p(3), &wt("answer"), None)
        .unwrap();

    let q1 = s.subject_marks(sid(1), MATH, q("Q1")).unwrap();
    assert_eq!(q1.term, "Q1");
    assert_eq!(q1.subject_name, "Математика");
    assert_eq!(q1.marks.len(), 5);
    // (5 + 12 + 6) / 5.5 = 4.1818…
    assert_eq!(q1.average_shown, Some(dec("4.18")));
    assert_eq!(q1.counted_marks, 3);
    assert_eq!(q1.period_mark, PeriodMark::Mark(Points::FOUR));
    assert_eq!(q1.average().count(), 3);
    // Lesson order: 2 Sep, then 3 Sep (control, then the debt by id), 31 Oct.
    let dates: Vec<_> = q1
        .marks
        .iter()
        .map(|m| s.lesson(m.lesson).unwrap().date())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));

    let q2marks = s.subject_marks(sid(1), MATH, q("Q2")).unwrap();
    assert_eq!(q2marks.counted_marks, 1);
    assert_eq!(q2marks.period_mark, PeriodMark::NotAttested);

    for (args, code) in [
        ((sid(99), MATH, "Q1"), "school.unknown_student"),
        ((sid(1), SubjectId::new(99), "Q1"), "school.unknown_subject"),
        ((sid(1), MATH, "T1"), "calendar.unknown_term"),
    ] {
        let e = s.subject_marks(args.0, args.1, q(args.2)).unwrap_err();
        assert_eq!(e.code(), code);
    }
}

#[test]
fn period_marks_per_subject() {
    let mut s = school();
    let m = [2, 3, 4].map(|day| lesson(&mut s, d(2014, 9, day), 1, MATH));
    let r = lesson(&mut s, d(2014, 9, 2), 2, RUSSIAN);
    let eng2 = group_lesson(&mut s, d(2014, 9, 2), 3, LessonGroup::Subgroup(G2), ENGLISH);
    for (l, v) in m.iter().zip([5, 5, 4]) {
        s.record_mark(*l, sid(1), p(v), &wt("answer"), None)
            .unwrap();
    }
    s.record_mark(r, sid(1), p(3), &wt("dictation"), None)
        .unwrap();
    let marks = s.period_marks(sid(1), q("Q1")).unwrap();
    let got: Vec<_> = marks
        .iter()
        .map(|m| (m.subject_name.as_str(), m.average_shown, m.period_mark))
        .collect();
    // Student 1 is in group 1, so group 2's English lesson is not theirs.
    assert_eq!(
        got,
        [
            (
                "Математика",
                Some(dec("4.67")),
                PeriodMark::Mark(Points::FIVE)
            ),
            ("Русский язык", Some(dec("3.00")), PeriodMark::NotAttested),
        ]
    );
    let third = s.period_marks(sid(3), q("Q1")).unwrap();
    let subjects: Vec<_> = third.iter().map(|m| m.subject).collect();
    assert_eq!(subjects, [ENGLISH, MATH, RUSSIAN]);
    assert!(third.iter().all(|m| m.marks.is_empty()));
    let _ = eng2;
    assert_eq!(
        s.period_marks(sid(1), q("Y")).unwrap_err().code(),
        "calendar.unknown_term"
    );
}

#[test]
fn journal_page_layout() {
    let mut s = school();
    let l1 = lesson(&mut s, d(2014, 9, 2), 1, ENGLISH);
    let g1 = group_lesson(&mut s, d(2014, 9, 3), 1, LessonGroup::Subgroup(G1), ENGLISH);
    let g2 = s
        .schedule_lesson(new_lesson(
            d(2014, 9, 3),
            1,
            LessonGroup::Subgroup(G2),
            ENGLISH,
            T_RUS,
        ))
        .unwrap();
    let _math = lesson(&mut s, d(2014, 9, 2), 2, MATH);
    let _q2 = lesson(&mut s, d(2014, 11, 10), 1, ENGLISH);
    s.set_topic(l1, "Знакомство").unwrap();
    s.set_homework(l1, "Слова 1–10", d(2014, 9, 3)).unwrap();
    s.record_mark(l1, sid(4), p(5), &wt("answer"), None)
        .unwrap();
    s.record_mark(l1, sid(4), p(4), &wt("homework"), None)
        .unwrap();
    s.record_mark(g2, sid(4), p(5), &wt("control"), None)
        .unwrap();
    s.record_attendance(g1, sid(1), AttendanceCode::Illness)
        .unwrap();

    let page = s.journal_page(C5A, ENGLISH, q("Q1")).unwrap();
    assert_eq!(page.class_name.to_string(), "5А");
    assert_eq!(page.subject_name, "Английский язык");
    assert_eq!(page.term.code(), "Q1");
    let cols: Vec<_> = page.columns.iter().map(|c| c.lesson).collect();
    assert_eq!(cols, [l1, g1, g2]);
    assert_eq!(page.columns[0].topic.as_deref(), Some("Знакомство"));
    assert_eq!(
        page.columns[0].homework.as_ref().unwrap().text(),
        "Слова 1–10"
    );
    // Rows by name: Андреева (2), Борисов (3), Волкова (4), Яковлев (1).
    let rows: Vec<_> = page.rows.iter().map(|r| r.student).collect();
    assert_eq!(rows, [sid(2), sid(3), sid(4), sid(1)]);
    let volkova = &page.rows[2];
    assert_eq!(volkova.name.short(), "Волкова А.");
    assert_eq!(volkova.cells[0].marks.len(), 2);
    assert!(!volkova.cells[1].applicable && volkova.cells[1].marks.is_empty());
    assert!(volkova.cells[2].applicable);
    // (5 + 4 + 15) / 5 = 4.8
    assert_eq!(volkova.average_shown, Some(dec("4.80")));
    assert_eq!(volkova.period_mark, PeriodMark::Mark(Points::FIVE));
    let yakovlev = &page.rows[3];
    assert_eq!(
        yakovlev.cells[1].attendance.unwrap().code,
        AttendanceCode::Illness
    );
    assert!(yakovlev.cells[1].applicable && !yakovlev.cells[2].applicable);
    assert_eq!(yakovlev.period_mark, PeriodMark::NotAttested);

    for (class, subject, term, code) in [
        (ClassId::new(99), ENGLISH, "Q1", "school.unknown_class"),
        (C5A, SubjectId::new(99), "Q1", "school.unknown_subject"),
        (C5A, ENGLISH, "S1", "calendar.unknown_term"),
    ] {
        assert_eq!(
            s.journal_page(class, subject, q(term)).unwrap_err().code(),
            code
        );
    }
}

#[test]
fn journal_page_follows_enrolments() {
    let mut s = school();
    // Student 5 moves from 5Б to 5А on 1 October.
    s.end_enrolment(sid(5), C5B, d(2014, 9, 30)).unwrap();
    s.enrol(Enrolment::new(sid(5), C5A, d(2014, 10, 1), None).unwrap())
        .unwrap();
    let sept = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let oct = lesson(&mut s, d(2014, 10, 2), 1, MATH);
    s.record_mark(oct, sid(5), p(3), &wt("answer"), None)
        .unwrap();
    let page = s.journal_page(C5A, MATH, q("Q1")).unwrap();
    let row = page.rows.iter().find(|r| r.student == sid(5)).unwrap();
    assert_eq!(page.columns[0].lesson, sept);
    assert!(!row.cells[0].applicable && row.cells[1].applicable);
    assert_eq!(row.cells[1].marks[0].value, p(3));
    // In 5Б's page for Q1 the student appears (enrolled in September) …
    let b = s.journal_page(C5B, MATH, q("Q1")).unwrap();
    assert!(b.rows.iter().any(|r| r.student == sid(5)));
    // … but not in Q2, after leaving.
    let b2 = s.journal_page(C5B, MATH, q("Q2")).unwrap();
    assert!(b2.rows.is_empty());
}

#[test]
fn reports_round_trip_through_json() {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    s.set_homework(l, "№ 1", d(2014, 9, 3)).unwrap();
    s.record_mark(l, sid(1), p(4), &wt("answer"), None).unwrap();
    s.record_attendance(l, sid(2), AttendanceCode::Excused)
        .unwrap();
    let page = s.journal_page(C5A, MATH, q("Q1")).unwrap();
    let json = serde_json::to_string(&page).unwrap();
    assert_eq!(
        serde_json::from_str::<super::super::JournalPage>(&json).unwrap(),
        page
    );
    let marks = s.subject_marks(sid(1), MATH, q("Q1")).unwrap();
    let json = serde_json::to_string(&marks).unwrap();
    assert!(json.contains(r#""average_shown":"4.00""#), "{json}");
    assert_eq!(
        serde_json::from_str::<super::super::SubjectMarks>(&json).unwrap(),
        marks
    );
}
