//! Region-scale reports for analysts: parent activation and term grades
//! over the bulk CSV registries of a whole region. A seeded generator of
//! such registries is `demo::RegionGenerator` (cargo feature `demo`).
//!
//! Input files (UTF-8, header row, LF or CRLF, dates `YYYY-MM-DD`, empty =
//! missing; columns are found by name, others are ignored):
//!
//! - `parents.csv`: `parent_id, student_id, class_id, school_id,
//!   has_access (0/1), applied_on, activated_on` → [`ActivationReport`];
//! - `grades.csv`: `student_id, class_id, subject_id, lesson_date, mark
//!   (1–5), weight (decimal, at most two places), work_type` →
//!   [`TermGradesReport`].
//!
//! The reports use the crate's one rule for each number: counting, share
//! and band status come from [`crate::activation`]; the shown average from
//! [`crate::marks::shown_average`] and the term mark from
//! [`crate::marks::PeriodMarkPolicy::from_shown`]. Exact decimals, HALF-UP,
//! inclusive bounds.
//!
//! Files are read in blocks of whole lines and parsed on several threads;
//! memory holds the blocks being parsed and the per-group state (per
//! school, or per student × subject × term), never the whole file. A
//! malformed row is a coded [`RegionError`] naming the line and the column
//! or, with [`MalformedRows::Collect`], a reject listed by the report.
//! Blank lines are not rows and are passed over.
//!
//! # Example
//! ```
//! use zhurnal::region::{ActivationOptions, ActivationReport, TermGradesOptions, TermGradesReport};
//! let parents = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n\
//!                1,1,1,3,1,2014-09-10,2014-10-01\n2,1,1,3,1,2014-09-10,\n3,2,1,3,0,,2014-09-20\n";
//! let report = ActivationReport::from_reader(parents.as_bytes(), &ActivationOptions::default())?;
//! assert!(report.to_csv().contains("\n2014-10-01,3,2,1,50.00,above\n"));
//!
//! let grades = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n\
//!               1,1,2,2015-01-12,5,1,answer\n1,1,2,2015-03-22,4,1.5,test\n1,1,2,2015-03-25,2,3,control\n";
//! let report = TermGradesReport::from_reader(grades.as_bytes(), &TermGradesOptions::default())?;
//! assert_eq!(report.to_csv(), "student_id,subject_id,term,n_marks,avg,term_mark\n1,2,Q3,2,4.40,na\n");
//! # Ok::<(), zhurnal::region::RegionError>(())
//! ```

mod activation_partial;
mod activation_report;
#[cfg(feature = "arrow")]
mod arrow_output;
mod blocks;
mod error;
mod fields;
#[cfg(feature = "arrow")]
mod frame_cells;
#[cfg(all(test, feature = "arrow"))]
mod frame_cells_tests;
#[cfg(feature = "arrow")]
mod frame_columns;
#[cfg(feature = "arrow")]
mod frame_input;
#[cfg(feature = "arrow")]
mod frame_typed;
#[cfg(feature = "arrow")]
mod frame_typed_grades;
mod grades_parse;
mod group_index;
mod parents_parse;
mod partial;
mod scan;
mod shown_cache;
mod term_grades;
mod terms;
mod value_caches;
mod values;
mod varint;

pub use activation_partial::ActivationPartial;
pub use activation_report::{
    ACTIVATION_CSV_HEADER, ActivationOptions, ActivationReport, ActivationRow, ReportScope,
};
#[cfg(feature = "arrow")]
pub use arrow_output::{activation_schema, term_grades_schema};
pub use error::{RegionError, ValueProblem};
pub use fields::MalformedRows;
pub use partial::TermGradesPartial;
pub use scan::{ScanSummary, scan_fields};
pub use term_grades::{TERM_GRADES_CSV_HEADER, TermGradeRow, TermGradesOptions, TermGradesReport};
#[cfg(any(test, feature = "demo"))]
pub(crate) use terms::default_terms;
pub use terms::{ReportTerm, ReportTerms};
#[cfg(any(test, feature = "demo"))]
pub(crate) use values::{date_of, day_of, push_u64};

use crate::activation::Checkpoint;

/// The default checkpoints and bands of the activation report: the seed
/// rollout plan's ([`crate::rollout::seed_checkpoints`]: 01.10.2014 30–40%,
/// 01.11.2014 41–60%, 01.12.2014 61–100%, 01.01.2015 100%), in date order.
fn default_checkpoints() -> Vec<Checkpoint> {
    crate::rollout::seed_checkpoints().all().to_vec()
}

/// Threads the reports use unless told otherwise: the machine's cores, at
/// most two (the parse is bound by memory bandwidth beyond that).
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
}

#[cfg(test)]
mod tests;
