//! The floor the reports are measured against: reading a CSV file once and
//! splitting every row into fields, with the reports' own reader and
//! splitter, and nothing else.

use serde::{Deserialize, Serialize};
use std::io::Read;

use super::blocks::{Source, parse_blocks};
use super::error::RegionError;
use super::fields::{MalformedRows, for_each_row, map_header};

/// What a scan saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ScanSummary {
    /// Rows after the header.
    pub rows: u64,
    /// Fields in those rows.
    pub fields: u64,
    /// Bytes of those fields (separators and line ends excluded).
    pub field_bytes: u64,
}

/// Reads a CSV file once on `threads` threads and splits each row into
/// fields, touching every field: the cost of reading and tokenising alone.
///
/// # Errors
/// [`RegionError::EmptyInput`] without a header; [`RegionError::FieldCount`]
/// for a row with another width than the header; [`RegionError::Io`].
///
/// # Example
/// ```
/// use zhurnal::region::scan_fields;
/// let s = scan_fields("a,b\n1,22\n333,4\n".as_bytes(), 1)?;
/// assert_eq!((s.rows, s.fields, s.field_bytes), (2, 4, 7));
/// # Ok::<(), zhurnal::region::RegionError>(())
/// ```
pub fn scan_fields<R: Read + Send>(reader: R, threads: u32) -> Result<ScanSummary, RegionError> {
    let mut source = Source::new(reader);
    let header = source.header()?.ok_or(RegionError::EmptyInput)?;
    let (width, _) = map_header(&header, &[])?;
    let parsed = parse_blocks(
        source,
        usize::try_from(threads).unwrap_or(usize::MAX),
        MalformedRows::Fail,
        ScanSummary::default,
        |sum, _, block, log| {
            for_each_row(block, width, MalformedRows::Fail, log, |f, _| {
                sum.rows += 1;
                for i in 0..width {
                    sum.field_bytes += f.get(i).len() as u64;
                }
                sum.fields += width as u64;
                Ok(())
            });
        },
    )?;
    Ok(parsed
        .states
        .iter()
        .fold(ScanSummary::default(), |a, b| ScanSummary {
            rows: a.rows + b.rows,
            fields: a.fields + b.fields,
            field_bytes: a.field_bytes + b.field_bytes,
        }))
}
