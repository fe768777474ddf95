//! A polars DataFrame read chunk by chunk. Polars' `__arrow_c_stream__`
//! first copies a frame of many chunks into one (`rechunk`): on a frame
//! just read from a large CSV that copy costs more than the whole report
//! and doubles the memory. A frame whose columns are all chunked alike is
//! instead cut at its chunk boundaries (`frame.slice`, no copy), and each
//! slice — one chunk per column — is exported on its own, as it is.

use std::collections::VecDeque;

use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, SchemaRef};
use pyo3::prelude::*;
use pyo3_arrow::PyRecordBatchReader;

/// The record batches of `value` read chunk by chunk, when it is a polars
/// DataFrame of more than one chunk, chunked alike in every column;
/// `None` otherwise (the caller reads its stream as it is).
pub(crate) fn chunked_reader(
    value: &Bound<'_, PyAny>,
) -> PyResult<Option<Box<dyn RecordBatchReader + Send>>> {
    let module: String = value.get_type().getattr("__module__")?.extract()?;
    if !module.starts_with("polars.") || !value.hasattr("get_columns")? {
        return Ok(None);
    }
    let mut lengths: Option<Vec<usize>> = None;
    for column in value.call_method0("get_columns")?.try_iter()? {
        let these: Vec<usize> = column?.call_method0("chunk_lengths")?.extract()?;
        match &lengths {
            None => lengths = Some(these),
            Some(first) if *first == these => {}
            Some(_) => return Ok(None),
        }
    }
    let Some(lengths) = lengths.filter(|l| l.len() > 1) else {
        return Ok(None);
    };
    let mut readers = VecDeque::with_capacity(lengths.len());
    let mut offset = 0usize;
    for len in lengths {
        let slice = value.call_method1("slice", (offset, len))?;
        offset += len;
        readers.push_back(slice.extract::<PyRecordBatchReader>()?.into_reader()?);
    }
    let Some(schema) = readers.front().map(|r| r.schema()) else {
        return Ok(None);
    };
    Ok(Some(Box::new(Chain { schema, readers })))
}

/// Readers of one schema read one after another.
struct Chain {
    schema: SchemaRef,
    readers: VecDeque<Box<dyn RecordBatchReader + Send>>,
}

impl Iterator for Chain {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let reader = self.readers.front_mut()?;
            match reader.next() {
                Some(Ok(batch)) if batch.schema() != self.schema => {
                    return Some(Err(ArrowError::SchemaError(
                        "the chunks of the frame differ in their schema".into(),
                    )));
                }
                Some(item) => return Some(item),
                None => {
                    self.readers.pop_front();
                }
            }
        }
    }
}

impl RecordBatchReader for Chain {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }
}
