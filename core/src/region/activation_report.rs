//! The activation report over `parents.csv`: eligible and activated parents
//! per checkpoint and school, and for the whole region.

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::blocks::{Source, parse_blocks};
use super::error::RegionError;
use super::fields::{MalformedRows, push_u64};
use super::parents_parse::{COLUMNS, Tally, has_repeats, sorted_ids};
use super::{default_checkpoints, default_threads};
use crate::activation::{ActivationCount, BandStatus, Checkpoint, Checkpoints};
use crate::ids::SchoolId;

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
    /// Whether the report keeps the parent ids, to become a partial.
    parent_ids: bool,
}

impl Default for ActivationOptions {
    /// The seed plan's checkpoints, stop at the first malformed row, and up
    /// to two threads.
    fn default() -> Self {
        ActivationOptions {
            checkpoints: default_checkpoints(),
            malformed: MalformedRows::Fail,
            threads: default_threads(),
            parent_ids: false,
        }
    }
}

impl ActivationOptions {
    /// Other checkpoints and bands.
    pub fn with_checkpoints(mut self, checkpoints: Checkpoints) -> ActivationOptions {
        self.checkpoints = checkpoints.all().to_vec();
        self
    }

    /// One measurement on `date` instead of the checkpoints' dates, against
    /// the band in force on that day: that of the latest checkpoint on or
    /// before it, else (before the first) that of the first checkpoint.
    /// With no checkpoints at all, nothing is measured.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::region::ActivationOptions;
    /// let day = NaiveDate::from_ymd_opt(2014, 11, 15).unwrap();
    /// let options = ActivationOptions::default().with_date(day);
    /// assert_eq!(options.checkpoints().len(), 1);
    /// assert_eq!(options.checkpoints()[0].band.min(), 41.into());
    /// ```
    pub fn with_date(mut self, date: NaiveDate) -> ActivationOptions {
        let in_force = self
            .checkpoints
            .iter()
            .rev()
            .find(|c| c.date <= date)
            .or(self.checkpoints.first());
        self.checkpoints = in_force
            .map(|c| Checkpoint { date, band: c.band })
            .into_iter()
            .collect();
        self
    }

    /// What to do with malformed rows.
    pub fn with_malformed_rows(mut self, malformed: MalformedRows) -> ActivationOptions {
        self.malformed = malformed;
        self
    }

    /// How many threads parse the file (at least 1).
    pub fn with_threads(mut self, threads: u32) -> ActivationOptions {
        self.threads = usize::try_from(threads).map_or(usize::MAX, |t| t.max(1));
        self
    }

    /// Whether the report keeps the sorted parent ids it read, so that
    /// [`ActivationReport::to_partial`] can give a partial that finds a
    /// parent repeated in another piece of the region (off by default).
    pub fn with_parent_ids(mut self, keep: bool) -> ActivationOptions {
        self.parent_ids = keep;
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
    pub fn threads(&self) -> u32 {
        u32::try_from(self.threads).unwrap_or(u32::MAX)
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
    /// The sorted parent ids, when the options asked to keep them.
    pub(super) parent_ids: Option<Vec<u32>>,
    /// The checkpoints it was made for.
    pub(super) checkpoints: Vec<Checkpoint>,
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
        Self::from_opener(
            || std::fs::File::open(path).map_err(|e| RegionError::io(&e)),
            options,
        )
    }

    /// Reads `parents.csv` from the readers `open` gives, on
    /// `options.threads()` threads: a reader of the whole file each time it
    /// is called (a second one only when the first read finds a repeated
    /// id or a malformed row, to name them in order). A caller that wraps
    /// the file to watch the progress, or to stop the read, uses this.
    ///
    /// # Errors
    /// As [`ActivationReport::from_path`], and whatever `open` returns.
    pub fn from_opener<R: Read + Send>(
        mut open: impl FnMut() -> Result<R, RegionError>,
        options: &ActivationOptions,
    ) -> Result<ActivationReport, RegionError> {
        // Repeated ids are looked for once, after the parse, over the sorted
        // ids (on any number of threads: cheaper than a map of every id).
        let first = Self::read(open()?, options, options.threads, false)?;
        if let Some(report) = first {
            return Ok(report);
        }
        // A repeated id or a malformed row: read again on one thread,
        // which names every such row by its line, in order.
        Self::read(open()?, options, 1, true)?.ok_or(RegionError::EmptyInput)
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
        Self::read(reader, options, 1, true)?.ok_or(RegionError::EmptyInput)
    }

    /// One parse, `inline` on one thread (each id checked against the
    /// earlier rows as it is read, so that errors name their lines);
    /// otherwise `None` when it found a repeated id or a malformed row and
    /// the caller must read again inline.
    fn read<R: Read + Send>(
        reader: R,
        options: &ActivationOptions,
        threads: usize,
        inline: bool,
    ) -> Result<Option<ActivationReport>, RegionError> {
        let mut source = Source::new(reader);
        let header = source.header()?.ok_or(RegionError::EmptyInput)?;
        let (width, pos) = super::fields::map_header(&header, &COLUMNS)?;
        let threads = if inline { 1 } else { threads };
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
        Ok(Some(Self::assemble(parsed.states, parsed.errors, options)))
    }

    pub(super) fn assemble(
        states: Vec<Tally>,
        rejects: Vec<RegionError>,
        options: &ActivationOptions,
    ) -> ActivationReport {
        let n = options.checkpoints.len();
        let parent_ids = options.parent_ids.then(|| sorted_ids(&states));
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
        let mut report = Self::from_counts(&schools, parents, &options.checkpoints);
        report.rejects = rejects;
        report.parent_ids = parent_ids;
        report
    }

    /// The report of per-school counts (by school id, one per checkpoint).
    pub(super) fn from_counts(
        schools: &[(u32, Vec<ActivationCount>)],
        parents: u64,
        checkpoints: &[Checkpoint],
    ) -> ActivationReport {
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
            for (school, counts) in schools {
                let count = counts.get(i).copied().unwrap_or_default();
                region.merge(count);
                if count.eligible() > 0 {
                    rows.push(row(ReportScope::School(SchoolId::new(*school)), count));
                }
            }
            rows.push(row(ReportScope::Region, region));
        }
        ActivationReport {
            rows,
            rejects: Vec::new(),
            parents,
            parent_ids: None,
            checkpoints: checkpoints.to_vec(),
        }
    }

    /// The rows: by checkpoint, then school id, the region last.
    pub fn rows(&self) -> &[ActivationRow] {
        &self.rows
    }

    /// Rewrites the rejects (a frame's rows for the lines).
    #[cfg(feature = "arrow")]
    pub(super) fn map_rejects(&mut self, f: impl FnMut(RegionError) -> RegionError) {
        self.rejects = std::mem::take(&mut self.rejects)
            .into_iter()
            .map(f)
            .collect();
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
