//! A chunk of a typed column decoded at once into plain values: the
//! column's type is matched once per chunk, not once per cell, and a
//! dictionary's values (a polars `Categorical`) are checked once each, not
//! once per row. Each function gives `None` at the first cell the cell
//! accessors of `frame_cells` would not take, so the typed path gives up
//! exactly where it did cell by cell, and the text path names the error.

use arrow_array::types::ArrowPrimitiveType;
use arrow_array::{Array, PrimitiveArray};

use super::frame_cells::{Cells, EPOCH_DAY, FIRST_DAY, LAST_DAY, Signed, Unsigned};

/// Rows `start..end` of `a` through `f` into `out` (cleared first); `None`
/// at a null or where `f` refuses.
fn each<T: ArrowPrimitiveType, U>(
    a: &PrimitiveArray<T>,
    (start, end): (usize, usize),
    out: &mut Vec<U>,
    f: impl Fn(T::Native) -> Option<U>,
) -> Option<()> {
    out.clear();
    let len = end.checked_sub(start)?;
    if a.null_count() > 0 && a.slice(start, len).null_count() > 0 {
        return None;
    }
    let values = a.values().get(start..end)?;
    out.reserve(len);
    for &v in values {
        out.push(f(v)?);
    }
    Some(())
}

/// Integers of any width, each through `f` as an `i128`.
fn integers<U>(
    c: &Cells<'_>,
    rows: (usize, usize),
    out: &mut Vec<U>,
    f: impl Fn(i128) -> Option<U>,
) -> Option<()> {
    match c {
        Cells::Signed(Signed::I8(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Signed(Signed::I16(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Signed(Signed::I32(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Signed(Signed::I64(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Unsigned(Unsigned::U8(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Unsigned(Unsigned::U16(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Unsigned(Unsigned::U32(a)) => each(a, rows, out, |v| f(i128::from(v))),
        Cells::Unsigned(Unsigned::U64(a)) => each(a, rows, out, |v| f(i128::from(v))),
        _ => None,
    }
}

/// The ids of rows `start..end`, as [`Cells::id`] takes each.
pub(super) fn ids(c: &Cells<'_>, rows: (usize, usize), out: &mut Vec<u32>) -> Option<()> {
    integers(c, rows, out, |v| u32::try_from(v).ok())
}

/// The required dates of rows `start..end` as day numbers: `date32`
/// values of the years 1000–9999, as [`Cells::optional_day`] takes them,
/// and no null.
pub(super) fn days(c: &Cells<'_>, rows: (usize, usize), out: &mut Vec<i32>) -> Option<()> {
    match c {
        Cells::Date32(a) => each(a, rows, out, |v| {
            let day = v.checked_add(EPOCH_DAY)?;
            (FIRST_DAY..=LAST_DAY).contains(&day).then_some(day)
        }),
        _ => None,
    }
}

/// The weights of rows `start..end` in hundredths, when each is a whole
/// number of hundredths (a decimal, or an integer): the scale's factor is
/// worked out once.
pub(super) fn hundredths(c: &Cells<'_>, rows: (usize, usize), out: &mut Vec<u64>) -> Option<()> {
    let (a, scale) = match c {
        Cells::Decimal(a, scale) => (*a, *scale),
        _ => return integers(c, rows, out, |v| u64::try_from(v).ok()?.checked_mul(100)),
    };
    if scale <= 2 {
        let mul = 10u64.checked_pow(u32::from((2 - scale).unsigned_abs()))?;
        each(a, rows, out, |v| u64::try_from(v).ok()?.checked_mul(mul))
    } else {
        let div = 10u64.checked_pow(u32::from((scale - 2).unsigned_abs()))?;
        each(a, rows, out, |v| {
            let v = u64::try_from(v).ok()?;
            (v % div == 0).then_some(v / div)
        })
    }
}

/// Whether every text of rows `start..end` passes `valid`, as
/// [`Cells::text`] gives each: a dictionary's values are each asked once,
/// and only those its keys use.
pub(super) fn all_texts(
    c: &Cells<'_>,
    (start, end): (usize, usize),
    keys: &mut Vec<usize>,
    mut valid: impl FnMut(&[u8]) -> bool,
) -> Option<()> {
    if let Cells::Dictionary(key_cells, values) = c {
        integers(key_cells, (start, end), keys, |v| usize::try_from(v).ok())?;
        // Per value: 0 not asked yet, 1 valid, 2 refused.
        let mut state = vec![0u8; keys.iter().max().map_or(0, |&k| k + 1)];
        for &k in keys.iter() {
            let slot = state.get_mut(k)?;
            if *slot == 0 {
                *slot = if values.text(k).is_some_and(&mut valid) {
                    1
                } else {
                    2
                };
            }
            if *slot != 1 {
                return None;
            }
        }
        return Some(());
    }
    (start..end)
        .all(|i| c.text(i).is_some_and(&mut valid))
        .then_some(())
}

#[cfg(test)]
mod tests {
    use arrow_array::types::UInt32Type;
    use arrow_array::{
        Date32Array, Decimal128Array, DictionaryArray, Int8Array, Int64Array, StringArray,
    };

    use super::*;

    fn cells(a: &dyn Array) -> Cells<'_> {
        Cells::of(a, "column").unwrap()
    }

    #[test]
    fn ids_take_whole_numbers_of_u32_and_no_null() {
        let mut out = Vec::new();
        let a = Int64Array::from(vec![Some(1), Some(4_294_967_295), None, Some(-1)]);
        assert_eq!(ids(&cells(&a), (0, 2), &mut out), Some(()));
        assert_eq!(out, [1, u32::MAX]);
        assert_eq!(ids(&cells(&a), (1, 3), &mut out), None, "a null");
        assert_eq!(ids(&cells(&a), (3, 4), &mut out), None, "a negative id");
        let big = Int64Array::from(vec![4_294_967_296]);
        assert_eq!(ids(&cells(&big), (0, 1), &mut out), None);
        let small = Int8Array::from(vec![7, 8]);
        assert_eq!(ids(&cells(&small), (0, 2), &mut out), Some(()));
        assert_eq!(out, [7, 8]);
    }

    #[test]
    fn days_take_dates_of_the_years_1000_to_9999() {
        let mut out = Vec::new();
        // 2014-09-01 is day 16 314 after 1970-01-01.
        let a = Date32Array::from(vec![16_314, FIRST_DAY - EPOCH_DAY - 1]);
        assert_eq!(days(&cells(&a), (0, 1), &mut out), Some(()));
        assert_eq!(out, [16_314 + EPOCH_DAY]);
        assert_eq!(days(&cells(&a), (0, 2), &mut out), None, "year 999");
        let ints = Int64Array::from(vec![16_314]);
        assert_eq!(days(&cells(&ints), (0, 1), &mut out), None);
    }

    #[test]
    fn hundredths_of_any_scale_or_of_integers() {
        let mut out = Vec::new();
        let two = Decimal128Array::from(vec![150, 100])
            .with_precision_and_scale(5, 2)
            .unwrap();
        assert_eq!(hundredths(&cells(&two), (0, 2), &mut out), Some(()));
        assert_eq!(out, [150, 100]);
        let three = Decimal128Array::from(vec![1_500, 1_005])
            .with_precision_and_scale(6, 3)
            .unwrap();
        assert_eq!(hundredths(&cells(&three), (0, 1), &mut out), Some(()));
        assert_eq!(out, [150]);
        assert_eq!(hundredths(&cells(&three), (0, 2), &mut out), None, "1.005");
        let ints = Int64Array::from(vec![2, 1]);
        assert_eq!(hundredths(&cells(&ints), (0, 2), &mut out), Some(()));
        assert_eq!(out, [200, 100]);
    }

    #[test]
    fn a_dictionary_asks_each_used_value_once() {
        let mut keys = Vec::new();
        let dict: DictionaryArray<UInt32Type> =
            vec!["test", "answer", "test", "test"].into_iter().collect();
        let mut asked = Vec::new();
        let all = all_texts(&cells(&dict), (0, 4), &mut keys, |t| {
            asked.push(t.to_vec());
            true
        });
        assert_eq!(all, Some(()));
        assert_eq!(asked, [b"test".to_vec(), b"answer".to_vec()]);
        // A refused value gives up only in a chunk whose keys use it.
        let dict: DictionaryArray<UInt32Type> = vec!["test", "test", "bad"].into_iter().collect();
        let valid = |t: &[u8]| t != b"bad";
        assert_eq!(all_texts(&cells(&dict), (0, 2), &mut keys, valid), Some(()));
        assert_eq!(all_texts(&cells(&dict), (0, 3), &mut keys, valid), None);
        // A null key, and plain strings with a comma.
        let dict: DictionaryArray<UInt32Type> = vec![Some("test"), None].into_iter().collect();
        assert_eq!(all_texts(&cells(&dict), (0, 2), &mut keys, |_| true), None);
        let plain = StringArray::from(vec!["test", "a,b"]);
        assert_eq!(
            all_texts(&cells(&plain), (0, 1), &mut keys, |_| true),
            Some(())
        );
        assert_eq!(all_texts(&cells(&plain), (0, 2), &mut keys, |_| true), None);
    }
}
