//! A clean set into a school: the org, the calendar, subjects, classes and
//! subgroups, work types and the period-mark policy. People, links and
//! enrolments are in `import_people`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::export::{
    EXT_ABBR, EXT_ASSESSMENT, EXT_CODE, EXT_GRADING, EXT_HOURS, EXT_MANDATORY, EXT_MIN_MARKS,
    EXT_NO_FIVE_WITH_TWO, EXT_SUBGROUP_OF, HOMEROOM_COURSE, PERIOD_SCALE,
};
use super::ids::IdMap;
use super::import_people;
use super::report::ValidationReport;
use super::table::{CsvRow, CsvTable, OneRosterSet};
use super::validate::{parse_date, validate};
use crate::Error;
use crate::calendar::{SchoolYear, Term, TermScheme};
use crate::handle::SchoolHandle;
use crate::ids::{ClassId, SchoolId, SubgroupId, SubjectId};
use crate::interop::InteropError;
use crate::marks::{PeriodMarkPolicy, Weight, WorkType, WorkTypeCatalogue, WorkTypeCode};
use crate::organisation::{Class, ClassName, SchoolInfo, Subgroup, Subject};
use crate::school::School;

/// The sourcedId → id maps of an import.
pub(crate) struct Maps {
    pub(crate) classes: IdMap,
    pub(crate) subgroups: IdMap,
    /// Class sourcedId → class id, for homeroom classes imported.
    pub(crate) class_of: BTreeMap<String, ClassId>,
    /// Subgroup sourcedId → subgroup id.
    pub(crate) subgroup_of: BTreeMap<String, SubgroupId>,
}

/// Rows that are not marked `tobedeleted`.
pub(crate) fn live(t: &CsvTable) -> impl Iterator<Item = &CsvRow> {
    t.rows
        .iter()
        .filter(move |r| t.get(r, "status") != "tobedeleted")
}

pub(crate) fn unmappable(t: &CsvTable, line: u64, e: impl std::fmt::Display) -> Error {
    Error::from(InteropError::Unmappable {
        file: t.file_name.clone(),
        line,
        reason: e.to_string(),
    })
}

/// Validates a set and imports it into a new school with the handle's
/// empty registry and the embedded rollout plan. Rows marked
/// `tobedeleted` are not imported. The report keeps the warnings and
/// what was left out (course sections, users of other roles).
///
/// # Errors
/// [`InteropError::SetRefused`] when the set has errors (the report lists
/// them: call [`validate`]); [`InteropError::Unmappable`] when a valid set
/// cannot be held by the school model (no school org, a student without
/// a birth date, a term count that is not 2, 3 or 4…).
pub fn import(set: &OneRosterSet) -> Result<(SchoolHandle, ValidationReport), Error> {
    let (school, report) = import_school(set)?;
    Ok((SchoolHandle::new(school)?, report))
}

/// As [`import`], the school alone.
///
/// # Errors
/// As [`import`].
pub fn import_school(set: &OneRosterSet) -> Result<(School, ValidationReport), Error> {
    let mut report = validate(set);
    if let Some(first) = report.errors().next() {
        return Err(InteropError::SetRefused {
            errors: report.error_count(),
            first: first.to_string(),
        }
        .into());
    }
    let info = org(set)?;
    let year = calendar(set, &mut report)?;
    let mut school = School::new(info, year);
    subjects(set, &mut school)?;
    let maps = classes(set, &mut school, &mut report)?;
    import_people::people(set, &mut school, &maps, &mut report)?;
    work_types(set, &mut school)?;
    policy(set, &mut school)?;
    report.sort();
    Ok((school, report))
}

fn missing(file: &str, reason: &str) -> Error {
    Error::from(InteropError::Unmappable {
        file: file.to_owned(),
        line: 0,
        reason: reason.to_owned(),
    })
}

fn org(set: &OneRosterSet) -> Result<SchoolInfo, Error> {
    let t = set
        .table("orgs")
        .ok_or_else(|| missing("orgs.csv", "no orgs.csv"))?;
    let row = live(t)
        .find(|r| t.get(r, "type") == "school")
        .ok_or_else(|| missing("orgs.csv", "no org of type school"))?;
    let ids: Vec<&str> = vec![t.get(row, "sourcedId")];
    let id = IdMap::new("org", &ids).get(ids[0]).unwrap_or(1);
    SchoolInfo::new(SchoolId::new(id), t.get(row, "name")).map_err(|e| unmappable(t, row.line, e))
}

fn calendar(set: &OneRosterSet, report: &mut ValidationReport) -> Result<SchoolYear, Error> {
    let t = set
        .table("academicSessions")
        .ok_or_else(|| missing("academicSessions.csv", "no academicSessions.csv"))?;
    let rows: Vec<&CsvRow> = live(t).collect();
    let date = |r: &CsvRow, c: &str| parse_date(t.get(r, c));
    let year = rows.iter().find(|r| t.get(r, "type") == "schoolYear");
    let mut terms: Vec<(NaiveDate, NaiveDate, u64)> = Vec::new();
    let term_kinds = ["term", "semester", "gradingPeriod"];
    for kind in term_kinds {
        let of_kind: Vec<_> = rows
            .iter()
            .filter(|r| t.get(r, "type") == kind)
            .filter(|r| year.is_none_or(|y| t.get(r, "parentSourcedId") == t.get(y, "sourcedId")))
            .filter_map(|r| Some((date(r, "startDate")?, date(r, "endDate")?, r.line)))
            .collect();
        if (2..=4).contains(&of_kind.len()) {
            terms = of_kind;
            break;
        }
        if terms.is_empty() {
            terms = of_kind;
        }
    }
    terms.sort();
    let start = year
        .and_then(|y| date(y, "startDate"))
        .or_else(|| terms.iter().map(|x| x.0).min())
        .ok_or_else(|| missing("academicSessions.csv", "no school year and no terms"))?;
    let end = year
        .and_then(|y| date(y, "endDate"))
        .or_else(|| terms.iter().map(|x| x.1).max())
        .unwrap_or(start);
    let scheme = match terms.len() {
        4 => Some(TermScheme::Quarters),
        3 => Some(TermScheme::Trimesters),
        2 => Some(TermScheme::Semesters),
        _ => None,
    };
    let built = match scheme {
        Some(scheme) => terms
            .iter()
            .zip(1u8..)
            .map(|(&(s, e, line), n)| {
                Term::new(scheme, n, s, e).map_err(|e| unmappable(t, line, e))
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => {
            // One session, or five and more: the calendar knows 2, 3 or 4
            // terms. The year is split into two semesters and the report
            // says so.
            report.warning(
                "oneroster.terms_unmapped",
                (&t.file_name, 0, Some("type")),
                format!(
                    "{} terms in the year; zhurnal keeps 2, 3 or 4: the year {start} – {end} is split into two semesters",
                    terms.len()
                ),
            );
            let mid = start + (end - start) / 2;
            vec![
                Term::new(TermScheme::Semesters, 1, start, mid).map_err(|e| unmappable(t, 0, e))?,
                Term::new(TermScheme::Semesters, 2, mid.succ_opt().unwrap_or(end), end)
                    .map_err(|e| unmappable(t, 0, e))?,
            ]
        }
    };
    SchoolYear::new(start, end, built).map_err(|e| unmappable(t, 0, e))
}

/// Courses other than the homeroom course are subjects.
fn subjects(set: &OneRosterSet, school: &mut School) -> Result<(), Error> {
    let Some(t) = set.table("courses") else {
        return Ok(());
    };
    let homeroom_courses: Vec<&str> = set
        .table("classes")
        .map(|c| {
            let mut only_homeroom: BTreeMap<&str, bool> = BTreeMap::new();
            for r in &c.rows {
                let homeroom =
                    c.get(r, "classType") == "homeroom" || !c.get(r, EXT_SUBGROUP_OF).is_empty();
                let e = only_homeroom
                    .entry(c.get(r, "courseSourcedId"))
                    .or_insert(true);
                *e = *e && homeroom;
            }
            only_homeroom
                .into_iter()
                .filter(|(_, h)| *h)
                .map(|(k, _)| k)
                .collect()
        })
        .unwrap_or_default();
    let rows: Vec<&CsvRow> = live(t)
        .filter(|r| {
            let id = t.get(r, "sourcedId");
            id != HOMEROOM_COURSE && !homeroom_courses.contains(&id)
        })
        .collect();
    let sources: Vec<&str> = rows.iter().map(|r| t.get(r, "sourcedId")).collect();
    let ids = IdMap::new("subject", &sources);
    for row in rows {
        let id = SubjectId::new(ids.get(t.get(row, "sourcedId")).unwrap_or(0));
        let title = t.get(row, "title");
        let short = match t.get(row, "courseCode") {
            "" => title,
            code => code,
        };
        let hours = t.get(row, EXT_HOURS);
        let subject = if hours.is_empty() {
            Subject::new(id, title, short)
        } else {
            let h: Decimal = hours.parse().map_err(|e| unmappable(t, row.line, e))?;
            Subject::with_hours_per_week(id, title, short, h)
        }
        .map_err(|e| unmappable(t, row.line, e))?;
        let grading = t.get(row, EXT_GRADING);
        let subject = if grading.is_empty() {
            subject
        } else {
            let g = serde_json::from_value(serde_json::Value::String(grading.to_owned()))
                .map_err(|e| unmappable(t, row.line, e))?;
            subject.with_grading(g)
        };
        school
            .add_subject(subject)
            .map_err(|e| unmappable(t, row.line, e))?;
    }
    Ok(())
}

fn classes(
    set: &OneRosterSet,
    school: &mut School,
    report: &mut ValidationReport,
) -> Result<Maps, Error> {
    let empty = CsvTable::default();
    let t = set.table("classes").unwrap_or(&empty);
    let rows: Vec<&CsvRow> = live(t).collect();
    let is_sub = |r: &CsvRow| !t.get(r, EXT_SUBGROUP_OF).is_empty();
    let homerooms: Vec<&str> = rows
        .iter()
        .filter(|r| t.get(r, "classType") == "homeroom" && !is_sub(r))
        .map(|r| t.get(r, "sourcedId"))
        .collect();
    let subs: Vec<&str> = rows
        .iter()
        .filter(|r| is_sub(r))
        .map(|r| t.get(r, "sourcedId"))
        .collect();
    let mut maps = Maps {
        classes: IdMap::new("class", &homerooms),
        subgroups: IdMap::new("subgroup", &subs),
        class_of: BTreeMap::new(),
        subgroup_of: BTreeMap::new(),
    };
    for row in &rows {
        let sid = t.get(row, "sourcedId");
        if let Some(n) = maps.classes.get(sid).filter(|_| homerooms.contains(&sid)) {
            let name = ClassName::parse(t.get(row, "title"))
                .or_else(|_| ClassName::parse(t.get(row, "classCode")));
            match name {
                Ok(name) => {
                    let id = ClassId::new(n);
                    school
                        .add_class(Class::new(id, name, None))
                        .map_err(|e| unmappable(t, row.line, e))?;
                    maps.class_of.insert(sid.to_owned(), id);
                }
                Err(e) => report.warning(
                    "oneroster.class_unmapped",
                    (&t.file_name, row.line, Some("title")),
                    format!("homeroom class {sid} is not imported: {e}"),
                ),
            }
        } else if !is_sub(row) {
            report.warning(
                "oneroster.class_unmapped",
                (&t.file_name, row.line, Some("classType")),
                format!(
                    "class {sid} ({}) is a course section: zhurnal keeps sections as lessons of the timetable, not as classes; its enrollments are not imported",
                    t.get(row, "title")
                ),
            );
        }
    }
    for row in rows.iter().filter(|r| is_sub(r)) {
        let sid = t.get(row, "sourcedId");
        let parent = t.get(row, EXT_SUBGROUP_OF);
        let class = maps.class_of.get(parent).copied().ok_or_else(|| {
            unmappable(
                t,
                row.line,
                format!("subgroup {sid} is of {parent}, not an imported class"),
            )
        })?;
        let id = SubgroupId::new(maps.subgroups.get(sid).unwrap_or(0));
        let g = Subgroup::new(id, class, t.get(row, "title"))
            .map_err(|e| unmappable(t, row.line, e))?;
        school
            .add_subgroup(g)
            .map_err(|e| unmappable(t, row.line, e))?;
        maps.subgroup_of.insert(sid.to_owned(), id);
    }
    Ok(maps)
}

fn flag(t: &CsvTable, r: &CsvRow, column: &str) -> bool {
    t.get(r, column) == "true"
}

/// `categories.csv` becomes the work-type catalogue (the NetSchool default
/// stays when the set has no categories).
fn work_types(set: &OneRosterSet, school: &mut School) -> Result<(), Error> {
    let Some(t) = set.table("categories") else {
        return Ok(());
    };
    let rows: Vec<&CsvRow> = live(t).collect();
    if rows.is_empty() {
        return Ok(());
    }
    let mut catalogue = WorkTypeCatalogue::empty();
    for row in rows {
        let code = match t.get(row, EXT_CODE) {
            "" => t.get(row, "sourcedId"),
            c => c,
        };
        let weight = match t.get(row, "weight") {
            "" => Weight::ONE,
            w => w.parse().map_err(|e| unmappable(t, row.line, e))?,
        };
        let code = WorkTypeCode::new(code).map_err(|e| unmappable(t, row.line, e))?;
        let mut wt = WorkType::new(code, t.get(row, "title"), t.get(row, EXT_ABBR), weight)
            .map_err(|e| unmappable(t, row.line, e))?;
        if flag(t, row, EXT_ASSESSMENT) {
            wt = wt.as_assessment();
        }
        if flag(t, row, EXT_MANDATORY) {
            wt = wt.as_mandatory();
        }
        catalogue.add(wt).map_err(|e| unmappable(t, row.line, e))?;
    }
    school
        .set_work_types(catalogue)
        .map_err(|e| unmappable(t, 0, e))
}

/// The score scale `{a:3},{b:4},{c:5}` becomes the period-mark thresholds.
fn policy(set: &OneRosterSet, school: &mut School) -> Result<(), Error> {
    let Some(t) = set.table("scoreScales") else {
        return Ok(());
    };
    let Some(row) = live(t)
        .find(|r| t.get(r, "sourcedId") == PERIOD_SCALE || t.get(r, "type") == "ext:periodMark")
    else {
        return Ok(());
    };
    let mut th: BTreeMap<u8, Decimal> = BTreeMap::new();
    for item in t.get(row, "scoreScaleValue").split('}') {
        let item = item.trim_start_matches(',').trim().trim_start_matches('{');
        if item.is_empty() {
            continue;
        }
        let (lhs, rhs) = item.split_once(':').ok_or_else(|| {
            unmappable(
                t,
                row.line,
                format!("score scale value {item:?} is not {{from:mark}}"),
            )
        })?;
        let from: Decimal = lhs.trim().parse().map_err(|e| unmappable(t, row.line, e))?;
        let mark: u8 = rhs.trim().parse().map_err(|e| unmappable(t, row.line, e))?;
        th.insert(mark, from);
    }
    let get = |m: u8| {
        th.get(&m).copied().ok_or_else(|| {
            unmappable(
                t,
                row.line,
                format!("the period-mark scale has no threshold for {m}"),
            )
        })
    };
    let mut p = PeriodMarkPolicy::with_thresholds(get(3)?, get(4)?, get(5)?)
        .map_err(|e| unmappable(t, row.line, e))?;
    if let Ok(n) = t.get(row, EXT_MIN_MARKS).parse::<u32>() {
        p = p.with_min_marks(n);
    }
    p = p.with_no_five_with_two(flag(t, row, EXT_NO_FIVE_WITH_TWO));
    school.set_period_mark_policy(p);
    Ok(())
}
