//! Field values checked by the crate's own rules once per distinct value:
//! weights by [`Weight::new`], work-type codes by [`WorkTypeCode::new`],
//! and the day number of a date repeated row after row.

use rust_decimal::Decimal;

use super::error::{RegionError, ValueProblem};
use super::terms::ReportTerms;
use super::values::{date_field, optional_date_field};
use crate::marks::{Weight, WorkTypeCode};

/// Weights in hundredths that [`Weight::new`] accepted or refused, so that
/// the weight rule runs once per distinct value.
pub(crate) struct WeightCache {
    // 0 unknown, 1 valid, 2 invalid; index = hundredths (0..=10000 and one
    // slot for anything larger).
    state: Vec<u8>,
}

/// The largest weight in hundredths that fits the table (100.00).
const WEIGHT_TABLE: usize = 10_001;

impl WeightCache {
    pub(crate) fn new() -> WeightCache {
        WeightCache {
            state: vec![0; WEIGHT_TABLE + 1],
        }
    }

    /// The weight in hundredths of a decimal text with at most two decimal
    /// places (more places only as trailing zeros), checked by the weight
    /// rule of the marks module.
    #[inline]
    pub(crate) fn hundredths(&mut self, field: &[u8], column: &str) -> Result<u32, RegionError> {
        let bad = || {
            let problem = if field.is_empty() {
                ValueProblem::Missing
            } else {
                ValueProblem::InvalidWeight
            };
            RegionError::value(column, field, problem)
        };
        let mut whole: u64 = 0;
        let mut i = 0;
        while i < field.len() && field[i].is_ascii_digit() {
            whole = (whole * 10 + u64::from(field[i] - b'0')).min(1_000_000);
            i += 1;
        }
        let int_digits = i;
        let mut frac: u64 = 0;
        let mut frac_digits = 0;
        if i < field.len() && field[i] == b'.' {
            i += 1;
            while i < field.len() && field[i].is_ascii_digit() {
                let d = u64::from(field[i] - b'0');
                if frac_digits < 2 {
                    frac = frac * 10 + d;
                } else if d != 0 {
                    return Err(bad());
                }
                frac_digits += 1;
                i += 1;
            }
            if frac_digits == 0 {
                return Err(bad());
            }
        }
        if i != field.len() || int_digits == 0 {
            return Err(bad());
        }
        if frac_digits == 1 {
            frac *= 10;
        }
        let value = whole * 100 + frac;
        if self.valid(value) {
            Ok(value as u32)
        } else {
            Err(bad())
        }
    }

    /// Whether a weight of `hundredths` is valid, by the weight rule of the
    /// marks module (asked once per distinct value).
    #[inline(always)]
    pub(crate) fn valid(&mut self, hundredths: u64) -> bool {
        let slot = (hundredths as usize).min(WEIGHT_TABLE);
        match self.state[slot] {
            1 => true,
            2 => false,
            _ => self.ask(slot, hundredths),
        }
    }

    /// Asks the weight rule about a value not seen before.
    #[cold]
    fn ask(&mut self, slot: usize, hundredths: u64) -> bool {
        // A value past the table is refused by the rule (it is above 100)
        // and never cached as valid.
        let valid =
            i64::try_from(hundredths).is_ok_and(|h| Weight::new(Decimal::new(h, 2)).is_ok());
        self.state[slot] = if valid { 1 } else { 2 };
        valid
    }
}

/// Work-type codes already checked by [`WorkTypeCode::new`]: codes of at
/// most eight bytes as (length, bytes as a number), longer ones as text.
/// Short codes are also kept in a small table by a hash of their bytes, so
/// that a known code is found with one comparison.
pub(crate) struct WorkTypeCache {
    short: Vec<(usize, u64)>,
    long: Vec<Vec<u8>>,
    table: [(u64, usize); TABLE],
}

/// Slots of [`WorkTypeCache`]'s table.
const TABLE: usize = 64;

/// The table slot of a short code's bytes.
#[inline(always)]
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize
}

/// Up to eight bytes as one number.
#[inline]
fn pack8(field: &[u8]) -> u64 {
    let mut key = 0u64;
    for (i, &b) in field.iter().take(8).enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    key
}

impl WorkTypeCache {
    pub(crate) fn new() -> WorkTypeCache {
        WorkTypeCache {
            short: Vec::new(),
            long: Vec::new(),
            // Length 0 never matches: a code is not empty.
            table: [(0, 0); TABLE],
        }
    }

    /// Whether a field of at most eight bytes, as (length, [`pack8`]), is a
    /// code already checked.
    #[inline(always)]
    pub(crate) fn is_known(&self, len: usize, key: u64) -> bool {
        let (k, l) = self.table[slot(key)];
        (k == key && l == len && len != 0) || self.short_known(len, key)
    }

    /// [`WorkTypeCache::is_known`] for a code whose slot holds another.
    #[cold]
    fn short_known(&self, len: usize, key: u64) -> bool {
        self.short.contains(&(len, key))
    }

    /// Checks a work-type field by the work-type code rule.
    #[inline]
    pub(crate) fn check(&mut self, field: &[u8], column: &str) -> Result<(), RegionError> {
        let known = if field.len() <= 8 {
            let key = (field.len(), pack8(field));
            self.short.contains(&key)
        } else {
            self.long.iter().any(|k| k.as_slice() == field)
        };
        if known {
            return Ok(());
        }
        if field.is_empty() {
            return Err(RegionError::value(column, field, ValueProblem::Missing));
        }
        let text = std::str::from_utf8(field)
            .map_err(|_| RegionError::value(column, field, ValueProblem::InvalidWorkType))?;
        WorkTypeCode::new(text)
            .map_err(|_| RegionError::value(column, field, ValueProblem::InvalidWorkType))?;
        if self.short.len() + self.long.len() < 64 {
            if field.len() <= 8 {
                let key = pack8(field);
                self.short.push((field.len(), key));
                if self.table[slot(key)].1 == 0 {
                    self.table[slot(key)] = (key, field.len());
                }
            } else {
                self.long.push(field.to_vec());
            }
        }
        Ok(())
    }
}

/// The day number of the last date field read: marks exported in date
/// order repeat the same date for many rows.
pub(crate) struct DateCache {
    /// The last date's ten bytes as two words (`None` before the first).
    last: Option<(u64, u16)>,
    day: i32,
    /// The term of `day`, once asked.
    term: Option<u8>,
}

impl DateCache {
    pub(crate) fn new() -> DateCache {
        DateCache {
            last: None,
            day: 0,
            term: None,
        }
    }

    /// A required date field as its day number and the index of its term
    /// among `terms` (or [`NO_TERM`](super::terms::NO_TERM)).
    #[inline(always)]
    pub(crate) fn date_and_term(
        &mut self,
        field: &[u8],
        column: &str,
        terms: &ReportTerms,
    ) -> Result<(i32, u8), RegionError> {
        let day = self.date(field, column)?;
        let term = *self.term.get_or_insert_with(|| terms.index_of_day(day));
        Ok((day, term))
    }

    /// A required date field as its day number.
    #[inline(always)]
    pub(crate) fn date(&mut self, field: &[u8], column: &str) -> Result<i32, RegionError> {
        let key = match <[u8; 10]>::try_from(field) {
            Ok([a, b, c, d, e, f, g, h, i, j]) => Some((
                u64::from_le_bytes([a, b, c, d, e, f, g, h]),
                u16::from_le_bytes([i, j]),
            )),
            Err(_) => None,
        };
        if key.is_some() && key == self.last {
            return Ok(self.day);
        }
        self.new_date(field, key, column)
    }

    /// [`DateCache::date`] of a field other than the last one.
    #[cold]
    fn new_date(
        &mut self,
        field: &[u8],
        key: Option<(u64, u16)>,
        column: &str,
    ) -> Result<i32, RegionError> {
        let day = date_field(field, column)?;
        self.last = key;
        self.day = day;
        self.term = None;
        Ok(day)
    }
}

/// Day numbers of optional date fields by their ten bytes, so that the
/// date rule runs once per distinct date: a registry's dates repeat (a few
/// hundred days for a million rows), in any order.
pub(crate) struct DayCache {
    /// (first eight bytes, last two, day number); `i32::MIN`: empty.
    slots: Vec<(u64, u16, i32)>,
}

const DAY_SLOTS: usize = 1 << 10;

impl DayCache {
    pub(crate) fn new() -> DayCache {
        DayCache {
            slots: vec![(0, 0, i32::MIN); DAY_SLOTS],
        }
    }

    /// An optional date field (empty is `None`) as its day number, by
    /// [`optional_date_field`].
    #[inline]
    pub(crate) fn optional(
        &mut self,
        field: &[u8],
        column: &str,
    ) -> Result<Option<i32>, RegionError> {
        let Ok([a, b, c, d, e, f, g, h, i, j]) = <[u8; 10]>::try_from(field) else {
            return optional_date_field(field, column);
        };
        let head = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
        let tail = u16::from_le_bytes([i, j]);
        let hash = (head ^ u64::from(tail).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = (hash >> (64 - DAY_SLOTS.trailing_zeros())) as usize;
        let (k1, k2, day) = self.slots[slot];
        if k1 == head && k2 == tail && day != i32::MIN {
            return Ok(Some(day));
        }
        let day = optional_date_field(field, column)?;
        if let Some(day) = day {
            self.slots[slot] = (head, tail, day);
        }
        Ok(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights() {
        let mut c = WeightCache::new();
        for (text, h) in [
            ("1", 100),
            ("1.5", 150),
            ("2", 200),
            ("3", 300),
            ("0.25", 25),
            ("1.50", 150),
            ("1.500", 150),
            ("100", 10000),
            ("007", 700),
        ] {
            assert_eq!(
                c.hundredths(text.as_bytes(), "weight").unwrap(),
                h,
                "{text}"
            );
        }
        for bad in [
            "0",
            "0.00",
            "100.01",
            "1.555",
            "",
            "1.",
            ".5",
            "1,5",
            "-1",
            "abc",
            "99999999999",
        ] {
            let e = c.hundredths(bad.as_bytes(), "weight").unwrap_err();
            assert!(
                e.code() == "region.invalid_weight" || e.code() == "region.missing_value",
                "{bad}"
            );
        }
        // cached answers stay the same
        assert!(c.hundredths(b"0", "weight").is_err());
        assert_eq!(c.hundredths(b"1.5", "weight").unwrap(), 150);
    }

    #[test]
    fn work_types() {
        let mut c = WorkTypeCache::new();
        assert!(c.check(b"test", "work_type").is_ok());
        assert!(c.check(b"test", "work_type").is_ok());
        assert_eq!(
            c.check(b"", "work_type").unwrap_err().code(),
            "region.missing_value"
        );
        assert_eq!(
            c.check(b"Test", "work_type").unwrap_err().code(),
            "region.invalid_work_type"
        );
        assert_eq!(
            c.check(&[0xff], "work_type").unwrap_err().code(),
            "region.invalid_work_type"
        );
    }

    #[test]
    fn day_cache_gives_the_rules_days_in_any_order() {
        let mut c = DayCache::new();
        let mut texts: Vec<String> = (0..3000)
            .map(|k| {
                let day = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap()
                    + chrono::Days::new(k % 1500);
                day.to_string()
            })
            .collect();
        texts.extend(
            [
                "",
                "2014-09-31",
                "2014-9-01",
                "\0\0\0\0\0\0\0\0\0\0",
                "2014-09-01x",
            ]
            .map(String::from),
        );
        for text in texts.iter().chain(texts.iter().rev()) {
            let cached = c.optional(text.as_bytes(), "d").map_err(|e| e.code());
            let direct = optional_date_field(text.as_bytes(), "d").map_err(|e| e.code());
            assert_eq!(cached, direct, "{text:?}");
        }
    }

    #[test]
    fn date_cache_gives_the_same_days() {
        let mut c = DateCache::new();
        for text in [
            "2014-09-01",
            "2014-09-01",
            "2014-09-02",
            "2014-09-01",
            "",
            "2014-09-31",
        ] {
            let cached = c.date(text.as_bytes(), "d").map_err(|e| e.code());
            let direct = date_field(text.as_bytes(), "d").map_err(|e| e.code());
            assert_eq!(cached, direct, "{text}");
        }
        let mut w = WorkTypeCache::new();
        assert!(w.check(b"homework", "work_type").is_ok());
        assert!(w.check(b"homework", "work_type").is_ok());
        assert!(w.check(b"independent", "work_type").is_ok());
        assert!(w.check(b"independent", "work_type").is_ok());
        assert!(w.check(b"homeworK", "work_type").is_err());
        assert!(w.check(&[b'x'; 20], "work_type").is_ok());
        assert!(w.check(&[b'x'; 33], "work_type").is_err());
    }
}
