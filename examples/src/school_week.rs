//! The school of the `school_week` example: class 5А of Gymnasium No. 17
//! with its teachers, subjects, two English groups, ten students and their
//! parents; the lessons of one week; the mathematics plan; and the printing
//! of a journal page.

use std::error::Error;

use chrono::{Days, NaiveDate};
use zhurnal::calendar::{SchoolYear, Shift};
use zhurnal::ids::{
    ClassId, LessonId, ParentId, SchoolId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use zhurnal::lesson::{LessonGroup, NewLesson};
use zhurnal::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subgroup, Subject, Teacher,
};
use zhurnal::school::{JournalPage, School};
use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};

/// Class 5А.
pub const CLASS: ClassId = ClassId::new(1);
/// The first English group of 5А.
pub const GROUP_1: SubgroupId = SubgroupId::new(1);
/// The second English group of 5А.
pub const GROUP_2: SubgroupId = SubgroupId::new(2);
/// Mathematics.
pub const MATH: SubjectId = SubjectId::new(1);
/// Russian.
pub const RUSSIAN: SubjectId = SubjectId::new(2);
/// Literature.
pub const LITERATURE: SubjectId = SubjectId::new(3);
/// English.
pub const ENGLISH: SubjectId = SubjectId::new(4);
/// History.
pub const HISTORY: SubjectId = SubjectId::new(5);

/// A calendar date, or an error naming it.
///
/// # Errors
/// When there is no such date.
pub fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, Box<dyn Error>> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("no date {y}-{m}-{d}").into())
}

/// A person's name from `"Last First Patronymic"` or `"Last First"`.
///
/// # Errors
/// When the text is not such a name.
pub fn name(full: &str) -> Result<PersonName, Box<dyn Error>> {
    let parts: Vec<&str> = full.split(' ').collect();
    match parts.as_slice() {
        [last, first, patronymic] => Ok(PersonName::new(last, first, Some(patronymic))?),
        [last, first] => Ok(PersonName::new(last, first, None)?),
        _ => Err(format!("not a name: {full}").into()),
    }
}

/// The school, its teachers and subjects, class 5А with two English
/// groups, ten students and their parents.
///
/// # Errors
/// When a record of the school is refused (a bug of the example).
pub fn build_school() -> Result<School, Box<dyn Error>> {
    let mut school = School::new(
        SchoolInfo::new(SchoolId::new(17), "Гимназия № 17")?,
        SchoolYear::russian_2014_2015(),
    );
    let teachers = [
        "Сидорова Мария Петровна",
        "Кузнецова Ольга Ивановна",
        "Смирнова Елена Викторовна",
        "Морозов Андрей Сергеевич",
        "Лебедева Наталья Юрьевна",
    ];
    for (i, t) in (1u32..).zip(teachers) {
        school.add_teacher(Teacher::new(TeacherId::new(i), name(t)?))?;
    }
    let subjects = [
        (MATH, "Математика", "Матем."),
        (RUSSIAN, "Русский язык", "Рус. яз."),
        (LITERATURE, "Литература", "Лит."),
        (ENGLISH, "Английский язык", "Англ. яз."),
        (HISTORY, "История", "Ист."),
    ];
    for (id, full, short) in subjects {
        school.add_subject(Subject::new(id, full, short)?)?;
    }
    school.add_class(Class::new(
        CLASS,
        ClassName::parse("5А")?,
        Some(TeacherId::new(1)),
    ))?;
    school.add_subgroup(Subgroup::new(GROUP_1, CLASS, "Английский, группа 1")?)?;
    school.add_subgroup(Subgroup::new(GROUP_2, CLASS, "Английский, группа 2")?)?;

    let students = [
        ("Алексеев Дмитрий Олегович", (2003, 4, 12)),
        ("Белова Ксения Андреевна", (2003, 9, 30)),
        ("Васильев Егор Ильич", (2003, 11, 2)),
        ("Гаврилова Полина Сергеевна", (2004, 1, 17)),
        ("Данилов Артём Максимович", (2003, 6, 5)),
        ("Егорова Софья Дмитриевна", (2003, 12, 24)),
        ("Жуков Никита Павлович", (2004, 2, 9)),
        ("Зайцева Виктория Романовна", (2003, 7, 21)),
        ("Ильин Матвей Алексеевич", (2003, 10, 14)),
        ("Козлова Алиса Евгеньевна", (2004, 3, 3)),
    ];
    let first_day = date(2014, 9, 1)?;
    for (i, (full, (y, m, d))) in (1u32..).zip(students) {
        let id = StudentId::new(i);
        school.add_student(Student::new(id, name(full)?, date(y, m, d)?))?;
        school.enrol(Enrolment::new(id, CLASS, first_day, None)?)?;
        let group = if i <= 5 { GROUP_1 } else { GROUP_2 };
        school.add_subgroup_member(group, id)?;
        // One parent each: the mother for odd ids, the father for even ones.
        let last = full.split(' ').next().unwrap_or_default();
        let (parent_name, relation) = if i % 2 == 1 {
            (
                format!("{}а Ирина Николаевна", last.trim_end_matches('а')),
                RelationKind::Mother,
            )
        } else {
            (
                format!("{} Олег Викторович", last.trim_end_matches('а')),
                RelationKind::Father,
            )
        };
        let parent = ParentId::new(i);
        let phone = format!("+7 928 000-00-{i:02}");
        school.add_parent(Parent::new(
            parent,
            name(&parent_name)?,
            Some(&phone),
            None,
        )?)?;
        school.link_parent(ParentLink {
            parent,
            student: id,
            relation,
        })?;
    }
    Ok(school)
}

/// Schedules Monday 15 – Saturday 20 September 2014 for 5А.
///
/// # Errors
/// When a lesson is refused (a bug of the example).
pub fn schedule_week(school: &mut School) -> Result<Vec<LessonId>, Box<dyn Error>> {
    // Per weekday: (slot, subject); English runs in two groups at once.
    let timetable: [&[(u8, SubjectId)]; 6] = [
        &[(1, RUSSIAN), (2, MATH), (3, ENGLISH), (4, LITERATURE)],
        &[(1, MATH), (2, RUSSIAN), (3, HISTORY), (4, ENGLISH)],
        &[(1, RUSSIAN), (2, MATH), (3, LITERATURE)],
        &[(1, MATH), (2, RUSSIAN), (3, ENGLISH), (4, HISTORY)],
        &[(1, RUSSIAN), (2, MATH), (3, LITERATURE)],
        &[(1, MATH), (2, RUSSIAN)],
    ];
    let monday = date(2014, 9, 15)?;
    let mut lessons = Vec::new();
    for (offset, day) in (0u64..).zip(timetable) {
        let date = monday + Days::new(offset);
        for &(slot, subject) in day {
            let groups: Vec<(LessonGroup, TeacherId)> = match subject {
                ENGLISH => vec![
                    (LessonGroup::Subgroup(GROUP_1), TeacherId::new(3)),
                    (LessonGroup::Subgroup(GROUP_2), TeacherId::new(4)),
                ],
                MATH => vec![(LessonGroup::Class(CLASS), TeacherId::new(1))],
                HISTORY => vec![(LessonGroup::Class(CLASS), TeacherId::new(5))],
                _ => vec![(LessonGroup::Class(CLASS), TeacherId::new(2))],
            };
            for (group, teacher) in groups {
                lessons.push(school.schedule_lesson(NewLesson {
                    date,
                    shift: Shift::First,
                    slot,
                    group,
                    subject,
                    teacher,
                    room: Some(format!("{}", 20 + u32::from(slot))),
                })?);
            }
        }
    }
    Ok(lessons)
}

/// The mathematics plan of 5А: two sections, four topics.
///
/// # Errors
/// When a topic or section is refused (a bug of the example).
pub fn math_plan() -> Result<ThematicPlan, Box<dyn Error>> {
    Ok(ThematicPlan::new(vec![
        PlanSection::new(
            "Натуральные числа и шкалы",
            vec![
                PlanTopic::new("Обозначение натуральных чисел", 2)?,
                PlanTopic::new("Отрезок. Длина отрезка", 2)?,
                PlanTopic::new("Плоскость. Прямая. Луч", 1)?,
            ],
        )?,
        PlanSection::new(
            "Сложение и вычитание натуральных чисел",
            vec![PlanTopic::new("Сложение натуральных чисел", 3)?],
        )?,
    ])?)
}

/// Pads `text` with spaces to `width` characters.
pub fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

/// Prints a journal page: the marks and attendance grid, averages,
/// period marks, and the lessons' topics with their teachers.
pub fn print_page(school: &School, page: &JournalPage) {
    println!(
        "Журнал {} · {} · {} ({} – {})",
        page.class_name,
        page.subject_name,
        page.term.name(),
        page.term.start().format("%d.%m.%Y"),
        page.term.end().format("%d.%m.%Y"),
    );
    let name_width = page
        .rows
        .iter()
        .map(|r| r.name.short().chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let cell = 7;
    let mut header = pad("Ученик", name_width);
    for c in &page.columns {
        header.push_str(&format!(
            " │ {}",
            pad(&c.date.format("%d.%m").to_string(), cell)
        ));
    }
    header.push_str(" │ Ср. балл │ Итог");
    println!("{header}");
    println!("{}", "─".repeat(header.chars().count()));
    for row in &page.rows {
        let mut line = pad(&row.name.short(), name_width);
        for c in &row.cells {
            let mut text: Vec<String> = c.marks.iter().map(|m| m.value.to_string()).collect();
            if let Some(a) = c.attendance {
                text.push(a.code.to_string());
            }
            let text = if c.applicable {
                text.join("/")
            } else {
                "—".into()
            };
            line.push_str(&format!(" │ {}", pad(&text, cell)));
        }
        let avg = row
            .average_shown
            .map(|a| a.to_string())
            .unwrap_or_else(|| "—".into());
        line.push_str(&format!(" │ {} │ {}", pad(&avg, 8), row.period_mark));
        println!("{line}");
    }
    println!("Темы уроков:");
    for c in &page.columns {
        let topic = c.topic.as_deref().unwrap_or("(тема не указана)");
        let teacher = school
            .lesson(c.lesson)
            .and_then(|l| school.teacher(l.teacher()))
            .map(|t| t.name().short())
            .unwrap_or_default();
        println!(
            "  {} урок {}: {} — {}",
            c.date.format("%d.%m"),
            c.slot,
            topic,
            teacher
        );
    }
}
