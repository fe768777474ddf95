//! The access policy as data: every role × every action of the access
//! module and of the `SchoolHandle` that checks access, in
//! `tests/access/matrix.tsv`, each row run as a real call through the
//! handle on one small school (see `access_matrix/school.rs`). A refused
//! call must give the row's code and leave the handle's snapshot as it
//! was; a missing role × action pair fails.
//!
//! `cargo test -p zhurnal-tests --test access_matrix -- --nocapture`
//! prints the counts.

#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

#[path = "access_matrix/calls.rs"]
mod calls;
#[path = "access_matrix/relations.rs"]
mod relations;
#[path = "access_matrix/school.rs"]
mod school;

use std::collections::BTreeSet;

use zhurnal::access::Role;

use calls::{ACCESS_ACTIONS, ACTIONS};
use relations::{RELATIONS, target};

/// One row of the matrix.
struct Row {
    line: usize,
    case: String,
    role: String,
    relation: String,
    action: String,
    expected: String,
}

fn rows() -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/access/matrix.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "line {}: five tab-separated columns", i + 1);
        rows.push(Row {
            line: i + 1,
            case: cols[0].to_owned(),
            role: cols[1].to_owned(),
            relation: cols[2].to_owned(),
            action: cols[3].to_owned(),
            expected: cols[4].to_owned(),
        });
    }
    rows
}

/// Whether `action` only reads (and so changes nothing when allowed).
fn is_read(action: &str) -> bool {
    ACTIONS
        .iter()
        .any(|(a, access)| *a == action && access.starts_with("Read"))
}

#[test]
fn the_matrix_names_every_role_and_action() {
    let rows = rows();
    let mut cases = BTreeSet::new();
    for r in &rows {
        assert!(
            cases.insert(&r.case),
            "line {}: case {} repeated",
            r.line,
            r.case
        );
        assert!(
            Role::ALL.iter().any(|role| role.as_str() == r.role),
            "line {}: unknown role {}",
            r.line,
            r.role
        );
        assert!(
            ACTIONS.iter().any(|(a, _)| *a == r.action),
            "line {}: unknown action {}",
            r.line,
            r.action
        );
        assert!(
            RELATIONS.contains(&r.relation.as_str()),
            "line {}: unknown relation {}",
            r.line,
            r.relation
        );
        let code_like = r.expected.split_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && b.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        });
        assert!(
            r.expected == "allowed" || code_like,
            "line {}: expected `allowed` or a code, not {}",
            r.line,
            r.expected
        );
    }
    let pairs: BTreeSet<(&str, &str)> = rows
        .iter()
        .map(|r| (r.role.as_str(), r.action.as_str()))
        .collect();
    let mut missing = Vec::new();
    for role in Role::ALL {
        for (action, _) in ACTIONS {
            if !pairs.contains(&(role.as_str(), *action)) {
                missing.push(format!("{} × {action}", role.as_str()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "pairs missing from the matrix: {missing:?}"
    );
    for relation in RELATIONS {
        assert!(
            rows.iter().any(|r| r.relation == *relation),
            "relation {relation} is never used"
        );
    }
    // Every variant of the access module's `Action` is behind some call.
    for access in ACCESS_ACTIONS {
        assert!(
            ACTIONS.iter().any(|(_, a)| *a == access),
            "no call checks {access}"
        );
    }
}

#[test]
fn every_row_holds_through_the_handle() {
    let fx = school::fixture();
    let base = fx.handle.to_json().unwrap();
    let rows = rows();
    let (mut allowed, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for r in &rows {
        let t = target(&fx, &r.relation).unwrap();
        assert_eq!(
            t.actor.role().as_str(),
            r.role,
            "line {}: relation {} acts in another role",
            r.line,
            r.relation
        );
        let mut h = fx.handle.clone();
        let outcome = calls::run(&mut h, &fx, &t, &r.action).unwrap();
        let after = h.to_json().unwrap();
        let got = match &outcome {
            Ok(()) => "allowed".to_owned(),
            Err(e) => e.code().to_owned(),
        };
        if got != r.expected {
            let detail = outcome.err().map(|e| e.to_string()).unwrap_or_default();
            failures.push(format!(
                "line {} {}: expected {}, got {got} {detail}",
                r.line, r.case, r.expected
            ));
            continue;
        }
        if outcome.is_ok() {
            allowed += 1;
            // An allowed write leaves a trace (the record, or its audit).
            if !is_read(&r.action) && after == base {
                failures.push(format!(
                    "line {} {}: allowed but changed nothing",
                    r.line, r.case
                ));
            }
        } else {
            refused += 1;
            if after != base {
                failures.push(format!(
                    "line {} {}: refused but changed state",
                    r.line, r.case
                ));
            }
        }
    }
    let roles: BTreeSet<&str> = rows.iter().map(|r| r.role.as_str()).collect();
    let actions: BTreeSet<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    println!(
        "access matrix: {allowed} allowed, {refused} refused, {} total; {} roles × {} actions",
        rows.len(),
        roles.len(),
        actions.len()
    );
    assert!(
        failures.is_empty(),
        "{} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(allowed + refused, rows.len());
}
