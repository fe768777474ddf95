//! The text of the term-grades report's rows.
//!
//! A row `student,subject,term,n_marks,avg,term_mark` is put together from
//! pieces made once: the student's `id,`, each subject and term's
//! `subject,term,`, each average's text. Each piece is appended with one
//! copy of a fixed size (the bytes past the piece are cut off again), so a
//! row costs a handful of register moves instead of a call per field.

use super::TermGradesReport;
use crate::marks::PeriodMark;
use crate::region::shown_cache::ShownCache;
use crate::region::values::{push_prefix, push_u64};

/// Up to sixteen bytes of a row, padded with zeros.
#[derive(Clone, Copy)]
struct Piece {
    bytes: [u8; 16],
    len: usize,
}

impl Piece {
    /// `text` as a piece; every piece made here is shorter than sixteen
    /// bytes (an id of ten digits and its comma at most).
    fn new(text: &[u8]) -> Piece {
        debug_assert!(text.len() <= 16, "a piece of {} bytes", text.len());
        let mut bytes = [0u8; 16];
        let len = text.len().min(16);
        bytes[..len].copy_from_slice(&text[..len]);
        Piece { bytes, len }
    }

    /// Appends the piece to `buf`.
    #[inline(always)]
    fn push_to(&self, buf: &mut Vec<u8>) {
        push_prefix(buf, &self.bytes, self.len);
    }
}

impl TermGradesReport {
    /// Appends the rows of the students of `pages` to `buf`.
    pub(super) fn format_pages(&self, pages: &[usize], shown: &mut ShownCache, buf: &mut Vec<u8>) {
        let subjects = self.index.subjects();
        let terms = self.index.terms();
        // `subject,term,` for every subject and term.
        let mut middles = Vec::with_capacity(subjects * terms);
        let mut text = Vec::with_capacity(16);
        for subject in 1..=subjects {
            for term in self.terms.all() {
                text.clear();
                push_u64(&mut text, subject as u64);
                text.push(b',');
                text.extend_from_slice(term.code().as_str().as_bytes());
                text.push(b',');
                middles.push(Piece::new(&text));
            }
        }
        for (student, block) in pages.iter().flat_map(|&p| self.index.students_of(p)) {
            text.clear();
            push_u64(&mut text, u64::from(student));
            text.push(b',');
            let first = Piece::new(&text);
            for (subject, middles) in middles.chunks_exact(terms).enumerate() {
                for (term, middle) in middles.iter().enumerate() {
                    let cell = self.index.cell(block, subject, term);
                    let count = cell.marks();
                    if count == 0 {
                        continue;
                    }
                    let (_, mark, average) = shown.get(&cell);
                    first.push_to(buf);
                    middle.push_to(buf);
                    if count < 10 {
                        push_prefix(buf, &[b'0' + count as u8, b','], 2);
                    } else {
                        push_u64(buf, u64::from(count));
                        buf.push(b',');
                    }
                    average.push_to(buf);
                    match mark {
                        PeriodMark::Mark(p) => {
                            push_prefix(buf, &[b',', b'0' + p.get(), b'\n'], 3);
                        }
                        _ => push_prefix(buf, b",na\n", 4),
                    }
                }
            }
        }
    }
}
