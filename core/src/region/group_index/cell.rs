//! The sums of one (student, subject, term) group: [`Cell`] as the report
//! reads them, and [`Packed`], the same sums in one word as the index keeps
//! them while marks are added.
//!
//! A packed cell is half the size of a [`Cell`], so the index's cells take
//! half the memory and adding a mark touches half as many cache lines. A
//! group whose sums outgrow the word (more than 10 485.75 of weight, that
//! is at least 105 marks of the largest weight) has them moved to a
//! [`Cell`] on the side, so nothing is ever lost or rounded.

use super::COUNT_MASK;

/// The bit of [`Cell::count`] set when a mark is 2 or lower.
pub(super) const LOW_MARK: u32 = 1 << 31;

/// Sums of one (student, subject, term) group: weights in hundredths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    /// Σ mark × weight, hundredths.
    pub(crate) weighted: u64,
    /// Σ weight, hundredths.
    pub(crate) weight: u32,
    /// Number of marks, with [`LOW_MARK`] set if any is 2 or lower.
    pub(super) count: u32,
}

impl Cell {
    /// Marks in the group.
    pub(crate) fn marks(&self) -> u32 {
        self.count & COUNT_MASK
    }

    /// Whether any mark is 2 or lower.
    pub(crate) fn has_low_mark(&self) -> bool {
        self.count & LOW_MARK != 0
    }

    /// A group's sums as a partial result gives them: `None` when they do
    /// not fit a cell (the report's counters).
    pub(crate) fn from_sums(weighted: u64, weight: u64, marks: u64, low: bool) -> Option<Cell> {
        let count = u32::try_from(marks).ok().filter(|&c| c <= COUNT_MASK)?;
        Some(Cell {
            weighted,
            weight: u32::try_from(weight).ok()?,
            count: if low { count | LOW_MARK } else { count },
        })
    }

    /// Adds another group's sums (the caller keeps them within limits).
    pub(super) fn merge(&mut self, other: &Cell) {
        self.weighted += other.weighted;
        self.weight += other.weight;
        self.count = ((self.count & COUNT_MASK) + (other.count & COUNT_MASK))
            | ((self.count | other.count) & LOW_MARK);
    }
}

/// Bits of Σ weight (hundredths), at the bottom of the word.
const WEIGHT_BITS: u32 = 20;
/// Bits of Σ mark × weight (hundredths), next: at most 5 × Σ weight.
const WEIGHTED_BITS: u32 = 23;
/// Bits of the number of marks, next: at most Σ weight, since every
/// weight is at least one hundredth.
const COUNT_BITS: u32 = 20;
const WEIGHTED_SHIFT: u32 = WEIGHT_BITS;
const COUNT_SHIFT: u32 = WEIGHT_BITS + WEIGHTED_BITS;
/// The top bit: a mark of 2 or lower.
const LOW_BIT: u64 = 1 << 63;
const WEIGHT_MAX: u64 = (1 << WEIGHT_BITS) - 1;
const WEIGHTED_MAX: u64 = (1 << WEIGHTED_BITS) - 1;
const COUNT_MAX: u64 = (1 << COUNT_BITS) - 1;

// The three sums and the low-mark bit fill the word exactly, and the
// largest weighted sum (marks of at most 5) fits its bits.
const _: () = assert!(WEIGHT_BITS + WEIGHTED_BITS + COUNT_BITS == 63);
const _: () = assert!(5 * WEIGHT_MAX <= WEIGHTED_MAX);
const _: () = assert!(COUNT_MAX == WEIGHT_MAX);

/// A group's sums in one word, for marks of 1 to 5 with weights of at
/// least one hundredth. Its invariant, kept by every method: marks ≤ Σ
/// weight ≤ [`WEIGHT_MAX`] and Σ mark × weight ≤ 5 × Σ weight, so that
/// checking the weight alone keeps every field from overflowing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Packed(u64);

impl Packed {
    /// Whether the group has no mark.
    #[inline]
    pub(super) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether a mark of `weight` hundredths still fits.
    #[inline(always)]
    pub(super) fn fits(self, weight: u32) -> bool {
        (self.0 & WEIGHT_MAX) + u64::from(weight) <= WEIGHT_MAX
    }

    /// Adds a mark (1 to 5) of `weight` hundredths (at least 1) that
    /// [`Packed::fits`].
    #[inline(always)]
    pub(super) fn add(&mut self, mark: u8, weight: u32) {
        debug_assert!((1..=5).contains(&mark) && weight >= 1 && self.fits(weight));
        let w = u64::from(weight);
        self.0 += w + ((u64::from(mark) * w) << WEIGHTED_SHIFT) + (1 << COUNT_SHIFT);
        self.0 |= u64::from(mark <= 2) << 63;
    }

    /// Whether another packed group's sums fit beside these.
    #[inline]
    pub(super) fn can_take(self, other: Packed) -> bool {
        (self.0 & WEIGHT_MAX) + (other.0 & WEIGHT_MAX) <= WEIGHT_MAX
    }

    /// Adds another packed group's sums that [`Packed::can_take`] allows.
    #[inline]
    pub(super) fn take(&mut self, other: Packed) {
        debug_assert!(self.can_take(other));
        self.0 = ((self.0 & !LOW_BIT) + (other.0 & !LOW_BIT)) | ((self.0 | other.0) & LOW_BIT);
    }

    /// The sums as a [`Cell`].
    #[inline]
    pub(super) fn unpack(self) -> Cell {
        let count = ((self.0 >> COUNT_SHIFT) & COUNT_MAX) as u32;
        Cell {
            weighted: (self.0 >> WEIGHTED_SHIFT) & WEIGHTED_MAX,
            weight: (self.0 & WEIGHT_MAX) as u32,
            count: if self.0 & LOW_BIT != 0 {
                count | LOW_MARK
            } else {
                count
            },
        }
    }

    /// A [`Cell`]'s sums packed, when they fit and keep the invariant.
    pub(super) fn pack(cell: &Cell) -> Option<Packed> {
        let weight = u64::from(cell.weight);
        let marks = u64::from(cell.marks());
        let fits = weight <= WEIGHT_MAX && marks <= weight && cell.weighted <= 5 * weight;
        fits.then(|| {
            Packed(
                weight
                    | (cell.weighted << WEIGHTED_SHIFT)
                    | (marks << COUNT_SHIFT)
                    | if cell.has_low_mark() { LOW_BIT } else { 0 },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_sums_equal_wide_sums_up_to_the_limit() {
        let mut packed = Packed::default();
        let mut wide = Cell::default();
        let mut n = 0u64;
        for (mark, weight) in [(5u8, 10_000u32), (1, 1), (3, 150), (2, 10_000)]
            .into_iter()
            .cycle()
        {
            if !packed.fits(weight) {
                break;
            }
            packed.add(mark, weight);
            wide.merge(
                &Cell::from_sums(
                    u64::from(mark) * u64::from(weight),
                    u64::from(weight),
                    1,
                    mark <= 2,
                )
                .unwrap(),
            );
            n += 1;
            assert_eq!(packed.unpack(), wide);
        }
        assert_eq!(u64::from(wide.marks()), n);
        assert!(u64::from(wide.weight) > WEIGHT_MAX - 10_000);
        assert_eq!(Packed::pack(&wide), Some(packed));
        let mut doubled = packed;
        assert!(!doubled.can_take(packed));
        let half = Packed::pack(&Cell::from_sums(40, 10, 1, false).unwrap()).unwrap();
        assert!(doubled.can_take(half));
        doubled.take(half);
        wide.merge(&half.unpack());
        assert_eq!(doubled.unpack(), wide);
    }

    #[test]
    fn sums_outside_the_invariant_are_not_packed() {
        for (weighted, weight, marks) in [(0, WEIGHT_MAX + 1, 1), (60, 10, 1), (10, 2, 3)] {
            let cell = Cell::from_sums(weighted, weight, marks, false).unwrap();
            assert_eq!(Packed::pack(&cell), None, "{cell:?}");
        }
        let low = Cell::from_sums(20, 10, 1, true).unwrap();
        assert_eq!(Packed::pack(&low).map(Packed::unpack), Some(low));
    }
}
