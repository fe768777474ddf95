//! The compact bytes of a [`TermGradesPartial`]: `ZJTG`, the format
//! version (1), the terms as JSON (length first), the subject limit, the
//! marks and those outside the terms, the number of groups, then per group
//! the student id's increase over the previous group's, the subject, the
//! term, Σ mark × weight, Σ weight, and the number of marks doubled plus
//! one when a mark was 2 or lower — all as LEB128 variable-length
//! integers. Reading checks every value: the order of the groups, the
//! subject and term ranges, and sums a mark of 1–5 can give.

use super::{Group, TermGradesPartial, invalid};
use crate::region::error::RegionError;
use crate::region::terms::ReportTerms;
use crate::region::varint::{Reader, put};

const MAGIC: &[u8; 4] = b"ZJTG";
const VERSION: u8 = 1;

impl TermGradesPartial {
    /// The partial as compact bytes (see the module's format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.groups.len() * 8);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        let terms = serde_json::to_vec(&self.terms).unwrap_or_default();
        put(&mut out, terms.len() as u64);
        out.extend_from_slice(&terms);
        for v in [
            u64::from(self.max_subject),
            self.marks,
            self.outside_terms,
            self.groups.len() as u64,
        ] {
            put(&mut out, v);
        }
        let mut previous = 0;
        for g in &self.groups {
            put(&mut out, u64::from(g.student - previous));
            previous = g.student;
            for v in [
                u64::from(g.subject),
                u64::from(g.term),
                g.weighted,
                g.weight,
            ] {
                put(&mut out, v);
            }
            put(&mut out, g.marks.saturating_mul(2) + u64::from(g.low));
        }
        out
    }

    /// A partial from [`TermGradesPartial::to_bytes`].
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] for bytes that are not a partial of
    /// this format version, or that hold a value no rows could give.
    pub fn from_bytes(bytes: &[u8]) -> Result<TermGradesPartial, RegionError> {
        let mut r = Reader::new(bytes);
        if r.take(4)? != MAGIC {
            return Err(invalid("not a term-grades partial"));
        }
        let version = r.take(1)?;
        if version != [VERSION] {
            return Err(invalid("a partial of another format version"));
        }
        let len = usize::try_from(r.varint()?).map_err(|_| invalid("too long"))?;
        let terms: ReportTerms = serde_json::from_slice(r.take(len)?)
            .map_err(|_| invalid("the terms are not a valid term list"))?;
        let max_subject = r.u32()?;
        let (marks, outside_terms) = (r.varint()?, r.varint()?);
        let count = r.count(bytes.len())?;
        if max_subject == 0 {
            return Err(invalid("no subjects"));
        }
        let mut groups = Vec::with_capacity(count);
        let mut student = 0u32;
        for _ in 0..count {
            student = student
                .checked_add(r.u32()?)
                .ok_or_else(|| invalid("a student id past 32 bits"))?;
            let (subject, term) = (r.u32()?, r.varint()?);
            let (weighted, weight, packed) = (r.varint()?, r.varint()?, r.varint()?);
            let g = Group {
                student,
                subject,
                term: u8::try_from(term).map_err(|_| invalid("a term out of range"))?,
                weighted,
                weight,
                marks: packed / 2,
                low: packed % 2 == 1,
            };
            let ordered = groups.last().is_none_or(|p: &Group| p.key() < g.key());
            let possible = (1..=max_subject).contains(&g.subject)
                && usize::from(g.term) < terms.all().len()
                && g.marks >= 1
                && g.weight >= g.marks
                && g.weight.checked_mul(5).is_some_and(|w5| g.weighted <= w5)
                && g.weighted >= g.weight;
            if !ordered || !possible {
                return Err(invalid("a group out of order or with impossible sums"));
            }
            groups.push(g);
        }
        r.end()?;
        let in_terms = groups.iter().try_fold(0u64, |n, g| n.checked_add(g.marks));
        if in_terms.and_then(|n| n.checked_add(outside_terms)) != Some(marks) {
            return Err(invalid("the mark counts do not add up"));
        }
        Ok(TermGradesPartial {
            terms,
            max_subject,
            groups,
            marks,
            outside_terms,
        })
    }
}
