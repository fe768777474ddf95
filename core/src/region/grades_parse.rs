//! Reading `grades.csv` on one thread: each row's fields are checked and its
//! mark is added to the thread's group index.
//!
//! Rows are read by a fused parser that checks each field while it scans
//! the bytes, one pass and no field table. A row it does not take as it is
//! (a quote, a blank line, an unusual but valid form such as `05` for a
//! mark, or an error) is read again by the general splitter and field
//! parsers, which give the same values and name any error by line and
//! column: the fast path decides nothing on its own.

use super::error::{RegionError, ValueProblem};
use super::fields::{
    BlockLog, DateCache, Fields, MalformedRows, WeightCache, WorkTypeCache, digits_at,
    for_each_row, id_field_word, parse_u32,
};
use super::group_index::{GroupFull, GroupIndex, Share};
use super::term_grades::TermGradesOptions;
use super::terms::NO_TERM;
use crate::marks::Points;

mod usual;

/// The columns the report reads from `grades.csv` (others are ignored).
pub(super) const COLUMNS: [&str; 7] = [
    "student_id",
    "class_id",
    "subject_id",
    "lesson_date",
    "mark",
    "weight",
    "work_type",
];

/// What a column of the header holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Student,
    Class,
    Subject,
    Date,
    Mark,
    Weight,
    WorkType,
    Ignored,
}

/// Where the report's columns are in the header.
pub(super) struct Layout {
    width: usize,
    /// Whether the header is exactly [`COLUMNS`] in their order.
    usual: bool,
    pos: [usize; 7],
    kinds: Vec<Kind>,
}

impl Layout {
    /// From the header's width and the positions of [`COLUMNS`].
    pub(super) fn new(width: usize, pos: &[usize]) -> Layout {
        let mut kinds = vec![Kind::Ignored; width];
        let order = [
            Kind::Student,
            Kind::Class,
            Kind::Subject,
            Kind::Date,
            Kind::Mark,
            Kind::Weight,
            Kind::WorkType,
        ];
        let mut at = [0usize; 7];
        for (k, (&p, kind)) in pos.iter().zip(order).enumerate() {
            kinds[p] = kind;
            at[k] = p;
        }
        Layout {
            width,
            usual: width == COLUMNS.len() && at == [0, 1, 2, 3, 4, 5, 6],
            pos: at,
            kinds,
        }
    }
}

/// One thread's parse.
pub(super) struct Grades {
    pub(super) index: GroupIndex,
    weights: WeightCache,
    work_types: WorkTypeCache,
    dates: DateCache,
    pub(super) marks: u64,
    pub(super) outside_terms: u64,
}

/// One row's values, before they are added.
#[derive(Default)]
struct Mark {
    student: u32,
    subject: u32,
    day: i32,
    mark: u8,
    weight: u32,
}

impl Grades {
    /// A parse whose index keeps every page.
    pub(super) fn new(subjects: usize, terms: usize) -> Grades {
        Grades::shared(subjects, terms, Share::WHOLE)
    }

    /// A parse whose index keeps its `share` of the pages.
    pub(super) fn shared(subjects: usize, terms: usize, share: Share) -> Grades {
        Grades {
            index: GroupIndex::shared(subjects, terms, share),
            weights: WeightCache::new(),
            work_types: WorkTypeCache::new(),
            dates: DateCache::new(),
            marks: 0,
            outside_terms: 0,
        }
    }

    /// Reads one block of rows.
    pub(super) fn block(
        &mut self,
        block: &[u8],
        width: usize,
        layout: &Layout,
        options: &TermGradesOptions,
        log: &mut BlockLog,
    ) {
        debug_assert_eq!(width, layout.width);
        let mode = options.malformed_rows();
        let mut pos = 0usize;
        while pos < block.len() {
            if layout.usual
                && let Some(next) = self.usual_row(block, pos, options)
            {
                log.lines += 1;
                pos = next;
                continue;
            }
            if let Some((mark, next)) = self.fused(block, pos, layout)
                && mark.subject != 0
                && mark.subject <= options.max_subject()
                && self.add(&mark, options).is_ok()
            {
                log.lines += 1;
                pos = next;
                continue;
            }
            // The general path, for this one line.
            let end = block[pos..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(block.len(), |i| pos + i + 1);
            let before = log.lines;
            let mut one = BlockLog::default();
            for_each_row(&block[pos..end], layout.width, mode, &mut one, |f, _| {
                self.row(f, layout, options)
            });
            log.lines += one.lines;
            for mut e in one.errors {
                e.shift_line(before);
                log.errors.push(e);
            }
            if mode == MalformedRows::Fail && !log.errors.is_empty() {
                return;
            }
            pos = end;
        }
    }

    /// Checks and adds one row split by the general splitter.
    fn row(
        &mut self,
        f: &Fields<'_>,
        layout: &Layout,
        options: &TermGradesOptions,
    ) -> Result<(), RegionError> {
        let pos = &layout.pos;
        let (field, word) = f.get_with_word(pos[0]);
        let student = id_field_word(field, word, COLUMNS[0])?;
        let (field, word) = f.get_with_word(pos[1]);
        id_field_word(field, word, COLUMNS[1])?;
        let (subject_field, word) = f.get_with_word(pos[2]);
        let subject = id_field_word(subject_field, word, COLUMNS[2])?;
        if subject == 0 || subject > options.max_subject() {
            return Err(RegionError::value(
                COLUMNS[2],
                subject_field,
                ValueProblem::SubjectOutOfRange,
            ));
        }
        let day = self.dates.date(f.get(pos[3]), COLUMNS[3])?;
        let mark_field = f.get(pos[4]);
        let mark = parse_u32(mark_field)
            .and_then(|v| Points::try_from(i64::from(v)).ok())
            .ok_or_else(|| {
                let problem = if mark_field.is_empty() {
                    ValueProblem::Missing
                } else {
                    ValueProblem::MarkOutOfScale
                };
                RegionError::value(COLUMNS[4], mark_field, problem)
            })?;
        let weight = self.weights.hundredths(f.get(pos[5]), COLUMNS[5])?;
        self.work_types.check(f.get(pos[6]), COLUMNS[6])?;
        self.add_checked((student, subject, day), mark, weight, options)
            .map_err(|full| full.error(student, subject))
    }

    /// Adds the mark of a row whose values passed the column rules (read
    /// here, or from typed columns): `weight` in hundredths.
    ///
    /// # Errors
    /// [`GroupFull`] when the group is full (nothing changes).
    pub(super) fn add_checked(
        &mut self,
        (student, subject, day): (u32, u32, i32),
        mark: Points,
        weight: u32,
        options: &TermGradesOptions,
    ) -> Result<(), GroupFull> {
        let row = Mark {
            student,
            subject,
            day,
            mark: mark.get(),
            weight,
        };
        self.add(&row, options)
    }

    /// Whether a weight in hundredths passes the weight rule.
    #[cfg(feature = "arrow")]
    pub(super) fn weight_valid(&mut self, hundredths: u64) -> bool {
        self.weights.valid(hundredths)
    }

    /// Whether a work-type code passes its rule.
    #[cfg(feature = "arrow")]
    pub(super) fn work_type_valid(&mut self, code: &[u8]) -> bool {
        self.work_types.check(code, COLUMNS[6]).is_ok()
    }

    /// Adds a checked row: counts it, and puts its mark in its group when
    /// its date is in a term. Nothing changes when the group is full.
    #[inline]
    fn add(&mut self, row: &Mark, options: &TermGradesOptions) -> Result<(), GroupFull> {
        self.add_in_term(row, options.terms().index_of_day(row.day))
    }

    /// [`Grades::add`] with the term of the row's day (or [`NO_TERM`]).
    #[inline(always)]
    fn add_in_term(&mut self, row: &Mark, term: u8) -> Result<(), GroupFull> {
        if term == NO_TERM {
            self.marks += 1;
            self.outside_terms += 1;
            return Ok(());
        }
        self.index.add(
            row.student,
            row.subject,
            usize::from(term),
            row.mark,
            row.weight,
        )?;
        self.marks += 1;
        Ok(())
    }

    /// Reads the row at `start` in one pass when it has the plain form
    /// (digits, dates, a weight like `1`, `1.5` or `0.25`, codes, no
    /// quotes); returns its values and where the next row starts, or `None`
    /// for the general path to read it.
    #[inline]
    fn fused(&mut self, block: &[u8], start: usize, layout: &Layout) -> Option<(Mark, usize)> {
        let len = block.len();
        let mut p = start;
        let mut row = Mark::default();
        let last = layout.kinds.len() - 1;
        for (i, &kind) in layout.kinds.iter().enumerate() {
            let field_start = p;
            match kind {
                Kind::Student | Kind::Class | Kind::Subject => {
                    let (v, next) = digits_at(block, p)?;
                    p = next;
                    match kind {
                        Kind::Student => row.student = v,
                        Kind::Subject => row.subject = v,
                        _ => {}
                    }
                }
                Kind::Date => {
                    let field = block.get(p..p + 10)?;
                    row.day = self.dates.date(field, COLUMNS[3]).ok()?;
                    p += 10;
                }
                Kind::Mark => {
                    let d = block.get(p)?.wrapping_sub(b'0');
                    if !(1..=5).contains(&d) {
                        return None;
                    }
                    row.mark = Points::new(d).ok()?.get();
                    p += 1;
                }
                Kind::Weight if i < last => {
                    // Digits, then `.` and one or two digits.
                    let mut v: u64 = 0;
                    while p < len && block[p].is_ascii_digit() && p - field_start < 4 {
                        v = v * 10 + u64::from(block[p] - b'0');
                        p += 1;
                    }
                    if p == field_start {
                        return None;
                    }
                    v *= 100;
                    if block.get(p) == Some(&b'.') {
                        let d1 = block.get(p + 1)?.wrapping_sub(b'0');
                        if d1 > 9 {
                            return None;
                        }
                        v += u64::from(d1) * 10;
                        p += 2;
                        if let Some(d2) = block.get(p).map(|b| b.wrapping_sub(b'0'))
                            && d2 <= 9
                        {
                            v += u64::from(d2);
                            p += 1;
                        }
                    }
                    if !self.weights.valid(v) {
                        return None;
                    }
                    row.weight = v as u32;
                }
                Kind::WorkType => {
                    // Up to eight bytes packed as they are scanned (and one
                    // more, a CR before the line end of the last column).
                    let mut key = 0u64;
                    while p < len && !matches!(block[p], b',' | b'\n') && p - field_start < 9 {
                        if p - field_start < 8 {
                            key |= u64::from(block[p]) << (8 * (p - field_start));
                        }
                        p += 1;
                    }
                    let mut code_len = p - field_start;
                    if i == last
                        && code_len > 0
                        && block[p - 1] == b'\r'
                        && block.get(p).is_none_or(|&b| b == b'\n')
                    {
                        code_len -= 1;
                        if code_len < 8 {
                            key &= (1u64 << (8 * code_len)) - 1;
                        }
                    }
                    let at_end = block.get(p).is_none_or(|&b| matches!(b, b',' | b'\n'));
                    if !(at_end && code_len <= 8 && self.work_types.is_known(code_len, key)) {
                        // Longer, new or not a code: check it as text.
                        while p < len && !matches!(block[p], b',' | b'\n' | b'"') {
                            p += 1;
                        }
                        if block.get(p) == Some(&b'"') {
                            return None;
                        }
                        let mut end = p;
                        if i == last && end > field_start && block[end - 1] == b'\r' {
                            end -= 1;
                        }
                        self.work_types
                            .check(&block[field_start..end], COLUMNS[6])
                            .ok()?;
                    }
                }
                Kind::Weight | Kind::Ignored => {
                    while p < len && !matches!(block[p], b',' | b'\n' | b'"') {
                        p += 1;
                    }
                    if block.get(p) == Some(&b'"') {
                        return None;
                    }
                    let mut end = p;
                    if i == last && end > field_start && block[end - 1] == b'\r' {
                        end -= 1;
                    }
                    let field = &block[field_start..end];
                    if kind == Kind::Weight {
                        row.weight = self.weights.hundredths(field, COLUMNS[5]).ok()?;
                    }
                }
            }
            // The delimiter: a comma between fields, a line end after the last.
            if i < last {
                if block.get(p) != Some(&b',') {
                    return None;
                }
                p += 1;
            } else {
                if block.get(p) == Some(&b'\r')
                    && matches!(
                        kind,
                        Kind::Student | Kind::Class | Kind::Subject | Kind::Date | Kind::Mark
                    )
                {
                    p += 1;
                }
                match block.get(p) {
                    Some(b'\n') => p += 1,
                    None => {}
                    Some(_) => return None,
                }
            }
        }
        Some((row, p))
    }
}
