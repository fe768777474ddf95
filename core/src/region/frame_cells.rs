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
pub(super) const MAX_TEXT: usize = 256;

/// The day number (days from 0001-01-01 = day 1) of 1970-01-01, the
/// epoch of Arrow's dates.
pub(super) const EPOCH_DAY: i32 = 719_163;

/// The day numbers of 1000-01-01 and 9999-12-31: the years the date rule
/// of the CSV files takes.
pub(super) const FIRST_DAY: i32 = 364_878;
pub(super) const LAST_DAY: i32 = 3_652_059;

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

    /// The integer at `i` of an integer column (`None` for a null or
    /// another type), widened.
    #[inline]
    fn int(&self, i: usize) -> Option<i128> {
        match self {
            Cells::Signed(s) => match s {
                Signed::I8(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
                Signed::I16(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
                Signed::I32(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
                Signed::I64(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
            },
            Cells::Unsigned(u) => match u {
                Unsigned::U8(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
                Unsigned::U16(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
                Unsigned::U32(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
                Unsigned::U64(a) => a.is_valid(i).then(|| i128::from(a.value(i))),
            },
            _ => None,
        }
    }

    /// The integer at `i` as an index (a dictionary's key), if it is one.
    fn index(&self, i: usize) -> Option<usize> {
        self.int(i).and_then(|v| usize::try_from(v).ok())
    }

    /// Whether the column is of a type the typed reading takes as it is:
    /// integers, booleans, `date32`, the null type.
    pub(super) fn is_typed(&self) -> bool {
        matches!(
            self,
            Cells::Null | Cells::Signed(_) | Cells::Unsigned(_) | Cells::Bool(_) | Cells::Date32(_)
        )
    }

    /// Whether the column holds decimals.
    pub(super) fn is_decimal(&self) -> bool {
        matches!(self, Cells::Decimal(..))
    }

    /// Whether the column holds strings (or a dictionary of strings).
    pub(super) fn is_text(&self) -> bool {
        match self {
            Cells::Utf8(_) | Cells::LargeUtf8(_) | Cells::Utf8View(_) => true,
            Cells::Dictionary(_, values) => values.is_text(),
            _ => false,
        }
    }

    /// The id at `i` as the id rule takes its text (a whole number
    /// `0..=u32::MAX`); `None` when the text path must decide.
    #[inline]
    pub(super) fn id(&self, i: usize) -> Option<u32> {
        self.int(i).and_then(|v| u32::try_from(v).ok())
    }

    /// The flag at `i` (a boolean, or an integer 0 or 1); `None` when the
    /// text path must decide.
    #[inline]
    pub(super) fn flag(&self, i: usize) -> Option<bool> {
        match self {
            Cells::Bool(a) => a.is_valid(i).then(|| a.value(i)),
            _ => match self.int(i) {
                Some(0) => Some(false),
                Some(1) => Some(true),
                _ => None,
            },
        }
    }

    /// The text at `i` of a string column (or a dictionary of strings),
    /// when the text path would see the same bytes (no `,`, `"`, CR or LF,
    /// at most 256 bytes); `None` otherwise.
    #[inline]
    pub(super) fn text(&self, i: usize) -> Option<&[u8]> {
        let s = match self {
            Cells::Utf8(a) => a.is_valid(i).then(|| a.value(i))?,
            Cells::LargeUtf8(a) => a.is_valid(i).then(|| a.value(i))?,
            Cells::Utf8View(a) => a.is_valid(i).then(|| a.value(i))?,
            Cells::Dictionary(keys, values) => return values.text(keys.index(i)?),
            _ => return None,
        };
        let b = s.as_bytes();
        (b.len() <= MAX_TEXT && !b.iter().any(|c| matches!(c, b',' | b'"' | b'\r' | b'\n')))
            .then_some(b)
    }

    /// The optional date at `i` as a day number (`Some(None)` for a null);
    /// `None` when the text path must decide (a date outside the years the
    /// date rule takes, or another type).
    #[inline]
    pub(super) fn optional_day(&self, i: usize) -> Option<Option<i32>> {
        match self {
            Cells::Null => Some(None),
            Cells::Date32(a) if a.is_null(i) => Some(None),
            Cells::Date32(a) => {
                let day = a.value(i).checked_add(EPOCH_DAY)?;
                (FIRST_DAY..=LAST_DAY).contains(&day).then_some(Some(day))
            }
            _ => None,
        }
    }

    /// Appends the text of the cell at `i` (nothing for a null); dates
    /// through `days`, the text of the days seen lately.
    pub(super) fn write(&self, i: usize, out: &mut Vec<u8>, days: &mut DayTexts) {
        match self {
            Cells::Null => {}
            Cells::Signed(_) | Cells::Unsigned(_) => {
                if let Some(v) = self.int(i) {
                    if v < 0 {
                        out.push(b'-');
                    }
                    push_u128(out, v.unsigned_abs());
                }
            }
            Cells::Bool(a) => {
                if a.is_valid(i) {
                    out.push(if a.value(i) { b'1' } else { b'0' });
                }
            }
            Cells::Date32(a) => {
                if a.is_valid(i) {
                    days.push(out, i64::from(a.value(i)));
                }
            }
            Cells::Date64(a) => {
                if a.is_valid(i) {
                    let ms = a.value(i);
                    if ms % MS_PER_DAY == 0 {
                        days.push(out, ms / MS_PER_DAY);
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
                    values.write(k, out, days);
                }
            }
        }
    }
}

/// Slots of [`DayTexts`] (a power of two).
pub(super) const DAY_SLOTS: usize = 1024;

/// The `YYYY-MM-DD` text of the days written lately, so that a column of
/// dates (a school year has a few hundred) is rendered once per distinct
/// day: a direct-mapped table keyed by the day number.
pub(crate) struct DayTexts {
    slots: Vec<(i64, [u8; 10])>,
}

impl DayTexts {
    /// An empty table.
    pub(crate) fn new() -> DayTexts {
        DayTexts {
            slots: vec![(i64::MIN, [0; 10]); DAY_SLOTS],
        }
    }

    /// Writes the date `days` after 1970-01-01, as [`push_epoch_day`].
    pub(super) fn push(&mut self, out: &mut Vec<u8>, days: i64) {
        let slot = &mut self.slots[(days as u64 as usize) & (DAY_SLOTS - 1)];
        if slot.0 != days {
            let mut text = Vec::with_capacity(10);
            push_epoch_day(&mut text, days);
            match <[u8; 10]>::try_from(text.as_slice()) {
                Ok(fixed) => *slot = (days, fixed),
                // Outside years 1..=9999: not kept.
                Err(_) => return out.extend_from_slice(&text),
            }
        }
        out.extend_from_slice(&slot.1);
    }
}

/// Writes a whole number in decimal.
fn push_u128(out: &mut Vec<u8>, v: u128) {
    match u64::try_from(v) {
        Ok(small) => push_u64(out, small),
        Err(_) => out.extend_from_slice(v.to_string().as_bytes()),
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
