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
