//! Real NetSchool diary payloads published by others, when their directory
//! `../shared/interop/netschool` sits beside the repository: each imports
//! into a diary week with the assignment-type table of a public client.
//! Skipped with a message when the directory is absent.
#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use std::path::PathBuf;

use chrono::NaiveDate;
use zhurnal::ids::StudentId;
use zhurnal::interop::netschool::{AssignmentTypes, WeekContext, diary_week};
use zhurnal::organisation::PersonName;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/interop/netschool");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: no ../shared/interop/netschool beside the repository");
        None
    }
}

#[test]
fn the_shared_payloads_import_into_diary_weeks() {
    let Some(dir) = shared() else { return };
    let table =
        std::fs::read_to_string(dir.join("assignment_types_netschoolapi_2021.tsv")).unwrap();
    let types = AssignmentTypes::from_pairs(table.lines().skip(1).filter_map(|l| {
        let (id, name) = l.split_once('\t')?;
        Some((id.trim().parse().ok()?, name.trim().to_owned()))
    }));
    assert_eq!(types.len(), 33);
    let context = WeekContext {
        student: StudentId::new(1),
        student_name: PersonName::new("Ученик", "Пример", None).unwrap(),
        today: NaiveDate::from_ymd_opt(2022, 1, 31).unwrap(),
    };
    // (file, days with lessons, lessons, marks) as the sources describe them.
    let expected = [
        ("diary_week_2022-01-10.json", 3, 19, 2),
        ("diary_week_2022-01-17.json", 6, 35, 0),
        ("diary_week_2022-01-24.json", 6, 35, 12),
    ];
    for (file, days, lessons, marks) in expected {
        let payload = std::fs::read_to_string(dir.join(file)).unwrap();
        let imported = diary_week(&payload, &types, &context).unwrap();
        let week = &imported.week;
        let with_lessons = week.days.iter().filter(|d| !d.lessons.is_empty()).count();
        let all: Vec<_> = week.days.iter().flat_map(|d| &d.lessons).collect();
        let n_marks: usize = all.iter().map(|l| l.marks.len()).sum();
        assert_eq!(
            (with_lessons, all.len(), n_marks),
            (days, lessons, marks),
            "{file}"
        );
        assert_eq!(
            week.term.map(|t| t.to_string()),
            Some("T2".to_owned()),
            "{file}"
        );
        // Every weight is 0 on this server: each mark counts with weight 1.
        assert_eq!(imported.notes.hidden_weights as usize, n_marks, "{file}");
        assert!(
            imported
                .notes
                .unknown_types
                .iter()
                .all(|t| [20, 53, 68].contains(t)),
            "{file}"
        );
        eprintln!(
            "{file}: {with_lessons} days, {} lessons, {n_marks} marks, homework on {} lessons, unknown type ids {:?}",
            all.len(),
            all.iter().filter(|l| l.homework.is_some()).count(),
            imported.notes.unknown_types
        );
    }
}
