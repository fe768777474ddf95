//! The activation report over `parents.csv`: eligible and activated parents
//! per checkpoint and school, and for the whole region.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::blocks::{BlockInfo, Source, parse_blocks};
use super::error::RegionError;
use super::fields::{
    BlockLog, Fields, MalformedRows, date_of, flag_field, for_each_row, id_field,
    optional_date_field, push_u64,
};
use super::{default_checkpoints, default_threads};
use crate::activation::{ActivationCount, BandStatus, Checkpoint, Checkpoints};
use crate::ids::{ParentId, SchoolId};

/// The columns the activation report reads from `parents.csv` (others are
/// ignored).
const COLUMNS: [&str; 7] = [
    "parent_id",
    "student_id",
    "class_id",
    "school_id",
    "has_access",
    "applied_on",
    "activated_on",
];

/// The header of `activation.csv`.
pub const ACTIVATION_CSV_HEADER: &str = "checkpoint,school_id,eligible,activated,share,status";

/// How to build an activation report.
///
/// # Example
/// ```
/// use zhurnal::region::{ActivationOptions, MalformedRows};
/// let options = ActivationOptions::default().with_malformed_rows(MalformedRows::Collect);
/// assert_eq!(options.checkpoints().len(), 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationOptions {
    // In date order: from a validated `Checkpoints` or the seed list.
    checkpoints: Vec<Checkpoint>,
    malformed: MalformedRows,
    threads: usize,
}

impl Default for ActivationOptions {
    /// The seed plan's checkpoints, stop at the first malformed row, and up
    /// to two threads.
    fn default() -> Self {
        ActivationOptions {
            checkpoints: default_checkpoints(),
            malformed: MalformedRows::Fail,
            threads: default_threads(),
        }
    }
}

impl ActivationOptions {
    /// Other checkpoints and bands.
    pub fn with_checkpoints(mut self, checkpoints: Checkpoints) -> ActivationOptions {
        self.checkpoints = checkpoints.all().to_vec();
        self
    }

    /// What to do with malformed rows.
    pub fn with_malformed_rows(mut self, malformed: MalformedRows) -> ActivationOptions {
        self.malformed = malformed;
        self
    }

    /// How many threads parse the file (at least 1).
    pub fn with_threads(mut self, threads: usize) -> ActivationOptions {
        self.threads = threads.max(1);
        self
    }

    /// The checkpoints, earliest first.
    pub fn checkpoints(&self) -> &[Checkpoint] {
        &self.checkpoints
    }

    /// What happens to malformed rows.
    pub fn malformed_rows(&self) -> MalformedRows {
        self.malformed
    }

    /// Threads used to parse.
    pub fn threads(&self) -> usize {
        self.threads
    }
}

/// A school, or the whole region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportScope {
    /// One school.
    School(SchoolId),
    /// Every school of the file (`all`).
    Region,
}

/// One row of the activation report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationRow {
    /// The checkpoint's date (activations on this day count).
    pub checkpoint: NaiveDate,
    /// The school, or the region.
    pub scope: ReportScope,
    /// Eligible and activated parents.
    pub count: ActivationCount,
    /// `100 × activated / eligible`, HALF-UP to two places; `None` when no
    /// parent is eligible (only the region row can be empty).
    pub share: Option<Decimal>,
    /// The share against the checkpoint's band; `None` with no share
    /// (`na` in CSV).
    pub status: Option<BandStatus>,
}

/// The activation report: per checkpoint, one row per school with an
/// eligible parent (by school id), then the region (`all`).
///
/// Eligible parents are those with `has_access = 1` (the default
/// [`EligibilityPolicy::WithAccess`](crate::activation::EligibilityPolicy::WithAccess),
/// the same fact the application registry records with
/// [`record_service_access`](crate::applications::ApplicationRegistry::record_service_access));
/// activated are eligible parents with `activated_on` on or before the
/// checkpoint; `applied_on` is checked but plays no part. Counting, share and status are the rules of
/// [`crate::activation`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationReport {
    rows: Vec<ActivationRow>,
    rejects: Vec<RegionError>,
    parents: u64,
}

/// Per-thread state of the parse.
struct Tally {
    checkpoints: Vec<NaiveDate>,
    slots: HashMap<u32, usize>,
    schools: Vec<u32>,
    counts: Vec<ActivationCount>,
    last: Option<(u32, usize)>,
    parents: u64,
    ids: IdCheck,
}

/// How repeated parent ids are found.
enum IdCheck {
    /// One thread reads every row in order: each id with its first line.
    Inline(HashMap<u32, u64>),
    /// Several threads: ids by block, compared after the parse.
    Deferred(Vec<(usize, Vec<u32>)>),
}

impl Tally {
    fn new(checkpoints: &[Checkpoint], inline: bool) -> Tally {
        Tally {
            checkpoints: checkpoints.iter().map(|c| c.date).collect(),
            slots: HashMap::new(),
            schools: Vec::new(),
            counts: Vec::new(),
            last: None,
            parents: 0,
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

    fn block(
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
            let row = ParentRow::parse(f, pos, line)?;
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

    /// Counts one parent at every checkpoint, by the one activation rule.
    #[inline]
    fn count(&mut self, row: &ParentRow) {
        let slot = self.slot(row.school);
        let n = self.checkpoints.len();
        let counts = &mut self.counts[slot * n..slot * n + n];
        for (count, &date) in counts.iter_mut().zip(&self.checkpoints) {
            count.count(row.has_access, row.activated_on, date);
        }
        self.parents += 1;
    }
}

/// The fields of one parent the report uses.
struct ParentRow {
    parent: u32,
    school: u32,
    has_access: bool,
    activated_on: Option<NaiveDate>,
}

impl ParentRow {
    #[inline]
    fn parse(f: &Fields<'_>, pos: &[usize], _line: u64) -> Result<ParentRow, RegionError> {
        let parent = id_field(f.get(pos[0]), COLUMNS[0])?;
        id_field(f.get(pos[1]), COLUMNS[1])?;
        id_field(f.get(pos[2]), COLUMNS[2])?;
        let school = id_field(f.get(pos[3]), COLUMNS[3])?;
        let has_access = flag_field(f.get(pos[4]), COLUMNS[4])?;
        let applied = optional_date_field(f.get(pos[5]), COLUMNS[5])?;
        let activated = optional_date_field(f.get(pos[6]), COLUMNS[6])?;
        let activated_on = match activated {
            Some(day) => Some(date_of(day).ok_or_else(|| {
                RegionError::value(COLUMNS[6], f.get(pos[6]), super::ValueProblem::NotADate)
            })?),
            None => None,
        };
        if let (Some(applied), Some(activated)) = (applied, activated)
            && activated < applied
            && let (Some(applied_on), Some(activated_on)) = (date_of(applied), activated_on)
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
            activated_on,
        })
    }
}

impl ActivationReport {
    /// Reads `parents.csv` from a file, on `options.threads()` threads.
    ///
    /// # Errors
    /// [`RegionError::Io`] when the file cannot be read; a header or row
    /// error (naming the line and column) for malformed input, unless
    /// [`MalformedRows::Collect`] is chosen, which puts row errors in
    /// [`ActivationReport::rejects`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{ActivationOptions, ActivationReport};
    /// let dir = std::env::temp_dir().join(format!("zhurnal-doc-act-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("parents.csv");
    /// std::fs::write(&path, "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n1,1,1,7,1,2014-09-02,2014-10-01\n")?;
    /// let report = ActivationReport::from_path(&path, &ActivationOptions::default())?;
    /// assert!(report.to_csv().starts_with("checkpoint,school_id,eligible,activated,share,status\n2014-10-01,7,1,1,100.00,above\n"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(
        path: &Path,
        options: &ActivationOptions,
    ) -> Result<ActivationReport, RegionError> {
        let open = || std::fs::File::open(path).map_err(|e| RegionError::io(&e));
        if options.threads > 1 {
            let first = Self::read(open()?, options, options.threads)?;
            if let Some(report) = first {
                return Ok(report);
            }
            // A repeated id or a malformed row: read again on one thread,
            // which names every such row by its line, in order.
        }
        Self::read(open()?, options, 1)?.ok_or(RegionError::EmptyInput)
    }

    /// Reads `parents.csv` from any reader, on one thread (each parent id
    /// is checked against the earlier rows as it is read).
    ///
    /// # Errors
    /// As [`ActivationReport::from_path`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{ActivationOptions, ActivationReport, MalformedRows};
    /// let csv = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n1,1,1,7,1,,\n1,2,1,7,1,,\n";
    /// let err = ActivationReport::from_reader(csv.as_bytes(), &ActivationOptions::default()).unwrap_err();
    /// assert_eq!(err.code(), "region.duplicate_parent");
    /// assert_eq!(err.line(), Some(3));
    /// let lenient = ActivationOptions::default().with_malformed_rows(MalformedRows::Collect);
    /// let report = ActivationReport::from_reader(csv.as_bytes(), &lenient)?;
    /// assert_eq!(report.rejects().len(), 1);
    /// assert_eq!(report.parents(), 1);
    /// # Ok::<(), zhurnal::region::RegionError>(())
    /// ```
    pub fn from_reader<R: Read + Send>(
        reader: R,
        options: &ActivationOptions,
    ) -> Result<ActivationReport, RegionError> {
        Self::read(reader, options, 1)?.ok_or(RegionError::EmptyInput)
    }

    /// One parse; `None` when several threads found a repeated id or a
    /// malformed row and the caller must read again on one thread.
    fn read<R: Read + Send>(
        reader: R,
        options: &ActivationOptions,
        threads: usize,
    ) -> Result<Option<ActivationReport>, RegionError> {
        let mut source = Source::new(reader);
        let header = source.header()?.ok_or(RegionError::EmptyInput)?;
        let (width, pos) = super::fields::map_header(&header, &COLUMNS)?;
        let inline = threads == 1;
        let parsed = parse_blocks(
            source,
            threads,
            options.malformed,
            || Tally::new(&options.checkpoints, inline),
            |tally, info, block, log| tally.block(info, block, width, &pos, options.malformed, log),
        );
        let parsed = match parsed {
            Ok(p) => p,
            Err(e) if inline || e.line().is_none() => return Err(e),
            Err(_) => return Ok(None),
        };
        if !inline && (!parsed.errors.is_empty() || has_repeats(&parsed.states)) {
            return Ok(None);
        }
        Ok(Some(Self::assemble(
            parsed.states,
            parsed.errors,
            &options.checkpoints,
        )))
    }

    fn assemble(
        states: Vec<Tally>,
        rejects: Vec<RegionError>,
        checkpoints: &[Checkpoint],
    ) -> ActivationReport {
        let n = checkpoints.len();
        let mut by_school: HashMap<u32, Vec<ActivationCount>> = HashMap::new();
        let mut parents = 0;
        for tally in states {
            parents += tally.parents;
            for (slot, school) in tally.schools.iter().enumerate() {
                let into = by_school
                    .entry(*school)
                    .or_insert_with(|| vec![ActivationCount::default(); n]);
                for (a, b) in into.iter_mut().zip(&tally.counts[slot * n..slot * n + n]) {
                    a.merge(*b);
                }
            }
        }
        let mut schools: Vec<(u32, Vec<ActivationCount>)> = by_school.into_iter().collect();
        schools.sort_unstable_by_key(|(id, _)| *id);
        let mut rows = Vec::new();
        for (i, checkpoint) in checkpoints.iter().enumerate() {
            let mut region = ActivationCount::default();
            let row = |scope, count: ActivationCount| ActivationRow {
                checkpoint: checkpoint.date,
                scope,
                count,
                share: count.share(),
                status: count.status(&checkpoint.band),
            };
            for (school, counts) in &schools {
                let count = counts[i];
                region.merge(count);
                if count.eligible() > 0 {
                    rows.push(row(ReportScope::School(SchoolId::new(*school)), count));
                }
            }
            rows.push(row(ReportScope::Region, region));
        }
        ActivationReport {
            rows,
            rejects,
            parents,
        }
    }

    /// The rows: by checkpoint, then school id, the region last.
    pub fn rows(&self) -> &[ActivationRow] {
        &self.rows
    }

    /// Malformed rows left out (with [`MalformedRows::Collect`]), by line.
    pub fn rejects(&self) -> &[RegionError] {
        &self.rejects
    }

    /// Parents counted (rows read, less rejects).
    pub fn parents(&self) -> u64 {
        self.parents
    }

    /// Writes `activation.csv`: header, then the rows, LF line ends.
    ///
    /// # Errors
    /// [`RegionError::Io`] when writing fails.
    ///
    /// # Example
    /// ```
    /// use zhurnal::region::{ActivationOptions, ActivationReport};
    /// let csv = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";
    /// let report = ActivationReport::from_reader(csv.as_bytes(), &ActivationOptions::default())?;
    /// let mut out = Vec::new();
    /// report.write_csv(&mut out)?;
    /// assert!(String::from_utf8(out)?.ends_with("2015-01-01,all,0,0,,na\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv(&self, out: &mut dyn Write) -> Result<(), RegionError> {
        out.write_all(self.to_csv().as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// The report as `activation.csv` text.
    pub fn to_csv(&self) -> String {
        let mut buf: Vec<u8> = Vec::with_capacity(64 * (self.rows.len() + 1));
        buf.extend_from_slice(ACTIVATION_CSV_HEADER.as_bytes());
        buf.push(b'\n');
        for row in &self.rows {
            buf.extend_from_slice(row.checkpoint.format("%Y-%m-%d").to_string().as_bytes());
            buf.push(b',');
            match row.scope {
                ReportScope::School(id) => push_u64(&mut buf, u64::from(id.get())),
                ReportScope::Region => buf.extend_from_slice(b"all"),
            }
            buf.push(b',');
            push_u64(&mut buf, row.count.eligible());
            buf.push(b',');
            push_u64(&mut buf, row.count.activated());
            buf.push(b',');
            if let Some(share) = row.share {
                buf.extend_from_slice(share.to_string().as_bytes());
            }
            buf.push(b',');
            buf.extend_from_slice(row.status.map_or("na", BandStatus::as_str).as_bytes());
            buf.push(b'\n');
        }
        String::from_utf8_lossy(&buf).into_owned()
    }
}

/// Whether any parent id occurs twice across the threads' blocks.
fn has_repeats(states: &[Tally]) -> bool {
    let mut blocks: Vec<&(usize, Vec<u32>)> = states
        .iter()
        .filter_map(|t| match &t.ids {
            IdCheck::Deferred(ids) => Some(ids),
            IdCheck::Inline(_) => None,
        })
        .flatten()
        .collect();
    // In file order, so that ids written in order stay sorted and the sort
    // below is a single pass.
    blocks.sort_unstable_by_key(|(seq, _)| *seq);
    let mut all: Vec<u32> = Vec::with_capacity(blocks.iter().map(|(_, ids)| ids.len()).sum());
    for (_, ids) in blocks {
        all.extend_from_slice(ids);
    }
    if !all.is_sorted() {
        all.sort_unstable();
    }
    all.windows(2).any(|w| w[0] == w[1])
}
