//! Where a report reads from: a CSV file's path, a Parquet file's path
//! (`.parquet`, read through pyarrow), CSV text as `bytes` (such as a byte
//! range of a file with its header in front), or any object that speaks
//! the Arrow PyCapsule stream interface (`__arrow_c_stream__`: a polars or
//! pandas DataFrame, a pyarrow Table or RecordBatchReader, a DuckDB
//! result). Both go to the core's readers; this module only watches the
//! read: the `progress` callback, and Ctrl-C, which stops a long job.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;

use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_schema::ArrowError;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBool, PyDict};
use pyo3_arrow::PyRecordBatchReader;
use zhurnal::region::{
    ActivationOptions, ActivationReport, RegionError, TermGradesOptions, TermGradesReport,
};

/// Bytes (of a file) or rows (of a frame) between two looks at the caller.
const FILE_STEP: u64 = 8 << 20;

/// A report's input.
pub(crate) enum Source {
    /// A CSV file.
    Path(PathBuf),
    /// CSV text: a `bytes` object's own buffer (immutable, so read
    /// without the GIL and without a copy), or a `bytearray`'s copy.
    Bytes(PyBackedBytes),
    /// An Arrow stream.
    Frame(Box<dyn RecordBatchReader + Send>),
}

impl Source {
    /// A `str` or `os.PathLike` path, `bytes` or `bytearray` of CSV text,
    /// or an Arrow stream.
    pub(crate) fn from_py(value: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(text) = value.extract::<PyBackedBytes>() {
            return Ok(Source::Bytes(text));
        }
        if let Ok(path) = value.extract::<PathBuf>() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
            {
                return parquet(value.py(), &path);
            }
            return Ok(Source::Path(path));
        }
        if let Some(reader) = crate::polars_chunks::chunked_reader(value)? {
            return Ok(Source::Frame(reader));
        }
        if value.hasattr("__arrow_c_stream__")? {
            let reader: PyRecordBatchReader = value.extract()?;
            return Ok(Source::Frame(reader.into_reader()?));
        }
        Err(PyTypeError::new_err(format!(
            "source must be a path, bytes of CSV text or an object with __arrow_c_stream__ \
             (a DataFrame, a pyarrow Table), not {}",
            value.get_type().name()?
        )))
    }
}

/// A Parquet file read batch by batch through pyarrow (imported only
/// here, so that the package needs it only for Parquet).
fn parquet(py: Python<'_>, path: &std::path::Path) -> PyResult<Source> {
    let pq = py.import("pyarrow.parquet")?;
    let pa = py.import("pyarrow")?;
    let file = pq.getattr("ParquetFile")?.call1((path,))?;
    let batches = file.call_method1("iter_batches", (65_536,))?;
    let stream = pa
        .getattr("RecordBatchReader")?
        .call_method1("from_batches", (file.getattr("schema_arrow")?, batches))?;
    let reader: PyRecordBatchReader = stream.extract()?;
    Ok(Source::Frame(reader.into_reader()?))
}

/// What is told of the progress.
enum Callback {
    /// A callable taking (done, total).
    Function(Py<PyAny>),
    /// A `tqdm` bar.
    Bar(Py<PyAny>),
}

/// Looks at the caller now and then during a read: reports the progress
/// and checks for Ctrl-C. The first Python error (a `KeyboardInterrupt`,
/// or one raised by the callback) stops the read and is kept.
pub(crate) struct Watch {
    callback: Option<Callback>,
    stopped: Mutex<Option<PyErr>>,
}

impl Watch {
    /// `progress`: `None`, `True` (a `tqdm` bar), or a callable taking
    /// (done, total).
    pub(crate) fn new(progress: Option<&Bound<'_, PyAny>>) -> PyResult<Watch> {
        let callback = match progress {
            None => None,
            Some(p) if p.is_instance_of::<PyBool>() => {
                if p.extract::<bool>()? {
                    Some(Callback::Bar(tqdm_bar(p.py())?))
                } else {
                    None
                }
            }
            Some(p) if p.is_callable() => Some(Callback::Function(p.clone().unbind())),
            Some(p) => {
                return Err(PyTypeError::new_err(format!(
                    "progress must be True or a callable (done, total), not {}",
                    p.get_type().name()?
                )));
            }
        };
        Ok(Watch {
            callback,
            stopped: Mutex::new(None),
        })
    }

    /// Reports `done` of `total` and checks for Ctrl-C; `false` to stop.
    fn look(&self, done: u64, total: Option<u64>) -> bool {
        let outcome = Python::attach(|py| -> PyResult<()> {
            py.check_signals()?;
            match &self.callback {
                Some(Callback::Function(f)) => {
                    f.call1(py, (done, total))?;
                }
                Some(Callback::Bar(bar)) => move_bar(bar.bind(py), done, total)?,
                None => {}
            }
            Ok(())
        });
        match outcome {
            Ok(()) => true,
            Err(e) => {
                if let Ok(mut slot) = self.stopped.lock() {
                    slot.get_or_insert(e);
                }
                false
            }
        }
    }

    /// The report's result, or the Python error that stopped it.
    pub(crate) fn outcome<T>(self, result: Result<T, RegionError>) -> PyResult<T> {
        let stopped = self.stopped.into_inner().ok().flatten();
        match (stopped, result) {
            (Some(e), _) => Err(e),
            (None, r) => r.map_err(crate::errors::to_py),
        }
    }
}

/// A `tqdm` bar (the optional package `tqdm`) counting bytes.
fn tqdm_bar(py: Python<'_>) -> PyResult<Py<PyAny>> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("unit", "B")?;
    kwargs.set_item("unit_scale", true)?;
    let bar = py
        .import("tqdm.auto")?
        .getattr("tqdm")?
        .call((), Some(&kwargs))?;
    Ok(bar.unbind())
}

/// Moves a `tqdm` bar to `done` of `total`, closing it at the end.
fn move_bar(bar: &Bound<'_, PyAny>, done: u64, total: Option<u64>) -> PyResult<()> {
    if let Some(t) = total
        && bar.getattr("total")?.extract::<Option<u64>>()? != Some(t)
    {
        bar.setattr("total", t)?;
    }
    let at: u64 = bar.getattr("n")?.extract()?;
    bar.call_method1("update", (done.saturating_sub(at),))?;
    if total.is_some_and(|t| done >= t) {
        bar.call_method0("close")?;
    }
    Ok(())
}

/// A file (or CSV text) read under watch.
struct Watched<'w, R> {
    file: R,
    done: u64,
    total: Option<u64>,
    next_look: u64,
    watch: &'w Watch,
}

impl<R: Read> Read for Watched<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.done >= self.next_look {
            if !self.watch.look(self.done, self.total) {
                return Err(std::io::Error::other("stopped by the caller"));
            }
            self.next_look = self.done + FILE_STEP;
        }
        let n = self.file.read(buf)?;
        self.done += n as u64;
        if n == 0 && self.total.is_some_and(|t| self.done >= t) {
            self.watch.look(self.done, self.total);
            self.total = None;
        }
        Ok(n)
    }
}

fn open_watched<'w>(path: &PathBuf, watch: &'w Watch) -> Result<Watched<'w, File>, RegionError> {
    let file = File::open(path)?;
    let total = file.metadata().ok().map(|m| m.len());
    Ok(Watched {
        file,
        done: 0,
        total,
        next_look: 0,
        watch,
    })
}

/// CSV text read under watch.
fn text_watched<'t, 'w>(text: &'t [u8], watch: &'w Watch) -> Watched<'w, &'t [u8]> {
    Watched {
        file: text,
        done: 0,
        total: Some(text.len() as u64),
        next_look: 0,
        watch,
    }
}

/// Record batches read under watch (progress in rows, total unknown).
struct WatchedBatches<'w> {
    reader: Box<dyn RecordBatchReader + Send>,
    rows: u64,
    watch: &'w Watch,
}

impl Iterator for WatchedBatches<'_> {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.watch.look(self.rows, None) {
            return None;
        }
        let batch = self.reader.next()?;
        if let Ok(b) = &batch {
            self.rows += b.num_rows() as u64;
        }
        Some(batch)
    }
}

/// The activation report of a source (run without the GIL).
pub(crate) fn read_activation(
    source: Source,
    options: &ActivationOptions,
    watch: &Watch,
) -> Result<ActivationReport, RegionError> {
    match source {
        Source::Path(p) => ActivationReport::from_opener(|| open_watched(&p, watch), options),
        Source::Bytes(text) => {
            ActivationReport::from_opener(|| Ok(text_watched(&text, watch)), options)
        }
        Source::Frame(reader) => ActivationReport::from_record_batches(
            WatchedBatches {
                reader,
                rows: 0,
                watch,
            },
            options,
        ),
    }
}

/// The term-grades report of a source (run without the GIL).
pub(crate) fn read_term_grades(
    source: Source,
    options: &TermGradesOptions,
    watch: &Watch,
) -> Result<TermGradesReport, RegionError> {
    match source {
        Source::Path(p) => TermGradesReport::from_reader(open_watched(&p, watch)?, options),
        Source::Bytes(text) => TermGradesReport::from_reader(text_watched(&text, watch), options),
        Source::Frame(reader) => TermGradesReport::from_record_batches(
            WatchedBatches {
                reader,
                rows: 0,
                watch,
            },
            options,
        ),
    }
}
