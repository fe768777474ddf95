//! The journal at the size of a real school: 1 000 students in 40 classes,
//! a school year of lessons (about 46 000), about 240 marks per student.
//!
//! Measures:
//! - `record_all_marks`: recording every mark of the year through the
//!   validated, access-checked, audited API (`Journal::record_mark`);
//! - `diary_week`: building one student's diary week in the middle of the
//!   year (days, lessons, marks, attendance, overdue work over the year so
//!   far — debts, and independent work set at every twentieth lesson and
//!   missed —, averages, period marks, class averages);
//! - `school_period_marks`: the period marks of the whole school for a
//!   term.
//!
//! Run with `cargo bench -p zhurnal --bench journal`.

// A benchmark stops at a failed setup step, like a test; the criterion
// macros generate undocumented functions.
#![allow(clippy::expect_used, missing_docs)]

use std::hint::black_box;
use zhurnal::demo::SplitMix64;

use chrono::{Datelike, NaiveDate};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use zhurnal::access::Actor;
use zhurnal::attendance::AttendanceCode;
use zhurnal::audit::Edit;
use zhurnal::calendar::{SchoolYear, Shift};
use zhurnal::ids::{ClassId, LessonId, SchoolId, StudentId, SubjectId, TeacherId};
use zhurnal::journal::Journal;
use zhurnal::lesson::{LessonGroup, NewLesson};
use zhurnal::marks::{MarkValue, Points, WorkTypeCode};
use zhurnal::organisation::{
    Class, ClassName, Enrolment, PersonName, SchoolInfo, Student, Subject, Teacher,
};
use zhurnal::school::School;

const CLASSES: u32 = 40;
const STUDENTS_PER_CLASS: u32 = 25;
const SUBJECTS: u32 = 12;
/// Teachers per subject: classes that share a slot's subject never share
/// a teacher (see `teacher_for`).
const TEACHER_GROUPS: u32 = 4;
const LETTERS: [char; 4] = ['А', 'Б', 'В', 'Г'];
const KINDS: [&str; 6] = [
    "answer",
    "classwork",
    "homework",
    "independent",
    "control",
    "test",
];

fn subject_at(class: u32, day: u32, slot: u32) -> u32 {
    (class + day * 7 + slot) % SUBJECTS
}

fn teacher_for(subject: u32, class: u32) -> TeacherId {
    // classes with the same subject in the same slot differ by a multiple
    // of SUBJECTS, so `class / SUBJECTS` tells their teachers apart
    TeacherId::new(1 + subject * TEACHER_GROUPS + class / SUBJECTS)
}

struct Setup {
    /// The journal with lessons and attendance, before any mark.
    journal: Journal,
    /// Every mark of the year: (lesson, teacher, student, value, work type).
    marks: Vec<(LessonId, TeacherId, StudentId, MarkValue, WorkTypeCode)>,
}

fn name(last: &str, n: u32) -> PersonName {
    PersonName::new(&format!("{last}{n}"), "Имя", Some("Отчество")).expect("valid name")
}

fn build() -> Setup {
    let calendar = SchoolYear::russian_2014_2015();
    let mut school = School::new(
        SchoolInfo::new(SchoolId::new(1), "Школа").expect("valid school"),
        calendar.clone(),
    );
    for t in 1..=SUBJECTS * TEACHER_GROUPS + CLASSES {
        school
            .add_teacher(Teacher::new(TeacherId::new(t), name("Учитель", t)))
            .expect("teacher");
    }
    for s in 0..SUBJECTS {
        school
            .add_subject(
                Subject::new(SubjectId::new(s + 1), &format!("Предмет {s}"), "П").expect("subject"),
            )
            .expect("subject");
    }
    let first_day = calendar.start();
    for c in 0..CLASSES {
        let grade = 1 + c / 4;
        let letter = LETTERS[(c % 4) as usize];
        let class_name = ClassName::parse(&format!("{grade}{letter}")).expect("class name");
        // class teachers are staff members of their own
        let class_teacher = TeacherId::new(SUBJECTS * TEACHER_GROUPS + 1 + c);
        school
            .add_class(Class::new(
                ClassId::new(c + 1),
                class_name,
                Some(class_teacher),
            ))
            .expect("class");
        for k in 0..STUDENTS_PER_CLASS {
            let id = StudentId::new(c * STUDENTS_PER_CLASS + k + 1);
            let born = NaiveDate::from_ymd_opt(2000 + (c / 4) as i32, 1 + k % 12, 1).expect("date");
            school
                .add_student(Student::new(id, name("Ученик", id.get()), born))
                .expect("student");
            school
                .enrol(Enrolment::new(id, ClassId::new(c + 1), first_day, None).expect("enrolment"))
                .expect("enrol");
        }
    }
    let mut lessons: Vec<(LessonId, u32, TeacherId)> = Vec::new();
    for date in calendar.school_days(calendar.start(), calendar.end()) {
        let day = date.weekday().num_days_from_monday();
        let slots = if day == 5 { 5 } else { 6 };
        for c in 0..CLASSES {
            // Grade 1 has a five-day week and a February break of its own.
            let grade = u8::try_from(1 + c / 4).expect("grade");
            if !calendar.is_school_day_for(grade, date) {
                continue;
            }
            for slot in 1..=slots {
                let subject = subject_at(c, day, slot);
                let teacher = teacher_for(subject, c);
                let id = school
                    .schedule_lesson(NewLesson {
                        date,
                        shift: Shift::First,
                        slot: slot as u8,
                        group: LessonGroup::Class(ClassId::new(c + 1)),
                        subject: SubjectId::new(subject + 1),
                        teacher,
                        room: Some(format!("{}", 100 + c)),
                    })
                    .expect("lesson");
                lessons.push((id, c, teacher));
            }
        }
    }
    // Every twentieth lesson sets independent work, due two days later:
    // every student present gets an `independent` mark for it, so the
    // students absent that day owe it. Elsewhere about 3% of
    // student-lessons are missed and about one in six gets a mark (one
    // in fifty of those a debt «точка»): ≈ 250 marks per student a year.
    let independent = WorkTypeCode::new("independent").expect("kind");
    let mut rng = SplitMix64::new(17);
    let mut marks = Vec::new();
    let mut absences = Vec::new();
    let mut assigned = Vec::new();
    for (n, &(lesson, c, teacher)) in lessons.iter().enumerate() {
        let set_work = n % 20 == 0;
        if set_work {
            assigned.push((lesson, teacher));
        }
        for k in 0..STUDENTS_PER_CLASS {
            let student = StudentId::new(c * STUDENTS_PER_CLASS + k + 1);
            if rng.below(33) == 0 {
                absences.push((lesson, teacher, student));
                continue;
            }
            let value = if rng.below(50) == 0 {
                MarkValue::Debt
            } else {
                MarkValue::Points(Points::new(2 + rng.below(4) as u8).expect("mark"))
            };
            if set_work {
                marks.push((lesson, teacher, student, value, independent.clone()));
            } else if rng.below(6) == 0 {
                let kind =
                    WorkTypeCode::new(KINDS[rng.below(KINDS.len() as u64) as usize]).expect("kind");
                marks.push((lesson, teacher, student, value, kind));
            }
        }
    }
    let mut journal = Journal::new(school);
    // The lesson's teacher, at 8 o'clock on the lesson's day.
    let by_teacher = |journal: &Journal, lesson: LessonId, teacher: TeacherId| {
        let date = journal.school().lesson(lesson).map(|l| l.date())?;
        let at = date.and_hms_opt(8, 0, 0)?;
        Some((Edit::new(Actor::teacher(teacher), at), date))
    };
    for (lesson, teacher, student) in absences {
        let Some((edit, _)) = by_teacher(&journal, lesson, teacher) else {
            continue;
        };
        journal
            .set_attendance(&edit, lesson, student, Some(AttendanceCode::Absent))
            .expect("attendance");
    }
    for (lesson, teacher) in assigned {
        let Some((edit, date)) = by_teacher(&journal, lesson, teacher) else {
            continue;
        };
        journal
            .assign_work(
                &edit,
                lesson,
                &independent,
                date.checked_add_days(chrono::Days::new(2)),
            )
            .expect("assigned work");
    }
    Setup { journal, marks }
}

fn record_all(
    journal: &mut Journal,
    marks: &[(LessonId, TeacherId, StudentId, MarkValue, WorkTypeCode)],
) {
    let at = NaiveDate::from_ymd_opt(2014, 9, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("time");
    for (lesson, teacher, student, value, kind) in marks {
        let edit = Edit::new(Actor::teacher(*teacher), at);
        journal
            .record_mark(&edit, *lesson, *student, *value, kind, None)
            .expect("mark");
    }
}

fn benches(c: &mut Criterion) {
    let q2 = zhurnal::calendar::TermCode::parse("Q2").expect("term code");
    let setup = build();
    eprintln!(
        "school: {} students, {} lessons, {} marks ({:.0} per student)",
        CLASSES * STUDENTS_PER_CLASS,
        count_lessons(&setup.journal),
        setup.marks.len(),
        setup.marks.len() as f64 / f64::from(CLASSES * STUDENTS_PER_CLASS)
    );
    let mut group = c.benchmark_group("journal");
    group.sample_size(10);
    group.bench_function("record_all_marks", |b| {
        b.iter_batched(
            || setup.journal.clone(),
            |mut journal| {
                record_all(&mut journal, &setup.marks);
                journal
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();

    let mut full = setup.journal.clone();
    record_all(&mut full, &setup.marks);
    let student = StudentId::new(513);
    let parent_view = Actor::administrator(TeacherId::new(1));
    let wednesday = NaiveDate::from_ymd_opt(2015, 2, 11).expect("date");
    let week = full
        .diary_week(&parent_view, student, wednesday, wednesday)
        .expect("diary");
    eprintln!(
        "diary week: {} lessons, {} subjects, {} overdue",
        week.days.iter().map(|d| d.lessons.len()).sum::<usize>(),
        week.subjects.len(),
        week.overdue.len()
    );
    let own = Actor::student(student);
    c.bench_function("diary_week", |b| {
        b.iter(|| {
            full.diary_week(black_box(&own), black_box(student), wednesday, wednesday)
                .expect("diary")
        })
    });
    let admin = Actor::administrator(TeacherId::new(1));
    let rows = full
        .school_period_marks(&admin, q2)
        .expect("period marks")
        .len();
    eprintln!("period marks: {rows} rows");
    c.bench_function("school_period_marks", |b| {
        b.iter(|| {
            full.school_period_marks(black_box(&admin), q2)
                .expect("period marks")
        })
    });
}

fn count_lessons(journal: &Journal) -> usize {
    let calendar = journal.school().calendar();
    (1..=CLASSES)
        .map(|c| {
            journal
                .school()
                .lessons_of_class(ClassId::new(c), calendar.start(), calendar.end())
                .len()
        })
        .sum()
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);
