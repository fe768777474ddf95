//! One cell of an Arrow column as the text the CSV readers check: the
//! frame input gives the region reports' field parsers exactly the values
//! a CSV file would, so both inputs go through one set of rules.
//!
//! Accepted column types (anything else is refused for the whole column
//! with [`RegionError::FrameColumnType`], before any row is read):
//!
//! - integers of any width, signed or not: written in decimal (a negative
//!   id is then refused by the id rule, naming the row);
//! - booleans: `1` and `0` (for `has_access`; elsewhere refused by the
//!   column's rule);
//! - `date32` and whole-day `date64`: `YYYY-MM-DD`;
//! - `decimal128`: its exact decimal text, trailing zeros of the fraction
//!   dropped (`1.50` with scale 2 is the weight `1.5`);
//! - strings (`utf8`, `large_utf8`, `utf8_view`) and dictionaries of them
//!   (a polars `Categorical`, a pandas `category`): as they are, except
//!   that the bytes `,`, `"`, CR and LF — never part of a valid value — are
//!   shown as `?`, and a value longer than 256 bytes is cut there (the
//!   error excerpt is shorter still);
//! - the null type (a column with no values at all).
//!
//! Floats are refused (0.1 is no exact weight and 3.0 no id), as are
//! timestamps and times (a date column holds dates). A null cell is an
//! empty field: a missing value where the format allows one (`applied_on`,
//! `activated_on`), an error naming the row and the column elsewhere.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{
    Array, BooleanArray, Date32Array, Date64Array, Decimal128Array, GenericStringArray,
    PrimitiveArray, StringViewArray,
};
use arrow_schema::DataType;

use super::error::RegionError;
use super::values::push_u64;

/// Longest string value passed on, in bytes.
const MAX_TEXT: usize = 256;

/// Milliseconds in a day, for `date64`.
const MS_PER_DAY: i64 = 86_400_000;

/// A column of a record batch, viewed by its type.
pub(super) enum Cells<'a> {
    /// The null type: every cell empty.
    Null,
    /// Signed integers, widened.
    Signed(Signed<'a>),
    /// Unsigned integers, widened.
    Unsigned(Unsigned<'a>),
    Bool(&'a BooleanArray),
    Date32(&'a Date32Array),
    Date64(&'a Date64Array),
    Decimal(&'a Decimal128Array, i8),
    Utf8(&'a GenericStringArray<i32>),
    LargeUtf8(&'a GenericStringArray<i64>),
    Utf8View(&'a StringViewArray),
    /// A dictionary's keys (an integer column) and its values.
    Dictionary(Box<Cells<'a>>, Box<Cells<'a>>),
}

/// A signed integer column of any width.
pub(super) enum Signed<'a> {
    I8(&'a PrimitiveArray<Int8Type>),
    I16(&'a PrimitiveArray<Int16Type>),
    I32(&'a PrimitiveArray<Int32Type>),
    I64(&'a PrimitiveArray<Int64Type>),
}

/// An unsigned integer column of any width.
pub(super) enum Unsigned<'a> {
    U8(&'a PrimitiveArray<UInt8Type>),
    U16(&'a PrimitiveArray<UInt16Type>),
    U32(&'a PrimitiveArray<UInt32Type>),
    U64(&'a PrimitiveArray<UInt64Type>),
}

impl<'a> Cells<'a> {
    /// The view of `array`, the column named `column`.
    ///
    /// # Errors
    /// [`RegionError::FrameColumnType`] for a type the reports do not take.
    pub(super) fn of(array: &'a dyn Array, column: &str) -> Result<Cells<'a>, RegionError> {
        let refuse = || RegionError::FrameColumnType {
            column: column.to_owned(),
            found: array.data_type().to_string(),
        };
        Ok(match array.data_type() {
            DataType::Null => Cells::Null,
            DataType::Int8 => Cells::Signed(Signed::I8(array.as_primitive())),
            DataType::Int16 => Cells::Signed(Signed::I16(array.as_primitive())),
            DataType::Int32 => Cells::Signed(Signed::I32(array.as_primitive())),
            DataType::Int64 => Cells::Signed(Signed::I64(array.as_primitive())),
            DataType::UInt8 => Cells::Unsigned(Unsigned::U8(array.as_primitive())),
            DataType::UInt16 => Cells::Unsigned(Unsigned::U16(array.as_primitive())),
            DataType::UInt32 => Cells::Unsigned(Unsigned::U32(array.as_primitive())),
            DataType::UInt64 => Cells::Unsigned(Unsigned::U64(array.as_primitive())),
            DataType::Boolean => Cells::Bool(array.as_boolean()),
            DataType::Date32 => Cells::Date32(array.as_primitive::<Date32Type>()),
            DataType::Date64 => Cells::Date64(array.as_primitive::<Date64Type>()),
            DataType::Decimal128(_, scale) => {
                Cells::Decimal(array.as_primitive::<Decimal128Type>(), *scale)
            }
            DataType::Utf8 => Cells::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Cells::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => Cells::Utf8View(array.as_string_view()),
            DataType::Dictionary(_, _) => {
                let dict = array.as_any_dictionary_opt().ok_or_else(refuse)?;
                let keys = Cells::of(dict.keys(), column)?;
                let values = Cells::of(dict.values().as_ref(), column)?;
                Cells::Dictionary(Box::new(keys), Box::new(values))
            }
            _ => return Err(refuse()),
        })
    }

    /// The integer at `i` as an index (a dictionary's key), if it is one.
    fn index(&self, i: usize) -> Option<usize> {
        match self {
            Cells::Signed(s) => {
                let v = match s {
                    Signed::I8(a) => a.is_valid(i).then(|| i64::from(a.value(i))),
                    Signed::I16(a) => a.is_valid(i).then(|| i64::from(a.value(i))),
                    Signed::I32(a) => a.is_valid(i).then(|| i64::from(a.value(i))),
                    Signed::I64(a) => a.is_valid(i).then(|| a.value(i)),
                };
                v.and_then(|v| usize::try_from(v).ok())
            }
            Cells::Unsigned(u) => {
                let v = match u {
                    Unsigned::U8(a) => a.is_valid(i).then(|| u64::from(a.value(i))),
                    Unsigned::U16(a) => a.is_valid(i).then(|| u64::from(a.value(i))),
                    Unsigned::U32(a) => a.is_valid(i).then(|| u64::from(a.value(i))),
                    Unsigned::U64(a) => a.is_valid(i).then(|| a.value(i)),
                };
                v.and_then(|v| usize::try_from(v).ok())
            }
            _ => None,
        }
    }

    /// Appends the text of the cell at `i` (nothing for a null).
    pub(super) fn write(&self, i: usize, out: &mut Vec<u8>) {
        match self {
            Cells::Null => {}
            Cells::Signed(s) => {
                let v = match s {
                    Signed::I8(a) => a.is_valid(i).then(|| i64::from(a.value(i))),
                    Signed::I16(a) => a.is_valid(i).then(|| i64::from(a.value(i))),
                    Signed::I32(a) => a.is_valid(i).then(|| i64::from(a.value(i))),
                    Signed::I64(a) => a.is_valid(i).then(|| a.value(i)),
                };
                if let Some(v) = v {
                    if v < 0 {
                        out.push(b'-');
                    }
                    push_u64(out, v.unsigned_abs());
                }
            }
            Cells::Unsigned(u) => {
                let v = match u {
                    Unsigned::U8(a) => a.is_valid(i).then(|| u64::from(a.value(i))),
                    Unsigned::U16(a) => a.is_valid(i).then(|| u64::from(a.value(i))),
                    Unsigned::U32(a) => a.is_valid(i).then(|| u64::from(a.value(i))),
                    Unsigned::U64(a) => a.is_valid(i).then(|| a.value(i)),
                };
                if let Some(v) = v {
                    push_u64(out, v);
                }
            }
            Cells::Bool(a) => {
                if a.is_valid(i) {
                    out.push(if a.value(i) { b'1' } else { b'0' });
                }
            }
            Cells::Date32(a) => {
                if a.is_valid(i) {
                    push_epoch_day(out, i64::from(a.value(i)));
                }
            }
            Cells::Date64(a) => {
                if a.is_valid(i) {
                    let ms = a.value(i);
                    if ms % MS_PER_DAY == 0 {
                        push_epoch_day(out, ms / MS_PER_DAY);
                    } else {
                        // Not a whole day: shown as its milliseconds, which
                        // the date rule refuses.
                        out.extend_from_slice(format!("{ms}ms").as_bytes());
                    }
                }
            }
            Cells::Decimal(a, scale) => {
                if a.is_valid(i) {
                    push_decimal(out, a.value(i), *scale);
                }
            }
            Cells::Utf8(a) => {
                if a.is_valid(i) {
                    push_text(out, a.value(i));
                }
            }
            Cells::LargeUtf8(a) => {
                if a.is_valid(i) {
                    push_text(out, a.value(i));
                }
            }
            Cells::Utf8View(a) => {
                if a.is_valid(i) {
                    push_text(out, a.value(i));
                }
            }
            Cells::Dictionary(keys, values) => {
                if let Some(k) = keys.index(i) {
                    values.write(k, out);
                }
            }
        }
    }
}

/// Writes a string value, with the bytes no valid value holds shown as `?`
/// and at most [`MAX_TEXT`] bytes.
fn push_text(out: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes().iter().take(MAX_TEXT) {
        out.push(match b {
            b',' | b'"' | b'\r' | b'\n' => b'?',
            other => other,
        });
    }
}

/// Writes the date `days` after 1970-01-01 as `YYYY-MM-DD`, or the day
/// number itself (which the date rule refuses) outside years 1..=9999.
fn push_epoch_day(out: &mut Vec<u8>, days: i64) {
    let date = i32::try_from(days)
        .ok()
        .and_then(|d| chrono::NaiveDate::from_num_days_from_ce_opt(d.checked_add(719_163)?));
    use chrono::Datelike;
    match date {
        Some(d) if (1..=9999).contains(&d.year()) => {
            let (y, m, day) = (d.year() as u32, d.month(), d.day());
            let digits = [
                y / 1000,
                y / 100 % 10,
                y / 10 % 10,
                y % 10,
                10,
                m / 10,
                m % 10,
                10,
                day / 10,
                day % 10,
            ];
            out.extend(
                digits
                    .iter()
                    .map(|&x| if x == 10 { b'-' } else { b'0' + x as u8 }),
            );
        }
        _ => out.extend_from_slice(format!("day {days}").as_bytes()),
    }
}

/// Writes `value × 10^-scale` exactly, without trailing zeros after the
/// point.
fn push_decimal(out: &mut Vec<u8>, value: i128, scale: i8) {
    let mut digits = value.unsigned_abs().to_string().into_bytes();
    if value < 0 {
        out.push(b'-');
    }
    if scale <= 0 {
        out.extend_from_slice(&digits);
        out.extend(std::iter::repeat_n(b'0', usize::from(scale.unsigned_abs())));
        return;
    }
    let scale = usize::from(scale.unsigned_abs());
    if digits.len() <= scale {
        let mut padded = vec![b'0'; scale + 1 - digits.len()];
        padded.extend_from_slice(&digits);
        digits = padded;
    }
    let (whole, frac) = digits.split_at(digits.len() - scale);
    out.extend_from_slice(whole);
    let kept = frac.iter().rposition(|&b| b != b'0').map_or(0, |p| p + 1);
    if kept > 0 {
        out.push(b'.');
        out.extend_from_slice(&frac[..kept]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{DictionaryArray, Float64Array, Int64Array, StringArray, UInt16Array};
    use std::sync::Arc;

    fn text(cells: &Cells<'_>, i: usize) -> String {
        let mut out = Vec::new();
        cells.write(i, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn values_are_written_as_csv_text() {
        let ints = Int64Array::from(vec![Some(7), None, Some(-3)]);
        let c = Cells::of(&ints, "parent_id").unwrap();
        assert_eq!([text(&c, 0), text(&c, 1), text(&c, 2)], ["7", "", "-3"]);
        let dates = Date32Array::from(vec![16_314, -719_163 - 1]);
        let c = Cells::of(&dates, "applied_on").unwrap();
        assert_eq!(text(&c, 0), "2014-09-01");
        assert!(text(&c, 1).starts_with("day "));
        let dec = Decimal128Array::from(vec![150, 25, 100, 3])
            .with_precision_and_scale(5, 2)
            .unwrap();
        let c = Cells::of(&dec, "weight").unwrap();
        assert_eq!(
            [text(&c, 0), text(&c, 1), text(&c, 2), text(&c, 3)],
            ["1.5", "0.25", "1", "0.03"]
        );
        let s = StringArray::from(vec!["a,b\"c\nd"]);
        assert_eq!(text(&Cells::of(&s, "work_type").unwrap(), 0), "a?b?c?d");
        let dict: DictionaryArray<arrow_array::types::Int8Type> =
            vec![Some("test"), None, Some("answer")]
                .into_iter()
                .collect();
        let c = Cells::of(&dict, "work_type").unwrap();
        assert_eq!(
            [text(&c, 0), text(&c, 1), text(&c, 2)],
            ["test", "", "answer"]
        );
        let u = UInt16Array::from(vec![65_535]);
        assert_eq!(text(&Cells::of(&u, "mark").unwrap(), 0), "65535");
    }

    #[test]
    fn floats_are_refused_for_the_whole_column() {
        let floats: Arc<dyn Array> = Arc::new(Float64Array::from(vec![1.0]));
        let e = Cells::of(floats.as_ref(), "weight").err().unwrap();
        assert_eq!(e.code(), "region.frame_column_type");
        assert_eq!(e.column(), Some("weight"));
    }
}
