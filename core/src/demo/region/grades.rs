//! The marks of a generated region: `grades.csv`, term by term, on school
//! days, in date order.

use std::io::Write;

use chrono::{Datelike, Weekday};

use super::{
    DateText, GRADES_HEADER, MARKS_BY_LEVEL, MARKS_PER_GROUP, RegionGenerator, Rng,
    SAMPLED_CLASS_ONE_IN, STUDENTS_PER_CLASS, SUBJECTS, TAG_CLASS, TAG_MARKS, TAG_STUDENT,
    WORK_TYPES, date,
};
use crate::calendar::SchoolYear;
use crate::region::{RegionError, date_of, day_of, default_terms, push_u64};

impl RegionGenerator {
    /// Writes `grades.csv`: term by term, marks in date order (within a
    /// day, by class, subject and student, as a journal exports them).
    /// Returns the number of marks.
    ///
    /// # Errors
    /// [`RegionError::Io`] when writing fails.
    ///
    /// # Example
    /// ```
    /// use zhurnal::demo::RegionGenerator;
    /// let mut out = Vec::new();
    /// let marks = RegionGenerator::new(2000, 3)?.write_grades(&mut out)?;
    /// assert_eq!(String::from_utf8(out)?.lines().count() as u64, marks + 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_grades(&self, out: &mut dyn Write) -> Result<u64, RegionError> {
        let students = self.students();
        let classes = students.div_ceil(STUDENTS_PER_CLASS);
        let sampled: Vec<u64> = (0..classes)
            .filter(|&c| Rng::new(self.seed, TAG_CLASS, c).below(SAMPLED_CLASS_ONE_IN) == 0)
            .collect();
        let days = SchoolDays::new();
        let dates = DateText::new();
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        buf.extend_from_slice(GRADES_HEADER.as_bytes());
        let mut marks = 0u64;
        // The spring break is a fifth "term": a few marks outside the terms.
        for (term, term_days) in days.terms.iter().enumerate() {
            let mut records: Vec<u64> = Vec::new();
            for &class in &sampled {
                let first = class * STUDENTS_PER_CLASS;
                let last = (first + STUDENTS_PER_CLASS).min(students);
                for subject in 1..=SUBJECTS {
                    for student in first..last {
                        let key = (student << 12) | (u64::from(subject) << 4) | term as u64;
                        let mut r = Rng::new(self.seed, TAG_MARKS, key);
                        let level = Rng::new(self.seed, TAG_STUDENT, student).below(3) as usize;
                        let n = if term < 4 {
                            r.pick(&MARKS_PER_GROUP) + 1
                        } else {
                            usize::from(r.chance(30))
                        };
                        for _ in 0..n {
                            let day = r.below(term_days.len() as u64);
                            let mark = r.pick(&MARKS_BY_LEVEL[level]) as u64 + 1;
                            let kind = r.pick(&WORK_TYPES.map(|w| w.2)) as u64;
                            records.push(
                                (day << 48)
                                    | (student << 12)
                                    | (u64::from(subject) << 6)
                                    | (mark << 3)
                                    | kind,
                            );
                        }
                    }
                }
            }
            // Stable bucket sort by day keeps class, subject, student order.
            let mut starts = vec![0usize; term_days.len() + 1];
            for r in &records {
                starts[(r >> 48) as usize + 1] += 1;
            }
            for i in 1..starts.len() {
                starts[i] += starts[i - 1];
            }
            let mut sorted = vec![0u64; records.len()];
            for r in &records {
                let bucket = (r >> 48) as usize;
                sorted[starts[bucket]] = *r;
                starts[bucket] += 1;
            }
            drop(records);
            for r in sorted {
                let day = term_days[(r >> 48) as usize];
                let student = (r >> 12) & 0xF_FFFF_FFFF;
                let subject = (r >> 6) & 0x3F;
                let mark = (r >> 3) & 0x7;
                let (code, weight, _) = WORK_TYPES[(r & 0x7) as usize];
                push_u64(&mut buf, student + 1);
                buf.push(b',');
                push_u64(&mut buf, student / STUDENTS_PER_CLASS + 1);
                buf.push(b',');
                push_u64(&mut buf, subject);
                buf.push(b',');
                dates.push(&mut buf, day);
                buf.push(b',');
                push_u64(&mut buf, mark);
                buf.push(b',');
                buf.extend_from_slice(weight.as_bytes());
                buf.push(b',');
                buf.extend_from_slice(code.as_bytes());
                buf.push(b'\n');
                marks += 1;
                if buf.len() >= 1 << 20 {
                    out.write_all(&buf)?;
                    buf.clear();
                }
            }
        }
        out.write_all(&buf)?;
        out.flush()?;
        Ok(marks)
    }
}

/// School days of each term, and of the spring break (index 4).
struct SchoolDays {
    terms: Vec<Vec<i32>>,
}

impl SchoolDays {
    fn new() -> SchoolDays {
        // Term days are the calendar's school days under its default rules
        // (Mon–Sat, no holidays or breaks; region classes carry no grade);
        // the spring break's Mon–Sat days carry marks outside
        // every term, which the report must ignore.
        let year = SchoolYear::russian_2014_2015();
        let mut terms: Vec<Vec<i32>> = default_terms()
            .all()
            .iter()
            .map(|t| {
                year.school_days(t.start(), t.end())
                    .into_iter()
                    .map(day_of)
                    .collect()
            })
            .collect();
        terms.push(
            (day_of(date(2015, 3, 23))..=day_of(date(2015, 3, 28)))
                .filter(|&d| date_of(d).is_some_and(|date| date.weekday() != Weekday::Sun))
                .collect(),
        );
        SchoolDays { terms }
    }
}
