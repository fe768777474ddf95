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

/// The required dates of rows `start..end` as day numbers, as
/// [`Cells::day`] takes each.
pub(super) fn days(c: &Cells<'_>, rows: (usize, usize), out: &mut Vec<i32>) -> Option<()> {
    match c {
        Cells::Date32(a) => each(a, rows, out, |v| {
            let day = v.checked_add(EPOCH_DAY)?;
            (FIRST_DAY..=LAST_DAY).contains(&day).then_some(day)
        }),
        _ => None,
    }
}

/// The weights of rows `start..end` in hundredths, as
/// [`Cells::hundredths`] takes each: the scale's factor is worked out
/// once.
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
