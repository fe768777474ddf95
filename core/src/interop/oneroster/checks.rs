//! The rules between files: references to nothing, org and session kinds,
//! primary roles, agents, passwords in the set.

use std::collections::{BTreeMap, BTreeSet};

use super::report::ValidationReport;
use super::spec::{self, Kind, Ref, Version};
use super::table::OneRosterSet;
use super::validate::{Mode, parse_date};

/// Every reference column's values must name a row of the target file.
/// In a delta file a reference may name a row the receiver already has,
/// so a dangling one is a warning there; in a bulk file, an error.
pub(crate) fn references(
    set: &OneRosterSet,
    version: Version,
    modes: &BTreeMap<String, Mode>,
    ids: &BTreeMap<&'static str, BTreeSet<String>>,
    report: &mut ValidationReport,
) {
    for fs in spec::files(version) {
        let Some(table) = set.table(fs.name) else {
            continue;
        };
        let delta = modes.get(fs.name) == Some(&Mode::Delta);
        for column in fs.columns {
            let (target, list) = match column.kind {
                Kind::Ref(Ref::One(t)) => (t, false),
                Kind::Ref(Ref::List(t)) => (t, true),
                _ => continue,
            };
            if table.column(column.name).is_none() {
                continue;
            }
            let known = ids.get(target);
            for row in &table.rows {
                let value = table.get(row, column.name);
                let values: Vec<&str> = if list {
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .collect()
                } else if value.is_empty() {
                    Vec::new()
                } else {
                    vec![value]
                };
                for v in values {
                    if known.is_some_and(|k| k.contains(v)) {
                        continue;
                    }
                    let why = if known.is_none() {
                        format!("{target}.csv is not in the set")
                    } else {
                        format!("no such row in {target}.csv")
                    };
                    let at = (table.file_name.as_str(), row.line, Some(column.name));
                    let message = format!("{} {v} refers to nothing: {why}", column.name);
                    if delta {
                        report.warning("oneroster.reference_missing", at, message);
                    } else {
                        report.error("oneroster.reference_missing", at, message);
                    }
                }
            }
        }
    }
}

/// The rules between rows and files.
pub(crate) fn rules(set: &OneRosterSet, version: Version, report: &mut ValidationReport) {
    schools(set, report);
    sessions(set, report);
    let roles = user_roles(set, version, report);
    agents(set, &roles, report);
    enrollments(set, &roles, report);
    passwords(set, report);
}

/// Orgs used as a class's or an enrollment's school must be schools.
fn schools(set: &OneRosterSet, report: &mut ValidationReport) {
    let Some(orgs) = set.table("orgs") else {
        return;
    };
    let types: BTreeMap<&str, &str> = orgs
        .rows
        .iter()
        .map(|r| (orgs.get(r, "sourcedId"), orgs.get(r, "type")))
        .collect();
    for name in ["classes", "enrollments"] {
        let Some(table) = set.table(name) else {
            continue;
        };
        for row in &table.rows {
            let org = table.get(row, "schoolSourcedId");
            if let Some(kind) = types.get(org)
                && *kind != "school"
            {
                report.error(
                    "oneroster.org_not_school",
                    (&table.file_name, row.line, Some("schoolSourcedId")),
                    format!("schoolSourcedId {org} is an org of type {kind}, not a school"),
                );
            }
        }
    }
}

fn session_rank(kind: &str) -> u8 {
    match kind {
        "schoolYear" => 3,
        "semester" | "term" => 2,
        "gradingPeriod" => 1,
        _ => 0,
    }
}

/// A session's end is not before its start; a session's parent is not a
/// narrower kind of session (a school year inside a term).
fn sessions(set: &OneRosterSet, report: &mut ValidationReport) {
    let Some(t) = set.table("academicSessions") else {
        return;
    };
    let kinds: BTreeMap<&str, &str> = t
        .rows
        .iter()
        .map(|r| (t.get(r, "sourcedId"), t.get(r, "type")))
        .collect();
    for row in &t.rows {
        let (start, end) = (t.get(row, "startDate"), t.get(row, "endDate"));
        if let (Some(s), Some(e)) = (parse_date(start), parse_date(end))
            && e < s
        {
            report.error(
                "oneroster.date_range",
                (&t.file_name, row.line, Some("endDate")),
                format!("endDate {e} is before startDate {s}"),
            );
        }
        let kind = t.get(row, "type");
        let parent = t.get(row, "parentSourcedId");
        if let Some(parent_kind) = kinds.get(parent)
            && session_rank(parent_kind) < session_rank(kind)
        {
            report.error(
                "oneroster.session_parent_kind",
                (&t.file_name, row.line, Some("parentSourcedId")),
                format!("a {kind} session has the {parent_kind} {parent} as its parent"),
            );
        }
    }
}

/// Each user's roles (1.2: roles.csv, exactly one primary role per org;
/// 1.1: the `role` column of users.csv).
fn user_roles(
    set: &OneRosterSet,
    version: Version,
    report: &mut ValidationReport,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut roles: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    if version == Version::V1_1 {
        if let Some(users) = set.table("users") {
            for row in &users.rows {
                roles
                    .entry(users.get(row, "sourcedId").to_owned())
                    .or_default()
                    .insert(users.get(row, "role").to_owned());
            }
        }
        return roles;
    }
    let Some(t) = set.table("roles") else {
        return roles;
    };
    let mut primaries: BTreeMap<(String, String), Vec<u64>> = BTreeMap::new();
    for row in &t.rows {
        let user = t.get(row, "userSourcedId").to_owned();
        let org = t.get(row, "orgSourcedId").to_owned();
        roles
            .entry(user.clone())
            .or_default()
            .insert(t.get(row, "role").to_owned());
        let entry = primaries.entry((user, org)).or_default();
        if t.get(row, "roleType") == "primary" {
            entry.push(row.line);
        }
    }
    for ((user, org), lines) in primaries {
        if lines.is_empty() {
            report.error(
                "oneroster.role_no_primary",
                (&t.file_name, 0, Some("roleType")),
                format!("user {user} has no primary role in org {org}"),
            );
        }
        if let Some(second) = lines.get(1) {
            report.error(
                "oneroster.role_primary_twice",
                (&t.file_name, *second, Some("roleType")),
                format!("user {user} has a second primary role in org {org}"),
            );
        }
    }
    roles
}

fn has(roles: &BTreeMap<String, BTreeSet<String>>, user: &str, role: &str) -> bool {
    roles.get(user).is_some_and(|r| r.contains(role))
}

/// A parent's or guardian's agents are students; a teacher is never a
/// student's agent.
fn agents(
    set: &OneRosterSet,
    roles: &BTreeMap<String, BTreeSet<String>>,
    report: &mut ValidationReport,
) {
    let Some(users) = set.table("users") else {
        return;
    };
    for row in &users.rows {
        let user = users.get(row, "sourcedId");
        let at = (users.file_name.as_str(), row.line, Some("agentSourcedIds"));
        let is_parent = has(roles, user, "parent") || has(roles, user, "guardian");
        let is_student = has(roles, user, "student");
        for agent in users
            .get(row, "agentSourcedIds")
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            if is_parent && !is_student && !has(roles, agent, "student") {
                report.error(
                    "oneroster.agent_role",
                    at,
                    format!("parent {user} lists {agent}, who is not a student"),
                );
            }
            if is_student && has(roles, agent, "teacher") {
                report.error(
                    "oneroster.agent_role",
                    at,
                    format!("student {user} lists teacher {agent} as an agent"),
                );
            }
        }
    }
}

/// An enrollment's role matches one of the user's roles.
fn enrollments(
    set: &OneRosterSet,
    roles: &BTreeMap<String, BTreeSet<String>>,
    report: &mut ValidationReport,
) {
    let Some(t) = set.table("enrollments") else {
        return;
    };
    for row in &t.rows {
        let user = t.get(row, "userSourcedId");
        let role = t.get(row, "role");
        if roles.contains_key(user)
            && (role == "student" || role == "teacher")
            && !has(roles, user, role)
        {
            report.warning(
                "oneroster.enrollment_role",
                (&t.file_name, row.line, Some("role")),
                format!("user {user} is enrolled as {role} but has no {role} role"),
            );
        }
    }
}

/// Passwords travel in the set in clear; they are never imported.
fn passwords(set: &OneRosterSet, report: &mut ValidationReport) {
    for name in ["users", "userProfiles"] {
        let Some(t) = set.table(name) else {
            continue;
        };
        for row in &t.rows {
            if !t.get(row, "password").is_empty() {
                report.warning(
                    "oneroster.password_in_set",
                    (&t.file_name, row.line, Some("password")),
                    format!(
                        "a password in clear for {}: it is not imported",
                        t.get(row, "sourcedId")
                    ),
                );
            }
        }
    }
}
