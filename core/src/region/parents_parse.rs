//! Reading `parents.csv` on one thread: each row's fields are checked, the
//! parent is counted at every checkpoint by the one activation rule, and
//! repeated parent ids are found.

use foldhash::{HashMap, HashMapExt};

use super::blocks::BlockInfo;
use super::error::RegionError;
use super::fields::{BlockLog, Fields, MalformedRows, date_of, flag_field, for_each_row, id_field};
use super::value_caches::DayCache;
use super::values::day_of;
use crate::activation::{ActivationCount, Checkpoint};
use crate::ids::ParentId;

/// The columns the activation report reads from `parents.csv` (others are
/// ignored).
pub(super) const COLUMNS: [&str; 7] = [
    "parent_id",
    "student_id",
    "class_id",
    "school_id",
    "has_access",
    "applied_on",
    "activated_on",
];

/// Per-thread state of the parse.
pub(super) struct Tally {
    /// The checkpoints' day numbers.
    checkpoints: Vec<i32>,
    slots: HashMap<u32, usize>,
    pub(super) schools: Vec<u32>,
    pub(super) counts: Vec<ActivationCount>,
    last: Option<(u32, usize)>,
    pub(super) parents: u64,
    ids: IdCheck,
    days: DayCache,
}

/// How repeated parent ids are found.
enum IdCheck {
    /// One thread reads every row in order: each id with its first line.
    Inline(HashMap<u32, u64>),
    /// Several threads: ids by block, compared after the parse.
    Deferred(Vec<(usize, Vec<u32>)>),
}

impl Tally {
    pub(super) fn new(checkpoints: &[Checkpoint], inline: bool) -> Tally {
        Tally {
            checkpoints: checkpoints.iter().map(|c| day_of(c.date)).collect(),
            slots: HashMap::new(),
            schools: Vec::new(),
            counts: Vec::new(),
            last: None,
            parents: 0,
            days: DayCache::new(),
            ids: if inline {
                IdCheck::Inline(HashMap::new())
            } else {
                IdCheck::Deferred(Vec::new())
            },
        }
    }

    fn slot(&mut self, school: u32) -> usize {
        if let Some((id, slot)) = self.last
            && id == school
        {
            return slot;
        }
        let next = self.schools.len();
        let slot = *self.slots.entry(school).or_insert(next);
        if slot == next {
            self.schools.push(school);
            self.counts.extend(std::iter::repeat_n(
                ActivationCount::default(),
                self.checkpoints.len(),
            ));
        }
        self.last = Some((school, slot));
        slot
    }

    pub(super) fn block(
        &mut self,
        info: BlockInfo,
        block: &[u8],
        width: usize,
        pos: &[usize],
        mode: MalformedRows,
        log: &mut BlockLog,
    ) {
        let mut block_ids = Vec::new();
        for_each_row(block, width, mode, log, |f, line| {
            let row = ParentRow::parse(f, pos, &mut self.days)?;
            if let IdCheck::Inline(seen) = &mut self.ids {
                let first_line = info.first_line.unwrap_or(0) + line - 1;
                if let Some(&first) = seen.get(&row.parent) {
                    return Err(RegionError::DuplicateParent {
                        line: 0,
                        first_line: first,
                        parent: ParentId::new(row.parent),
                    });
                }
                seen.insert(row.parent, first_line);
            } else {
                block_ids.push(row.parent);
            }
            self.count(&row);
            Ok(())
        });
        if let IdCheck::Deferred(ids) = &mut self.ids {
            ids.push((info.seq, block_ids));
        }
    }

    /// Keeps the parent ids of block `seq`, read elsewhere, for the check
    /// of repeats after the parse (several threads only).
    #[cfg(feature = "arrow")]
    pub(super) fn defer_ids(&mut self, seq: usize, ids: Vec<u32>) {
        if let IdCheck::Deferred(all) = &mut self.ids {
            all.push((seq, ids));
        }
    }

    /// Counts one parent at every checkpoint, by the one activation rule.
    #[inline]
    pub(super) fn count(&mut self, row: &ParentRow) {
        let slot = self.slot(row.school);
        let n = self.checkpoints.len();
        let counts = &mut self.counts[slot * n..slot * n + n];
        for (count, &day) in counts.iter_mut().zip(&self.checkpoints) {
            count.count_by(row.has_access, row.activated_day, day);
        }
        self.parents += 1;
    }
}

/// The fields of one parent the report uses.
pub(super) struct ParentRow {
    pub(super) parent: u32,
    pub(super) school: u32,
    pub(super) has_access: bool,
    /// The day number of `activated_on`.
    pub(super) activated_day: Option<i32>,
}

impl ParentRow {
    #[inline]
    fn parse(f: &Fields<'_>, pos: &[usize], days: &mut DayCache) -> Result<ParentRow, RegionError> {
        let parent = id_field(f.get(pos[0]), COLUMNS[0])?;
        id_field(f.get(pos[1]), COLUMNS[1])?;
        id_field(f.get(pos[2]), COLUMNS[2])?;
        let school = id_field(f.get(pos[3]), COLUMNS[3])?;
        let has_access = flag_field(f.get(pos[4]), COLUMNS[4])?;
        let applied = days.optional(f.get(pos[5]), COLUMNS[5])?;
        let activated = days.optional(f.get(pos[6]), COLUMNS[6])?;
        if let (Some(applied), Some(activated)) = (applied, activated)
            && activated < applied
            && let (Some(applied_on), Some(activated_on)) = (date_of(applied), date_of(activated))
        {
            return Err(RegionError::ActivatedBeforeApplied {
                line: 0,
                applied_on,
                activated_on,
            });
        }
        Ok(ParentRow {
            parent,
            school,
            has_access,
            activated_day: activated,
        })
    }
}

/// Every parent id the states read, sorted (a repeat stays twice): the
/// ids of blocks read by several threads, and those one thread checked.
pub(super) fn sorted_ids(states: &[Tally]) -> Vec<u32> {
    let mut blocks: Vec<&(usize, Vec<u32>)> = Vec::new();
    let mut all: Vec<u32> = Vec::new();
    for t in states {
        match &t.ids {
            IdCheck::Deferred(ids) => blocks.extend(ids),
            IdCheck::Inline(seen) => all.extend(seen.keys()),
        }
    }
    // In file order, so that ids written in order stay sorted and the sort
    // below is a single pass.
    blocks.sort_unstable_by_key(|(seq, _)| *seq);
    all.reserve(blocks.iter().map(|(_, ids)| ids.len()).sum());
    for (_, ids) in blocks {
        all.extend_from_slice(ids);
    }
    if !all.is_sorted() {
        all.sort_unstable();
    }
    all
}

/// Whether an id was read twice by different threads.
pub(super) fn has_repeats(states: &[Tally]) -> bool {
    sorted_ids(states).windows(2).any(|w| w[0] == w[1])
}
