//! Rows of the bulk CSV files split into fields, and the header mapped to
//! the columns a report needs. Rows without quotes take a single pass over
//! their bytes, eight at a time; a row with a quote is split again by the
//! full quoting rules. The field parsers are in `values` and `value_caches`.

use super::error::{RegionError, ValueProblem};
pub(crate) use super::value_caches::{DateCache, WeightCache, WorkTypeCache};
pub(crate) use super::values::{
    date_of, day_of, digits_at, flag_field, id_field, id_field_word, parse_u32, push_u64,
};
use serde::{Deserialize, Serialize};

/// The most fields a row may have.
pub(crate) const MAX_FIELDS: usize = 64;

/// What the reports do with a malformed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MalformedRows {
    /// Stop at the first malformed row (the one on the lowest line) and
    /// return its error. The default.
    #[default]
    Fail,
    /// Leave malformed rows out of the report and list their errors in
    /// `rejects()`, by line.
    Collect,
}

/// The fields of one row, as byte ranges of the block (or of the scratch
/// buffer for a quoted row).
pub(crate) struct Fields<'a> {
    bytes: &'a [u8],
    bounds: &'a [(u32, u32)],
}

impl Fields<'_> {
    /// The field at `i` (callers index within the header's width).
    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> &[u8] {
        let (start, end) = self.bounds[i];
        &self.bytes[start as usize..end as usize]
    }

    /// The field at `i`, and the eight bytes from its start as a number
    /// when the buffer has them (they may run past the field).
    #[inline(always)]
    pub(crate) fn get_with_word(&self, i: usize) -> (&[u8], Option<u64>) {
        let (start, end) = self.bounds[i];
        let start = start as usize;
        let word = self
            .bytes
            .get(start..start + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map(u64::from_le_bytes);
        (&self.bytes[start..end as usize], word)
    }
}

/// Per-block bookkeeping: lines seen and errors met (lines local to the
/// block, 1-based).
#[derive(Debug, Default)]
pub(crate) struct BlockLog {
    pub(crate) lines: u64,
    pub(crate) errors: Vec<RegionError>,
}

/// Calls `row` for each row of `block` with its fields and its line number
/// within the block (1-based). Blank lines are not rows and are passed
/// over; a row with another number of fields than `width`, a line with
/// unbalanced quotes, or a row `row` refuses is logged; in
/// [`MalformedRows::Fail`] mode the first error ends the block.
pub(crate) fn for_each_row<F>(
    block: &[u8],
    width: usize,
    mode: MalformedRows,
    log: &mut BlockLog,
    mut row: F,
) where
    F: FnMut(&Fields<'_>, u64) -> Result<(), RegionError>,
{
    let mut bounds = [(0u32, 0u32); MAX_FIELDS];
    let mut scratch: Vec<u8> = Vec::new();
    let len = block.len();
    // The row being split: where it and its current field start, fields
    // closed so far, and whether a quote was seen.
    let mut line_start = 0usize;
    let mut field_start = 0usize;
    let mut n = 0usize;
    let mut quoted = false;

    // Ends the row at `$end` (the LF, or the end of the block); evaluates
    // to false when the block must stop.
    macro_rules! end_row {
        ($end:expr) => {{
            let mut line_end = $end;
            if line_end > line_start && block[line_end - 1] == b'\r' {
                line_end -= 1;
            }
            log.lines += 1;
            let line = log.lines;
            if line_end == line_start && n == 0 {
                true // a blank line is not a row
            } else {
                let result = if quoted {
                    split_quoted(&block[line_start..line_end], &mut scratch, &mut bounds).and_then(
                        |count| {
                            if count != width {
                                return Err(RegionError::FieldCount {
                                    line: 0,
                                    expected: width as u64,
                                    found: count as u64,
                                });
                            }
                            let fields = Fields {
                                bytes: &scratch,
                                bounds: &bounds[..count],
                            };
                            row(&fields, line)
                        },
                    )
                } else {
                    if n < MAX_FIELDS {
                        bounds[n] = (field_start as u32, line_end.max(field_start) as u32);
                    }
                    n += 1;
                    if n != width {
                        Err(RegionError::FieldCount {
                            line: 0,
                            expected: width as u64,
                            found: n as u64,
                        })
                    } else {
                        let fields = Fields {
                            bytes: block,
                            bounds: &bounds[..n],
                        };
                        row(&fields, line)
                    }
                };
                match result {
                    Ok(()) => true,
                    Err(mut e) => {
                        e.shift_line(line);
                        log.errors.push(e);
                        mode != MalformedRows::Fail
                    }
                }
            }
        }};
    }

    // Eight bytes at a time: a mask of the commas, line feeds and quotes,
    // then one step per such byte.
    let mut pos = 0usize;
    while pos < len {
        let mut mask = match block.get(pos..pos + 8) {
            Some(word) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                special_bytes(u64::from_le_bytes(w))
            }
            None => {
                let mut m = 0u64;
                for (i, &b) in block[pos..].iter().enumerate() {
                    if b == b',' || b == b'\n' || b == b'"' {
                        m |= 0x80 << (8 * i);
                    }
                }
                m
            }
        };
        while mask != 0 {
            let at = pos + (mask.trailing_zeros() >> 3) as usize;
            mask &= mask - 1;
            match block[at] {
                b',' => {
                    if n < MAX_FIELDS {
                        bounds[n] = (field_start as u32, at as u32);
                    }
                    n += 1;
                    field_start = at + 1;
                }
                b'\n' => {
                    if !end_row!(at) {
                        return;
                    }
                    line_start = at + 1;
                    field_start = at + 1;
                    n = 0;
                    quoted = false;
                }
                _ => quoted = true,
            }
        }
        pos += 8;
    }
    if line_start < len {
        end_row!(len);
    }
}

/// The high bit of each byte of `w` that is `,`, LF or `"`; exact (no
/// false positives), eight bytes at a time.
#[inline]
fn special_bytes(w: u64) -> u64 {
    bytes_equal(w, b',') | bytes_equal(w, b'\n') | bytes_equal(w, b'"')
}

/// The high bit of each byte of `w` equal to `b`; exact (no false
/// positives).
#[inline(always)]
pub(crate) fn bytes_equal(w: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = w ^ (0x0101_0101_0101_0101 * u64::from(b));
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// Splits one line (without its line end) by the quoting rules: a field
/// that starts with `"` runs to the next lone `"`, and `""` inside it is one
/// quote. Writes the unquoted fields into `scratch` and their ranges into
/// `bounds`; returns the number of fields.
pub(crate) fn split_quoted(
    line: &[u8],
    scratch: &mut Vec<u8>,
    bounds: &mut [(u32, u32); MAX_FIELDS],
) -> Result<usize, RegionError> {
    scratch.clear();
    let mut n = 0usize;
    let mut i = 0usize;
    loop {
        let start = scratch.len();
        if line.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match line.get(i) {
                    None => {
                        return Err(RegionError::value(
                            &format!("#{}", n + 1),
                            line,
                            ValueProblem::BadQuoting,
                        ));
                    }
                    Some(b'"') if line.get(i + 1) == Some(&b'"') => {
                        scratch.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(&b) => {
                        scratch.push(b);
                        i += 1;
                    }
                }
            }
            if i < line.len() && line[i] != b',' {
                return Err(RegionError::value(
                    &format!("#{}", n + 1),
                    line,
                    ValueProblem::BadQuoting,
                ));
            }
        } else {
            while i < line.len() && line[i] != b',' {
                if line[i] == b'"' {
                    return Err(RegionError::value(
                        &format!("#{}", n + 1),
                        line,
                        ValueProblem::BadQuoting,
                    ));
                }
                scratch.push(line[i]);
                i += 1;
            }
        }
        if n < MAX_FIELDS {
            bounds[n] = (start as u32, scratch.len() as u32);
        }
        n += 1;
        if i >= line.len() {
            break;
        }
        i += 1; // the comma
    }
    Ok(n)
}

/// Finds each wanted column in the header line; other columns are allowed
/// and ignored. Returns the header's width and the positions, in the order
/// of `wanted`.
pub(crate) fn map_header(line: &[u8], wanted: &[&str]) -> Result<(usize, Vec<usize>), RegionError> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut scratch = Vec::new();
    let mut bounds = [(0u32, 0u32); MAX_FIELDS];
    let width = split_quoted(line, &mut scratch, &mut bounds)
        .map_err(|_| RegionError::value("header", line, ValueProblem::BadQuoting).with_line(1))?;
    if width > MAX_FIELDS {
        return Err(RegionError::FieldCount {
            line: 1,
            expected: MAX_FIELDS as u64,
            found: width as u64,
        });
    }
    let names: Vec<&[u8]> = bounds[..width]
        .iter()
        .map(|&(s, e)| &scratch[s as usize..e as usize])
        .collect();
    let mut positions = Vec::with_capacity(wanted.len());
    for column in wanted {
        let mut found = names
            .iter()
            .enumerate()
            .filter(|(_, name)| name.trim_ascii() == column.as_bytes());
        let Some((pos, _)) = found.next() else {
            return Err(RegionError::MissingColumn {
                column: (*column).to_owned(),
            });
        };
        if found.next().is_some() {
            return Err(RegionError::DuplicateColumn {
                column: (*column).to_owned(),
            });
        }
        positions.push(pos);
    }
    Ok((width, positions))
}

impl RegionError {
    fn with_line(mut self, line: u64) -> RegionError {
        self.shift_line(line);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rows(block: &[u8], width: usize, mode: MalformedRows) -> (Vec<Vec<String>>, BlockLog) {
        let mut out = Vec::new();
        let mut log = BlockLog::default();
        for_each_row(block, width, mode, &mut log, |f, _| {
            out.push(
                (0..width)
                    .map(|i| String::from_utf8(f.get(i).to_vec()).unwrap())
                    .collect(),
            );
            Ok(())
        });
        (out, log)
    }

    #[test]
    fn splits_plain_quoted_crlf_and_blank_rows() {
        let (r, log) = rows(
            b"1,2,3\r\n\n\"a,b\",\"x\"\"y\",\nlast,,z",
            3,
            MalformedRows::Fail,
        );
        assert_eq!(
            r,
            vec![
                vec!["1", "2", "3"],
                vec!["a,b", "x\"y", ""],
                vec!["last", "", "z"]
            ]
        );
        assert_eq!(log.lines, 4);
        assert!(log.errors.is_empty());
    }

    #[test]
    fn field_count_and_quotes_are_errors() {
        let (_, log) = rows(
            b"1,2\n1,2,3,4\n\"open,1,2\nx\"y,1,2\n",
            3,
            MalformedRows::Collect,
        );
        let codes: Vec<_> = log.errors.iter().map(|e| (e.code(), e.line())).collect();
        assert_eq!(
            codes,
            vec![
                ("region.field_count", Some(1)),
                ("region.field_count", Some(2)),
                ("region.bad_quoting", Some(3)),
                ("region.bad_quoting", Some(4)),
            ]
        );
        let (_, log) = rows(b"1,2\n1,2,3,4\n", 3, MalformedRows::Fail);
        assert_eq!(log.errors.len(), 1);
        let (_, log) = rows(&b"1,".repeat(70), 3, MalformedRows::Fail);
        assert_eq!(log.errors[0].code(), "region.field_count");
        let e = rows(b"\"a\"b,1,2\n", 3, MalformedRows::Fail).1.errors;
        assert_eq!(e[0].code(), "region.bad_quoting");
    }

    #[test]
    fn header_mapping() {
        let (w, p) = map_header(b"\xEF\xBB\xBFb,\"a\",c\r", &["a", "c"]).unwrap();
        assert_eq!((w, p), (3, vec![1, 2]));
        assert_eq!(
            map_header(b"a,b", &["c"]).unwrap_err().code(),
            "region.missing_column"
        );
        assert_eq!(
            map_header(b"a,a", &["a"]).unwrap_err().code(),
            "region.duplicate_column"
        );
        assert_eq!(map_header(b"\"a,b", &["a"]).unwrap_err().line(), Some(1));
    }

    fn field_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9.\\-]{0,12}",
            "[a-z ,\"\r]{0,6}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
        ]
    }

    proptest! {
        #[test]
        fn rows_split_like_a_csv_reader(table in prop::collection::vec(prop::collection::vec(field_text(), 3), 1..40), crlf in any::<bool>()) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::new();
            for r in &table {
                text.push_str(&r.join(","));
                text.push_str(end);
            }
            let mut expected: Vec<Vec<String>> = Vec::new();
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
            for record in reader.records() {
                let record = record.unwrap();
                expected.push(record.iter().map(str::to_owned).collect());
            }
            let (got, log) = rows(text.as_bytes(), 3, MalformedRows::Fail);
            prop_assert!(log.errors.is_empty(), "{:?}", log.errors);
            prop_assert_eq!(got, expected);
        }

    }
}
