//! The region reports from Arrow record batches (cargo feature `arrow`): a
//! polars or pandas DataFrame, a pyarrow Table, a DuckDB result — anything
//! that yields record batches.
//!
//! The report's columns are found by name in the schema (others are
//! ignored), each cell becomes the text a CSV file would hold (see
//! `frame_cells` for the accepted types), and the rows go through the very
//! readers of the CSV files: one rule for each value, whichever the input.
//! Errors name the row (0-based, counted over every batch) instead of the
//! line: [`RegionError::FrameRow`], or [`RegionError::FrameColumnType`] for
//! a column whose type is refused.

use std::io::Read;
use std::sync::{Arc, Mutex};

use arrow_array::RecordBatch;
use arrow_schema::ArrowError;

use super::error::RegionError;
use super::frame_cells::{Cells, DayTexts};
use super::{ActivationOptions, ActivationReport, TermGradesOptions, TermGradesReport};

/// Rows rendered at a time (a batch is taken in slices of this many rows).
const SLICE_ROWS: usize = 8192;

impl ActivationReport {
    /// The activation report of record batches holding the columns of
    /// `parents.csv` (`applied_on` and `activated_on` may be null), on
    /// `options.threads()` threads.
    ///
    /// The batches are taken from the iterator first and kept until the
    /// report is done (for a frame already in memory they are views of
    /// it, not copies). Columns of the plain types are read as they are
    /// (`frame_typed`); at anything that path does not take, the rows are
    /// read as the text of a CSV file instead, and as with a file, a second
    /// pass on one thread names repeated parent ids and malformed rows in
    /// order.
    ///
    /// # Errors
    /// As [`ActivationReport::from_reader`], a row's error as
    /// [`RegionError::FrameRow`]; [`RegionError::FrameColumnType`] for a
    /// refused column type, [`RegionError::FrameStream`] when the batches'
    /// producer fails.
    ///
    /// # Example
    /// ```
    /// use std::sync::Arc;
    /// use arrow_array::{ArrayRef, BooleanArray, Date32Array, Int64Array, RecordBatch};
    /// use zhurnal::region::{ActivationOptions, ActivationReport};
    /// let ids = |v: Vec<i64>| Arc::new(Int64Array::from(v)) as ArrayRef;
    /// let batch = RecordBatch::try_from_iter([
    ///     ("parent_id", ids(vec![1, 2])),
    ///     ("student_id", ids(vec![1, 2])),
    ///     ("class_id", ids(vec![1, 1])),
    ///     ("school_id", ids(vec![7, 7])),
    ///     ("has_access", Arc::new(BooleanArray::from(vec![true, true])) as ArrayRef),
    ///     ("applied_on", Arc::new(Date32Array::from(vec![None, None])) as ArrayRef),
    ///     ("activated_on", Arc::new(Date32Array::from(vec![Some(16_330), None])) as ArrayRef),
    /// ])?;
    /// let report = ActivationReport::from_record_batches([Ok(batch)], &ActivationOptions::default())?;
    /// assert!(report.to_csv().contains("\n2014-10-01,7,2,1,50.00,above\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_record_batches<I>(
        batches: I,
        options: &ActivationOptions,
    ) -> Result<ActivationReport, RegionError>
    where
        I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
        I::IntoIter: Send,
    {
        let failure = Arc::new(Mutex::new(None));
        let kept = collect(batches)?;
        if let Some(report) = super::frame_typed::activation(&kept, options) {
            return Ok(report);
        }
        let open = || {
            let batches = kept.clone().into_iter().map(Ok);
            let columns = &super::parents_parse::COLUMNS;
            Ok(FrameReader::with_failure(
                batches,
                columns,
                Arc::clone(&failure),
            ))
        };
        let result = ActivationReport::from_opener(open, options);
        finish(result, &failure).map(|mut report| {
            report.map_rejects(to_rows);
            report
        })
    }
}

impl TermGradesReport {
    /// The term-grades report of record batches holding the columns of
    /// `grades.csv`, on `options.threads()` threads: typed columns read as
    /// they are, the text path at anything else (as
    /// [`ActivationReport::from_record_batches`]).
    ///
    /// # Errors
    /// As [`ActivationReport::from_record_batches`].
    pub fn from_record_batches<I>(
        batches: I,
        options: &TermGradesOptions,
    ) -> Result<TermGradesReport, RegionError>
    where
        I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
        I::IntoIter: Send,
    {
        let kept = collect(batches)?;
        if let Some(report) = super::frame_typed_grades::term_grades(&kept, options) {
            return Ok(report);
        }
        let (reader, failure) =
            FrameReader::new(kept.into_iter().map(Ok), &super::grades_parse::COLUMNS);
        let result = TermGradesReport::from_reader(reader, options);
        finish(result, &failure).map(|mut report| {
            report.map_rejects(to_rows);
            report
        })
    }
}

/// Every batch of the stream, kept for the typed path and the text path.
fn collect(
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
) -> Result<Vec<RecordBatch>, RegionError> {
    batches
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| stream_error(&e))
}

/// The error of a failed batch producer.
fn stream_error(e: &ArrowError) -> RegionError {
    RegionError::FrameStream {
        detail: crate::excerpt::excerpt(&e.to_string()),
    }
}

/// The report's error when the frame failed first (a column type, the
/// stream), or its own with rows for lines.
fn finish<T>(
    result: Result<T, RegionError>,
    failure: &Mutex<Option<RegionError>>,
) -> Result<T, RegionError> {
    let first = failure.lock().ok().and_then(|mut f| f.take());
    match (result, first) {
        (_, Some(e)) => Err(e),
        (Ok(report), None) => Ok(report),
        (Err(e), None) => Err(to_rows(e)),
    }
}

/// A CSV reader's error with the frame's row for its line (the header is
/// line 1, row 0 is line 2).
fn to_rows(e: RegionError) -> RegionError {
    match e.line() {
        Some(line) => RegionError::FrameRow {
            row: line.saturating_sub(2),
            error: Box::new(e),
        },
        None => e,
    }
}

/// Renders record batches as the CSV text of the report's columns.
struct FrameReader<I> {
    batches: I,
    columns: Vec<&'static str>,
    /// The batch being rendered and the next row in it.
    current: Option<(RecordBatch, Vec<usize>, usize)>,
    buf: Vec<u8>,
    at: usize,
    days: DayTexts,
    failure: Arc<Mutex<Option<RegionError>>>,
}

impl<I> FrameReader<I>
where
    I: Iterator<Item = Result<RecordBatch, ArrowError>>,
{
    /// The reader, and where it leaves the error that stopped it.
    fn new(batches: I, columns: &[&'static str]) -> (Self, Arc<Mutex<Option<RegionError>>>) {
        let failure = Arc::new(Mutex::new(None));
        let reader = FrameReader::with_failure(batches, columns, Arc::clone(&failure));
        (reader, failure)
    }

    /// The reader, leaving the error that stopped it in `failure`.
    fn with_failure(
        batches: I,
        columns: &[&'static str],
        failure: Arc<Mutex<Option<RegionError>>>,
    ) -> Self {
        let mut buf = columns.join(",").into_bytes();
        buf.push(b'\n');
        FrameReader {
            batches,
            columns: columns.to_vec(),
            current: None,
            buf,
            at: 0,
            days: DayTexts::new(),
            failure,
        }
    }

    /// Stops the read with `e`, kept for the report's caller.
    fn fail(&mut self, e: RegionError) -> std::io::Error {
        if let Ok(mut slot) = self.failure.lock() {
            slot.get_or_insert(e);
        }
        std::io::Error::other("the frame could not be read")
    }

    /// Where the report's columns are in a batch.
    fn positions(&self, batch: &RecordBatch) -> Result<Vec<usize>, RegionError> {
        let schema = batch.schema();
        let mut pos = Vec::with_capacity(self.columns.len());
        for &name in &self.columns {
            let mut found = schema
                .fields()
                .iter()
                .enumerate()
                .filter(|(_, f)| f.name() == name);
            let (i, _) = found.next().ok_or_else(|| RegionError::MissingColumn {
                column: name.to_owned(),
            })?;
            if found.next().is_some() {
                return Err(RegionError::DuplicateColumn {
                    column: name.to_owned(),
                });
            }
            pos.push(i);
        }
        Ok(pos)
    }

    /// Renders the next slice of rows into the buffer; `false` at the end.
    fn refill(&mut self) -> Result<bool, RegionError> {
        self.buf.clear();
        self.at = 0;
        loop {
            if let Some((batch, pos, next)) = &mut self.current
                && *next < batch.num_rows()
            {
                let end = (*next + SLICE_ROWS).min(batch.num_rows());
                let cells = pos
                    .iter()
                    .zip(&self.columns)
                    .map(|(&i, name)| Cells::of(batch.column(i).as_ref(), name))
                    .collect::<Result<Vec<_>, _>>()?;
                for row in *next..end {
                    for (k, c) in cells.iter().enumerate() {
                        if k > 0 {
                            self.buf.push(b',');
                        }
                        c.write(row, &mut self.buf, &mut self.days);
                    }
                    self.buf.push(b'\n');
                }
                *next = end;
                return Ok(true);
            }
            match self.batches.next() {
                None => return Ok(false),
                Some(Err(e)) => return Err(stream_error(&e)),
                Some(Ok(batch)) => {
                    let pos = self.positions(&batch)?;
                    self.current = Some((batch, pos, 0));
                }
            }
        }
    }
}

impl<I> Read for FrameReader<I>
where
    I: Iterator<Item = Result<RecordBatch, ArrowError>>,
{
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buf.len() {
            match self.refill() {
                Ok(true) => {}
                Ok(false) => return Ok(0),
                Err(e) => return Err(self.fail(e)),
            }
        }
        let n = out.len().min(self.buf.len() - self.at);
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
