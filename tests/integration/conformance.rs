//! The bad-input catalogue (`tests/conformance/catalogue.jsonl`) run
//! through the Rust API: every entry gives its coded error, with a short
//! message, and leaves the school as it was (its snapshot before and after
//! compare equal). The Python and Kotlin runners read the same file.

#![allow(clippy::unwrap_used, clippy::panic)] // test code: helpers outside #[test] too

mod conformance {
    pub(crate) mod input;
    pub(crate) mod ops;
}

use std::collections::{BTreeMap, BTreeSet};

use conformance::{input, ops};
use serde_json::Value;
use zhurnal::handle::SchoolHandle;

/// The longest error message an entry may give, in characters: errors
/// carry ids and a short excerpt of the input, never the input.
const MAX_MESSAGE: usize = 400;

/// The fewest entries the catalogue holds.
const MIN_ENTRIES: usize = 80;

fn catalogue() -> Vec<Value> {
    let text = include_str!("../conformance/catalogue.jsonl");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with("//"))
        .map(|(n, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("catalogue line {}: {e}", n + 1))
        })
        .collect()
}

fn field<'a>(entry: &'a Value, key: &str) -> &'a str {
    entry[key]
        .as_str()
        .unwrap_or_else(|| panic!("an entry needs {key:?}: {entry}"))
}

/// Runs one entry; `Err` says how it failed its expectation.
fn run(entry: &Value) -> Result<(), String> {
    let (op, code) = (field(entry, "op"), field(entry, "code"));
    let args = &entry["args"];
    let outcome = if ops::PARSERS.contains(&op) {
        ops::parse(op, args)
    } else {
        let mut h = SchoolHandle::from_json(input::BASE).unwrap();
        for step in entry["setup"].as_array().into_iter().flatten() {
            let step_op = field(step, "op");
            match ops::call(&mut h, step_op, &step["args"]) {
                Some(Ok(())) => {}
                Some(Err(e)) => return Err(format!("setup {step_op} failed: {} {e}", e.code())),
                None => panic!("unknown operation {step_op:?}"),
            }
        }
        let before = h.to_json().unwrap();
        let outcome = ops::call(&mut h, op, args).unwrap_or_else(|| panic!("unknown op {op:?}"));
        if h.to_json().unwrap() != before {
            return Err("the school changed".into());
        }
        outcome
    };
    match outcome {
        Ok(()) => Err(format!("accepted, expected {code}")),
        Err(e) if e.code() != code => Err(format!("gave {} ({e}), expected {code}", e.code())),
        Err(e) if e.to_string().chars().count() > MAX_MESSAGE => Err(format!(
            "a message of {} characters",
            e.to_string().chars().count()
        )),
        Err(_) => Ok(()),
    }
}

#[test]
fn every_bad_input_gives_its_code_and_changes_nothing() {
    let entries = catalogue();
    assert!(
        entries.len() >= MIN_ENTRIES,
        "{} entries, fewer than {MIN_ENTRIES}",
        entries.len()
    );
    let mut names = BTreeSet::new();
    let mut by_op: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for entry in &entries {
        let name = field(entry, "name");
        assert!(names.insert(name), "the name {name} is used twice");
        *by_op.entry(field(entry, "op")).or_default() += 1;
        if let Err(why) = run(entry) {
            failures.push(format!("{name}: {why}"));
        }
    }
    println!(
        "{} bad inputs held in Rust, by operation: {by_op:?}",
        entries.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_base_school_is_a_format_version_1_snapshot_that_loads_and_round_trips() {
    let base: Value = serde_json::from_str(input::BASE).unwrap();
    assert_eq!(base["format"], "zhurnal.handle");
    assert_eq!(base["version"], 1);
    let h = SchoolHandle::from_json(input::BASE).unwrap();
    let again = SchoolHandle::from_json(&h.to_json().unwrap()).unwrap();
    assert_eq!(again.to_json().unwrap(), h.to_json().unwrap());
}

#[test]
fn the_export_of_format_version_1_loads_read_only() {
    let text = include_str!("../conformance/export-v1.json");
    let export: Value = serde_json::from_str(text).unwrap();
    assert_eq!(export["version"], 1);
    let mut h = SchoolHandle::from_json(text).unwrap();
    let father = h.export_person().expect("a parent's export");
    let week = h.diary_week(
        &father,
        zhurnal::ids::StudentId::new(4),
        chrono::NaiveDate::from_ymd_opt(2014, 9, 15).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2014, 9, 20).unwrap(),
    );
    assert!(week.unwrap().days.iter().any(|d| !d.lessons.is_empty()));
    assert_eq!(
        h.journal_mut().unwrap_err().code(),
        "handle.read_only_export"
    );
}
