//! The shown averages and term marks of the term-grades report, each rule
//! asked once per distinct input.

use rust_decimal::Decimal;

use super::group_index::Cell;
use super::values::push_prefix;
use crate::marks::{PeriodMark, PeriodMarkPolicy, Points, shown_average};

/// Shown averages by group sums, and term marks by (sums, number of marks,
/// low mark): the average rule ([`shown_average`]) runs once per distinct
/// pair of sums and the period-mark rule ([`PeriodMarkPolicy::from_shown`])
/// once per distinct input; their results and the average's text are kept.
pub(super) struct ShownCache {
    policy: PeriodMarkPolicy,
    slots: Vec<ShownEntry>,
    /// The text of an average too long for an entry (sums no mark of 1 to
    /// 5 gives, which a partial result may still hold).
    long_text: Vec<u8>,
}

/// Marks remembered per entry: by number of marks below this, and low mark.
const MEMO_COUNTS: usize = 12;
/// The longest average text an entry keeps.
const TEXT: usize = 11;

/// One distinct pair of sums: one cache line.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct ShownEntry {
    weighted: u64,
    average: Decimal,
    /// 0: an empty slot (a group always has weight).
    weight: u32,
    text_len: u8,
    text: [u8; TEXT],
    /// 0 unknown, 1 not attested, 2 + mark otherwise; by
    /// `count * 2 + low mark`.
    marks: [u8; MEMO_COUNTS * 2],
}

const EMPTY: ShownEntry = ShownEntry {
    weighted: 0,
    average: Decimal::ZERO,
    weight: 0,
    text_len: 0,
    text: [0; TEXT],
    marks: [0; MEMO_COUNTS * 2],
};

const _: () = assert!(std::mem::size_of::<ShownEntry>() == 64);

const SHOWN_SLOTS: usize = 1 << 14;

impl ShownCache {
    pub(super) fn new(policy: PeriodMarkPolicy) -> ShownCache {
        ShownCache {
            policy,
            slots: vec![EMPTY; SHOWN_SLOTS],
            long_text: Vec::new(),
        }
    }

    /// The shown average, the term mark, and the average as text.
    #[inline]
    pub(super) fn get(&mut self, cell: &Cell) -> (Decimal, PeriodMark, AverageText<'_>) {
        let hash = (cell.weighted.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ u64::from(cell.weight).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
            >> 49;
        let slot = hash as usize % SHOWN_SLOTS;
        let entry = &mut self.slots[slot];
        if entry.weight != cell.weight || entry.weighted != cell.weighted {
            // The sums are exact hundredths; the quotient is rounded once.
            let average = shown_average(
                Decimal::new(cell.weighted as i64, 2),
                Decimal::new(i64::from(cell.weight), 2),
            )
            .unwrap_or_default();
            let text = average.to_string();
            if text.len() > TEXT {
                let mark = self
                    .policy
                    .from_shown(average, cell.marks(), cell.has_low_mark());
                self.long_text = text.into_bytes();
                return (average, mark, AverageText::Long(&self.long_text));
            }
            let mut bytes = [0u8; TEXT];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            *entry = ShownEntry {
                weighted: cell.weighted,
                average,
                weight: cell.weight,
                text_len: text.len() as u8,
                text: bytes,
                marks: [0; MEMO_COUNTS * 2],
            };
        }
        let count = cell.marks();
        let low = cell.has_low_mark();
        let memo = (count as usize) * 2 + usize::from(low);
        let mark = match entry.marks.get(memo).copied() {
            Some(1) => PeriodMark::NotAttested,
            Some(code @ 2..=7) => {
                Points::new(code - 2).map_or(PeriodMark::NotAttested, PeriodMark::Mark)
            }
            known => {
                let mark = self.policy.from_shown(entry.average, count, low);
                if known.is_some() {
                    entry.marks[memo] = match mark {
                        PeriodMark::Mark(p) => 2 + p.get(),
                        _ => 1,
                    };
                }
                mark
            }
        };
        let len = usize::from(entry.text_len);
        let text = match <&[u8; 8]>::try_from(&entry.text[..8]) {
            Ok(head) if len <= 8 => AverageText::Short(head, len),
            _ => AverageText::Long(&entry.text[..len]),
        };
        (entry.average, mark, text)
    }
}

/// The text of a shown average.
#[derive(Debug, Clone, Copy)]
pub(super) enum AverageText<'a> {
    /// Eight bytes whose first `len` are the text (`4.45` and the like).
    Short(&'a [u8; 8], usize),
    /// A longer text.
    Long(&'a [u8]),
}

impl AverageText<'_> {
    /// The text's bytes.
    #[cfg(test)]
    pub(super) fn as_bytes(&self) -> &[u8] {
        match *self {
            AverageText::Short(head, len) => &head[..len],
            AverageText::Long(text) => text,
        }
    }

    /// Appends the text to `buf`: a short one with one copy of eight bytes,
    /// the bytes after the text cut off again.
    #[inline(always)]
    pub(super) fn push_to(&self, buf: &mut Vec<u8>) {
        match *self {
            AverageText::Short(head, len) => push_prefix(buf, head, len),
            AverageText::Long(text) => buf.extend_from_slice(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_long_or_short_come_out_as_the_rule_gives_them() {
        let mut cache = ShownCache::new(PeriodMarkPolicy::default());
        // (5×1 + 4×3 + 5×1.5) / 5.5 = 4.4545… → 4.45, three marks → 4.
        let usual = Cell::from_sums(2450, 550, 3, false).unwrap();
        // Sums no mark of 1 to 5 gives (a partial may hold them): the text
        // is longer than an entry keeps, and is still whole.
        let huge = Cell::from_sums(123_456_789_012_345, 100, 2, false).unwrap();
        for _ in 0..2 {
            let (average, mark, text) = cache.get(&usual);
            assert_eq!(
                (average.to_string().as_bytes(), text.as_bytes()),
                (&b"4.45"[..], &b"4.45"[..])
            );
            assert_eq!(mark, PeriodMark::Mark(Points::FOUR));
            let (average, mark, text) = cache.get(&huge);
            assert_eq!(text.as_bytes(), b"1234567890123.45");
            let mut buf = b"x".to_vec();
            text.push_to(&mut buf);
            assert_eq!(buf, b"x1234567890123.45");
            assert_eq!(average.to_string(), "1234567890123.45");
            assert_eq!(mark, PeriodMark::NotAttested);
        }
    }
}
