//! Field values of the bulk CSV files: ids, dates and flags, parsed from
//! bytes, and the digits of the reports' output. Weights and work-type
//! codes, checked once per distinct value, are in `value_caches`.

use chrono::NaiveDate;

use super::error::{RegionError, ValueProblem};

/// Keeps the first `len` (1..=8) bytes of a word.
#[inline(always)]
fn low_bytes(len: usize) -> u64 {
    if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    }
}

/// A whole number of 1 to 8 digits from the word of its bytes, eight digits
/// at a time; `None` unless every byte is a digit.
#[inline(always)]
fn digits8(word: u64, len: usize) -> Option<u32> {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    let keep = low_bytes(len);
    // Bytes past the field become '0' and are checked like the others.
    let t = (word & keep) | (ZEROS & !keep);
    let all_digits = ((t & 0xF0F0_F0F0_F0F0_F0F0)
        | (((t.wrapping_add(0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0) >> 4))
        == 0x3333_3333_3333_3333;
    all_digits.then(|| digits_value(word, len))
}

/// The value of the first `len` (1..=8) bytes of `word`, which the caller
/// has found to be digits.
#[inline(always)]
fn digits_value(word: u64, len: usize) -> u32 {
    // Digits less '0', right-aligned: the bytes shifted in are zeros.
    let mut v = ((word ^ 0x3030_3030_3030_3030) & low_bytes(len)) << (8 * (8 - len));
    v = (v.wrapping_mul(10) + (v >> 8)) & 0x00FF_00FF_00FF_00FF;
    v = (v.wrapping_mul(100) + (v >> 16)) & 0x0000_FFFF_0000_FFFF;
    v = (v.wrapping_mul(10_000) + (v >> 32)) & 0xFFFF_FFFF;
    v as u32
}

/// The eight bytes at `p` as a word and how many of its first bytes are
/// digits, when the buffer has eight bytes there and not all are digits.
#[inline(always)]
pub(crate) fn digit_word(block: &[u8], p: usize) -> Option<(u64, usize)> {
    let bytes = <[u8; 8]>::try_from(block.get(p..p + 8)?).ok()?;
    let w = u64::from_le_bytes(bytes);
    let t = w ^ 0x3030_3030_3030_3030;
    // High bit of each byte that is not a digit.
    let other = (((t & 0x7F7F_7F7F_7F7F_7F7F) + 0x7676_7676_7676_7676) | t) & 0x8080_8080_8080_8080;
    (other != 0).then(|| (w, (other.trailing_zeros() / 8) as usize))
}

/// The whole number whose digits start at `p` (at most ten digits, at most
/// `u32::MAX`) and the position after them; `None` without a digit. Eight
/// bytes at a time where the buffer has them.
#[inline(always)]
pub(crate) fn digits_at(block: &[u8], p: usize) -> Option<(u32, usize)> {
    if let Some((w, len)) = digit_word(block, p) {
        return (len > 0).then(|| (digits_value(w, len), p + len));
    }
    let mut v: u64 = 0;
    let mut q = p;
    while q < block.len() && block[q].is_ascii_digit() && q - p < 10 {
        v = v * 10 + u64::from(block[q] - b'0');
        q += 1;
    }
    if q == p {
        return None;
    }
    u32::try_from(v).ok().map(|v| (v, q))
}

/// [`parse_u32`], eight digits at a time when `word` holds the field's
/// bytes.
#[inline(always)]
pub(crate) fn parse_u32_word(field: &[u8], word: Option<u64>) -> Option<u32> {
    match word {
        Some(w) if (1..=8).contains(&field.len()) => digits8(w, field.len()),
        _ => parse_u32(field),
    }
}

/// An id field (with the word of its first eight bytes), or the
/// coded error for `column`.
#[inline(always)]
pub(crate) fn id_field_word(
    field: &[u8],
    word: Option<u64>,
    column: &str,
) -> Result<u32, RegionError> {
    match parse_u32_word(field, word) {
        Some(v) => Ok(v),
        None => id_field(field, column),
    }
}

/// A whole number `0..=u32::MAX`, digits only.
#[inline]
pub(crate) fn parse_u32(field: &[u8]) -> Option<u32> {
    if field.is_empty() || field.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for &b in field {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v * 10 + u64::from(d);
    }
    u32::try_from(v).ok()
}

/// An id field, or the coded error for `column`.
#[inline]
pub(crate) fn id_field(field: &[u8], column: &str) -> Result<u32, RegionError> {
    parse_u32(field).ok_or_else(|| {
        let problem = if field.is_empty() {
            ValueProblem::Missing
        } else {
            ValueProblem::NotAnId
        };
        RegionError::value(column, field, problem)
    })
}

/// Days from 0001-01-01 (day 1), the same count as
/// [`chrono::Datelike::num_days_from_ce`].
#[inline]
pub(crate) fn day_number(year: i32, month: u32, day: u32) -> i32 {
    // Days-from-civil with the year starting in March.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // 0000-03-01 is day -305 of the count that starts at 0001-01-01 = 1.
    era * 146_097 + doe - 305
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A date `YYYY-MM-DD` (years 1000–9999) as its day number.
#[inline]
pub(crate) fn parse_date(field: &[u8]) -> Option<i32> {
    let f: &[u8; 10] = field.try_into().ok()?;
    if f[4] != b'-' || f[7] != b'-' {
        return None;
    }
    let digit = |b: u8| -> Option<u32> {
        let d = b.wrapping_sub(b'0');
        (d <= 9).then_some(u32::from(d))
    };
    let year = digit(f[0])? * 1000 + digit(f[1])? * 100 + digit(f[2])? * 10 + digit(f[3])?;
    let month = digit(f[5])? * 10 + digit(f[6])?;
    let day = digit(f[8])? * 10 + digit(f[9])?;
    if year < 1000 || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let year = year as i32;
    if day > days_in_month(year, month) {
        return None;
    }
    Some(day_number(year, month, day))
}

/// A required date field as its day number.
#[inline]
pub(crate) fn date_field(field: &[u8], column: &str) -> Result<i32, RegionError> {
    parse_date(field).ok_or_else(|| {
        let problem = if field.is_empty() {
            ValueProblem::Missing
        } else {
            ValueProblem::NotADate
        };
        RegionError::value(column, field, problem)
    })
}

/// An optional date field: empty is `None`.
#[inline]
pub(crate) fn optional_date_field(field: &[u8], column: &str) -> Result<Option<i32>, RegionError> {
    if field.is_empty() {
        return Ok(None);
    }
    parse_date(field)
        .map(Some)
        .ok_or_else(|| RegionError::value(column, field, ValueProblem::NotADate))
}

/// The calendar date of a day number.
pub(crate) fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// The day number of a calendar date.
pub(crate) fn day_of(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce()
}

/// `0` or `1`.
#[inline]
pub(crate) fn flag_field(field: &[u8], column: &str) -> Result<bool, RegionError> {
    match field {
        b"1" => Ok(true),
        b"0" => Ok(false),
        b"" => Err(RegionError::value(column, field, ValueProblem::Missing)),
        _ => Err(RegionError::value(column, field, ValueProblem::NotAFlag)),
    }
}

/// Appends the first `len` bytes of `bytes` (at most `N`) with one copy of
/// all `N` of them, the bytes past `len` cut off again: a short text kept
/// in a fixed-size array costs a few register moves instead of a copy of
/// its exact length.
#[inline(always)]
pub(crate) fn push_prefix<const N: usize>(buf: &mut Vec<u8>, bytes: &[u8; N], len: usize) {
    debug_assert!(len <= N);
    let at = buf.len();
    buf.extend_from_slice(bytes);
    buf.truncate(at + len);
}

/// Appends the decimal digits of `v`.
#[inline]
pub(crate) fn push_u64(out: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&tmp[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    #[test]
    fn ids_flags_and_dates() {
        assert_eq!(parse_u32(b"0"), Some(0));
        assert_eq!(parse_u32(b"007"), Some(7));
        assert_eq!(parse_u32(b"4294967295"), Some(u32::MAX));
        assert_eq!(parse_u32(b"4294967296"), None);
        assert_eq!(parse_u32(b"-1"), None);
        assert_eq!(parse_u32(b" 1"), None);
        assert_eq!(parse_u32(b""), None);
        assert_eq!(
            id_field(b"", "x").unwrap_err().code(),
            "region.missing_value"
        );
        assert_eq!(
            id_field(b"1.0", "x").unwrap_err().code(),
            "region.invalid_id"
        );
        assert!(flag_field(b"1", "f").unwrap());
        assert!(!flag_field(b"0", "f").unwrap());
        assert_eq!(
            flag_field(b"yes", "f").unwrap_err().code(),
            "region.invalid_flag"
        );
        assert_eq!(
            flag_field(b"", "f").unwrap_err().code(),
            "region.missing_value"
        );
        for bad in [
            &b"2014-02-29"[..],
            b"2014-13-01",
            b"2014-00-10",
            b"2014-01-00",
            b"2014/01/01",
            b"14-01-01",
            b"0999-01-01",
            b"2014-1-011",
        ] {
            assert_eq!(parse_date(bad), None, "{}", String::from_utf8_lossy(bad));
        }
        assert!(parse_date(b"2016-02-29").is_some());
        assert!(parse_date(b"2000-02-29").is_some());
        assert!(parse_date(b"1900-02-29").is_none());
        assert_eq!(optional_date_field(b"", "d").unwrap(), None);
        assert_eq!(
            date_field(b"", "d").unwrap_err().code(),
            "region.missing_value"
        );
        assert_eq!(
            optional_date_field(b"x", "d").unwrap_err().code(),
            "region.invalid_date"
        );
    }

    #[test]
    fn eight_digits_at_a_time() {
        for text in [
            "0", "7", "12", "123", "00000001", "99999999", "12345678", "4294967",
        ] {
            let mut padded = text.as_bytes().to_vec();
            padded.extend_from_slice(b",9x\n12345678");
            let word = u64::from_le_bytes(padded[..8].try_into().unwrap());
            assert_eq!(
                parse_u32_word(text.as_bytes(), Some(word)),
                parse_u32(text.as_bytes()),
                "{text}"
            );
        }
    }

    proptest! {
        #[test]
        fn digits_at_equals_a_byte_loop(bytes in prop::collection::vec(prop::sample::select(b"0123456789,x".to_vec()), 0..24), at in 0usize..24) {
            let at = at.min(bytes.len());
            let n = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            let expected = if n == 0 {
                None
            } else {
                let k = n.min(10);
                parse_u32(&bytes[at..at + k]).map(|v| (v, at + k))
            };
            prop_assert_eq!(digits_at(&bytes, at), expected);
        }

        #[test]
        fn word_parse_equals_byte_parse(bytes in prop::collection::vec(prop::sample::select(b"0123456789/:a ,-".to_vec()), 0..12), tail in any::<u64>()) {
            let mut buf = bytes.clone();
            buf.extend_from_slice(&tail.to_le_bytes());
            let word = u64::from_le_bytes(buf[..8].try_into().unwrap());
            prop_assert_eq!(parse_u32_word(&bytes, Some(word)), parse_u32(&bytes));
            prop_assert_eq!(parse_u32_word(&bytes, None), parse_u32(&bytes));
        }
    }

    #[test]
    fn digits() {
        let mut out = Vec::new();
        push_u64(&mut out, 0);
        out.push(b' ');
        push_u64(&mut out, u64::MAX);
        assert_eq!(out, b"0 18446744073709551615");
    }

    proptest! {
        #[test]
        fn day_numbers_match_the_calendar(days in 365_000i32..3_650_000) {
            let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            prop_assert_eq!(day_number(date.year(), date.month(), date.day()), days);
            let text = date.format("%Y-%m-%d").to_string();
            prop_assert_eq!(parse_date(text.as_bytes()), Some(days));
            prop_assert_eq!(date_of(days), Some(date));
            prop_assert_eq!(day_of(date), days);
        }
    }
}
