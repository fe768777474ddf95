//! Records and enums: the values that cross, and their conversions from
//! the core's (and, for arguments, back through the core's constructors).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;
use zhurnal::access::Role;
use zhurnal::applications::{Applicant, ConsentChannel};
use zhurnal::attendance::AttendanceCode;
use zhurnal::calendar::{Shift, TermCode};
use zhurnal::credentials::LoginOutcome;
use zhurnal::ids::{ClassId, LessonId, MarkId, StudentId, SubjectId, TeacherId};
use zhurnal::journal::OverdueKind;
use zhurnal::journal::diary;
use zhurnal::marks::{MarkValue, PeriodMark, Points, Weight, WorkTypeCode};

use crate::ZhurnalError;

#[uniffi::remote(Enum)]
enum Role {
    Administrator,
    Teacher,
    ClassTeacher,
    Parent,
    Student,
}

#[uniffi::remote(Enum)]
enum AttendanceCode {
    Absent,
    Excused,
    Illness,
    Unexcused,
    Late,
    Exempt,
}

#[uniffi::remote(Enum)]
enum Shift {
    First,
    Second,
    Third,
}

#[uniffi::remote(Enum)]
enum OverdueKind {
    Debt,
    Missing,
}

#[uniffi::remote(Enum)]
enum MarkValue {
    Points(Points),
    Pass,
    Fail,
    Debt,
}

#[uniffi::remote(Enum)]
enum PeriodMark {
    Mark(Points),
    NotAttested,
    Passed,
    NotPassed,
    Mastered,
}

#[uniffi::remote(Enum)]
enum ConsentChannel {
    InPerson,
    Post,
    Email,
    Portal,
}

#[uniffi::remote(Enum)]
enum Applicant {
    Parent(zhurnal::ids::ParentId),
    Student(StudentId),
}

#[uniffi::remote(Enum)]
enum LoginOutcome {
    Activated { on: NaiveDate },
    AlreadyActive { since: NaiveDate },
}

/// Who acts: a role and the person's id in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Actor {
    /// The role.
    pub role: Role,
    /// The teacher's, parent's or student's id.
    pub id: u32,
}

impl From<Actor> for zhurnal::access::Actor {
    fn from(a: Actor) -> Self {
        zhurnal::access::Actor::new(a.role, a.id)
    }
}

impl From<zhurnal::access::Actor> for Actor {
    fn from(a: zhurnal::access::Actor) -> Self {
        Actor {
            role: a.role(),
            id: a.id(),
        }
    }
}

/// A write: who makes it, when, and why (some writes require a reason).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Edit {
    /// Who.
    pub actor: Actor,
    /// When, as the host gives it.
    pub at: NaiveDateTime,
    /// Why, when given.
    pub reason: Option<String>,
}

impl TryFrom<Edit> for zhurnal::audit::Edit {
    type Error = ZhurnalError;
    fn try_from(e: Edit) -> Result<Self, ZhurnalError> {
        let edit = zhurnal::audit::Edit::new(e.actor.into(), e.at);
        Ok(match e.reason {
            Some(r) => edit.because(&r)?,
            None => edit,
        })
    }
}

/// A consent to process personal data, given with an application.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Consent {
    /// The day it was given.
    pub given_on: NaiveDate,
    /// How it was given.
    pub channel: ConsentChannel,
    /// A phone number, when given.
    pub phone: Option<String>,
    /// An e-mail address, when given.
    pub email: Option<String>,
}

impl TryFrom<Consent> for zhurnal::applications::Consent {
    type Error = ZhurnalError;
    fn try_from(c: Consent) -> Result<Self, ZhurnalError> {
        Ok(zhurnal::applications::Consent {
            given_on: c.given_on,
            channel: c.channel,
            contacts: zhurnal::applications::ContactDetails::new(
                c.phone.as_deref(),
                c.email.as_deref(),
            )
            .map_err(zhurnal::Error::from)?,
        })
    }
}

/// A mark in the diary.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiaryMark {
    /// The mark's id.
    pub mark: MarkId,
    /// Its value.
    pub value: MarkValue,
    /// The work type's code.
    pub work_type: WorkTypeCode,
    /// The work type's name.
    pub work_type_name: String,
    /// Its weight.
    pub weight: Weight,
}

/// Homework set at a lesson.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Homework {
    /// What to do.
    pub text: String,
    /// When it is due.
    pub due: NaiveDate,
}

/// A lesson in the diary.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiaryLesson {
    /// The lesson's id.
    pub lesson: LessonId,
    /// Its shift.
    pub shift: Shift,
    /// Its slot number in the shift.
    pub slot: u8,
    /// When it starts, if the slot has a time.
    pub start: Option<NaiveTime>,
    /// When it ends.
    pub end: Option<NaiveTime>,
    /// The subject.
    pub subject: SubjectId,
    /// The subject's name.
    pub subject_name: String,
    /// The room.
    pub room: Option<String>,
    /// The teacher.
    pub teacher: TeacherId,
    /// The teacher's short name.
    pub teacher_name: String,
    /// The topic.
    pub topic: Option<String>,
    /// The homework set.
    pub homework: Option<Homework>,
    /// The student's marks at it.
    pub marks: Vec<DiaryMark>,
    /// The student's attendance at it.
    pub attendance: Option<AttendanceCode>,
}

/// A study day of the diary.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiaryDay {
    /// The date.
    pub date: NaiveDate,
    /// The holiday's name on a day off.
    pub holiday: Option<String>,
    /// The lessons.
    pub lessons: Vec<DiaryLesson>,
}

/// Work overdue on the diary's day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OverdueWork {
    /// A debt mark, or no mark at all.
    pub kind: OverdueKind,
    /// The lesson of the work.
    pub lesson: LessonId,
    /// Its date.
    pub date: NaiveDate,
    /// The subject.
    pub subject: SubjectId,
    /// The subject's name.
    pub subject_name: String,
    /// The work type's code.
    pub work_type: WorkTypeCode,
    /// The work type's name.
    pub work_type_name: String,
    /// When it was due.
    pub due: NaiveDate,
}

/// A subject's standing in the diary's term.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiarySubject {
    /// The subject.
    pub subject: SubjectId,
    /// Its name.
    pub subject_name: String,
    /// The weighted average, HALF-UP to two places.
    pub average: Option<Decimal>,
    /// How many marks count.
    pub marks_counted: u32,
    /// The period mark computed from them.
    pub period_mark: PeriodMark,
    /// The final mark given, if any.
    pub final_mark: Option<PeriodMark>,
    /// The class's average.
    pub class_average: Option<Decimal>,
}

/// A student's diary week.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiaryWeek {
    /// The student.
    pub student: StudentId,
    /// Their full name.
    pub student_name: String,
    /// Their class in that week.
    pub class_id: Option<ClassId>,
    /// The Monday.
    pub monday: NaiveDate,
    /// The day overdue work is judged on.
    pub today: NaiveDate,
    /// The study days.
    pub days: Vec<DiaryDay>,
    /// Overdue work.
    pub overdue: Vec<OverdueWork>,
    /// The term of the week.
    pub term: Option<TermCode>,
    /// The subjects' standing in that term.
    pub subjects: Vec<DiarySubject>,
}

impl From<diary::DiaryWeek> for DiaryWeek {
    fn from(w: diary::DiaryWeek) -> Self {
        DiaryWeek {
            student: w.student,
            student_name: w.student_name.to_string(),
            class_id: w.class_id,
            monday: w.monday,
            today: w.today,
            days: w.days.into_iter().map(day).collect(),
            overdue: w.overdue.into_iter().map(overdue).collect(),
            term: w.term,
            subjects: w.subjects.into_iter().map(subject).collect(),
        }
    }
}

fn day(d: diary::DiaryDay) -> DiaryDay {
    DiaryDay {
        date: d.date,
        holiday: d.holiday,
        lessons: d.lessons.into_iter().map(lesson).collect(),
    }
}

fn lesson(l: diary::DiaryLesson) -> DiaryLesson {
    DiaryLesson {
        lesson: l.lesson,
        shift: l.shift,
        slot: l.slot,
        start: l.start,
        end: l.end,
        subject: l.subject,
        subject_name: l.subject_name,
        room: l.room,
        teacher: l.teacher,
        teacher_name: l.teacher_name,
        topic: l.topic,
        homework: l.homework.map(|h| Homework {
            text: h.text().to_owned(),
            due: h.due(),
        }),
        marks: l
            .marks
            .into_iter()
            .map(|m| DiaryMark {
                mark: m.mark,
                value: m.value,
                work_type: m.work_type,
                work_type_name: m.work_type_name,
                weight: m.weight,
            })
            .collect(),
        attendance: l.attendance,
    }
}

fn overdue(o: diary::OverdueWork) -> OverdueWork {
    OverdueWork {
        kind: o.kind,
        lesson: o.lesson,
        date: o.date,
        subject: o.subject,
        subject_name: o.subject_name,
        work_type: o.work_type,
        work_type_name: o.work_type_name,
        due: o.due,
    }
}

fn subject(s: diary::DiarySubject) -> DiarySubject {
    DiarySubject {
        subject: s.subject,
        subject_name: s.subject_name,
        average: s.average,
        marks_counted: s.marks_counted,
        period_mark: s.period_mark,
        final_mark: s.final_mark,
        class_average: s.class_average,
    }
}

/// One change in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditRecord {
    /// Its number in the trail, from 1.
    pub seq: u64,
    /// When.
    pub at: NaiveDateTime,
    /// Who.
    pub actor: Actor,
    /// The lesson, for changes at a lesson.
    pub lesson: Option<LessonId>,
    /// The student, for changes about one student.
    pub student: Option<StudentId>,
    /// The kind of change, e.g. `mark`.
    pub kind: String,
    /// Why, when given.
    pub reason: Option<String>,
}

impl From<zhurnal::audit::AuditEntry> for AuditRecord {
    fn from(e: zhurnal::audit::AuditEntry) -> Self {
        AuditRecord {
            seq: e.seq,
            at: e.at,
            actor: e.actor.into(),
            lesson: e.lesson,
            student: e.student,
            kind: e.change.kind().to_owned(),
            reason: e.reason,
        }
    }
}
