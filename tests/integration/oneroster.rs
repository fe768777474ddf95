//! OneRoster 1.2 CSV: the sets written for the project, every validation
//! rule on its broken set, and the round trip of generated schools.
#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::prelude::*;
use zhurnal::demo::{DemoConfig, demo_school};
use zhurnal::interop::oneroster::{
    OneRosterSet, export, export_school, import, import_school, validate,
};
use zhurnal::organisation::RelationKind;
use zhurnal::school::School;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/oneroster")
        .join(name)
}

fn read(name: &str) -> OneRosterSet {
    OneRosterSet::read_dir(&fixture(name)).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Everything a OneRoster set carries of a school, as text to compare.
fn roster_of(s: &School) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
        s.info(),
        s.calendar().terms(),
        s.work_types(),
        s.period_mark_policy(),
        s.classes(),
        s.subjects(),
        s.teachers(),
        s.students(),
        s.parents()
    );
    for c in s.classes() {
        for g in s.subgroups_of(c.id()) {
            out += &format!("{g:?} {:?}\n", s.subgroup_members(g.id()));
        }
    }
    for st in s.students() {
        out += &format!(
            "{:?} {:?}\n",
            s.enrolments_of(st.id()),
            s.parents_of(st.id())
        );
    }
    out
}

#[test]
fn the_gymnasium_set_is_clean_and_imports_with_its_russian_specifics() {
    let set = read("gymnasium");
    let report = validate(&set);
    assert!(report.problems.is_empty(), "{report}");
    let (handle, report) = import(&set).unwrap();
    assert!(report.problems.is_empty(), "{report}");
    let s = handle.school();
    assert_eq!(s.info().name(), "Гимназия № 5");
    let names: Vec<String> = s.classes().iter().map(|c| c.name().to_string()).collect();
    assert_eq!(names, ["5А", "5Б"]);
    assert_eq!(s.calendar().terms().len(), 4);
    assert_eq!(s.calendar().terms()[1].start(), d(2024, 11, 5));
    let a = s.classes()[0].clone();
    assert!(a.class_teacher().is_some());
    let groups = s.subgroups_of(a.id());
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].name(), "Английский, группа 1");
    assert_eq!(s.subgroup_members(groups[0].id()).len(), 1);
    // Timur moved from 5Б to 5А: OneRoster's exclusive end 2024-12-29 is
    // our last day 2024-12-28.
    let timur = s
        .students()
        .into_iter()
        .find(|x| x.name().last() == "Хасанов")
        .unwrap();
    let e = s.enrolments_of(timur.id());
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].end(), Some(d(2024, 12, 28)));
    assert_eq!(s.class_of(timur.id(), d(2025, 2, 1)), Some(a.id()));
    assert_eq!(s.parents_of(timur.id())[0].relation, RelationKind::Guardian);
    let petr = s
        .students()
        .into_iter()
        .find(|x| x.name().first() == "Пётр")
        .unwrap();
    let mut rel: Vec<RelationKind> = s.parents_of(petr.id()).iter().map(|l| l.relation).collect();
    rel.sort_by_key(|r| r.russian_name());
    assert_eq!(rel, [RelationKind::Mother, RelationKind::Father]);
    assert_eq!(petr.birth_date(), d(2013, 3, 14));
    let types = s.work_types().types();
    assert_eq!(types.len(), 4);
    assert_eq!(types[2].name(), "Контрольная работа");
    assert_eq!(types[2].default_weight().get().to_string(), "3");
    assert!(types[2].is_assessment());
    let p = s.period_mark_policy();
    assert_eq!(p.thresholds().three.to_string(), "2.6");
    assert_eq!(p.thresholds().five.to_string(), "4.6");
    assert!(p.no_five_with_two());
}

#[test]
fn the_gymnasium_exported_again_is_clean_and_the_same_roster() {
    let (school, _) = import_school(&read("gymnasium")).unwrap();
    let set = export_school(&school);
    let report = validate(&set);
    assert!(report.problems.is_empty(), "{report}");
    let (back, _) = import_school(&set).unwrap();
    assert_eq!(roster_of(&back), roster_of(&school));
}

#[test]
fn a_1_1_set_takes_roles_from_users_and_leaves_sections_out() {
    let set = read("v1p1");
    assert_eq!(set.version().as_str(), "1.1");
    let (school, report) = import_school(&set).unwrap();
    assert!(report.has("oneroster.class_unmapped"), "{report}");
    assert_eq!(report.error_count(), 0);
    assert_eq!(school.classes().len(), 1);
    assert_eq!(school.students().len(), 2);
    assert_eq!(school.teachers().len(), 1);
    assert_eq!(school.parents().len(), 1);
    assert_eq!(school.subjects().len(), 1);
    assert_eq!(school.calendar().terms().len(), 2);
    let u1 = school
        .students()
        .into_iter()
        .find(|s| s.name().first() == "Илья")
        .unwrap();
    assert_eq!(school.parents_of(u1.id()).len(), 1);
}

#[test]
fn each_broken_set_reports_its_rule_with_file_line_and_column() {
    let cases = [
        (
            "manifest_missing",
            "oneroster.manifest_missing",
            "manifest.csv",
            0,
            None,
        ),
        (
            "file_missing",
            "oneroster.file_missing",
            "manifest.csv",
            8,
            Some("value"),
        ),
        (
            "file_name_case",
            "oneroster.file_name_case",
            "userprofiles.csv",
            0,
            None,
        ),
        (
            "header_unknown",
            "oneroster.header_unknown",
            "roles.csv",
            1,
            Some("dataLastModified"),
        ),
        (
            "enum_unknown",
            "oneroster.enum_unknown",
            "classes.csv",
            3,
            Some("classType"),
        ),
        (
            "date_invalid",
            "oneroster.date_invalid",
            "academicSessions.csv",
            4,
            Some("startDate"),
        ),
        (
            "sourced_id_duplicate",
            "oneroster.sourced_id_duplicate",
            "enrollments.csv",
            7,
            Some("sourcedId"),
        ),
        (
            "reference_missing",
            "oneroster.reference_missing",
            "enrollments.csv",
            7,
            Some("classSourcedId"),
        ),
        (
            "agent_role",
            "oneroster.agent_role",
            "users.csv",
            7,
            Some("agentSourcedIds"),
        ),
        (
            "role_no_primary",
            "oneroster.role_no_primary",
            "roles.csv",
            0,
            Some("roleType"),
        ),
    ];
    for (dir, code, file, line, column) in cases {
        let set = read(&format!("broken/{dir}"));
        let report = validate(&set);
        let p = report
            .problems
            .iter()
            .find(|p| p.code == code)
            .unwrap_or_else(|| panic!("{dir}: no {code} in\n{report}"));
        assert_eq!(
            (p.file.as_str(), p.line, p.column.as_deref()),
            (file, line, column),
            "{dir}"
        );
        let e = import(&set).unwrap_err();
        assert_eq!(e.code(), "interop.set_refused", "{dir}");
    }
}

#[test]
fn the_report_lists_every_problem_rather_than_the_first() {
    let set = OneRosterSet::from_files([
        ("manifest.csv".to_owned(), "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\n".to_owned()),
        ("orgs.csv".to_owned(), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\no1,active,2024-01-01,Школа,school,,\no1,,,Школа,ext:gymnasium,,o9\n".to_owned()),
    ])
    .unwrap();
    let report = validate(&set);
    for code in [
        "oneroster.datetime_invalid",
        "oneroster.sourced_id_duplicate",
        "oneroster.reference_missing",
        "oneroster.file_missing",
    ] {
        assert!(report.has(code), "{code} in\n{report}");
    }
    assert!(
        !report.has("oneroster.enum_unknown"),
        "ext: values are allowed\n{report}"
    );
    assert_eq!(
        report.to_string().lines().last(),
        Some("4 errors, 1 warnings")
    );
}

#[test]
fn a_handle_exports_issued_logins_and_never_a_password() {
    let demo = zhurnal::demo::demo_rollout(&DemoConfig::tiny(9)).unwrap();
    let accounts = demo.registry.accounts().len();
    assert!(accounts > 0);
    let handle = zhurnal::handle::SchoolHandle::from_parts(
        zhurnal::journal::Journal::new(demo.school),
        demo.registry,
        demo.plan,
    );
    let set = export(&handle);
    let profiles = set.table("userProfiles").unwrap();
    assert_eq!(profiles.rows.len(), accounts);
    assert!(
        profiles
            .rows
            .iter()
            .all(|r| profiles.get(r, "password").is_empty())
    );
    assert!(
        profiles
            .rows
            .iter()
            .all(|r| !profiles.get(r, "username").is_empty())
    );
    assert!(validate(&set).problems.is_empty(), "{}", validate(&set));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn a_generated_school_exported_and_imported_back_is_the_same_school(
        seed in any::<u64>(),
        students in 1u32..6,
        grades in 1u8..12,
        letters in 1u8..4,
    ) {
        let config = DemoConfig { seed, students_per_class: students, grades, letters_primary: letters, letters_senior: letters };
        let school = demo_school(&config).unwrap();
        let set = export_school(&school);
        let report = validate(&set);
        prop_assert!(report.problems.is_empty(), "{}", report);
        let written = OneRosterSet::from_files(set.to_files()).unwrap();
        let (back, _) = import_school(&written).unwrap();
        prop_assert_eq!(roster_of(&back), roster_of(&school));
    }
}
