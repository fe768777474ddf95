//! The term-grades report over `grades.csv`: for each student, subject and
//! term with an in-term mark, the number of marks, the weighted average as
//! shown and the term mark.

use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::Path;

use rust_decimal::Decimal;

use super::blocks::{Source, parse_blocks};
use super::default_threads;
use super::error::RegionError;
use super::fields::{MalformedRows, map_header};
use super::grades_parse::{COLUMNS, Grades, Layout};
use super::group_index::{Cell, Exchange, GroupIndex, Handoff, MAX_THREADS};
use super::shown_cache::ShownCache;
use super::terms::ReportTerms;
use crate::ids::{StudentId, SubjectId};
use crate::marks::{PeriodMark, PeriodMarkPolicy};

mod format;

/// The header of `term_grades.csv`.
pub const TERM_GRADES_CSV_HEADER: &str = "student_id,subject_id,term,n_marks,avg,term_mark";

/// How to build a term-grades report.
///
/// # Example
/// ```
/// use zhurnal::region::TermGradesOptions;
/// let options = TermGradesOptions::default().with_max_subject(20)?.with_threads(1);
/// assert_eq!(options.terms().all().len(), 4);
/// assert_eq!(options.max_subject(), 20);
/// assert!(TermGradesOptions::default().with_max_subject(0).is_err());
/// # Ok::<(), zhurnal::region::RegionError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermGradesOptions {
    terms: ReportTerms,
    policy: PeriodMarkPolicy,
    max_subject: u32,
    malformed: MalformedRows,
    threads: usize,
}

impl Default for TermGradesOptions {
    /// The 2014–2015 quarters, the default period-mark policy, subjects
    /// 1..=12, stop at the first malformed row, up to two threads.
    fn default() -> Self {
        TermGradesOptions {
            terms: ReportTerms::default(),
            policy: PeriodMarkPolicy::default(),
            max_subject: 12,
            malformed: MalformedRows::Fail,
            threads: default_threads(),
        }
    }
}

impl TermGradesOptions {
    /// Other terms.
    pub fn with_terms(mut self, terms: ReportTerms) -> TermGradesOptions {
        self.terms = terms;
        self
    }

    /// Another period-mark policy.
    pub fn with_policy(mut self, policy: PeriodMarkPolicy) -> TermGradesOptions {
        self.policy = policy;
        self
    }

    /// Subject ids allowed: `1..=max_subject` (the report keeps a cell per
    /// subject and term for each student with marks).
    ///
    /// # Errors
    /// [`RegionError::InvalidSubjectLimit`] unless `1 <= max_subject <= 1000`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::TermGradesOptions;
    /// assert_eq!(TermGradesOptions::default().with_max_subject(1001).unwrap_err().code(), "region.invalid_subject_limit");
    /// ```
    pub fn with_max_subject(mut self, max_subject: u32) -> Result<TermGradesOptions, RegionError> {
        if !(1..=1000).contains(&max_subject) {
            return Err(RegionError::InvalidSubjectLimit { max_subject });
        }
        self.max_subject = max_subject;
        Ok(self)
    }

    /// What to do with malformed rows.
    pub fn with_malformed_rows(mut self, malformed: MalformedRows) -> TermGradesOptions {
        self.malformed = malformed;
        self
    }

    /// How many threads parse the file (1 to 16).
    pub fn with_threads(mut self, threads: u32) -> TermGradesOptions {
        self.threads = usize::try_from(threads).map_or(MAX_THREADS, |t| t.clamp(1, MAX_THREADS));
        self
    }

    /// The terms.
    pub fn terms(&self) -> &ReportTerms {
        &self.terms
    }

    /// The period-mark policy.
    pub fn policy(&self) -> &PeriodMarkPolicy {
        &self.policy
    }

    /// The highest subject id allowed.
    pub fn max_subject(&self) -> u32 {
        self.max_subject
    }

    /// What happens to malformed rows.
    pub fn malformed_rows(&self) -> MalformedRows {
        self.malformed
    }

    /// Threads used to parse.
    pub fn threads(&self) -> u32 {
        u32::try_from(self.threads).unwrap_or(u32::MAX)
    }
}

/// One row of the term-grades report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermGradeRow {
    /// The student.
    pub student: StudentId,
    /// The subject.
    pub subject: SubjectId,
    /// The term's code (`Q1`).
    pub term: String,
    /// Marks in the term.
    pub marks: u32,
    /// Σ(mark × weight) / Σ weight, HALF-UP to two places.
    pub average: Decimal,
    /// The term mark by the policy (`na` in CSV when not attested).
    pub term_mark: PeriodMark,
}

/// The term-grades report: per student, subject and term with at least one
/// mark inside the term, in student, subject, term order.
///
/// Averages are exact (the sums are kept in integer hundredths and the
/// shown average is [`shown_average`](crate::marks::shown_average) of them); the term mark is
/// [`PeriodMarkPolicy::from_shown`]. Marks outside every term are read,
/// checked and left out.
pub struct TermGradesReport {
    pub(super) index: GroupIndex,
    pub(super) terms: ReportTerms,
    pub(super) policy: PeriodMarkPolicy,
    pub(super) rejects: Vec<RegionError>,
    pub(super) marks: u64,
    pub(super) outside_terms: u64,
    pub(super) threads: usize,
}

/// Pages of students formatted together when writing (16384 ids).
const PAGES_PER_CHUNK: usize = 2;

impl std::fmt::Debug for TermGradesReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermGradesReport")
            .field("students", &self.index.student_count())
            .field("marks", &self.marks)
            .field("outside_terms", &self.outside_terms)
            .field("rejects", &self.rejects.len())
            .finish()
    }
}

impl TermGradesReport {
    /// Reads `grades.csv` from a file.
    ///
    /// # Errors
    /// [`RegionError::Io`] when the file cannot be read; a header or row
    /// error naming the line and column for malformed input, unless
    /// [`MalformedRows::Collect`] is chosen, which puts row errors in
    /// [`TermGradesReport::rejects`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{TermGradesOptions, TermGradesReport};
    /// let dir = std::env::temp_dir().join(format!("zhurnal-doc-tg-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("grades.csv");
    /// std::fs::write(&path, "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n1,1,1,2014-09-01,5,1,answer\n")?;
    /// let report = TermGradesReport::from_path(&path, &TermGradesOptions::default())?;
    /// assert_eq!(report.to_csv(), "student_id,subject_id,term,n_marks,avg,term_mark\n1,1,Q1,1,5.00,na\n");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(
        path: &Path,
        options: &TermGradesOptions,
    ) -> Result<TermGradesReport, RegionError> {
        let file = std::fs::File::open(path).map_err(|e| RegionError::io(&e))?;
        Self::from_reader(file, options)
    }

    /// Reads `grades.csv` from any reader, in blocks, on
    /// `options.threads()` threads.
    ///
    /// # Errors
    /// As [`TermGradesReport::from_path`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{TermGradesOptions, TermGradesReport};
    /// let csv = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n1,1,1,2014-09-31,5,1,answer\n";
    /// let err = TermGradesReport::from_reader(csv.as_bytes(), &TermGradesOptions::default()).unwrap_err();
    /// assert_eq!(err.code(), "region.invalid_date");
    /// assert_eq!(err.to_string(), "line 2, column lesson_date: \"2014-09-31\" is not a date YYYY-MM-DD");
    /// ```
    pub fn from_reader<R: Read + Send>(
        reader: R,
        options: &TermGradesOptions,
    ) -> Result<TermGradesReport, RegionError> {
        let mut source = Source::new(reader);
        let header = source.header()?.ok_or(RegionError::EmptyInput)?;
        let (width, pos) = map_header(&header, &COLUMNS)?;
        let layout = Layout::new(width, &pos);
        let subjects = options.max_subject as usize;
        let n_terms = options.terms.all().len();
        // Each thread keeps the cells of its share of the students' pages
        // and hands the other threads their marks after each block.
        let exchange = Exchange::new(options.threads);
        let parsed = parse_blocks(
            source,
            options.threads,
            options.malformed,
            || Grades::shared(subjects, n_terms, exchange.join()),
            |grades, _, block, log| {
                grades.block(block, width, &layout, options, log);
                exchange.trade(&mut grades.index);
            },
        )?;
        Ok(TermGradesReport::assemble(
            parsed.states,
            parsed.errors,
            exchange.into_left(),
            options,
        ))
    }

    /// The report from the threads' parses (and the marks they handed each
    /// other and did not take yet): their indexes put together.
    pub(super) fn assemble(
        states: Vec<Grades>,
        rejects: Vec<RegionError>,
        left: Vec<Handoff>,
        options: &TermGradesOptions,
    ) -> TermGradesReport {
        let marks = states.iter().map(|g| g.marks).sum();
        let outside_terms = states.iter().map(|g| g.outside_terms).sum();
        let shape = (options.max_subject as usize, options.terms.all().len());
        let indexes = states.into_iter().map(|g| g.index).collect();
        TermGradesReport {
            index: GroupIndex::merge_all(indexes, left, shape, options.threads),
            terms: options.terms.clone(),
            policy: options.policy,
            rejects,
            marks,
            outside_terms,
            threads: options.threads,
        }
    }

    /// Rewrites the rejects (a frame's rows for the lines).
    #[cfg(feature = "arrow")]
    pub(super) fn map_rejects(&mut self, f: impl FnMut(RegionError) -> RegionError) {
        self.rejects = std::mem::take(&mut self.rejects)
            .into_iter()
            .map(f)
            .collect();
    }

    /// Malformed rows left out (with [`MalformedRows::Collect`]), by line.
    pub fn rejects(&self) -> &[RegionError] {
        &self.rejects
    }

    /// Marks read (rows less rejects), inside or outside the terms.
    pub fn marks(&self) -> u64 {
        self.marks
    }

    /// Marks read whose date is in no term (left out of the report).
    pub fn marks_outside_terms(&self) -> u64 {
        self.outside_terms
    }

    /// The report's rows as values, in report order.
    pub fn rows(&self) -> Vec<TermGradeRow> {
        let mut rows = Vec::new();
        let mut shown = ShownCache::new(self.policy);
        self.for_each_group(
            &self.index.pages_in_order(),
            |student, subject, term, cell| {
                let (average, term_mark, _) = shown.get(cell);
                rows.push(TermGradeRow {
                    student: StudentId::new(student),
                    subject: SubjectId::new(subject),
                    term: self.terms.all()[term].code().to_string(),
                    marks: cell.marks(),
                    average,
                    term_mark,
                });
            },
        );
        rows
    }

    /// Number of rows the report has.
    pub fn len(&self) -> u64 {
        let mut n = 0;
        self.for_each_group(&self.index.pages_in_order(), |_, _, _, _| n += 1);
        n
    }

    /// Whether the report has no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes `term_grades.csv`: header, rows, LF line ends. Rows are
    /// formatted in chunks, so memory does not grow with the report.
    ///
    /// # Errors
    /// [`RegionError::Io`] when writing fails.
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{TermGradesOptions, TermGradesReport};
    /// let csv = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n\
    ///            2,1,3,2014-11-05,4,1,answer\n2,1,3,2014-11-06,5,1.5,test\n2,1,3,2014-12-01,3,3,control\n";
    /// let report = TermGradesReport::from_reader(csv.as_bytes(), &TermGradesOptions::default())?;
    /// let mut out = Vec::new();
    /// report.write_csv(&mut out)?;
    /// // (4 + 7.5 + 9) / 5.5 = 3.7272… → 3.73 → 4
    /// assert_eq!(String::from_utf8(out)?, "student_id,subject_id,term,n_marks,avg,term_mark\n2,3,Q2,3,3.73,4\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv(&self, out: &mut dyn Write) -> Result<(), RegionError> {
        let mut header = TERM_GRADES_CSV_HEADER.as_bytes().to_vec();
        header.push(b'\n');
        out.write_all(&header)?;
        // Pages of students in id order, formatted in chunks of pages; with
        // several threads, chunk k is formatted by thread k mod n and the
        // chunks are written in order. At most two chunks per thread wait.
        let pages = self.index.pages_in_order();
        let chunks: Vec<&[usize]> = pages.chunks(PAGES_PER_CHUNK).collect();
        let threads = self.threads.min(chunks.len()).max(1);
        if threads == 1 {
            let mut buf = Vec::new();
            for chunk in &chunks {
                buf.clear();
                self.format_pages(chunk, &mut ShownCache::new(self.policy), &mut buf);
                out.write_all(&buf)?;
            }
        } else {
            std::thread::scope(|scope| -> Result<(), RegionError> {
                let mut filled = Vec::with_capacity(threads);
                let mut empty = Vec::with_capacity(threads);
                for worker in 0..threads {
                    // Formatted chunks go to the writer; written buffers come
                    // back to be filled again.
                    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
                    let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Vec<u8>>();
                    filled.push(full_rx);
                    empty.push(empty_tx);
                    let chunks = &chunks;
                    scope.spawn(move || {
                        let mut shown = ShownCache::new(self.policy);
                        for chunk in chunks.iter().skip(worker).step_by(threads) {
                            let mut buf = empty_rx.try_recv().unwrap_or_default();
                            buf.clear();
                            self.format_pages(chunk, &mut shown, &mut buf);
                            if full_tx.send(buf).is_err() {
                                return; // the writer stopped
                            }
                        }
                    });
                }
                for k in 0..chunks.len() {
                    let buf = filled[k % threads].recv().map_err(|_| RegionError::Io {
                        detail: "a formatting thread failed".to_owned(),
                    })?;
                    out.write_all(&buf)?;
                    // A worker that has finished no longer takes buffers.
                    let _ = empty[k % threads].send(buf);
                }
                Ok(())
            })?;
        }
        out.flush()?;
        Ok(())
    }

    /// The report as `term_grades.csv` text.
    pub fn to_csv(&self) -> String {
        let mut out = Vec::new();
        // Writing to a vector cannot fail.
        let _ = self.write_csv(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The report's terms and policy.
    #[cfg(feature = "arrow")]
    pub(super) fn terms_and_policy(&self) -> (&ReportTerms, PeriodMarkPolicy) {
        (&self.terms, self.policy)
    }

    /// Calls `f(student, subject, term index, cell)` per group, in order.
    #[cfg(feature = "arrow")]
    pub(super) fn for_each_group_in_order(&self, f: impl FnMut(u32, u32, usize, &Cell)) {
        self.for_each_group(&self.index.pages_in_order(), f);
    }

    /// Calls `f(student, subject, term index, cell)` for each group with
    /// marks of the students of `pages`, in report order.
    fn for_each_group(&self, pages: &[usize], mut f: impl FnMut(u32, u32, usize, &Cell)) {
        let terms = self.index.terms();
        for (student, block) in pages.iter().flat_map(|&p| self.index.students_of(p)) {
            for subject in 0..self.index.subjects() {
                for term in 0..terms {
                    let cell = self.index.cell(block, subject, term);
                    if cell.marks() > 0 {
                        f(student, subject as u32 + 1, term, &cell);
                    }
                }
            }
        }
    }
}
