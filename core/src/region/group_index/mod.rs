//! The per-group state of the term-grades report: for each student with
//! marks, one cell per subject and term.
//!
//! Students are kept in pages of [`PAGE`] consecutive ids. A mark is first
//! appended to its page's queue, which costs no random memory access; a
//! full queue is added to the page's cells at once, so the cells of one
//! page are visited together while they are in the processor's cache. This
//! is what keeps a region of millions of marks from waiting on memory for
//! every mark. Memory grows with the students that have marks (and a
//! bounded queue per page), never with the number of marks.

use super::error::RegionError;
use crate::ids::{StudentId, SubjectId};

mod cell;
mod page;
mod share;

pub(crate) use cell::Cell;
use cell::{LOW_MARK, Packed};
use page::{Page, Queued};
pub(crate) use share::{Exchange, Handoff, Share};

const PAGE_BITS: u32 = 13;
/// Student ids per page.
const PAGE: usize = 1 << PAGE_BITS;
/// Marks a page queues before adding them to its cells.
const QUEUE: usize = 16384;
/// Students a page lists before it switches to a dense slot table.
const SPARSE: usize = 64;

/// The most threads whose cells are merged; per-thread limits below leave
/// room for this many.
pub(crate) const MAX_THREADS: usize = 16;
const COUNT_MASK: u32 = LOW_MARK - 1;
/// Per-thread limits of a cell, so that merged cells cannot overflow.
const COUNT_LIMIT: u64 = (COUNT_MASK / MAX_THREADS as u32) as u64;
const WEIGHT_LIMIT: u64 = (u32::MAX / MAX_THREADS as u32) as u64;

/// A group whose sums cannot take another mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GroupFull;

impl GroupFull {
    /// The report's error for the mark of `student` in `subject`.
    pub(crate) fn error(self, student: u32, subject: u32) -> RegionError {
        RegionError::GroupTooLarge {
            line: 0,
            student: StudentId::new(student),
            subject: SubjectId::new(subject),
        }
    }
}

/// Students → cells, by pages of ids.
pub(crate) struct GroupIndex {
    subjects: usize,
    terms: usize,
    /// Page + 1 by `id >> PAGE_BITS` (0: none).
    top: Vec<u32>,
    pages: Vec<Page>,
    /// The pages whose cells this index keeps (see [`share`]).
    share: Share,
    /// Full queues of pages another index owns, to hand over.
    outbox: Vec<Handoff>,
    /// Emptied queues, to use again.
    spare: Vec<Vec<Queued>>,
}

impl GroupIndex {
    /// An index that keeps every page.
    pub(crate) fn new(subjects: usize, terms: usize) -> GroupIndex {
        GroupIndex::shared(subjects, terms, Share::WHOLE)
    }

    /// An index that keeps the cells of its share of the pages.
    pub(crate) fn shared(subjects: usize, terms: usize, share: Share) -> GroupIndex {
        GroupIndex {
            subjects,
            terms,
            top: Vec::new(),
            pages: Vec::new(),
            share,
            outbox: Vec::new(),
            spare: Vec::new(),
        }
    }

    #[inline(always)]
    fn page(&mut self, student: u32) -> usize {
        let t = (student >> PAGE_BITS) as usize;
        match self.top.get(t) {
            Some(&p) if p != 0 => p as usize - 1,
            _ => self.new_page(student),
        }
    }

    /// The page of a student whose id range has none yet, made.
    #[cold]
    fn new_page(&mut self, student: u32) -> usize {
        let t = (student >> PAGE_BITS) as usize;
        if t >= self.top.len() {
            self.top.resize(t + 1, 0);
        }
        match self.top[t] {
            0 => {
                self.pages
                    .push(Page::new(student & !(PAGE as u32 - 1), self.terms));
                self.top[t] = self.pages.len() as u32;
                self.pages.len() - 1
            }
            p => p as usize - 1,
        }
    }

    /// Adds one mark (weight in hundredths, at most 10000); `subject` is
    /// 1-based and within the index's subjects, `term` within its terms.
    ///
    /// # Errors
    /// [`GroupFull`] when the group cannot take the mark; the index is
    /// unchanged then.
    #[inline(always)]
    pub(crate) fn add(
        &mut self,
        student: u32,
        subject: u32,
        term: usize,
        mark: u8,
        weight: u32,
    ) -> Result<(), GroupFull> {
        let p = self.page(student);
        let page = &mut self.pages[p];
        let local = (student & (PAGE as u32 - 1)) as u16;
        let queued = Queued {
            local,
            subject: (subject - 1) as u16,
            term: term as u8,
            mark,
            weight: weight as u16,
        };
        let marks = page.total_marks + 1;
        let total = page.total_weight + u64::from(weight);
        if marks <= COUNT_LIMIT && total <= WEIGHT_LIMIT {
            page.total_marks = marks;
            page.total_weight = total;
            page.queue.push(queued);
            if page.queue.len() >= QUEUE {
                self.queue_full(p);
            }
            return Ok(());
        }
        self.add_to_heavy_page(p, local, subject, term, mark, weight)
    }

    /// Adds a mark to a page past the per-cell limits: at once, checking
    /// the group's own sums.
    #[cold]
    fn add_to_heavy_page(
        &mut self,
        p: usize,
        local: u16,
        subject: u32,
        term: usize,
        mark: u8,
        weight: u32,
    ) -> Result<(), GroupFull> {
        let subjects = self.subjects;
        let page = &mut self.pages[p];
        let marks = page.total_marks + 1;
        let total = page.total_weight + u64::from(weight);
        page.drain(subjects);
        let block = page.block(local, subjects);
        let at = block * subjects + subject as usize - 1;
        let cell = page.sums(term, at);
        if u64::from(cell.weight) + u64::from(weight) > WEIGHT_LIMIT
            || u64::from(cell.marks()) + 1 > COUNT_LIMIT
        {
            return Err(GroupFull);
        }
        page.add_at(term, at, mark, weight);
        page.total_marks = marks;
        page.total_weight = total;
        Ok(())
    }

    /// Puts a whole group's sums (a partial result's) into an index that
    /// has no marks of that group yet.
    pub(crate) fn put(&mut self, student: u32, subject: u32, term: usize, cell: Cell) {
        let subjects = self.subjects;
        let p = self.page(student);
        let page = &mut self.pages[p];
        let local = (student & (PAGE as u32 - 1)) as u16;
        let block = page.block(local, subjects);
        let at = block * subjects + subject as usize - 1;
        match Packed::pack(&cell) {
            Some(packed) => page.cells[term][at] = packed,
            None => {
                page.spill.insert((term, at), cell);
            }
        }
        // A mark added after this is checked against its group at once.
        page.total_marks = COUNT_LIMIT;
        page.total_weight = WEIGHT_LIMIT;
    }

    /// Adds every queued mark to the cells; done before reading or merging.
    pub(crate) fn finish(&mut self) {
        let subjects = self.subjects;
        for page in &mut self.pages {
            page.drain(subjects);
        }
    }

    /// The threads' indexes (of `(subjects, terms)`) as one, finished,
    /// with every page's blocks in id order. The queues still waiting
    /// (`left` over from the exchange, and those in the indexes) go to the
    /// indexes that own their pages; each index adds its queued marks on a
    /// core of its own; then the indexes' pages are put together.
    pub(crate) fn merge_all(
        mut indexes: Vec<GroupIndex>,
        left: Vec<Handoff>,
        (subjects, terms): (usize, usize),
        threads: usize,
    ) -> GroupIndex {
        let mut routed: Vec<Vec<Handoff>> = indexes.iter().map(|_| Vec::new()).collect();
        let mut waiting = left;
        for index in &mut indexes {
            waiting.extend(index.foreign_queues());
        }
        for handoff in waiting {
            let owner = indexes
                .iter()
                .position(|i| i.share().owns(handoff.number))
                .unwrap_or(0);
            if let Some(queues) = routed.get_mut(owner) {
                queues.push(handoff);
            }
        }
        std::thread::scope(|scope| {
            let mut work = indexes.iter_mut().zip(routed);
            let first = work.next();
            for (index, queues) in work {
                scope.spawn(move || index.finish_with(queues));
            }
            if let Some((index, queues)) = first {
                index.finish_with(queues);
            }
        });
        let mut rest = indexes.into_iter();
        let mut merged = rest
            .next()
            .unwrap_or_else(|| GroupIndex::new(subjects, terms));
        for other in rest {
            merged.merge_on(other, threads);
        }
        merged.share = Share::WHOLE;
        merged.sort_blocks(threads);
        merged
    }

    /// Adds the handed-over `queues` and every queued mark.
    fn finish_with(&mut self, queues: Vec<Handoff>) {
        for handoff in queues {
            self.take(handoff);
        }
        self.finish();
    }

    /// Adds every group of `other` (same shape, both finished).
    #[cfg(test)]
    pub(crate) fn merge(&mut self, other: GroupIndex) {
        self.merge_on(other, 1);
    }

    /// [`GroupIndex::merge`] with the pages shared out among `threads`. A
    /// page this index does not have, or has with nothing in it, is moved
    /// here whole; the groups of the others are added.
    pub(crate) fn merge_on(&mut self, other: GroupIndex, threads: usize) {
        let n = self.subjects;
        let mut sources: Vec<Option<Page>> = Vec::new();
        for page in other.pages {
            if page.is_empty() {
                continue;
            }
            let t = (page.base >> PAGE_BITS) as usize;
            match self.top.get(t) {
                Some(&p) if p != 0 && !self.pages[p as usize - 1].is_empty() => {
                    let p = p as usize - 1;
                    sources.resize_with(sources.len().max(p + 1), || None);
                    sources[p] = Some(page);
                }
                Some(&p) if p != 0 => self.pages[p as usize - 1] = page,
                _ => {
                    if t >= self.top.len() {
                        self.top.resize(t + 1, 0);
                    }
                    self.pages.push(page);
                    self.top[t] = self.pages.len() as u32;
                }
            }
        }
        let work: Vec<(&mut Page, Page)> = self
            .pages
            .iter_mut()
            .zip(sources)
            .filter_map(|(into, from)| from.map(|f| (into, f)))
            .collect();
        let threads = threads.clamp(1, work.len().max(1));
        if threads == 1 {
            for (into, from) in work {
                into.merge_from(&from, n);
            }
            return;
        }
        let per = work.len().div_ceil(threads);
        let mut work = work;
        std::thread::scope(|scope| {
            while !work.is_empty() {
                let rest = work.split_off(work.len().saturating_sub(per));
                scope.spawn(move || {
                    for (into, from) in rest {
                        into.merge_from(&from, n);
                    }
                });
            }
        });
    }

    /// Puts every page's blocks in id order (pages shared out among
    /// `threads`), so that the report reads the cells in the order they
    /// are kept; done once, when no more marks come.
    pub(crate) fn sort_blocks(&mut self, threads: usize) {
        let n = self.subjects;
        let threads = threads.clamp(1, self.pages.len().max(1));
        let per = self.pages.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            for pages in self.pages.chunks_mut(per) {
                scope.spawn(move || {
                    for page in pages {
                        page.sort_blocks(n);
                    }
                });
            }
        });
    }

    /// The pages in id order.
    pub(crate) fn pages_in_order(&self) -> Vec<usize> {
        self.top
            .iter()
            .filter(|&&p| p != 0)
            .map(|&p| p as usize - 1)
            .collect()
    }

    /// The students of one page in id order, each with its page and block.
    pub(crate) fn students_of(
        &self,
        page: usize,
    ) -> impl Iterator<Item = (u32, (usize, usize))> + '_ {
        self.pages[page]
            .in_order()
            .into_iter()
            .map(move |(id, block)| (id, (page, block)))
    }

    /// Students with marks in id order, each with its page and block.
    #[cfg(test)]
    pub(crate) fn students(&self) -> impl Iterator<Item = (u32, (usize, usize))> + '_ {
        self.pages_in_order()
            .into_iter()
            .flat_map(move |p| self.students_of(p))
    }

    /// Subjects per student.
    pub(crate) fn subjects(&self) -> usize {
        self.subjects
    }

    /// Terms per subject.
    pub(crate) fn terms(&self) -> usize {
        self.terms
    }

    /// The cell of a student (as [`GroupIndex::students`] gives it), 0-based
    /// subject and term.
    #[inline]
    pub(crate) fn cell(&self, (page, block): (usize, usize), subject: usize, term: usize) -> Cell {
        self.pages[page].sums(term, block * self.subjects + subject)
    }

    /// Students with marks.
    pub(crate) fn student_count(&self) -> usize {
        self.pages.iter().map(|p| p.students.len()).sum()
    }
}

#[cfg(test)]
mod tests;
