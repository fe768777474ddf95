//! Hand-computed regions for every edge rule, malformed input, and the
//! bulk path against the in-memory model on random regions.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::activation::{ActivationCount, BandStatus};
use crate::demo::RegionGenerator;
use crate::marks::{PeriodMark, PeriodMarkPolicy, Points, Weight, WeightedAverage};

const PARENTS: &str =
    "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";
const GRADES: &str = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n";

fn ac(eligible: u64, activated: u64) -> ActivationCount {
    ActivationCount::new(eligible, activated).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn activation(csv: &str) -> Result<ActivationReport, RegionError> {
    ActivationReport::from_reader(csv.as_bytes(), &ActivationOptions::default())
}

fn term_grades(csv: &str) -> Result<TermGradesReport, RegionError> {
    TermGradesReport::from_reader(csv.as_bytes(), &TermGradesOptions::default())
}

/// A temporary file that is removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "zhurnal-region-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A region large enough for many blocks, with errors planted in it.
fn planted(parents: u64) -> (String, String) {
    let g = RegionGenerator::new(parents, 77).unwrap();
    let (mut p, mut m) = (Vec::new(), Vec::new());
    g.write_parents(&mut p).unwrap();
    g.write_grades(&mut m).unwrap();
    (String::from_utf8(p).unwrap(), String::from_utf8(m).unwrap())
}

mod activation;
#[cfg(feature = "arrow")]
mod frames;
mod malformed;
mod model;
mod term_grades;
