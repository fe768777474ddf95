//! The dense per-group state of the term-grades report: for each student
//! seen, one block of cells (subjects × terms), found through a two-level
//! page table keyed by the student id. Memory grows with the students that
//! have marks, never with the number of marks.

use super::error::RegionError;
use crate::ids::{StudentId, SubjectId};

const PAGE_BITS: u32 = 10;
const PAGE: usize = 1 << PAGE_BITS;

/// The most threads whose cells are merged; per-thread limits below leave
/// room for this many.
pub(crate) const MAX_THREADS: usize = 16;
/// The bit of [`Cell::count`] set when a mark is 2 or lower.
const LOW_MARK: u32 = 1 << 31;
const COUNT_MASK: u32 = LOW_MARK - 1;
/// Per-thread limits of a cell, so that merged cells cannot overflow.
const COUNT_LIMIT: u32 = COUNT_MASK / MAX_THREADS as u32;
const WEIGHT_LIMIT: u32 = u32::MAX / MAX_THREADS as u32;

/// Sums of one (student, subject, term) group: weights in hundredths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    /// Σ mark × weight, hundredths.
    pub(crate) weighted: u64,
    /// Σ weight, hundredths.
    pub(crate) weight: u32,
    /// Number of marks, with [`LOW_MARK`] set if any is 2 or lower.
    count: u32,
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

    fn merge(&mut self, other: &Cell) {
        self.weighted += other.weighted;
        self.weight += other.weight;
        self.count = ((self.count & COUNT_MASK) + (other.count & COUNT_MASK))
            | ((self.count | other.count) & LOW_MARK);
    }
}

/// Students → blocks of cells. Cells are kept term by term (one array per
/// term, a block of `subjects` cells per student): marks exported in date
/// order touch one term's array at a time, a quarter of the state.
pub(crate) struct GroupIndex {
    subjects: usize,
    top: Vec<u32>,
    pages: Vec<u32>,
    students: Vec<u32>,
    cells: Vec<Vec<Cell>>,
}

/// Where one mark goes: the term and the cell within the term's array.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellAt {
    term: usize,
    at: usize,
}

impl GroupIndex {
    pub(crate) fn new(subjects: usize, terms: usize) -> GroupIndex {
        GroupIndex {
            subjects,
            top: Vec::new(),
            pages: Vec::new(),
            students: Vec::new(),
            cells: (0..terms).map(|_| Vec::new()).collect(),
        }
    }

    /// The block of `student`, made on first use.
    #[inline]
    fn block(&mut self, student: u32) -> usize {
        let t = (student >> PAGE_BITS) as usize;
        if t >= self.top.len() {
            self.top.resize(t + 1, 0);
        }
        let mut page = self.top[t] as usize;
        if page == 0 {
            self.pages.resize(self.pages.len() + PAGE, 0);
            page = self.pages.len() / PAGE;
            self.top[t] = page as u32;
        }
        let entry = (page - 1) * PAGE + (student as usize & (PAGE - 1));
        let slot = self.pages[entry];
        if slot != 0 {
            return slot as usize - 1;
        }
        self.students.push(student);
        for term in &mut self.cells {
            term.resize(term.len() + self.subjects, Cell::default());
        }
        self.pages[entry] = self.students.len() as u32;
        self.students.len() - 1
    }

    /// The cell of a (student, subject, term), its student block made on
    /// first use; `subject` is 1-based and within the index's subjects,
    /// `term` within its terms.
    #[inline]
    pub(crate) fn locate(&mut self, student: u32, subject: u32, term: usize) -> CellAt {
        let block = self.block(student);
        CellAt {
            term,
            at: block * self.subjects + (subject as usize - 1),
        }
    }

    /// Adds one mark (weight in hundredths) to a located cell.
    #[inline]
    pub(crate) fn add_at(
        &mut self,
        cell: CellAt,
        mark: u8,
        weight: u32,
    ) -> Result<(), RegionError> {
        let subjects = self.subjects;
        let students = &self.students;
        let c = &mut self.cells[cell.term][cell.at];
        if c.weight > WEIGHT_LIMIT - weight || c.count & COUNT_MASK >= COUNT_LIMIT {
            return Err(RegionError::GroupTooLarge {
                line: 0,
                student: StudentId::new(students[cell.at / subjects]),
                subject: SubjectId::new((cell.at % subjects) as u32 + 1),
            });
        }
        c.weighted += u64::from(mark) * u64::from(weight);
        c.weight += weight;
        c.count += 1;
        if mark <= 2 {
            c.count |= LOW_MARK;
        }
        Ok(())
    }

    /// Adds one mark at once (tests and small inputs).
    #[cfg(test)]
    pub(crate) fn add(
        &mut self,
        student: u32,
        subject: u32,
        term: usize,
        mark: u8,
        weight: u32,
    ) -> Result<(), RegionError> {
        let at = self.locate(student, subject, term);
        self.add_at(at, mark, weight)
    }

    /// Adds every group of `other` (built with the same shape).
    pub(crate) fn merge(&mut self, other: &GroupIndex) {
        let n = self.subjects;
        for (i, &student) in other.students.iter().enumerate() {
            let block = self.block(student);
            for (into, from) in self.cells.iter_mut().zip(&other.cells) {
                for (a, b) in into[block * n..(block + 1) * n]
                    .iter_mut()
                    .zip(&from[i * n..(i + 1) * n])
                {
                    a.merge(b);
                }
            }
        }
    }

    /// Students with marks, in id order, each with its block number.
    pub(crate) fn students(&self) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.top
            .iter()
            .filter(|&&page| page != 0)
            .flat_map(move |&page| {
                let page = page as usize - 1;
                self.pages[page * PAGE..(page + 1) * PAGE]
                    .iter()
                    .filter(|&&slot| slot != 0)
                    .map(move |&slot| (self.students[slot as usize - 1], slot as usize - 1))
            })
    }

    /// Subjects per student block.
    pub(crate) fn subjects(&self) -> usize {
        self.subjects
    }

    /// Terms per subject.
    pub(crate) fn terms(&self) -> usize {
        self.cells.len()
    }

    /// The cell of a student block, 0-based subject and term.
    #[inline]
    pub(crate) fn cell(&self, block: usize, subject: usize, term: usize) -> &Cell {
        &self.cells[term][block * self.subjects + subject]
    }

    /// Students with a block.
    pub(crate) fn student_count(&self) -> usize {
        self.students.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn students_come_out_in_id_order_with_their_cells() {
        let mut a = GroupIndex::new(2, 2);
        a.add(5000, 2, 1, 5, 100).unwrap();
        a.add(7, 1, 0, 2, 150).unwrap();
        a.add(u32::MAX, 1, 1, 4, 300).unwrap();
        let mut b = GroupIndex::new(2, 2);
        b.add(7, 1, 0, 4, 100).unwrap();
        b.add(8, 2, 0, 3, 100).unwrap();
        a.merge(&b);
        type Sums = (u64, u32, u32, bool);
        let seen: Vec<(u32, Vec<Sums>)> = a
            .students()
            .map(|(s, block)| {
                let cells = (0..2)
                    .flat_map(|subject| (0..2).map(move |term| (subject, term)))
                    .map(|(subject, term)| a.cell(block, subject, term))
                    .map(|c| (c.weighted, c.weight, c.marks(), c.has_low_mark()))
                    .collect();
                (s, cells)
            })
            .collect();
        assert_eq!(seen.len(), 4);
        assert_eq!(seen[0].0, 7);
        assert_eq!(seen[0].1[0], (2 * 150 + 4 * 100, 250, 2, true));
        assert_eq!(seen[1].0, 8);
        assert_eq!(seen[1].1[2], (300, 100, 1, false));
        assert_eq!(seen[2].0, 5000);
        assert_eq!(seen[2].1[3], (500, 100, 1, false));
        assert_eq!(seen[3].0, u32::MAX);
        assert_eq!(a.student_count(), 4);
        assert_eq!((a.subjects(), a.terms()), (2, 2));
    }

    #[test]
    fn a_group_past_its_limits_is_refused() {
        let mut a = GroupIndex::new(1, 1);
        let heavy = 10_000;
        let mut n = 0u64;
        let err = loop {
            match a.add(1, 1, 0, 5, heavy) {
                Ok(()) => n += 1,
                Err(e) => break e,
            }
        };
        assert_eq!(err.code(), "region.group_too_large");
        assert_eq!(n, u64::from(WEIGHT_LIMIT / heavy));
    }
}
