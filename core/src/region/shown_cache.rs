//! The shown averages and term marks of the term-grades report, each rule
//! asked once per distinct input.

use rust_decimal::Decimal;

use super::group_index::Cell;
use crate::marks::{PeriodMark, PeriodMarkPolicy, Points, shown_average};

/// Shown averages by group sums, and term marks by (sums, number of marks,
/// low mark): the average rule ([`shown_average`]) runs once per distinct
/// pair of sums and the period-mark rule ([`PeriodMarkPolicy::from_shown`])
/// once per distinct input; their results and the average's text are kept.
pub(super) struct ShownCache {
    policy: PeriodMarkPolicy,
    slots: Vec<ShownEntry>,
}

/// Marks remembered per entry: by number of marks below this, and low mark.
const MEMO_COUNTS: usize = 32;

#[derive(Clone, Copy)]
struct ShownEntry {
    weighted: u64,
    /// 0: an empty slot (a group always has weight).
    weight: u32,
    average: Decimal,
    text: [u8; 12],
    text_len: u8,
    /// 0 unknown, 1 not attested, 2 + mark otherwise; by
    /// `count * 2 + low mark`.
    marks: [u8; MEMO_COUNTS * 2],
}

const EMPTY: ShownEntry = ShownEntry {
    weighted: 0,
    weight: 0,
    average: Decimal::ZERO,
    text: [0; 12],
    text_len: 0,
    marks: [0; MEMO_COUNTS * 2],
};

const SHOWN_SLOTS: usize = 1 << 15;

impl ShownCache {
    pub(super) fn new(policy: PeriodMarkPolicy) -> ShownCache {
        ShownCache {
            policy,
            slots: vec![EMPTY; SHOWN_SLOTS],
        }
    }

    /// The shown average, the term mark, and the average as text.
    #[inline]
    pub(super) fn get(&mut self, cell: &Cell) -> (Decimal, PeriodMark, &[u8]) {
        let hash = (cell.weighted.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ u64::from(cell.weight).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
            >> 49;
        let entry = &mut self.slots[hash as usize % SHOWN_SLOTS];
        if entry.weight != cell.weight || entry.weighted != cell.weighted {
            // The sums are exact hundredths; the quotient is rounded once.
            let average = shown_average(
                Decimal::new(cell.weighted as i64, 2),
                Decimal::new(i64::from(cell.weight), 2),
            )
            .unwrap_or_default();
            let text = average.to_string();
            let len = text.len().min(12);
            let mut bytes = [0u8; 12];
            bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
            *entry = ShownEntry {
                weighted: cell.weighted,
                weight: cell.weight,
                average,
                text: bytes,
                text_len: len as u8,
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
        (
            entry.average,
            mark,
            &entry.text[..usize::from(entry.text_len)],
        )
    }
}
