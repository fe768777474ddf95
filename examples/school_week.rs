//! A week in class 5А: builds a small school, schedules the lessons of one
//! week, attaches the mathematics plan, records marks and attendance, and
//! prints a page of the class journal and one student's period marks.
//! Then it hands the school to the access-checked journal: the class
//! teacher gives reasons for absences, a teacher sets independent work,
//! and it prints an English group's journal page, a parent's view of the
//! diary week and the audit trail.
//!
//! Run with `cargo run --example school_week`. The output is the same on
//! every run: the "random" marks come from a fixed-seed generator.
//! `--out DIR` also writes the school's handle snapshot, taken before the
//! father's application, to DIR/school.json, and the father's per-person
//! export, after it, to DIR/father-export.json (the Kotlin and Swift
//! bindings' tests and example read them).

use std::error::Error;
use zhurnal::demo::SplitMix64;

use chrono::{Datelike, Days};
use zhurnal::access::Actor;
use zhurnal::applications::{
    Applicant, ApplicationRegistry, Consent, ConsentChannel, ContactDetails,
};
use zhurnal::attendance::AttendanceCode;
use zhurnal::audit::Edit;
use zhurnal::calendar::TermCode;
use zhurnal::handle::SchoolHandle;
use zhurnal::ids::{LessonId, ParentId, StudentId, TeacherId};
use zhurnal::journal::Journal;
use zhurnal::lesson::{Homework, LessonGroup};
use zhurnal::marks::{MarkValue, Points, WorkTypeCode};
use zhurnal::rollout::RolloutPlan;
use zhurnal_examples::school_week::{
    CLASS, ENGLISH, GROUP_1, MATH, build_school, date, math_plan, pad, print_page, schedule_week,
};

/// Marks and attendance for the week, from a fixed seed, each written by
/// the lesson's teacher at the lesson (and reasons of absence by the class
/// teacher), through the journal's audited API.
fn record_week(journal: &mut Journal, lessons: &[LessonId]) -> Result<(), Box<dyn Error>> {
    let mut rng = SplitMix64::new(2014);
    let kinds = [
        "answer",
        "classwork",
        "homework",
        "independent",
        "dictation",
    ];
    let class_teacher = Actor::class_teacher(TeacherId::new(1));
    for &id in lessons {
        let Some(lesson) = journal.school().lesson(id).cloned() else {
            continue;
        };
        let at = lesson.date().and_hms_opt(9, 0, 0).ok_or("no such time")?;
        let teacher = Edit::new(Actor::teacher(lesson.teacher()), at);
        let students: Vec<StudentId> = match lesson.group() {
            LessonGroup::Subgroup(g) => journal.school().subgroup_members(g),
            LessonGroup::Class(c) => journal.school().students_of_class(c, lesson.date()),
        };
        if lesson.date().weekday() != chrono::Weekday::Sat {
            let due = lesson.date() + Days::new(2);
            let homework = Homework::new("Упражнения по учебнику, с. 20–21", due)?;
            journal.set_homework(&teacher, id, Some(homework))?;
        }
        for student in students {
            // About one lesson in fifteen missed, one in thirty late.
            match rng.below(30) {
                0 | 1 => {
                    journal.set_attendance(&teacher, id, student, Some(AttendanceCode::Absent))?;
                    // The class teacher learns the reason later.
                    if rng.below(2) == 0 {
                        let note = Edit::new(class_teacher, at).because("справка")?;
                        journal.set_absence_reason(&note, id, student, AttendanceCode::Illness)?;
                    }
                    continue;
                }
                2 => {
                    journal.set_attendance(&teacher, id, student, Some(AttendanceCode::Late))?;
                }
                _ => {}
            }
            // A mark for about half the students present.
            if rng.below(2) == 0 {
                let value = MarkValue::Points(Points::new(2 + rng.below(4) as u8)?);
                let kind = WorkTypeCode::new(kinds[rng.below(kinds.len() as u64) as usize])?;
                journal.record_mark(&teacher, id, student, value, &kind, None)?;
            }
        }
    }
    // Friday's mathematics lesson is a control work for everyone present.
    let friday = date(2014, 9, 19)?;
    let control = WorkTypeCode::new("control")?;
    for lesson in journal
        .school()
        .lessons_of_class_subject(CLASS, MATH, friday, friday)
    {
        let at = friday.and_hms_opt(10, 0, 0).ok_or("no such time")?;
        let teacher = Edit::new(Actor::teacher(lesson.teacher()), at);
        let absent: Vec<StudentId> = journal
            .school()
            .attendance_of_lesson(lesson.id())
            .iter()
            .filter(|a| a.code.is_missed())
            .map(|a| a.student)
            .collect();
        for student in journal.school().students_of_class(CLASS, friday) {
            if !absent.contains(&student) {
                let value = MarkValue::Points(Points::new(3 + rng.below(3) as u8)?);
                journal.record_mark(&teacher, lesson.id(), student, value, &control, None)?;
            }
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let q1 = TermCode::parse("Q1")?;
    let mut school = build_school()?;
    let lessons = schedule_week(&mut school)?;
    // From here on, every record is written through the journal's
    // access-checked, audited API by the person who makes it.
    let mut journal = Journal::new(school);
    let plan = math_plan()?;
    let planning = Edit::new(
        Actor::teacher(TeacherId::new(1)),
        date(2014, 9, 1)?
            .and_hms_opt(8, 0, 0)
            .ok_or("no such time")?,
    );
    let report = journal.attach_plan(&planning, LessonGroup::Class(CLASS), MATH, &plan)?;
    record_week(&mut journal, &lessons)?;
    let school = journal.school().clone();

    println!(
        "{} · {} уроков за неделю 15–20.09.2014",
        school.info().name(),
        lessons.len()
    );
    println!(
        "КТП по математике: {} ч по плану, {} уроков в расписании, тем не достигнуто: {}",
        report.planned_hours,
        report.scheduled_lessons,
        report.topics_not_reached.len()
    );
    println!();

    let page = school.journal_page(CLASS, MATH, q1)?;
    print_page(&school, &page);
    println!();

    let student = StudentId::new(2);
    let who = school
        .student(student)
        .map(|s| s.name().to_string())
        .unwrap_or_default();
    println!("Итоги 1 четверти (пока): {who}");
    for subject in school.period_marks(student, q1)? {
        let marks: Vec<String> = subject.marks.iter().map(|m| m.value.to_string()).collect();
        let avg = subject
            .average_shown
            .map(|a| a.to_string())
            .unwrap_or_else(|| "—".into());
        println!(
            "  {} {} │ ср. {} │ {}",
            pad(&subject.subject_name, 16),
            pad(&marks.join(" "), 12),
            pad(&avg, 4),
            subject.period_mark
        );
    }
    println!();
    journal_and_diary(journal)?;
    Ok(())
}

/// The journal and the diary over the same school, every call made by
/// someone: the class teacher, a subject teacher, a parent.
fn journal_and_diary(mut journal: Journal) -> Result<(), Box<dyn Error>> {
    let q1 = TermCode::parse("Q1")?;
    use zhurnal::audit::AuditChange;

    let at = |d: u32, h: u32| -> Result<chrono::NaiveDateTime, Box<dyn Error>> {
        date(2014, 9, d)?
            .and_hms_opt(h, 0, 0)
            .ok_or_else(|| "no such time".into())
    };
    let (monday, saturday) = (date(2014, 9, 15)?, date(2014, 9, 20)?);

    // The class teacher (Сидорова, teacher 1) learns the reasons of the
    // absences still marked ОТ: an audited edit with its source.
    let class_teacher = Actor::class_teacher(TeacherId::new(1));
    let note = Edit::new(class_teacher, at(20, 9)?).because("заявление родителей")?;
    for lesson in journal.school().lessons_of_class(CLASS, monday, saturday) {
        for entry in journal.school().attendance_of_lesson(lesson.id()) {
            if entry.code == AttendanceCode::Absent {
                journal.set_absence_reason(
                    &note,
                    lesson.id(),
                    entry.student,
                    AttendanceCode::Excused,
                )?;
            }
        }
    }

    // Thursday's mathematics: independent work due on Friday; three
    // students hand it in, the others present owe it.
    let math = Actor::teacher(TeacherId::new(1));
    let thursday = date(2014, 9, 18)?;
    let independent = WorkTypeCode::new("independent")?;
    if let Some(lesson) = journal
        .school()
        .lessons_of_class_subject(CLASS, MATH, thursday, thursday)
        .first()
    {
        let lesson = lesson.id();
        journal.assign_work(
            &Edit::new(math, at(18, 8)?),
            lesson,
            &independent,
            Some(date(2014, 9, 19)?),
        )?;
        for student in [1, 2, 3].map(StudentId::new) {
            let five = MarkValue::Points(Points::FIVE);
            journal.record_mark(
                &Edit::new(math, at(19, 15)?),
                lesson,
                student,
                five,
                &independent,
                None,
            )?;
        }
    }

    // English group 1's page, read by its teacher; group 2's teacher may
    // not write in group 1's lesson.
    let english_1 = Actor::teacher(TeacherId::new(3));
    let page = journal.journal_page(&english_1, LessonGroup::Subgroup(GROUP_1), ENGLISH, q1)?;
    print_page(journal.school(), &page);
    if let Some(column) = page.columns.first() {
        let other = Edit::new(Actor::teacher(TeacherId::new(4)), at(15, 12)?);
        let five = MarkValue::Points(Points::FIVE);
        let refused = journal
            .record_mark(
                &other,
                column.lesson,
                StudentId::new(1),
                five,
                &WorkTypeCode::new("answer")?,
                None,
            )
            .err()
            .map(|e| e.code())
            .unwrap_or("accepted");
        println!("Учитель группы 2 ставит оценку в группе 1: {refused}");
    }
    println!();

    // The diary week of Гаврилова Полина (student 4) as her father sees it,
    // through the school's handle: its application registry decides.
    let student = StudentId::new(4);
    let dad = ParentId::new(4);
    let father = Actor::parent(dad);
    let mut handle = SchoolHandle::from_parts(
        journal,
        ApplicationRegistry::new(),
        RolloutPlan::gymnasium17()?,
    );
    let mut args = std::env::args().skip(1);
    let out = match (args.next(), args.next()) {
        (Some(flag), Some(dir)) if flag == "--out" => Some(std::path::PathBuf::from(dir)),
        (None, None) => None,
        _ => return Err("usage: school_week [--out DIR]".into()),
    };
    if let Some(dir) = &out {
        std::fs::write(dir.join("school.json"), handle.to_json()?)?;
    }
    let refused = handle
        .diary_week(&father, student, monday, saturday)
        .err()
        .map(|e| e.code())
        .unwrap_or("accepted");
    println!("Отец без одобренного заявления открывает дневник: {refused}");
    let consent = Consent {
        given_on: date(2014, 9, 18)?,
        channel: ConsentChannel::InPerson,
        contacts: ContactDetails::new(Some("+7 928 000-00-04"), None)?,
    };
    let id = handle.submit_application(
        &Edit::new(father, at(18, 18)?),
        Applicant::Parent(dad),
        student,
        consent,
    )?;
    let specialist = Edit::new(Actor::administrator(TeacherId::new(9)), at(19, 10)?);
    handle.register_application(&specialist, id, "4/2014")?;
    handle.approve_application(&specialist, id)?;
    let week = handle.diary_week(&father, student, monday, saturday)?;
    if let Some(dir) = &out {
        let export = handle.export_for(&father, saturday)?;
        std::fs::write(dir.join("father-export.json"), export)?;
    }
    println!(
        "Дневник: {} · неделя с {}",
        week.student_name,
        week.monday.format("%d.%m.%Y")
    );
    for day in &week.days {
        let weekday = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
            [day.date.weekday().num_days_from_monday() as usize];
        println!("  {weekday} {}", day.date.format("%d.%m"));
        for l in &day.lessons {
            let time = match (l.start, l.end) {
                (Some(s), Some(e)) => format!("{}–{}", s.format("%H:%M"), e.format("%H:%M")),
                _ => String::new(),
            };
            let marks: Vec<String> = l
                .marks
                .iter()
                .map(|m| format!("{} ({}, вес {})", m.value, m.work_type_name, m.weight))
                .collect();
            let attendance = l.attendance.map(|a| format!(" [{a}]")).unwrap_or_default();
            println!(
                "    {}. {} {} · каб. {} · {}{}",
                l.slot,
                time,
                l.subject_name,
                l.room.as_deref().unwrap_or("—"),
                l.teacher_name,
                attendance
            );
            if let Some(topic) = &l.topic {
                println!("       тема: {topic}");
            }
            if let Some(hw) = &l.homework {
                println!("       ДЗ: {} (к {})", hw.text(), hw.due().format("%d.%m"));
            }
            if !marks.is_empty() {
                println!("       оценки: {}", marks.join(", "));
            }
        }
    }
    println!("  Долги на {}:", week.today.format("%d.%m"));
    for w in &week.overdue {
        println!(
            "    {} · {} · {} (срок {})",
            w.subject_name,
            w.work_type_name,
            w.date.format("%d.%m"),
            w.due.format("%d.%m")
        );
    }
    let term = week.term.map_or_else(|| "—".to_owned(), |t| t.to_string());
    println!("  Итоги ({term}): предмет │ ср. балл │ расчётная │ ср. по классу");
    for s in &week.subjects {
        let show = |d: Option<rust_decimal::Decimal>| {
            d.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
        };
        println!(
            "    {} │ {} │ {} │ {}",
            pad(&s.subject_name, 16),
            pad(&show(s.average), 8),
            pad(&s.period_mark.to_string(), 9),
            show(s.class_average)
        );
    }
    // A parent of another child is refused.
    let stranger = Actor::parent(ParentId::new(1));
    let refused = handle
        .diary_week(&stranger, student, monday, saturday)
        .err()
        .map(|e| e.code())
        .unwrap_or("accepted");
    println!("  Родитель другого ученика открывает дневник: {refused}");
    println!();

    // The audit trail of the student, as the class teacher reads it.
    println!("Журнал изменений: {}", week.student_name);
    for e in handle.journal().audit_of_student(&class_teacher, student)? {
        let what = match &e.change {
            AuditChange::Attendance { old, new } => format!(
                "посещаемость {} → {}",
                old.map(|c| c.to_string()).unwrap_or_else(|| "—".into()),
                new.map(|c| c.to_string()).unwrap_or_else(|| "—".into())
            ),
            AuditChange::Mark { old, new, .. } => format!(
                "оценка {} → {}",
                old.as_ref()
                    .map(|m| m.value.to_string())
                    .unwrap_or_else(|| "—".into()),
                new.as_ref()
                    .map(|m| m.value.to_string())
                    .unwrap_or_else(|| "—".into())
            ),
            other => other.kind().to_owned(),
        };
        println!(
            "  #{} {} {} · {} · {}",
            e.seq,
            e.at.format("%d.%m %H:%M"),
            e.actor,
            what,
            e.reason.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
