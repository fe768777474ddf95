//! The region reports as Arrow record batches (cargo feature `arrow`), for
//! data-frame libraries: typed columns rather than CSV text.
//!
//! `activation`: `checkpoint` date32, `school_id` uint32 (null for the
//! region row, `all` in CSV), `eligible` and `activated` uint64, `share`
//! decimal128(5, 2) (null when no parent is eligible), `status` utf8
//! (`below`, `on_target`, `above`; null for `na`).
//!
//! `term_grades`: `student_id` and `subject_id` uint32, `term` utf8,
//! `n_marks` uint32, `avg` decimal128(9, 2), `term_mark` uint8 (null for
//! `na`).

use std::sync::Arc;

use arrow_array::builder::ArrayBuilder;
use arrow_array::builder::{
    Date32Builder, Decimal128Builder, StringBuilder, UInt8Builder, UInt32Builder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use rust_decimal::Decimal;

use super::activation_report::{ActivationReport, ReportScope};
use super::error::RegionError;
use super::shown_cache::ShownCache;
use super::term_grades::TermGradesReport;
use super::values::day_of;
use crate::activation::BandStatus;
use crate::marks::PeriodMark;

/// Day number (from the common era) of 1970-01-01, Arrow's day 0.
const UNIX_EPOCH_DAY: i32 = 719_163;

/// Rows per record batch of the term-grades output.
const BATCH_ROWS: usize = 1 << 16;

/// The schema of [`ActivationReport::to_record_batch`].
pub fn activation_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("checkpoint", DataType::Date32, false),
        Field::new("school_id", DataType::UInt32, true),
        Field::new("eligible", DataType::UInt64, false),
        Field::new("activated", DataType::UInt64, false),
        Field::new("share", DataType::Decimal128(5, 2), true),
        Field::new("status", DataType::Utf8, true),
    ]))
}

/// The schema of [`TermGradesReport::to_record_batches`].
pub fn term_grades_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("student_id", DataType::UInt32, false),
        Field::new("subject_id", DataType::UInt32, false),
        Field::new("term", DataType::Utf8, false),
        Field::new("n_marks", DataType::UInt32, false),
        Field::new("avg", DataType::Decimal128(9, 2), false),
        Field::new("term_mark", DataType::UInt8, true),
    ]))
}

/// The value of a two-place decimal in hundredths.
fn hundredths(d: Decimal) -> i128 {
    let mut d = d;
    d.rescale(2);
    d.mantissa()
}

fn arrow_error(e: &ArrowError) -> RegionError {
    RegionError::Io {
        detail: format!("arrow: {e}"),
    }
}

impl ActivationReport {
    /// The report as one record batch (see the module's columns).
    ///
    /// # Errors
    /// [`RegionError::Io`] if Arrow refuses the columns (it does not for
    /// the columns built here).
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{ActivationOptions, ActivationReport};
    /// let csv = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n1,1,1,7,1,,2014-10-01\n";
    /// let batch = ActivationReport::from_reader(csv.as_bytes(), &ActivationOptions::default())?.to_record_batch()?;
    /// assert_eq!(batch.num_rows(), 8);
    /// assert_eq!(batch.schema().field(4).name(), "share");
    /// # Ok::<(), zhurnal::region::RegionError>(())
    /// ```
    pub fn to_record_batch(&self) -> Result<RecordBatch, RegionError> {
        let n = self.rows().len();
        let mut checkpoint = Date32Builder::with_capacity(n);
        let mut school = UInt32Builder::with_capacity(n);
        let mut eligible = UInt64Builder::with_capacity(n);
        let mut activated = UInt64Builder::with_capacity(n);
        let mut share = Decimal128Builder::with_capacity(n);
        let mut status = StringBuilder::with_capacity(n, n * 9);
        for row in self.rows() {
            checkpoint.append_value(day_of(row.checkpoint) - UNIX_EPOCH_DAY);
            match row.scope {
                ReportScope::School(id) => school.append_value(id.get()),
                ReportScope::Region => school.append_null(),
            }
            eligible.append_value(row.count.eligible());
            activated.append_value(row.count.activated());
            share.append_option(row.share.map(hundredths));
            status.append_option(row.status.map(BandStatus::as_str));
        }
        let share = share
            .finish()
            .with_precision_and_scale(5, 2)
            .map_err(|e| arrow_error(&e))?;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(checkpoint.finish()),
            Arc::new(school.finish()),
            Arc::new(eligible.finish()),
            Arc::new(activated.finish()),
            Arc::new(share),
            Arc::new(status.finish()),
        ];
        RecordBatch::try_new(activation_schema(), columns).map_err(|e| arrow_error(&e))
    }
}

/// Column builders of the term-grades output.
struct GradeColumns {
    student: UInt32Builder,
    subject: UInt32Builder,
    term: StringBuilder,
    marks: UInt32Builder,
    avg: Decimal128Builder,
    mark: UInt8Builder,
}

impl GradeColumns {
    fn new() -> GradeColumns {
        GradeColumns {
            student: UInt32Builder::with_capacity(BATCH_ROWS),
            subject: UInt32Builder::with_capacity(BATCH_ROWS),
            term: StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * 2),
            marks: UInt32Builder::with_capacity(BATCH_ROWS),
            avg: Decimal128Builder::with_capacity(BATCH_ROWS),
            mark: UInt8Builder::with_capacity(BATCH_ROWS),
        }
    }

    fn len(&self) -> usize {
        self.student.len()
    }

    fn finish(&mut self) -> Result<RecordBatch, RegionError> {
        let avg = self
            .avg
            .finish()
            .with_precision_and_scale(9, 2)
            .map_err(|e| arrow_error(&e))?;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.student.finish()),
            Arc::new(self.subject.finish()),
            Arc::new(self.term.finish()),
            Arc::new(self.marks.finish()),
            Arc::new(avg),
            Arc::new(self.mark.finish()),
        ];
        RecordBatch::try_new(term_grades_schema(), columns).map_err(|e| arrow_error(&e))
    }
}

impl TermGradesReport {
    /// The report as record batches of up to 65536 rows, in report order
    /// (see the module's columns).
    ///
    /// # Errors
    /// [`RegionError::Io`] if Arrow refuses the columns (it does not for
    /// the columns built here).
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{TermGradesOptions, TermGradesReport};
    /// let csv = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n1,1,2,2014-09-02,5,1,answer\n";
    /// let batches = TermGradesReport::from_reader(csv.as_bytes(), &TermGradesOptions::default())?.to_record_batches()?;
    /// assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 1);
    /// # Ok::<(), zhurnal::region::RegionError>(())
    /// ```
    pub fn to_record_batches(&self) -> Result<Vec<RecordBatch>, RegionError> {
        let (terms, policy) = self.terms_and_policy();
        let mut shown = ShownCache::new(policy);
        let codes: Vec<&'static str> = terms.all().iter().map(|t| t.code().as_str()).collect();
        let mut batches = Vec::new();
        let mut cols = GradeColumns::new();
        let mut failed = None;
        self.for_each_group_in_order(|student, subject, term, cell| {
            let (average, mark, _) = shown.get(cell);
            cols.student.append_value(student);
            cols.subject.append_value(subject);
            cols.term.append_value(codes[term]);
            cols.marks.append_value(cell.marks());
            cols.avg.append_value(hundredths(average));
            match mark {
                PeriodMark::Mark(p) => cols.mark.append_value(p.get()),
                _ => cols.mark.append_null(),
            }
            if cols.len() == BATCH_ROWS {
                match cols.finish() {
                    Ok(b) => batches.push(b),
                    Err(e) => failed = Some(e),
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        if cols.len() > 0 || batches.is_empty() {
            batches.push(cols.finish()?);
        }
        Ok(batches)
    }
}
