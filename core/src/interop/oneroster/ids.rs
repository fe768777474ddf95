//! The sourcedIds this library writes, and reading ids back.
//!
//! Exported ids are `<kind>-<number>` (`class-3`, `student-17`); ids carry
//! no personal data. On import, an id of that form keeps its number; any
//! other id gets the next free number of its kind, in file order.

use std::collections::{BTreeMap, BTreeSet};

/// Assigns numbers to sourcedIds of one kind.
#[derive(Debug, Default)]
pub(crate) struct IdMap {
    by_source: BTreeMap<String, u32>,
    used: BTreeSet<u32>,
}

impl IdMap {
    pub(crate) fn new(prefix: &'static str, sources: &[&str]) -> IdMap {
        let mut map = IdMap::default();
        for s in sources {
            if let Some(n) = own_number(prefix, s)
                && map.used.insert(n)
            {
                map.by_source.insert((*s).to_owned(), n);
            }
        }
        let mut next = 1u32;
        for s in sources {
            if map.by_source.contains_key(*s) {
                continue;
            }
            while map.used.contains(&next) {
                next = next.saturating_add(1);
            }
            map.used.insert(next);
            map.by_source.insert((*s).to_owned(), next);
        }
        map
    }

    pub(crate) fn get(&self, source: &str) -> Option<u32> {
        self.by_source.get(source).copied()
    }
}

fn own_number(prefix: &str, source: &str) -> Option<u32> {
    source
        .strip_prefix(prefix)?
        .strip_prefix('-')?
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// `<prefix>-<n>`.
pub(crate) fn sid(prefix: &str, n: impl std::fmt::Display) -> String {
    format!("{prefix}-{n}")
}
