//! The seeded pseudo-random generator behind the generated demo schools and
//! regions: SplitMix64 (Steele, Lea, Flood 2014). Small, fast and well
//! mixed; not for secrets (passwords use the operating system's generator).
//!
//! Same seed, same numbers, on every platform: generated data is
//! reproducible from its size and seed. Examples and benchmarks use it too.
//!
//! # Example
//! ```
//! use zhurnal::demo::SplitMix64;
//! let mut a = SplitMix64::new(7);
//! let mut b = SplitMix64::new(7);
//! assert_eq!(a.below(6), b.below(6));
//! assert!(a.below(6) < 6);
//! ```

/// SplitMix64 state.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub const fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` by multiply-shift (Lemire); 0 when `n == 0`.
    pub fn below(&mut self, n: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(n);
        // The high half of a 128-bit product of two u64 fits in u64.
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// An index into a slice of `len` items (0 for an empty one).
    pub fn index(&mut self, len: usize) -> usize {
        let n = u64::try_from(len).unwrap_or(u64::MAX);
        usize::try_from(self.below(n)).unwrap_or(0)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance_per_mille(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_values() {
        // The first outputs of SplitMix64 seeded with 0 (reference sequence).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn bounded() {
        let mut r = SplitMix64::new(42);
        assert_eq!(r.below(0), 0);
        assert_eq!(r.index(0), 0);
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            let i = r.index(7);
            seen[i] += 1;
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
        let hits = (0..10_000).filter(|_| r.chance_per_mille(250)).count();
        assert!((2300..2700).contains(&hits), "{hits}");
    }
}
