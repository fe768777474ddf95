//! One page of the group index: the students of one range of ids, their
//! cells, and the queue of marks waiting to be added to them.

use std::collections::HashMap;

use super::cell::{Cell, Packed};
use super::{PAGE, SPARSE};

/// A mark waiting in its page's queue.
#[derive(Debug, Clone, Copy)]
pub(super) struct Queued {
    /// The student's id within the page.
    pub(super) local: u16,
    /// Subject, 0-based.
    pub(super) subject: u16,
    pub(super) term: u8,
    pub(super) mark: u8,
    /// Hundredths (at most 10000).
    pub(super) weight: u16,
}

/// Which block of cells each student of a page has.
pub(super) enum Slots {
    /// (id within the page, block) for pages with few students.
    Sparse(Vec<(u16, u16)>),
    /// Block + 1 by id within the page (0: none).
    Dense(Box<[u16]>),
}

/// The students of one id range. The fields every queued mark touches
/// (its queue and the page's totals) come first, in one cache line.
#[repr(C, align(64))]
pub(super) struct Page {
    pub(super) queue: Vec<Queued>,
    /// Marks and weight ever added to this page: while both are under the
    /// per-cell limits, no cell of the page can reach them, and marks are
    /// queued; past them, each mark is added at once and checked.
    pub(super) total_marks: u64,
    pub(super) total_weight: u64,
    /// The page's first id.
    pub(super) base: u32,
    pub(super) slots: Slots,
    /// Ids within the page, by block.
    pub(super) students: Vec<u16>,
    /// One array per term: `subjects` cells per block.
    pub(super) cells: Vec<Vec<Packed>>,
    /// Sums of groups too large for their packed cell, by (term, cell);
    /// a group's sums are its packed cell's plus these.
    pub(super) spill: HashMap<(usize, usize), Cell>,
}

impl Page {
    pub(super) fn new(base: u32, terms: usize) -> Page {
        Page {
            base,
            slots: Slots::Sparse(Vec::new()),
            students: Vec::new(),
            cells: (0..terms).map(|_| Vec::new()).collect(),
            spill: HashMap::new(),
            queue: Vec::new(),
            total_marks: 0,
            total_weight: 0,
        }
    }

    /// The block of a student (id within the page), made on first use.
    #[inline(always)]
    pub(super) fn block(&mut self, local: u16, subjects: usize) -> usize {
        let found = match &self.slots {
            Slots::Dense(table) => match table[usize::from(local)] {
                0 => None,
                b => Some(usize::from(b) - 1),
            },
            Slots::Sparse(list) => list
                .iter()
                .find(|(l, _)| *l == local)
                .map(|(_, b)| usize::from(*b)),
        };
        match found {
            Some(block) => block,
            None => self.new_block(local, subjects),
        }
    }

    /// Makes the block of a student seen for the first time.
    #[cold]
    pub(super) fn new_block(&mut self, local: u16, subjects: usize) -> usize {
        let block = self.students.len();
        self.students.push(local);
        for term in &mut self.cells {
            term.resize(term.len() + subjects, Packed::default());
        }
        match &mut self.slots {
            Slots::Dense(table) => table[usize::from(local)] = block as u16 + 1,
            Slots::Sparse(list) => {
                list.push((local, block as u16));
                if list.len() > SPARSE {
                    let mut table = vec![0u16; PAGE].into_boxed_slice();
                    for &(l, b) in list.iter() {
                        table[usize::from(l)] = b + 1;
                    }
                    self.slots = Slots::Dense(table);
                }
            }
        }
        block
    }

    /// Adds the queued marks to the cells.
    pub(super) fn drain(&mut self, subjects: usize) {
        let queue = std::mem::take(&mut self.queue);
        self.add_queue(&queue, subjects);
        // Keep the queue's memory for the next round.
        self.queue = queue;
        self.queue.clear();
    }

    /// Adds the marks of a queue to the cells.
    pub(super) fn add_queue(&mut self, queue: &[Queued], subjects: usize) {
        for q in queue {
            let block = self.block(q.local, subjects);
            let at = block * subjects + usize::from(q.subject);
            self.add_at(usize::from(q.term), at, q.mark, u32::from(q.weight));
        }
    }

    /// Whether the page holds no group and no queued mark.
    pub(super) fn is_empty(&self) -> bool {
        self.students.is_empty() && self.spill.is_empty() && self.queue.is_empty()
    }

    /// Adds a mark to a cell, moving the cell's sums aside first when
    /// the mark does not fit its word.
    #[inline(always)]
    pub(super) fn add_at(&mut self, term: usize, at: usize, mark: u8, weight: u32) {
        let cell = &mut self.cells[term][at];
        if cell.fits(weight) {
            cell.add(mark, weight);
        } else {
            self.spill_at(term, at);
            self.cells[term][at].add(mark, weight);
        }
    }

    /// Moves a packed cell's sums to the side, leaving it empty.
    #[cold]
    pub(super) fn spill_at(&mut self, term: usize, at: usize) {
        let sums = std::mem::take(&mut self.cells[term][at]).unpack();
        self.spill.entry((term, at)).or_default().merge(&sums);
    }

    /// A group's sums: its packed cell's and any moved aside.
    #[inline]
    pub(super) fn sums(&self, term: usize, at: usize) -> Cell {
        let mut cell = self.cells[term][at].unpack();
        if !self.spill.is_empty()
            && let Some(aside) = self.spill.get(&(term, at))
        {
            cell.merge(aside);
        }
        cell
    }

    /// Adds the groups of the same id range from another index.
    pub(super) fn merge_from(&mut self, from: &Page, n: usize) {
        let mut blocks = Vec::with_capacity(from.students.len());
        for (i, &local) in from.students.iter().enumerate() {
            let block = self.block(local, n);
            blocks.push(block);
            for (term, b) in from.cells.iter().enumerate() {
                for (k, &y) in b[i * n..(i + 1) * n].iter().enumerate() {
                    let at = block * n + k;
                    if y.is_empty() {
                        continue;
                    }
                    if !self.cells[term][at].can_take(y) {
                        self.spill_at(term, at);
                    }
                    self.cells[term][at].take(y);
                }
            }
        }
        for (&(term, at), aside) in &from.spill {
            let here = blocks[at / n] * n + at % n;
            self.spill.entry((term, here)).or_default().merge(aside);
        }
        self.total_marks += from.total_marks;
        self.total_weight += from.total_weight;
    }

    /// Students in id order, with their blocks.
    pub(super) fn in_order(&self) -> Vec<(u32, usize)> {
        let mut list: Vec<(u32, usize)> = self
            .students
            .iter()
            .enumerate()
            .map(|(block, &local)| (self.base + u32::from(local), block))
            .collect();
        list.sort_unstable_by_key(|&(id, _)| id);
        list
    }

    /// Puts the blocks in id order, so that reading the students in id
    /// order reads each term's cells from first to last.
    pub(super) fn sort_blocks(&mut self, subjects: usize) {
        let order = self.in_order();
        if order.iter().enumerate().all(|(new, &(_, old))| new == old) {
            return;
        }
        let mut new_of = vec![0usize; order.len()];
        for (new, &(_, old)) in order.iter().enumerate() {
            new_of[old] = new;
        }
        for term in &mut self.cells {
            let mut sorted = Vec::with_capacity(term.len());
            for &(_, old) in &order {
                sorted.extend_from_slice(&term[old * subjects..(old + 1) * subjects]);
            }
            *term = sorted;
        }
        let base = self.base;
        self.students = order.iter().map(|&(id, _)| (id - base) as u16).collect();
        match &mut self.slots {
            Slots::Dense(table) => {
                for (new, &local) in self.students.iter().enumerate() {
                    table[usize::from(local)] = new as u16 + 1;
                }
            }
            Slots::Sparse(list) => {
                *list = self
                    .students
                    .iter()
                    .enumerate()
                    .map(|(new, &local)| (local, new as u16))
                    .collect();
            }
        }
        self.spill = std::mem::take(&mut self.spill)
            .into_iter()
            .map(|((term, at), sums)| {
                (
                    (term, new_of[at / subjects] * subjects + at % subjects),
                    sums,
                )
            })
            .collect();
    }
}
