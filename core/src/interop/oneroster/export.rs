//! A school (and its handle's credentials) as a OneRoster 1.2 bulk set.

use std::collections::BTreeMap;

use chrono::Duration;

use super::ids::sid;
use super::spec::{self, Version};
use super::table::{CsvRow, CsvTable, OneRosterSet};
use crate::applications::Applicant;
use crate::calendar::TermScheme;
use crate::handle::SchoolHandle;
use crate::lesson::LessonGroup;
use crate::marks::MarkValue;
use crate::organisation::RelationKind;
use crate::school::School;

/// Extension columns this library adds after a file's own columns.
pub(crate) const EXT_RELATIONS: &str = "metadata.zhurnal.relations";
pub(crate) const EXT_SUBGROUP_OF: &str = "metadata.zhurnal.subgroupOf";
pub(crate) const EXT_HOURS: &str = "metadata.zhurnal.hoursPerWeek";
pub(crate) const EXT_GRADING: &str = "metadata.zhurnal.grading";
pub(crate) const EXT_CODE: &str = "metadata.zhurnal.code";
pub(crate) const EXT_ABBR: &str = "metadata.zhurnal.abbreviation";
pub(crate) const EXT_ASSESSMENT: &str = "metadata.zhurnal.assessment";
pub(crate) const EXT_MANDATORY: &str = "metadata.zhurnal.mandatory";
pub(crate) const EXT_MIN_MARKS: &str = "metadata.zhurnal.minMarks";
pub(crate) const EXT_NO_FIVE_WITH_TWO: &str = "metadata.zhurnal.noFiveWithTwo";
pub(crate) const EXT_WEIGHT: &str = "metadata.zhurnal.weight";
/// The course of homeroom classes and subgroups (not a subject).
pub(crate) const HOMEROOM_COURSE: &str = "homeroom";
/// The score scale of period marks.
pub(crate) const PERIOD_SCALE: &str = "period-mark";

pub(crate) struct Builder {
    pub(crate) table: CsvTable,
}

impl Builder {
    pub(crate) fn new(name: &str, ext: &[&str]) -> Builder {
        let mut header: Vec<String> = spec::file(Version::V1_2, name)
            .map(|f| f.columns.iter().map(|c| c.name.to_owned()).collect())
            .unwrap_or_default();
        header.extend(ext.iter().map(|e| (*e).to_owned()));
        Builder {
            table: CsvTable {
                file_name: format!("{name}.csv"),
                header,
                rows: Vec::new(),
            },
        }
    }

    pub(crate) fn row(&mut self, values: &[(&str, String)]) {
        let mut cells = vec![String::new(); self.table.header.len()];
        for (name, value) in values {
            if let Some(i) = self.table.column(name) {
                cells[i].clone_from(value);
            }
        }
        let line = u64::try_from(self.table.rows.len())
            .unwrap_or(u64::MAX)
            .saturating_add(2);
        self.table.rows.push(CsvRow { line, cells });
    }
}

fn relation_word(r: RelationKind) -> &'static str {
    match r {
        RelationKind::Mother => "mother",
        RelationKind::Father => "father",
        RelationKind::Guardian => "guardian",
        RelationKind::Trustee => "trustee",
        RelationKind::Other => "other",
    }
}

pub(crate) fn relation_of(word: &str) -> Option<RelationKind> {
    RelationKind::ALL
        .into_iter()
        .find(|r| relation_word(*r) == word)
}

pub(crate) fn grading_word<T: serde::Serialize>(g: &T) -> String {
    match serde_json::to_value(g) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The school's roster, calendar, work types, period-mark policy and
/// marks as a OneRoster 1.2 bulk set.
pub fn export_school(school: &School) -> OneRosterSet {
    export_with(school, &[])
}

/// The handle's school as [`export_school`] does, and the logins of the
/// handle's issued credentials as `userProfiles.csv` (never a password:
/// only a hash is kept, and it is not exported).
pub fn export(handle: &SchoolHandle) -> OneRosterSet {
    let logins: Vec<(String, String)> = handle
        .registry()
        .accounts()
        .iter()
        .map(|a| {
            let user = match a.holder() {
                Applicant::Parent(p) => sid("parent", p.get()),
                Applicant::Student(s) => sid("student", s.get()),
            };
            (user, a.login().to_string())
        })
        .collect();
    export_with(handle.school(), &logins)
}

fn export_with(school: &School, logins: &[(String, String)]) -> OneRosterSet {
    let mut set = OneRosterSet::default();
    let org = sid("org", school.info().id().get());
    let cal = school.calendar();
    let year_id = sid("year", cal.start().format("%Y"));
    let school_year = cal.end().format("%Y").to_string();
    let mut orgs = Builder::new("orgs", &[]);
    orgs.row(&[
        ("sourcedId", org.clone()),
        ("name", school.info().name().to_owned()),
        ("type", "school".to_owned()),
        ("identifier", school.info().id().get().to_string()),
    ]);
    let mut sessions = Builder::new("academicSessions", &[]);
    sessions.row(&[
        ("sourcedId", year_id.clone()),
        (
            "title",
            format!("{}/{} учебный год", cal.start().format("%Y"), school_year),
        ),
        ("type", "schoolYear".to_owned()),
        ("startDate", cal.start().to_string()),
        ("endDate", cal.end().to_string()),
        ("schoolYear", school_year.clone()),
    ]);
    let kind = if cal.scheme() == TermScheme::Semesters {
        "semester"
    } else {
        "term"
    };
    let term_ids: Vec<String> = cal.terms().iter().map(|t| sid("term", t.code())).collect();
    for (term, id) in cal.terms().iter().zip(&term_ids) {
        sessions.row(&[
            ("sourcedId", id.clone()),
            ("title", term.name()),
            ("type", kind.to_owned()),
            ("startDate", term.start().to_string()),
            ("endDate", term.end().to_string()),
            ("parentSourcedId", year_id.clone()),
            ("schoolYear", school_year.clone()),
        ]);
    }
    let mut courses = Builder::new("courses", &[EXT_HOURS, EXT_GRADING]);
    courses.row(&[
        ("sourcedId", HOMEROOM_COURSE.to_owned()),
        ("schoolYearSourcedId", year_id.clone()),
        ("title", "Класс".to_owned()),
        ("orgSourcedId", org.clone()),
    ]);
    for s in school.subjects() {
        courses.row(&[
            ("sourcedId", sid("subject", s.id().get())),
            ("schoolYearSourcedId", year_id.clone()),
            ("title", s.name().to_owned()),
            ("courseCode", s.short_name().to_owned()),
            ("orgSourcedId", org.clone()),
            ("subjects", s.name().to_owned()),
            (
                EXT_HOURS,
                s.hours_per_week()
                    .map(|h| h.to_string())
                    .unwrap_or_default(),
            ),
            (EXT_GRADING, grading_word(&s.grading())),
        ]);
    }
    let terms = term_ids.join(",");
    let mut classes = Builder::new("classes", &[EXT_SUBGROUP_OF]);
    let mut enrollments = Builder::new("enrollments", &[]);
    let mut enr = 0u32;
    let mut next_enr = || {
        enr += 1;
        sid("enrollment", enr)
    };
    for class in school.classes() {
        let id = sid("class", class.id().get());
        classes.row(&[
            ("sourcedId", id.clone()),
            ("title", class.name().to_string()),
            ("grades", format!("{:02}", class.name().grade())),
            ("courseSourcedId", HOMEROOM_COURSE.to_owned()),
            ("classCode", class.name().to_string()),
            ("classType", "homeroom".to_owned()),
            ("schoolSourcedId", org.clone()),
            ("termSourcedIds", terms.clone()),
        ]);
        if let Some(t) = class.class_teacher() {
            enrollments.row(&[
                ("sourcedId", next_enr()),
                ("classSourcedId", id.clone()),
                ("schoolSourcedId", org.clone()),
                ("userSourcedId", sid("teacher", t.get())),
                ("role", "teacher".to_owned()),
                ("primary", "true".to_owned()),
            ]);
        }
        for g in school.subgroups_of(class.id()) {
            let gid = sid("subgroup", g.id().get());
            classes.row(&[
                ("sourcedId", gid.clone()),
                ("title", g.name().to_owned()),
                ("grades", format!("{:02}", class.name().grade())),
                ("courseSourcedId", HOMEROOM_COURSE.to_owned()),
                ("classType", "scheduled".to_owned()),
                ("schoolSourcedId", org.clone()),
                ("termSourcedIds", terms.clone()),
                (EXT_SUBGROUP_OF, id.clone()),
            ]);
            for s in school.subgroup_members(g.id()) {
                enrollments.row(&[
                    ("sourcedId", next_enr()),
                    ("classSourcedId", gid.clone()),
                    ("schoolSourcedId", org.clone()),
                    ("userSourcedId", sid("student", s.get())),
                    ("role", "student".to_owned()),
                ]);
            }
        }
    }
    let mut users = Builder::new("users", &[EXT_RELATIONS]);
    let mut roles = Builder::new("roles", &[]);
    let mut demographics = Builder::new("demographics", &[]);
    let mut children: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut parents_of: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for p in school.parents() {
        for link in school.children_of(p.id()) {
            children
                .entry(p.id().get())
                .or_default()
                .push(sid("student", link.student.get()));
            parents_of
                .entry(link.student.get())
                .or_default()
                .push(sid("parent", p.id().get()));
        }
    }
    let mut user =
        |id: &str, role: &str, name: &crate::organisation::PersonName, extra: &[(&str, String)]| {
            let mut row = vec![
                ("sourcedId", id.to_owned()),
                ("enabledUser", "true".to_owned()),
                ("givenName", name.first().to_owned()),
                ("familyName", name.last().to_owned()),
                ("middleName", name.patronymic().unwrap_or("").to_owned()),
                ("primaryOrgSourcedId", org.clone()),
            ];
            row.extend(extra.iter().cloned());
            users.row(&row);
            roles.row(&[
                ("sourcedId", sid("role", id)),
                ("userSourcedId", id.to_owned()),
                ("roleType", "primary".to_owned()),
                ("role", role.to_owned()),
                ("orgSourcedId", org.clone()),
            ]);
        };
    for t in school.teachers() {
        user(&sid("teacher", t.id().get()), "teacher", t.name(), &[]);
    }
    for s in school.students() {
        let id = sid("student", s.id().get());
        let agents = parents_of
            .get(&s.id().get())
            .map(|v| v.join(","))
            .unwrap_or_default();
        user(&id, "student", s.name(), &[("agentSourcedIds", agents)]);
        demographics.row(&[("sourcedId", id), ("birthDate", s.birth_date().to_string())]);
        for e in school.enrolments_of(s.id()) {
            enrollments.row(&[
                ("sourcedId", next_enr()),
                ("classSourcedId", sid("class", e.class().get())),
                ("schoolSourcedId", org.clone()),
                ("userSourcedId", sid("student", s.id().get())),
                ("role", "student".to_owned()),
                ("beginDate", e.start().to_string()),
                // OneRoster's endDate is exclusive; ours is the last day.
                (
                    "endDate",
                    e.end()
                        .map(|d| (d + Duration::days(1)).to_string())
                        .unwrap_or_default(),
                ),
            ]);
        }
    }
    for p in school.parents() {
        let id = sid("parent", p.id().get());
        let links = school.children_of(p.id());
        let guardian = links
            .iter()
            .all(|l| !matches!(l.relation, RelationKind::Mother | RelationKind::Father));
        let relations: Vec<String> = links
            .iter()
            .map(|l| {
                format!(
                    "{}:{}",
                    sid("student", l.student.get()),
                    relation_word(l.relation)
                )
            })
            .collect();
        let extra = [
            (
                "agentSourcedIds",
                children
                    .get(&p.id().get())
                    .map(|v| v.join(","))
                    .unwrap_or_default(),
            ),
            (
                "phone",
                p.phone().map(|x| x.as_str().to_owned()).unwrap_or_default(),
            ),
            (
                "email",
                p.email().map(|x| x.as_str().to_owned()).unwrap_or_default(),
            ),
            (EXT_RELATIONS, relations.join(",")),
        ];
        user(
            &id,
            if guardian && !links.is_empty() {
                "guardian"
            } else {
                "parent"
            },
            p.name(),
            &extra,
        );
    }
    let mut profiles = Builder::new("userProfiles", &[]);
    for (user, login) in logins {
        profiles.row(&[
            ("sourcedId", sid("profile", user)),
            ("userSourcedId", user.clone()),
            ("profileType", "ext:diary".to_owned()),
            ("vendorId", "zhurnal".to_owned()),
            ("description", "электронный дневник".to_owned()),
            ("credentialType", "password".to_owned()),
            ("username", login.clone()),
        ]);
    }
    let gradebook = super::gradebook_export::gradebook(school, &term_ids);
    for b in [
        orgs,
        sessions,
        courses,
        classes,
        users,
        roles,
        demographics,
        enrollments,
        profiles,
    ] {
        set.files.insert(b.table.file_name.clone(), b.table);
    }
    for t in gradebook {
        set.files.insert(t.file_name.clone(), t);
    }
    set.has_manifest = true;
    let mut manifest = vec![
        ("manifest.version".to_owned(), "1.0".to_owned()),
        ("oneroster.version".to_owned(), "1.2".to_owned()),
    ];
    for name in spec::MANIFEST_FILES {
        let present = set.files.contains_key(&format!("{name}.csv"));
        manifest.push((
            format!("file.{name}"),
            if present { "bulk" } else { "absent" }.to_owned(),
        ));
    }
    manifest.push(("source.systemName".to_owned(), "zhurnal".to_owned()));
    manifest.push(("source.systemCode".to_owned(), "zhurnal".to_owned()));
    set.manifest = manifest
        .into_iter()
        .zip(2u64..)
        .map(|((k, v), line)| (k, v, line))
        .collect();
    set
}

/// The text of a non-five-point mark in `results.textScore`.
pub(crate) fn text_score(value: MarkValue) -> String {
    match value {
        MarkValue::Points(p) => p.get().to_string(),
        MarkValue::Pass => "зачёт".to_owned(),
        MarkValue::Fail => "незачёт".to_owned(),
        MarkValue::Debt => ".".to_owned(),
    }
}

pub(crate) fn group_sid(g: LessonGroup) -> String {
    match g {
        LessonGroup::Class(c) => sid("class", c.get()),
        LessonGroup::Subgroup(s) => sid("subgroup", s.get()),
    }
}
