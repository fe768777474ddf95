//! Data-driven fixtures: every file under `tests/fixtures/valid/` loads and
//! round-trips; every file under `tests/fixtures/invalid/` is refused with
//! the error code and message that `invalid/expected.tsv` gives for it.
//!
//! A value that is invalid in itself (a mark of 7, a weight of 0) is refused
//! while the document is read, as `snapshot.invalid_document` with the
//! value's own message; a record that breaks a rule of the school (a lesson
//! on a holiday, a mark before enrolment) is refused with that rule's code.

#![allow(clippy::panic)] // test code: helpers outside #[test] functions too

use std::fs;
use std::path::{Path, PathBuf};

use zhurnal::school::School;

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

#[test]
fn valid_snapshots_load_and_round_trip() {
    for path in fixtures("valid") {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let school = School::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: {} ({e})", path.display(), e.code()));
        let again = School::from_json(&school.to_json().unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(again, school, "{}", path.display());
    }
}

#[test]
fn invalid_snapshots_are_refused_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid");
    let table = fs::read_to_string(dir.join("expected.tsv")).unwrap_or_else(|e| panic!("{e}"));
    let mut listed = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.split('\t');
        let (Some(file), Some(code), Some(fragment)) = (cols.next(), cols.next(), cols.next())
        else {
            panic!("expected.tsv: a line needs three tab-separated columns: {line:?}");
        };
        let path = dir.join(file);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match School::from_json(&text) {
            Ok(_) => panic!("{file} loaded but should be refused"),
            Err(e) => {
                assert_eq!(e.code(), code, "{file}: {e}");
                assert!(e.to_string().contains(fragment), "{file}: {e}");
            }
        }
        listed.push(path);
    }
    listed.sort();
    assert_eq!(
        listed,
        fixtures("invalid"),
        "every invalid fixture is in expected.tsv"
    );
}
