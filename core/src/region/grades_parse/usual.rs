//! The row of `grades.csv` in its usual form, read in one straight line.
//!
//! When the header is exactly the report's seven columns in their usual
//! order, a row such as `282,12,1,2014-09-01,5,1.5,answer` is read without
//! looking up what each column holds: ids eight bytes at a time (a subject
//! of one or two digits directly), the date compared with the previous
//! row's (the term of a repeated date is known without parsing it), the
//! weight as `d`, `d.d` or `d.dd`, and the work type as one word against
//! the codes already checked. Any other form (CRLF, quotes, a longer
//! weight, a new code, the block's last few bytes) is left to the reader by
//! columns, so this path decides nothing on its own and only takes what it
//! reads exactly as the others.

use super::super::fields::{bytes_equal, digits_at};
use super::super::term_grades::TermGradesOptions;
use super::super::values::digit_word;
use super::{Grades, Mark};

impl Grades {
    /// Reads the usual row at `start` and adds its mark; returns where the
    /// next row starts, or `None` (nothing added) for the reader by columns.
    #[inline(always)]
    pub(super) fn usual_row(
        &mut self,
        block: &[u8],
        start: usize,
        options: &TermGradesOptions,
    ) -> Option<usize> {
        let (student, p) = digits_at(block, start)?;
        let p = comma(block, p)?;
        // The class: an id, unused; up to seven digits need no value.
        let p = match digit_word(block, p) {
            Some((_, len)) if len > 0 => p + len,
            _ => digits_at(block, p)?.1,
        };
        let p = comma(block, p)?;
        let (subject, p) = subject_at(block, p)?;
        if subject == 0 || subject > options.max_subject() {
            return None;
        }
        let p = comma(block, p)?;
        let field = block.get(p..p + 10)?;
        let (day, term) = (self.dates)
            .date_and_term(field, super::COLUMNS[3], options.terms())
            .ok()?;
        let p = comma(block, p + 10)?;
        let mark = block.get(p)?.wrapping_sub(b'0');
        if !(1..=5).contains(&mark) {
            return None;
        }
        let p = comma(block, p + 1)?;
        let (weight, p) = self.usual_weight(block, p)?;
        let p = comma(block, p)?;
        let end = self.usual_work_type(block, p)?;
        let row = Mark {
            student,
            subject,
            day,
            mark,
            weight,
        };
        self.add_in_term(&row, term).ok()?;
        Some(end)
    }

    /// A weight `d`, `d.d` or `d.dd` at `p` in hundredths, if the weight
    /// rule takes it, and the position after it.
    #[inline(always)]
    fn usual_weight(&mut self, block: &[u8], p: usize) -> Option<(u32, usize)> {
        let digit = |q: usize| {
            block
                .get(q)
                .map(|b| b.wrapping_sub(b'0'))
                .filter(|&d| d <= 9)
        };
        let mut value = u32::from(digit(p)?) * 100;
        let mut q = p + 1;
        if block.get(q) == Some(&b'.') {
            value += u32::from(digit(q + 1)?) * 10;
            q += 2;
            if let Some(d) = digit(q) {
                value += u32::from(d);
                q += 1;
            }
        }
        self.weights.valid(u64::from(value)).then_some((value, q))
    }

    /// The work type at `p` when it is a code already checked, of at most
    /// eight bytes, followed by LF; returns the position after the LF.
    #[inline(always)]
    fn usual_work_type(&self, block: &[u8], p: usize) -> Option<usize> {
        let bytes: [u8; 8] = block.get(p..p + 8)?.try_into().ok()?;
        let w = u64::from_le_bytes(bytes);
        let lf = bytes_equal(w, b'\n');
        let len = if lf != 0 {
            (lf.trailing_zeros() / 8) as usize
        } else if block.get(p + 8) == Some(&b'\n') {
            8
        } else {
            return None;
        };
        let key = match len {
            0 => return None,
            8 => w,
            _ => w & (u64::MAX >> (64 - 8 * len)),
        };
        // A code has only lowercase letters, digits and `_`, so a known
        // word before the LF is one whole field (no comma, quote or CR).
        self.work_types.is_known(len, key).then_some(p + len + 1)
    }
}

/// A subject id at `p`: one or two digits read directly (most subjects),
/// longer ones as any id.
#[inline(always)]
fn subject_at(block: &[u8], p: usize) -> Option<(u32, usize)> {
    let digit = |b: u8| Some(b.wrapping_sub(b'0')).filter(|&d| d <= 9);
    match *block.get(p..p + 3)? {
        [a, b',', _] => Some((u32::from(digit(a)?), p + 1)),
        [a, b, b','] => Some((u32::from(digit(a)?) * 10 + u32::from(digit(b)?), p + 2)),
        _ => digits_at(block, p),
    }
}

/// The position after the comma at `p`.
#[inline(always)]
fn comma(block: &[u8], p: usize) -> Option<usize> {
    (block.get(p) == Some(&b',')).then_some(p + 1)
}

#[cfg(test)]
mod tests {
    use super::bytes_equal;

    #[test]
    fn bytes_equal_marks_exactly_the_bytes() {
        let w = u64::from_le_bytes(*b"ab\nc\n\x8a\x0b\x00");
        assert_eq!(bytes_equal(w, b'\n'), 0x80 << 16 | 0x80 << 32);
        assert_eq!(bytes_equal(w, b'z'), 0);
    }
}

#[cfg(test)]
mod takes {
    use super::super::Grades;
    use crate::region::term_grades::TermGradesOptions;

    /// What the straight-line reader makes of one row followed by another.
    fn read(g: &mut Grades, row: &str) -> Option<usize> {
        let block = format!("{row}1,1,1,2014-09-01,5,1,answer\n");
        g.usual_row(block.as_bytes(), 0, &TermGradesOptions::default())
    }

    #[test]
    fn takes_plain_rows_with_known_codes_and_leaves_the_rest() {
        let mut g = Grades::new(12, 4);
        let plain = "282,12,1,2014-09-01,5,2,homework\n";
        assert_eq!(read(&mut g, plain), None, "a code not yet checked");
        g.work_types.check(b"homework", "work_type").unwrap();
        g.work_types.check(b"test", "work_type").unwrap();
        assert_eq!(read(&mut g, plain), Some(plain.len()));
        for row in [
            "7,1,3,2014-11-05,4,1.5,test\n",
            "7,1,3,2014-11-05,4,0.25,test\n",
            "7,1,12,2014-06-01,4,1,test\n", // outside the terms: counted
            "7,1,07,2014-11-05,4,1,test\n",
            "7,1,007,2014-11-05,4,1,test\n",
        ] {
            assert_eq!(read(&mut g, row), Some(row.len()), "{row}");
        }
        assert_eq!((g.marks, g.outside_terms), (6, 1));
        for row in [
            "282,12,1,2014-09-01,5,2,homework\r\n",
            "\"282\",12,1,2014-09-01,5,2,homework\n",
            "282,12,1,2014-09-01,6,2,homework\n",
            "282,12,1,2014-09-01,5,0,homework\n",
            "282,12,1,2014-09-01,5,1.555,homework\n",
            "282,12,1,2014-09-01,5,10,homework\n",
            "282,12,0,2014-09-01,5,2,homework\n",
            "282,12,13,2014-09-01,5,2,homework\n",
            "282,12,100,2014-09-01,5,2,homework\n",
            "282,12,x,2014-09-01,5,2,homework\n",
            "282,12,1x,2014-09-01,5,2,homework\n",
            "282,12,1,2014-02-30,5,2,homework\n",
            "282,12,1,2014-09-01,5,2,homework,x\n",
            "282,,1,2014-09-01,5,2,homework\n",
            "99999999999,12,1,2014-09-01,5,2,homework\n",
            "282,12,1,2014-09-01,5,2,homeworks\n",
        ] {
            assert_eq!(read(&mut g, row), None, "{row}");
        }
        assert_eq!(g.marks, 6, "a row left alone adds nothing");
    }
}
