//! People, parent–student links and enrolments of an import.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;

use super::export::{EXT_RELATIONS, relation_of};
use super::ids::IdMap;
use super::import::{Maps, live, unmappable};
use super::report::ValidationReport;
use super::spec::Version;
use super::table::{CsvRow, CsvTable, OneRosterSet};
use super::validate::parse_date;
use crate::Error;
use crate::ids::{ParentId, StudentId, TeacherId};
use crate::organisation::{
    Enrolment, Parent, ParentLink, PersonName, RelationKind, Student, Teacher,
};
use crate::school::School;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Student,
    Teacher,
    Parent(RelationKind),
}

/// Each user's kind from their primary role (1.2) or `role` (1.1).
fn kinds(set: &OneRosterSet) -> BTreeMap<String, Who> {
    let mut out = BTreeMap::new();
    let word = |role: &str| match role {
        "student" => Some(Who::Student),
        "teacher" | "aide" | "proctor" | "counselor" | "principal" => Some(Who::Teacher),
        "parent" => Some(Who::Parent(RelationKind::Other)),
        "guardian" | "relative" => Some(Who::Parent(RelationKind::Guardian)),
        _ => None,
    };
    if set.version() == Version::V1_1 {
        if let Some(u) = set.table("users") {
            for r in live(u) {
                if let Some(w) = word(u.get(r, "role")) {
                    out.insert(u.get(r, "sourcedId").to_owned(), w);
                }
            }
        }
    } else if let Some(t) = set.table("roles") {
        for r in live(t).filter(|r| t.get(r, "roleType") == "primary") {
            if let Some(w) = word(t.get(r, "role")) {
                out.entry(t.get(r, "userSourcedId").to_owned()).or_insert(w);
            }
        }
    }
    out
}

fn name(u: &CsvTable, r: &CsvRow) -> Result<PersonName, Error> {
    let middle = Some(u.get(r, "middleName")).filter(|m| !m.is_empty());
    PersonName::new(u.get(r, "familyName"), u.get(r, "givenName"), middle)
        .map_err(|e| unmappable(u, r.line, e))
}

fn agents<'a>(u: &'a CsvTable, r: &'a CsvRow) -> impl Iterator<Item = &'a str> {
    u.get(r, "agentSourcedIds")
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

pub(crate) fn people(
    set: &OneRosterSet,
    school: &mut School,
    maps: &Maps,
    report: &mut ValidationReport,
) -> Result<(), Error> {
    let Some(u) = set.table("users") else {
        return Ok(());
    };
    let kinds = kinds(set);
    let rows: Vec<&CsvRow> = live(u).collect();
    let of = |w: fn(&Who) -> bool| -> Vec<&str> {
        rows.iter()
            .map(|r| u.get(r, "sourcedId"))
            .filter(|s| kinds.get(*s).is_some_and(w))
            .collect()
    };
    let students = IdMap::new("student", &of(|w| *w == Who::Student));
    let teachers = IdMap::new("teacher", &of(|w| *w == Who::Teacher));
    let parents = IdMap::new("parent", &of(|w| matches!(w, Who::Parent(_))));
    let births: BTreeMap<&str, &str> = set
        .table("demographics")
        .map(|d| {
            live(d)
                .map(|r| (d.get(r, "sourcedId"), d.get(r, "birthDate")))
                .collect()
        })
        .unwrap_or_default();
    let mut links: BTreeSet<(ParentId, StudentId)> = BTreeSet::new();
    let mut relations: BTreeMap<(ParentId, StudentId), RelationKind> = BTreeMap::new();
    for r in &rows {
        let sid = u.get(r, "sourcedId");
        match kinds.get(sid) {
            Some(Who::Student) => {
                let id = StudentId::new(students.get(sid).unwrap_or(0));
                let birth = births.get(sid).and_then(|b| parse_date(b)).ok_or_else(|| {
                    unmappable(
                        u,
                        r.line,
                        format!(
                            "student {sid} has no birthDate in demographics.csv; zhurnal needs it"
                        ),
                    )
                })?;
                school
                    .add_student(Student::new(id, name(u, r)?, birth))
                    .map_err(|e| unmappable(u, r.line, e))?;
            }
            Some(Who::Teacher) => {
                let id = TeacherId::new(teachers.get(sid).unwrap_or(0));
                school
                    .add_teacher(Teacher::new(id, name(u, r)?))
                    .map_err(|e| unmappable(u, r.line, e))?;
            }
            Some(Who::Parent(kind)) => {
                let id = ParentId::new(parents.get(sid).unwrap_or(0));
                let phone = Some(u.get(r, "phone")).filter(|p| !p.is_empty());
                let email = Some(u.get(r, "email")).filter(|p| !p.is_empty());
                let parent = match Parent::new(id, name(u, r)?, phone, email) {
                    Ok(p) => p,
                    Err(e) => {
                        report.warning(
                            "oneroster.contact_dropped",
                            (&u.file_name, r.line, Some("phone")),
                            format!("the contacts of {sid} are not imported: {e}"),
                        );
                        Parent::new(id, name(u, r)?, None, None)
                            .map_err(|e| unmappable(u, r.line, e))?
                    }
                };
                school
                    .add_parent(parent)
                    .map_err(|e| unmappable(u, r.line, e))?;
                for a in agents(u, r) {
                    if let Some(s) = students.get(a) {
                        links.insert((id, StudentId::new(s)));
                        relations.insert((id, StudentId::new(s)), *kind);
                    }
                }
                for item in u.get(r, EXT_RELATIONS).split(',').filter(|x| !x.is_empty()) {
                    if let Some((student, word)) = item.split_once(':')
                        && let (Some(s), Some(rel)) =
                            (students.get(student.trim()), relation_of(word.trim()))
                    {
                        relations.insert((id, StudentId::new(s)), rel);
                    }
                }
            }
            None => report.warning(
                "oneroster.user_unmapped",
                (&u.file_name, r.line, Some("sourcedId")),
                format!("user {sid} has no student, teacher or parent role and is not imported"),
            ),
        }
    }
    for r in &rows {
        let sid = u.get(r, "sourcedId");
        if let Some(s) = students
            .get(sid)
            .filter(|_| kinds.get(sid) == Some(&Who::Student))
        {
            for a in agents(u, r) {
                if let Some(p) = parents
                    .get(a)
                    .filter(|_| matches!(kinds.get(a), Some(Who::Parent(_))))
                {
                    let key = (ParentId::new(p), StudentId::new(s));
                    links.insert(key);
                    if let Some(Who::Parent(k)) = kinds.get(a) {
                        relations.entry(key).or_insert(*k);
                    }
                }
            }
        }
    }
    for (parent, student) in links {
        let relation = relations
            .get(&(parent, student))
            .copied()
            .unwrap_or(RelationKind::Other);
        school
            .link_parent(ParentLink {
                parent,
                student,
                relation,
            })
            .map_err(|e| unmappable(u, 0, e))?;
    }
    enrolments(set, school, maps, &students, &teachers, report)
}

fn enrolments(
    set: &OneRosterSet,
    school: &mut School,
    maps: &Maps,
    students: &IdMap,
    teachers: &IdMap,
    report: &mut ValidationReport,
) -> Result<(), Error> {
    let Some(t) = set.table("enrollments") else {
        return Ok(());
    };
    let year_start = school.calendar().start();
    let mut members = Vec::new();
    for r in live(t) {
        let class = t.get(r, "classSourcedId");
        let user = t.get(r, "userSourcedId");
        let role = t.get(r, "role");
        if let Some(&c) = maps.class_of.get(class) {
            if role == "student"
                && let Some(s) = students.get(user)
            {
                let start = parse_date(t.get(r, "beginDate")).unwrap_or(year_start);
                let end = parse_date(t.get(r, "endDate")).map(|d| d - Duration::days(1));
                let e = Enrolment::new(StudentId::new(s), c, start, end)
                    .map_err(|e| unmappable(t, r.line, e))?;
                school.enrol(e).map_err(|e| unmappable(t, r.line, e))?;
            } else if role == "teacher"
                && t.get(r, "primary") == "true"
                && let Some(n) = teachers.get(user)
            {
                school
                    .set_class_teacher(c, Some(TeacherId::new(n)))
                    .map_err(|e| unmappable(t, r.line, e))?;
            }
        } else if let Some(&g) = maps.subgroup_of.get(class) {
            if let Some(s) = students.get(user).filter(|_| role == "student") {
                members.push((g, StudentId::new(s), r.line));
            }
        } else {
            report.warning(
                "oneroster.enrollment_unmapped",
                (&t.file_name, r.line, Some("classSourcedId")),
                format!("the enrollment of {user} in {class} is not imported: {class} is not a class or subgroup of zhurnal"),
            );
        }
    }
    for (g, s, line) in members {
        school
            .add_subgroup_member(g, s)
            .map_err(|e| unmappable(t, line, e))?;
    }
    Ok(())
}
