//! LEB128 variable-length integers, the numbers of the partial results'
//! bytes: seven bits a byte, low bits first, the high bit set on every
//! byte but the last.

use super::error::RegionError;
use super::partial::invalid;

/// Appends `v`.
pub(super) fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads values from bytes, front to back; every read is checked.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// The next `n` bytes.
    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], RegionError> {
        if self.bytes.len() < n {
            return Err(invalid("the bytes end too early"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    /// The next number.
    pub(super) fn varint(&mut self) -> Result<u64, RegionError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?.first().copied().unwrap_or(0);
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(invalid("a number past 64 bits"));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(invalid("a number past 64 bits"))
    }

    /// The next number, at most `u32::MAX`.
    pub(super) fn u32(&mut self) -> Result<u32, RegionError> {
        u32::try_from(self.varint()?).map_err(|_| invalid("a number past 32 bits"))
    }

    /// The next of strictly increasing ids, written as its increase over
    /// `last` (the first as itself).
    pub(super) fn increasing(&mut self, last: Option<u32>) -> Result<u32, RegionError> {
        let step = self.u32()?;
        match last {
            None => Ok(step),
            Some(last) => last
                .checked_add(step)
                .filter(|_| step > 0)
                .ok_or_else(|| invalid("ids out of order")),
        }
    }

    /// A number of items to follow: at most `limit` (each item takes a
    /// byte at least, so no count may pass the bytes' length).
    pub(super) fn count(&mut self, limit: usize) -> Result<usize, RegionError> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&n| n <= limit)
            .ok_or_else(|| invalid("a count larger than the bytes"))
    }

    /// Checks that nothing is left.
    pub(super) fn end(&self) -> Result<(), RegionError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(invalid("bytes after the end"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_overlong_ones_are_refused() {
        let values = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut out = Vec::new();
        for v in values {
            put(&mut out, v);
        }
        let mut r = Reader::new(&out);
        for v in values {
            assert_eq!(r.varint().unwrap(), v);
        }
        r.end().unwrap();
        let too_long = [0xff; 10];
        assert!(Reader::new(&too_long).varint().is_err());
        assert!(Reader::new(&[0x80]).varint().is_err());
    }
}
