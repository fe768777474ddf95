use super::*;
use crate::demo::{DemoConfig, demo_school};
use crate::school::School;

/// The parts of a school a OneRoster set carries.
pub(crate) fn roster_of(s: &School) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n",
        s.info(),
        s.calendar().terms(),
        s.work_types(),
        s.period_mark_policy()
    );
    out += &format!(
        "{:?}\n{:?}\n{:?}\n",
        s.classes(),
        s.subjects(),
        s.teachers()
    );
    out += &format!("{:?}\n{:?}\n", s.students(), s.parents());
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
fn a_demo_school_exports_validates_and_imports_back() {
    let school = demo_school(&DemoConfig::tiny(3)).unwrap();
    let set = export_school(&school);
    let report = validate(&set);
    assert!(report.problems.is_empty(), "{report}");
    let (back, report) = import_school(&set).unwrap();
    assert!(report.problems.is_empty(), "{report}");
    assert_eq!(roster_of(&back), roster_of(&school));
}

#[test]
fn the_written_set_reads_back_the_same() {
    let school = demo_school(&DemoConfig::tiny(5)).unwrap();
    let set = export_school(&school);
    let again = OneRosterSet::from_files(set.to_files()).unwrap();
    assert_eq!(again.files, set.files);
    assert_eq!(again.manifest, set.manifest);
}

/// Sets `column` of the first row of `file` whose sourcedId starts with
/// `prefix`.
fn set_cell(set: &mut OneRosterSet, file: &str, prefix: &str, column: &str, value: &str) {
    let table = set.files.get_mut(file).unwrap();
    let col = table.column(column).unwrap();
    let id = table.column("sourcedId").unwrap();
    let row = table
        .rows
        .iter_mut()
        .find(|r| r.cells[id].starts_with(prefix))
        .unwrap();
    row.cells[col] = value.to_owned();
}

#[test]
fn spaces_in_lists_and_agents_of_staff_are_warned() {
    let school = demo_school(&DemoConfig::tiny(3)).unwrap();
    let mut set = export_school(&school);
    let student = set.files["users.csv"]
        .rows
        .iter()
        .map(|r| r.cells[0].clone())
        .find(|id| id.starts_with("student-"))
        .unwrap();
    set_cell(
        &mut set,
        "users.csv",
        "teacher-",
        "agentSourcedIds",
        &student,
    );
    set_cell(
        &mut set,
        "classes.csv",
        "class-",
        "subjectCodes",
        "MAT, RUS",
    );
    let report = validate(&set);
    let codes: Vec<&str> = report.problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes,
        ["oneroster.list_space", "oneroster.agent_role"],
        "{report}"
    );
    assert!(report.is_clean(), "warnings only: {report}");
}
