//! A seeded synthetic region: `parents.csv` and `grades.csv` with the
//! shapes analysts see, for tests, benchmarks and demos. The same size and
//! seed always give the same bytes (integer arithmetic only, on any
//! platform).
//!
//! Shape: 25 students per class, 30 classes per school, one or two parents
//! per student (1.5 on average); about 85% of parents with access; about
//! 90% apply between 01.09 and 31.12.2014, each school with its own
//! campaign dates and speed, so every band status occurs; activation comes
//! after the application, and some parents without access activate too.
//! Marks fall on school days (Mon–Sat, no public holidays) of sampled
//! classes (one in eight): about 5 per student, subject and term (18% of
//! groups with fewer than 3), about 240 per student and year, skewed to
//! 3–5 by the student's level, weight by work type; a few fall in the
//! spring break, outside every term.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::random::SplitMix64;
use crate::region::{RegionError, date_of, day_of, push_u64};

const STUDENTS_PER_CLASS: u64 = 25;
const CLASSES_PER_SCHOOL: u64 = 30;
const SUBJECTS: u32 = 12;
/// One class in this many has marks.
const SAMPLED_CLASS_ONE_IN: u64 = 8;
/// Marks per (student, subject, term): probability in per mille of 1..=10.
const MARKS_PER_GROUP: [u64; 10] = [70, 110, 140, 160, 160, 130, 100, 70, 40, 20];
/// Work types: (code, weight text, per mille).
const WORK_TYPES: [(&str, &str, u64); 5] = [
    ("answer", "1", 400),
    ("homework", "1", 250),
    ("test", "1.5", 180),
    ("control", "3", 100),
    ("project", "2", 70),
];
/// Marks 1..=5 per mille for a weak, an average and a strong student.
const MARKS_BY_LEVEL: [[u64; 5]; 3] = [
    [30, 150, 450, 300, 70],
    [10, 60, 300, 430, 200],
    [0, 20, 130, 400, 450],
];
const PARENTS_HEADER: &str =
    "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";
const GRADES_HEADER: &str = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n";

/// One random stream per entity (the crate's SplitMix64 seeded from the
/// region's seed, a tag and the entity's key), so that any part of the
/// region can be made alone.
struct Rng(SplitMix64);

impl Rng {
    fn new(seed: u64, tag: u64, key: u64) -> Rng {
        let mixed = SplitMix64::new(key.wrapping_mul(0xE703_7ED1_A0B4_28DB)).next_u64();
        let mut r = SplitMix64::new(seed ^ tag.wrapping_mul(0xA076_1D64_78BD_642F) ^ mixed);
        r.next_u64();
        Rng(r)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.0.chance_per_mille(per_mille)
    }

    /// An index drawn by per-mille weights that sum to 1000.
    fn pick(&mut self, weights: &[u64]) -> usize {
        let mut x = self.below(1000);
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

const TAG_STUDENT: u64 = 1;
const TAG_SCHOOL: u64 = 2;
const TAG_PARENT: u64 = 3;
const TAG_CLASS: u64 = 4;
const TAG_MARKS: u64 = 5;

/// A region of a given size and seed.
///
/// # Example
/// ```
/// use zhurnal::demo::RegionGenerator;
/// let region = RegionGenerator::new(300, 42)?;
/// let mut a = Vec::new();
/// region.write_parents(&mut a)?;
/// let mut b = Vec::new();
/// RegionGenerator::new(300, 42)?.write_parents(&mut b)?;
/// assert_eq!(a, b);
/// assert_eq!(String::from_utf8(a)?.lines().count(), 301);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionGenerator {
    parents: u64,
    seed: u64,
}

/// What [`RegionGenerator::write_to_dir`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedRegion {
    /// The parents registry.
    pub parents_csv: PathBuf,
    /// The marks.
    pub grades_csv: PathBuf,
    /// Parents written.
    pub parents: u64,
    /// Students of those parents.
    pub students: u64,
    /// Marks written.
    pub marks: u64,
}

/// One school's campaign.
struct School {
    access: u64,
    apply: u64,
    activate: u64,
    campaign_start: i32,
    campaign_days: u64,
    delay: u64,
    without_access_activate: u64,
}

impl School {
    fn new(seed: u64, school: u64) -> School {
        let mut r = Rng::new(seed, TAG_SCHOOL, school);
        let model = r.chance(200);
        let sep1 = day_of(date(2014, 9, 1));
        School {
            access: 780 + r.below(141),
            apply: if model { 1000 } else { 800 + r.below(151) },
            activate: if model { 1000 } else { 600 + r.below(391) },
            campaign_start: sep1 + r.below(if model { 15 } else { 60 }) as i32,
            campaign_days: 10 + r.below(if model { 30 } else { 60 }),
            delay: 1 + r.below(if model { 8 } else { 30 }),
            without_access_activate: 50 + r.below(250),
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl RegionGenerator {
    /// A region with `parents` parents, drawn from `seed`.
    ///
    /// # Errors
    /// [`RegionError::InvalidRegionSize`] unless `1 <= parents <= 100_000_000`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::demo::RegionGenerator;
    /// assert_eq!(RegionGenerator::new(0, 1).unwrap_err().code(), "region.invalid_region_size");
    /// ```
    pub fn new(parents: u64, seed: u64) -> Result<RegionGenerator, RegionError> {
        if !(1..=100_000_000).contains(&parents) {
            return Err(RegionError::InvalidRegionSize { parents });
        }
        Ok(RegionGenerator { parents, seed })
    }

    /// Parents of the region.
    pub fn parents(&self) -> u64 {
        self.parents
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Parents of each student, in student order, until the region's size.
    fn parents_per_student(&self) -> impl Iterator<Item = u64> + '_ {
        let mut left = self.parents;
        (0u64..).map_while(move |student| {
            if left == 0 {
                return None;
            }
            let two = Rng::new(self.seed, TAG_STUDENT, student).chance(500);
            let n = if two && left >= 2 { 2 } else { 1 };
            left -= n;
            Some(n)
        })
    }

    /// Students of the region.
    pub fn students(&self) -> u64 {
        self.parents_per_student().count() as u64
    }

    /// Writes `parents.csv`.
    ///
    /// # Errors
    /// [`RegionError::Io`] when writing fails.
    ///
    /// # Example
    /// ```
    /// use zhurnal::demo::RegionGenerator;
    /// let mut out = Vec::new();
    /// RegionGenerator::new(10, 1)?.write_parents(&mut out)?;
    /// assert!(out.starts_with(b"parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n1,1,1,1,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_parents(&self, out: &mut dyn Write) -> Result<(), RegionError> {
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        buf.extend_from_slice(PARENTS_HEADER.as_bytes());
        let dates = DateText::new();
        let mut school_id = u64::MAX;
        let mut school = School::new(self.seed, 0);
        let mut parent = 0u64;
        let end_of_year = day_of(date(2014, 12, 31));
        for (student, n) in self.parents_per_student().enumerate() {
            let student = student as u64;
            let class = student / STUDENTS_PER_CLASS;
            if class / CLASSES_PER_SCHOOL != school_id {
                school_id = class / CLASSES_PER_SCHOOL;
                school = School::new(self.seed, school_id);
            }
            for _ in 0..n {
                parent += 1;
                let mut r = Rng::new(self.seed, TAG_PARENT, parent);
                let access = r.chance(school.access);
                let applied = r.chance(school.apply).then(|| {
                    (school.campaign_start + r.below(school.campaign_days) as i32).min(end_of_year)
                });
                let activated = applied.and_then(|day| {
                    let p = if access {
                        school.activate
                    } else {
                        school.without_access_activate
                    };
                    r.chance(p).then(|| {
                        day + (r.below(school.delay + 1) + r.below(school.delay + 1)) as i32
                    })
                });
                push_u64(&mut buf, parent);
                buf.push(b',');
                push_u64(&mut buf, student + 1);
                buf.push(b',');
                push_u64(&mut buf, class + 1);
                buf.push(b',');
                push_u64(&mut buf, school_id + 1);
                buf.extend_from_slice(if access { b",1," } else { b",0," });
                if let Some(day) = applied {
                    dates.push(&mut buf, day);
                }
                buf.push(b',');
                if let Some(day) = activated {
                    dates.push(&mut buf, day);
                }
                buf.push(b'\n');
            }
            if buf.len() >= 1 << 20 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)?;
        out.flush()?;
        Ok(())
    }

    /// Writes `parents.csv` and `grades.csv` into `dir` (made if missing).
    ///
    /// # Errors
    /// [`RegionError::Io`] when the folder or a file cannot be written.
    ///
    /// # Example
    /// ```
    /// use zhurnal::demo::RegionGenerator;
    /// let dir = std::env::temp_dir().join(format!("zhurnal-doc-gen-{}", std::process::id()));
    /// let region = RegionGenerator::new(500, 9)?.write_to_dir(&dir)?;
    /// assert_eq!(region.parents, 500);
    /// assert!(region.grades_csv.exists());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_to_dir(&self, dir: &Path) -> Result<GeneratedRegion, RegionError> {
        std::fs::create_dir_all(dir)?;
        let parents_csv = dir.join("parents.csv");
        let grades_csv = dir.join("grades.csv");
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&parents_csv)?);
        self.write_parents(&mut out)?;
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&grades_csv)?);
        let marks = self.write_grades(&mut out)?;
        Ok(GeneratedRegion {
            parents_csv,
            grades_csv,
            parents: self.parents,
            students: self.students(),
            marks,
        })
    }
}

/// `YYYY-MM-DD` of the days the generator uses.
struct DateText {
    first: i32,
    text: Vec<[u8; 10]>,
}

impl DateText {
    fn new() -> DateText {
        let first = day_of(date(2014, 8, 1));
        let text = (first..first + 800)
            .map(|d| {
                let mut t = [b'0'; 10];
                if let Some(date) = date_of(d) {
                    let s = date.format("%Y-%m-%d").to_string();
                    t.copy_from_slice(&s.as_bytes()[..10]);
                }
                t
            })
            .collect();
        DateText { first, text }
    }

    fn push(&self, buf: &mut Vec<u8>, day: i32) {
        let i = (day - self.first) as usize;
        match self.text.get(i) {
            Some(t) => buf.extend_from_slice(t),
            None => {
                if let Some(d) = date_of(day) {
                    buf.extend_from_slice(d.format("%Y-%m-%d").to_string().as_bytes());
                }
            }
        }
    }
}

mod grades;

#[cfg(test)]
mod tests;
