//! Property tests: over random sequences of journal edits, the audit trail
//! loses nothing (replaying it gives every cell's current value), a
//! refused or invalid edit changes nothing, and the indexes kept by the
//! writes equal indexes rebuilt from scratch.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::super::*;
use super::fixture::*;
use crate::attendance::AttendanceCode;
use crate::audit::{AuditChange, MarkState};
use crate::ids::MarkId;
use crate::marks::{MarkValue, Points};

#[derive(Debug, Clone)]
enum Op {
    Record {
        lesson: usize,
        student: u32,
        value: u8,
        kind: usize,
        actor: usize,
    },
    Change {
        nth: usize,
        value: u8,
        kind: usize,
    },
    Remove {
        nth: usize,
    },
    Attend {
        lesson: usize,
        student: u32,
        code: Option<usize>,
    },
    Reason {
        lesson: usize,
        student: u32,
        code: usize,
        actor: usize,
    },
}

const KINDS: [&str; 3] = ["answer", "control", "homework"];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..7, 1u32..=5, 0u8..=5, 0usize..3, 0usize..3).prop_map(
            |(lesson, student, value, kind, actor)| Op::Record {
                lesson,
                student,
                value,
                kind,
                actor
            }
        ),
        (0usize..20, 0u8..=5, 0usize..3).prop_map(|(nth, value, kind)| Op::Change {
            nth,
            value,
            kind
        }),
        (0usize..20).prop_map(|nth| Op::Remove { nth }),
        (0usize..7, 1u32..=5, prop::option::of(0usize..6)).prop_map(|(lesson, student, code)| {
            Op::Attend {
                lesson,
                student,
                code,
            }
        }),
        (0usize..7, 1u32..=5, 0usize..6, 0usize..2).prop_map(|(lesson, student, code, actor)| {
            Op::Reason {
                lesson,
                student,
                code,
                actor,
            }
        }),
    ]
}

fn value(v: u8) -> MarkValue {
    match v {
        0 => MarkValue::Debt,
        v => MarkValue::Points(Points::new(v).unwrap()),
    }
}

fn apply(j: &mut Journal, lessons: &[LessonId], op: &Op) -> Result<(), crate::Error> {
    let teacher_of = |j: &Journal, l: LessonId| j.school.index.lessons[&l].teacher;
    match *op {
        Op::Record {
            lesson,
            student: s,
            value: v,
            kind,
            actor,
        } => {
            let l = lessons[lesson];
            // the lesson's teacher, or someone else who must be refused
            let who = [teacher_of(j, l), T2, T3][actor];
            j.record_mark(
                &by(Actor::teacher(who)),
                l,
                student(s),
                value(v),
                &wt(KINDS[kind]),
                None,
            )
            .map(|_| ())
        }
        Op::Change {
            nth,
            value: v,
            kind,
        } => {
            let Some(m) = j.school.marks.values().nth(nth).cloned() else {
                return Ok(());
            };
            let who = teacher_of(j, m.lesson);
            j.change_mark(
                &by(Actor::teacher(who)).because("исправление").unwrap(),
                m.id,
                value(v),
                &wt(KINDS[kind]),
                None,
            )
        }
        Op::Remove { nth } => {
            let Some(m) = j.school.marks.values().nth(nth).cloned() else {
                return Ok(());
            };
            let who = teacher_of(j, m.lesson);
            j.remove_mark(&by(Actor::teacher(who)), m.id)
        }
        Op::Attend {
            lesson,
            student: s,
            code,
        } => {
            let l = lessons[lesson];
            let who = teacher_of(j, l);
            let code = code.map(|c| AttendanceCode::ALL[c]);
            j.set_attendance(&by(Actor::teacher(who)), l, student(s), code)
        }
        Op::Reason {
            lesson,
            student: s,
            code,
            actor,
        } => {
            let l = lessons[lesson];
            let who = [T1, T2][actor];
            j.set_absence_reason(
                &by(Actor::class_teacher(who)),
                l,
                student(s),
                AttendanceCode::ALL[code],
            )
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn edits_lose_nothing_and_keep_indexes(ops in prop::collection::vec(op(), 1..40)) {
        let (mut j, l) = fixture();
        let lessons = [l.math_mon, l.russian_mon, l.english_g1, l.english_g2, l.math_tue, l.math_wed, l.russian_5b];
        for op in &ops {
            let before = j.clone();
            let trail_len = j.audit_trail().len();
            if apply(&mut j, &lessons, op).is_err() {
                prop_assert_eq!(&j, &before, "a failed {:?} changed the journal", op);
                prop_assert!(j.school.index == before.school.index, "a failed {:?} changed the index", op);
                prop_assert!(j.assigned_by_class == before.assigned_by_class);
            } else if j.school == before.school {
                // a write that changes nothing records nothing
                prop_assert_eq!(j.audit_trail().len(), trail_len, "a no-op {:?} was recorded", op);
            } else {
                // every change is one new entry
                prop_assert_eq!(j.audit_trail().len(), trail_len + 1, "{:?} was not recorded once", op);
            }
        }
        assert_index_consistent(&j);

        // Replay: every mark's and every cell's chain of entries starts
        // from nothing, links old to the previous new, and ends at the
        // current value.
        let mut marks: BTreeMap<MarkId, Option<MarkState>> = BTreeMap::new();
        let mut cells: BTreeMap<(LessonId, StudentId), Option<AttendanceCode>> = BTreeMap::new();
        for e in j.audit_trail().entries() {
            match &e.change {
                AuditChange::Mark { mark, old, new } => {
                    let previous = marks.insert(*mark, new.clone()).flatten();
                    prop_assert_eq!(&previous, old);
                }
                AuditChange::Attendance { old, new } => {
                    let key = (e.lesson.unwrap(), e.student.unwrap());
                    let previous = cells.insert(key, *new).flatten();
                    prop_assert_eq!(previous, *old);
                }
                other => prop_assert!(false, "unexpected {:?}", other),
            }
        }
        let current: BTreeMap<MarkId, Option<MarkState>> = j
            .school
            .marks.values()
            .map(|m| (m.id, Some(MarkState { value: m.value, work_type: m.work_type.clone(), weight: m.weight })))
            .collect();
        let replayed: BTreeMap<MarkId, Option<MarkState>> =
            marks.into_iter().filter(|(_, s)| s.is_some()).collect();
        prop_assert_eq!(replayed, current);
        let attendance: BTreeMap<(LessonId, StudentId), Option<AttendanceCode>> = j
            .school
            .attendance.values()
            .map(|a| ((a.lesson, a.student), Some(a.code)))
            .collect();
        let replayed: BTreeMap<_, _> = cells.into_iter().filter(|(_, c)| c.is_some()).collect();
        prop_assert_eq!(replayed, attendance);
    }
}
