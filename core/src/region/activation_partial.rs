//! Partial results of the activation report that merge, as
//! [`TermGradesPartial`](super::TermGradesPartial) does for term grades:
//! per school and checkpoint the eligible and activated parents (counts,
//! never shares), the parents read, and their sorted ids — so that a
//! parent in two pieces of the region is found on merging
//! (`region.duplicate_parent`), as one pass over the whole file finds it.
//! Shares and statuses are derived once, from the merged counts.
//!
//! Bytes: `ZJAP`, the format version (1), the checkpoints as JSON (length
//! first), the parents read, the schools (each its id's increase and one
//! eligible/activated pair per checkpoint), then the parent ids as
//! increases — all LEB128 variable-length integers; a dense id range
//! costs about a byte a parent.

use super::activation_report::{ActivationOptions, ActivationReport, ReportScope};
use super::error::RegionError;
use super::partial::invalid;
use super::varint::{Reader, put};
use crate::activation::{ActivationCount, Checkpoint, Checkpoints};
use crate::ids::ParentId;

const MAGIC: &[u8; 4] = b"ZJAP";
const VERSION: u8 = 1;

/// Partial results of the activation report over some rows of a region.
///
/// # Example
/// ```
/// use zhurnal::region::{ActivationOptions, ActivationPartial, ActivationReport};
/// let header = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";
/// let rows = ["1,10,100,7,1,2014-09-03,2014-10-01\n", "2,11,100,7,1,2014-09-04,\n"];
/// let options = ActivationOptions::default().with_parent_ids(true);
/// let mut merged = ActivationPartial::empty(&options);
/// for row in rows {
///     let piece = ActivationReport::from_reader(format!("{header}{row}").as_bytes(), &options)?;
///     merged.merge(&ActivationPartial::from_bytes(&piece.to_partial()?.to_bytes())?)?;
/// }
/// let whole = ActivationReport::from_reader(format!("{header}{}", rows.concat()).as_bytes(), &options)?;
/// assert_eq!(merged.finish(&options)?.to_csv(), whole.to_csv());
/// // The same parent in two pieces is refused, as in one file.
/// assert_eq!(merged.merge(&merged.clone()).unwrap_err().code(), "region.duplicate_parent");
/// # Ok::<(), zhurnal::region::RegionError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationPartial {
    checkpoints: Vec<Checkpoint>,
    /// By school id; one count per checkpoint.
    schools: Vec<(u32, Vec<ActivationCount>)>,
    parents: u64,
    /// Sorted, each once.
    parent_ids: Vec<u32>,
}

impl ActivationPartial {
    /// The partial of no rows, for `options`' checkpoints.
    pub fn empty(options: &ActivationOptions) -> ActivationPartial {
        ActivationPartial {
            checkpoints: options.checkpoints().to_vec(),
            schools: Vec::new(),
            parents: 0,
            parent_ids: Vec::new(),
        }
    }

    /// Parents read.
    pub fn parents(&self) -> u64 {
        self.parents
    }

    /// Adds `other`'s counts and ids to these.
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] for other checkpoints;
    /// [`RegionError::ParentInTwoPieces`] when a parent id is in both;
    /// `self` is unchanged then.
    pub fn merge(&mut self, other: &ActivationPartial) -> Result<(), RegionError> {
        *self = self.merged(other)?;
        Ok(())
    }

    /// `self` and `other` merged into a new partial, neither changed.
    ///
    /// # Errors
    /// As [`ActivationPartial::merge`].
    pub fn merged(&self, other: &ActivationPartial) -> Result<ActivationPartial, RegionError> {
        if other.checkpoints != self.checkpoints {
            return Err(invalid("the partials are of other checkpoints"));
        }
        let ids = merge_ids(&self.parent_ids, &other.parent_ids)?;
        let mut schools = Vec::with_capacity(self.schools.len() + other.schools.len());
        let (mut i, mut j) = (0, 0);
        while i < self.schools.len() || j < other.schools.len() {
            match (self.schools.get(i), other.schools.get(j)) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    let mut counts = a.1.clone();
                    for (x, y) in counts.iter_mut().zip(&b.1) {
                        x.merge(*y);
                    }
                    schools.push((a.0, counts));
                    (i, j) = (i + 1, j + 1);
                }
                (Some(a), Some(b)) if a.0 < b.0 => {
                    schools.push(a.clone());
                    i += 1;
                }
                (Some(a), None) => {
                    schools.push(a.clone());
                    i += 1;
                }
                (_, Some(b)) => {
                    schools.push(b.clone());
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Ok(ActivationPartial {
            checkpoints: self.checkpoints.clone(),
            parents: self.parents.saturating_add(other.parents),
            schools,
            parent_ids: ids,
        })
    }

    /// The report of the merged rows, its shares and statuses derived from
    /// the counts.
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] when `options` have other
    /// checkpoints than the partial's.
    pub fn finish(&self, options: &ActivationOptions) -> Result<ActivationReport, RegionError> {
        if options.checkpoints() != self.checkpoints.as_slice() {
            return Err(invalid("the options have other checkpoints"));
        }
        Ok(ActivationReport::from_counts(
            &self.schools,
            self.parents,
            &self.checkpoints,
        ))
    }

    /// The partial as compact bytes (see the module's format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.parent_ids.len() * 2);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        let checkpoints = serde_json::to_vec(&self.checkpoints).unwrap_or_default();
        put(&mut out, checkpoints.len() as u64);
        out.extend_from_slice(&checkpoints);
        put(&mut out, self.parents);
        put(&mut out, self.schools.len() as u64);
        let mut previous = 0;
        for (school, counts) in &self.schools {
            put(&mut out, u64::from(school - previous));
            previous = *school;
            for c in counts {
                put(&mut out, c.eligible());
                put(&mut out, c.activated());
            }
        }
        put(&mut out, self.parent_ids.len() as u64);
        let mut previous = 0;
        for id in &self.parent_ids {
            put(&mut out, u64::from(id - previous));
            previous = *id;
        }
        out
    }

    /// A partial from [`ActivationPartial::to_bytes`].
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] for bytes that are not a partial of
    /// this format version, or that hold counts no rows could give.
    pub fn from_bytes(bytes: &[u8]) -> Result<ActivationPartial, RegionError> {
        let mut r = Reader::new(bytes);
        if r.take(4)? != MAGIC {
            return Err(invalid("not an activation partial"));
        }
        if r.take(1)? != [VERSION] {
            return Err(invalid("a partial of another format version"));
        }
        let len = usize::try_from(r.varint()?).map_err(|_| invalid("too long"))?;
        let checkpoints: Checkpoints = serde_json::from_slice(r.take(len)?)
            .map_err(|_| invalid("the checkpoints are not a valid list"))?;
        let checkpoints = checkpoints.all().to_vec();
        let parents = r.varint()?;
        let n = r.count(bytes.len())?;
        let mut schools: Vec<(u32, Vec<ActivationCount>)> = Vec::with_capacity(n);
        for _ in 0..n {
            let school = r.increasing(schools.last().map(|(id, _)| *id))?;
            let counts = (0..checkpoints.len())
                .map(|_| {
                    let (eligible, activated) = (r.varint()?, r.varint()?);
                    ActivationCount::new(eligible, activated)
                        .map_err(|_| invalid("more activated than eligible"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            schools.push((school, counts));
        }
        let n = r.count(bytes.len())?;
        let mut parent_ids: Vec<u32> = Vec::with_capacity(n);
        for _ in 0..n {
            parent_ids.push(r.increasing(parent_ids.last().copied())?);
        }
        r.end()?;
        if parent_ids.len() as u64 != parents {
            return Err(invalid("the parents and their ids do not agree"));
        }
        Ok(ActivationPartial {
            checkpoints,
            schools,
            parents,
            parent_ids,
        })
    }
}

impl ActivationReport {
    /// This report's counts as a partial result, to merge with the
    /// partials of other pieces of the region ([`ActivationPartial`]).
    ///
    /// # Errors
    /// [`RegionError::InvalidPartial`] when the report was read without
    /// [`ActivationOptions::with_parent_ids`].
    pub fn to_partial(&self) -> Result<ActivationPartial, RegionError> {
        let ids = self.parent_ids.as_ref().ok_or_else(|| {
            invalid("the report was read without its parent ids (with_parent_ids(true))")
        })?;
        let n = self.checkpoints.len();
        let mut schools: Vec<(u32, Vec<ActivationCount>)> = Vec::new();
        for row in self.rows() {
            let ReportScope::School(school) = row.scope else {
                continue;
            };
            let Some(i) = self
                .checkpoints
                .iter()
                .position(|c| c.date == row.checkpoint)
            else {
                continue;
            };
            let at = match schools.binary_search_by_key(&school.get(), |(id, _)| *id) {
                Ok(at) => at,
                Err(at) => {
                    schools.insert(at, (school.get(), vec![ActivationCount::default(); n]));
                    at
                }
            };
            if let Some(c) = schools.get_mut(at).and_then(|(_, c)| c.get_mut(i)) {
                *c = row.count;
            }
        }
        Ok(ActivationPartial {
            checkpoints: self.checkpoints.clone(),
            schools,
            parents: self.parents(),
            parent_ids: ids.clone(),
        })
    }
}

/// Two sorted id lists as one; an error at an id in both.
fn merge_ids(a: &[u32], b: &[u32]) -> Result<Vec<u32>, RegionError> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x == y {
            return Err(RegionError::ParentInTwoPieces {
                parent: ParentId::new(x),
            });
        }
        if x < y {
            out.push(x);
            i += 1;
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
    Ok(out)
}

#[cfg(test)]
mod tests;
