//! Threads that share out the pages of the group index.
//!
//! Each thread reading `grades.csv` owns the pages whose number
//! (`id >> PAGE_BITS`) is its own modulo the number of threads. A mark is
//! queued in the reading thread's page as always; a full queue of a page
//! the thread owns is added to its cells, and a full queue of another
//! thread's page is handed over to that thread, which adds it to its own
//! cells after its next block. So each group's sums are kept by one thread
//! only: the threads' cells together are one index's worth of memory, and
//! putting the threads' indexes together moves pages instead of adding
//! every cell of one into the other.
//!
//! The limits stay exact. A thread checks the marks and weight it queues
//! for a page, owned or not, against the per-thread limits, as before; past
//! them it adds each mark at once to a group in its own cells and checks
//! that group (a page it does not own then keeps cells of its own, merged
//! into the owner's at the end). An owner checks against a group's whole
//! sums, the marks others handed over included, which is stricter than
//! its own share: no cell can overflow, whatever the number of threads.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};

use super::page::Queued;
use super::{GroupIndex, PAGE_BITS, QUEUE};

/// Emptied queues a thread keeps to hand out again.
const SPARE: usize = 16;

/// The pages one index owns: those whose number is `me` modulo `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Share {
    me: u32,
    of: u32,
}

impl Share {
    /// Every page: an index that reads alone.
    pub(crate) const WHOLE: Share = Share { me: 0, of: 1 };

    /// Whether the page of number `number` is this share's.
    #[inline]
    pub(super) fn owns(self, number: u32) -> bool {
        number % self.of == self.me
    }
}

/// A full queue of one page, on its way to the page's owner.
pub(crate) struct Handoff {
    /// The page's number, `id >> PAGE_BITS`.
    pub(super) number: u32,
    pub(super) queue: Vec<Queued>,
}

/// Where the reading threads leave each other their queues.
pub(crate) struct Exchange {
    inboxes: Vec<Mutex<Vec<Handoff>>>,
    joined: AtomicU32,
}

impl Exchange {
    /// An exchange among `threads` threads (at least one).
    pub(crate) fn new(threads: usize) -> Exchange {
        Exchange {
            inboxes: (0..threads.max(1))
                .map(|_| Mutex::new(Vec::new()))
                .collect(),
            joined: AtomicU32::new(0),
        }
    }

    /// The share of the next thread to join.
    pub(crate) fn join(&self) -> Share {
        let of = self.inboxes.len() as u32;
        Share {
            me: self.joined.fetch_add(1, Ordering::Relaxed) % of,
            of,
        }
    }

    /// Hands over the index's full queues of other threads' pages, and adds
    /// the queues handed over to it.
    pub(crate) fn trade(&self, index: &mut GroupIndex) {
        let of = self.inboxes.len() as u32;
        for handoff in index.outbox.drain(..) {
            let owner = (handoff.number % of) as usize;
            self.inboxes[owner]
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(handoff);
        }
        let inbox = &self.inboxes[(index.share.me % of) as usize];
        let mine = std::mem::take(&mut *inbox.lock().unwrap_or_else(PoisonError::into_inner));
        for handoff in mine {
            index.take(handoff);
        }
    }

    /// The queues handed over and not yet taken.
    pub(crate) fn into_left(self) -> Vec<Handoff> {
        self.inboxes
            .into_iter()
            .flat_map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner))
            .collect()
    }
}

impl GroupIndex {
    /// A full queue of page `p`: added to the cells when this index owns
    /// the page, put in the outbox for its owner otherwise.
    #[inline(never)]
    pub(super) fn queue_full(&mut self, p: usize) {
        let subjects = self.subjects;
        let page = &mut self.pages[p];
        let number = page.base >> PAGE_BITS;
        if self.share.owns(number) {
            page.drain(subjects);
            return;
        }
        let fresh = self
            .spare
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(QUEUE));
        let queue = std::mem::replace(&mut page.queue, fresh);
        self.outbox.push(Handoff { number, queue });
    }

    /// Adds the marks of a queue another index handed over.
    pub(crate) fn take(&mut self, handoff: Handoff) {
        let p = self.page(handoff.number << PAGE_BITS);
        let mut queue = handoff.queue;
        self.pages[p].add_queue(&queue, self.subjects);
        if self.spare.len() < SPARE {
            queue.clear();
            self.spare.push(queue);
        }
    }

    /// The marks still queued in pages another index owns, and the outbox,
    /// as handoffs; the pages' queues are left empty.
    pub(super) fn foreign_queues(&mut self) -> Vec<Handoff> {
        let mut out = std::mem::take(&mut self.outbox);
        for page in &mut self.pages {
            let number = page.base >> PAGE_BITS;
            if !self.share.owns(number) && !page.queue.is_empty() {
                out.push(Handoff {
                    number,
                    queue: std::mem::take(&mut page.queue),
                });
            }
        }
        out
    }

    /// This index's share of the pages.
    pub(super) fn share(&self) -> Share {
        self.share
    }
}
