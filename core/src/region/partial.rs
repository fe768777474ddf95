//! Partial results of the term-grades report that merge: a region too
//! large for one machine is read in pieces (a file's byte ranges, a Dask
//! DataFrame's partitions), each piece's report becomes a partial, the
//! partials merge in any order and grouping, and the merged partial
//! finishes into the report one pass over the whole region gives, byte for
//! byte.
//!
//! A partial holds sums, never averages: per (student, subject, term) the
//! Σ mark × weight and Σ weight in hundredths, the number of marks and
//! whether one was 2 or lower, plus the marks read and those outside every
//! term. The shown average and the term mark are derived once, from the
//! merged sums, by the report's own rules. Partials of other terms or
//! another subject limit do not merge (`region.invalid_partial`).
//!
//! [`TermGradesPartial::to_bytes`] writes it compactly for shipping
//! between workers: a header, the terms, then each group as
//! variable-length integers (student ids as deltas), about 6 bytes a
//! group. [`TermGradesPartial::from_bytes`] checks everything it reads.

use super::error::RegionError;
use super::group_index::{Cell, GroupIndex};
use super::terms::ReportTerms;
use super::{TermGradesOptions, TermGradesReport};

mod bytes;

/// The sums of one (student, subject, term) group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Group {
    student: u32,
    subject: u32,
    term: u8,
    /// Σ mark × weight, hundredths.
    weighted: u64,
    /// Σ weight, hundredths.
    weight: u64,
    marks: u64,
    /// Whether a mark was 2 or lower.
    low: bool,
}

impl Group {
    fn key(&self) -> (u32, u32, u8) {
        (self.student, self.subject, self.term)
    }
}

/// Partial results of the term-grades report over some rows of a region.
///
/// # Example
/// ```
/// use zhurnal::region::{TermGradesOptions, TermGradesPartial, TermGradesReport};
/// let header = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n";
/// let rows = ["10,1,1,2014-09-02,5,1,answer\n", "10,1,1,2014-09-09,4,3,control\n", "10,1,1,2014-09-16,5,1.5,test\n"];
/// let options = TermGradesOptions::default();
/// let mut merged = TermGradesPartial::empty(&options);
/// for row in rows {
///     let piece = TermGradesReport::from_reader(format!("{header}{row}").as_bytes(), &options)?;
///     let bytes = piece.to_partial().to_bytes();          // shipped from a worker
///     merged.merge(&TermGradesPartial::from_bytes(&bytes)?)?;
/// }
/// let whole = TermGradesReport::from_reader(format!("{header}{}", rows.concat()).as_bytes(), &options)?;
/// assert_eq!(merged.finish(&options)?.to_csv(), whole.to_csv());
/// # Ok::<(), zhurnal::region::RegionError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermGradesPartial {
    terms: ReportTerms,
    max_subject: u32,
    /// In (student, subject, term) order, each key once, marks ≥ 1.
    groups: Vec<Group>,
    marks: u64,
    outside_terms: u64,
}

impl TermGradesPartial {
    /// The partial of no rows, for `options`' terms and subject limit.
    pub fn empty(options: &TermGradesOptions) -> TermGradesPartial {
        TermGradesPartial {
            terms: options.terms().clone(),
            max_subject: options.max_subject(),
            groups: Vec::new(),
            marks: 0,
            outside_terms: 0,
        }
    }

    /// Marks read, in terms or not.
    pub fn marks(&self) -> u64 {
        self.marks
    }

    /// (student, subject, term) groups with marks.
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// Adds `other`'s sums to these.
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] when `other` has other terms or
    /// another subject limit, or a sum would overflow; `self` is unchanged
    /// then.
    pub fn merge(&mut self, other: &TermGradesPartial) -> Result<(), RegionError> {
        *self = self.merged(other)?;
        Ok(())
    }

    /// `self` and `other` merged into a new partial, neither changed.
    ///
    /// # Errors
    /// As [`TermGradesPartial::merge`].
    pub fn merged(&self, other: &TermGradesPartial) -> Result<TermGradesPartial, RegionError> {
        if other.terms != self.terms || other.max_subject != self.max_subject {
            return Err(invalid("the partials are of other terms or subject limits"));
        }
        let overflow = || invalid("a sum of the merged partials overflows");
        let (x, y) = (&self.groups, &other.groups);
        let mut merged = Vec::with_capacity(x.len() + y.len());
        let (mut i, mut j) = (0, 0);
        loop {
            let next = match (x.get(i), y.get(j)) {
                (Some(p), Some(q)) if p.key() == q.key() => {
                    (i, j) = (i + 1, j + 1);
                    Group {
                        weighted: p.weighted.checked_add(q.weighted).ok_or_else(overflow)?,
                        weight: p.weight.checked_add(q.weight).ok_or_else(overflow)?,
                        marks: p.marks.checked_add(q.marks).ok_or_else(overflow)?,
                        low: p.low || q.low,
                        ..*p
                    }
                }
                (Some(p), Some(q)) if p.key() < q.key() => {
                    i += 1;
                    *p
                }
                (Some(p), None) => {
                    i += 1;
                    *p
                }
                (_, Some(q)) => {
                    j += 1;
                    *q
                }
                (None, None) => break,
            };
            merged.push(next);
        }
        let marks = self.marks.checked_add(other.marks).ok_or_else(overflow)?;
        let outside = self.outside_terms.checked_add(other.outside_terms);
        Ok(TermGradesPartial {
            terms: self.terms.clone(),
            max_subject: self.max_subject,
            groups: merged,
            marks,
            outside_terms: outside.ok_or_else(overflow)?,
        })
    }

    /// The report of the merged rows: the shown averages and term marks
    /// derived from the sums by `options`' policy.
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] when `options` have other terms or
    /// another subject limit than the partial's;
    /// [`RegionError::GroupTooLarge`] when a group's sums no longer fit
    /// the report's counters (as one pass over the rows would).
    pub fn finish(&self, options: &TermGradesOptions) -> Result<TermGradesReport, RegionError> {
        if options.terms() != &self.terms || options.max_subject() != self.max_subject {
            return Err(invalid("the options have other terms or subject limits"));
        }
        let mut index = GroupIndex::new(self.max_subject as usize, self.terms.all().len());
        for g in &self.groups {
            let cell = Cell::from_sums(g.weighted, g.weight, g.marks, g.low).ok_or(
                RegionError::GroupTooLarge {
                    line: 0,
                    student: crate::ids::StudentId::new(g.student),
                    subject: crate::ids::SubjectId::new(g.subject),
                },
            )?;
            index.put(g.student, g.subject, usize::from(g.term), cell);
        }
        Ok(TermGradesReport {
            index,
            terms: self.terms.clone(),
            policy: *options.policy(),
            rejects: Vec::new(),
            marks: self.marks,
            outside_terms: self.outside_terms,
            threads: options.threads() as usize,
        })
    }
}

impl TermGradesReport {
    /// This report's sums as a partial result, to merge with the partials
    /// of other rows of the region ([`TermGradesPartial`]). Rejected rows
    /// are not in it.
    pub fn to_partial(&self) -> TermGradesPartial {
        let mut groups = Vec::new();
        let (subjects, terms) = (self.index.subjects(), self.index.terms());
        for (student, block) in self
            .index
            .pages_in_order()
            .into_iter()
            .flat_map(|p| self.index.students_of(p))
        {
            for subject in 0..subjects {
                for term in 0..terms {
                    let cell = self.index.cell(block, subject, term);
                    if cell.marks() > 0 {
                        groups.push(Group {
                            student,
                            subject: subject as u32 + 1,
                            term: term as u8,
                            weighted: cell.weighted,
                            weight: u64::from(cell.weight),
                            marks: u64::from(cell.marks()),
                            low: cell.has_low_mark(),
                        });
                    }
                }
            }
        }
        TermGradesPartial {
            terms: self.terms.clone(),
            max_subject: subjects as u32,
            groups,
            marks: self.marks,
            outside_terms: self.outside_terms,
        }
    }
}

pub(super) fn invalid(detail: &str) -> RegionError {
    RegionError::InvalidPartial {
        detail: detail.to_owned(),
    }
}

/// Merges `pieces` two at a time, picked by `order`, until one is left:
/// any order and grouping of the merges, for the partials' tests.
#[cfg(test)]
pub(super) fn merge_in_any_order<P>(
    mut pieces: Vec<P>,
    order: u64,
    merge: impl Fn(&mut P, &P) -> Result<(), RegionError>,
) -> Option<P> {
    let mut pick = order;
    while pieces.len() > 1 {
        let i = (pick % pieces.len() as u64) as usize;
        pick = pick.rotate_left(7) ^ 0x9e37_79b9;
        let taken = pieces.swap_remove(i);
        let j = (pick % pieces.len() as u64) as usize;
        merge(&mut pieces[j], &taken).ok()?;
    }
    pieces.pop()
}

#[cfg(test)]
mod tests;
