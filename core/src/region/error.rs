//! Errors of the region reports: malformed input (naming the line and the
//! column), invalid report parameters, and I/O.

use chrono::NaiveDate;

use crate::ids::{ParentId, StudentId, SubjectId};

/// What is wrong with one field of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueProblem {
    /// A required field is empty.
    Missing,
    /// Not a whole number from 0 to 4294967295.
    NotAnId,
    /// Not a calendar date written `YYYY-MM-DD`.
    NotADate,
    /// Not `0` or `1`.
    NotAFlag,
    /// A mark outside the five-point scale 1..=5.
    MarkOutOfScale,
    /// Not a weight: a decimal greater than 0 and at most 100 with at most
    /// two decimal places.
    InvalidWeight,
    /// Not a work-type code (1 to 32 characters `a-z`, `0-9`, `_`).
    InvalidWorkType,
    /// A subject id outside `1..=max_subject` of the report's options.
    SubjectOutOfRange,
    /// A quoted field that is not closed on its line, or text after a
    /// closing quote.
    BadQuoting,
}

impl ValueProblem {
    /// The stable code of this problem, e.g. `"region.invalid_date"`.
    pub fn code(self) -> &'static str {
        match self {
            ValueProblem::Missing => "region.missing_value",
            ValueProblem::NotAnId => "region.invalid_id",
            ValueProblem::NotADate => "region.invalid_date",
            ValueProblem::NotAFlag => "region.invalid_flag",
            ValueProblem::MarkOutOfScale => "region.mark_out_of_scale",
            ValueProblem::InvalidWeight => "region.invalid_weight",
            ValueProblem::InvalidWorkType => "region.invalid_work_type",
            ValueProblem::SubjectOutOfRange => "region.subject_out_of_range",
            ValueProblem::BadQuoting => "region.bad_quoting",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            ValueProblem::Missing => "is empty",
            ValueProblem::NotAnId => "is not a whole number 0..=4294967295",
            ValueProblem::NotADate => "is not a date YYYY-MM-DD",
            ValueProblem::NotAFlag => "is not 0 or 1",
            ValueProblem::MarkOutOfScale => "is not a mark 1..=5",
            ValueProblem::InvalidWeight => {
                "is not a weight above 0 and at most 100 with at most two decimal places"
            }
            ValueProblem::InvalidWorkType => "is not a work type code (a-z, 0-9, _)",
            ValueProblem::SubjectOutOfRange => "is outside the subjects of the report",
            ValueProblem::BadQuoting => "has unbalanced quotes",
        }
    }
}

impl std::fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// Errors of the bulk region reports and the region generator.
///
/// Row errors carry the 1-based line of the input file (the header is the
/// first line) and, where one field is at fault, the column's name and the
/// value as found (cut to 64 bytes).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegionError {
    /// Reading or writing failed.
    #[error("i/o error: {detail}")]
    Io {
        /// The operating system's message.
        detail: String,
    },
    /// The input has no header row.
    #[error("the input is empty: a header row is required")]
    EmptyInput,
    /// The header lacks a column the report needs.
    #[error("the header has no column {column:?}")]
    MissingColumn {
        /// The column's name.
        column: String,
    },
    /// The header names a column twice.
    #[error("the header names column {column:?} twice")]
    DuplicateColumn {
        /// The column's name.
        column: String,
    },
    /// A row with another number of fields than the header.
    #[error("line {line}: {found} fields where the header has {expected}")]
    FieldCount {
        /// The line, 1-based.
        line: u64,
        /// Fields in the header.
        expected: u64,
        /// Fields in the row.
        found: u64,
    },
    /// A field that does not hold what its column requires.
    #[error("line {line}, column {column}: {value:?} {problem}")]
    InvalidValue {
        /// The line, 1-based.
        line: u64,
        /// The column's name.
        column: String,
        /// The field as found (at most 64 bytes).
        value: String,
        /// What is wrong.
        problem: ValueProblem,
    },
    /// A parent activated before applying.
    #[error("line {line}: activated_on {activated_on} is before applied_on {applied_on}")]
    ActivatedBeforeApplied {
        /// The line, 1-based.
        line: u64,
        /// The application date.
        applied_on: NaiveDate,
        /// The activation date.
        activated_on: NaiveDate,
    },
    /// A parent id that an earlier row already used.
    #[error("line {line}: {parent} already appeared on line {first_line}")]
    DuplicateParent {
        /// The line of the repeated id, 1-based.
        line: u64,
        /// The line where the id first appeared.
        first_line: u64,
        /// The repeated id.
        parent: ParentId,
    },
    /// A parent id in two pieces of a region whose partial results are
    /// merged (as [`RegionError::DuplicateParent`] in one file).
    #[error("{parent} is in two pieces of the region")]
    ParentInTwoPieces {
        /// The repeated id.
        parent: ParentId,
    },
    /// A line longer than the reader accepts.
    #[error("line {line} is longer than {limit} bytes")]
    LineTooLong {
        /// The line, 1-based.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// One (student, subject, term) group with so many marks that its sums
    /// no longer fit the report's counters.
    #[error("line {line}: too many marks for {student}, {subject}")]
    GroupTooLarge {
        /// The line, 1-based.
        line: u64,
        /// The student.
        student: StudentId,
        /// The subject.
        subject: SubjectId,
    },
    /// Partial results that cannot be read or merged: bytes that are no
    /// partial of this version, or partials of other terms or subjects.
    #[error("invalid partial result: {detail}")]
    InvalidPartial {
        /// What is wrong.
        detail: String,
    },
    /// A column of an Arrow frame has a type the reports do not take
    /// (floats, timestamps, times, nested types).
    #[error(
        "column {column:?} has the arrow type {found}, which the report does not take \
         (integers, booleans, dates, decimals or strings)"
    )]
    FrameColumnType {
        /// The column's name.
        column: String,
        /// The Arrow type found.
        found: String,
    },
    /// A malformed row of an Arrow frame: the error its values give in a
    /// CSV file, with the row (0-based, counted over every batch) in place
    /// of the line.
    #[error("row {row}: {}", frame_detail(error))]
    FrameRow {
        /// The row, 0-based.
        row: u64,
        /// The error as a CSV line would give it.
        error: Box<RegionError>,
    },
    /// The Arrow stream itself failed (its producer reported an error).
    #[error("the arrow stream failed: {detail}")]
    FrameStream {
        /// The producer's message.
        detail: String,
    },
    /// The caller stopped the report before it finished (an interrupt).
    #[error("the report was stopped before it finished")]
    Stopped,
    /// Terms that overlap or are out of order, or a code used twice.
    #[error("term {code} must start after the previous term {previous} ends and have its own code")]
    TermsOutOfOrder {
        /// The offending term.
        code: String,
        /// The term before it.
        previous: String,
    },
    /// Term lists that are empty, have more than 64 terms or span more than
    /// 100 years.
    #[error("a report needs 1 to 64 terms within 100 years, got {count} terms")]
    InvalidTermList {
        /// Number of terms given.
        count: u64,
    },
    /// A subject bound that is 0 or above 1000.
    #[error("the number of subjects {max_subject} must be 1..=1000")]
    InvalidSubjectLimit {
        /// The bound given.
        max_subject: u32,
    },
    /// A generator size of zero parents or more than 100 million.
    #[error("a generated region needs 1..=100000000 parents, got {parents}")]
    InvalidRegionSize {
        /// The size given.
        parents: u64,
    },
}

impl RegionError {
    /// The stable machine code, e.g. `"region.invalid_date"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Io { .. } => "region.io",
            Self::EmptyInput => "region.empty_input",
            Self::MissingColumn { .. } => "region.missing_column",
            Self::DuplicateColumn { .. } => "region.duplicate_column",
            Self::FieldCount { .. } => "region.field_count",
            Self::InvalidValue { problem, .. } => problem.code(),
            Self::ActivatedBeforeApplied { .. } => "region.activated_before_applied",
            Self::DuplicateParent { .. } | Self::ParentInTwoPieces { .. } => {
                "region.duplicate_parent"
            }
            Self::LineTooLong { .. } => "region.line_too_long",
            Self::GroupTooLarge { .. } => "region.group_too_large",
            Self::InvalidPartial { .. } => "region.invalid_partial",
            Self::TermsOutOfOrder { .. } => "region.terms_out_of_order",
            Self::InvalidTermList { .. } => "region.invalid_term_list",
            Self::InvalidSubjectLimit { .. } => "region.invalid_subject_limit",
            Self::InvalidRegionSize { .. } => "region.invalid_region_size",
            Self::FrameColumnType { .. } => "region.frame_column_type",
            Self::FrameRow { error, .. } => error.code(),
            Self::FrameStream { .. } => "region.frame_stream",
            Self::Stopped => "region.stopped",
        }
    }

    /// The 1-based input line the error is about, if it is about one.
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::FieldCount { line, .. }
            | Self::InvalidValue { line, .. }
            | Self::ActivatedBeforeApplied { line, .. }
            | Self::DuplicateParent { line, .. }
            | Self::LineTooLong { line, .. }
            | Self::GroupTooLarge { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The column the error is about, if one field is at fault.
    pub fn column(&self) -> Option<&str> {
        match self {
            Self::InvalidValue { column, .. } => Some(column),
            Self::ActivatedBeforeApplied { .. } => Some("activated_on"),
            Self::DuplicateParent { .. } | Self::ParentInTwoPieces { .. } => Some("parent_id"),
            Self::FrameColumnType { column, .. } => Some(column),
            Self::FrameRow { error, .. } => error.column(),
            _ => None,
        }
    }

    /// Moves a line number counted inside a block of the input to the line
    /// of the whole file.
    /// The row of an Arrow frame (0-based) the error is about, when it is
    /// about one.
    pub fn row(&self) -> Option<u64> {
        match self {
            Self::FrameRow { row, .. } => Some(*row),
            _ => None,
        }
    }

    pub(crate) fn shift_line(&mut self, offset: u64) {
        match self {
            Self::FieldCount { line, .. }
            | Self::InvalidValue { line, .. }
            | Self::ActivatedBeforeApplied { line, .. }
            | Self::LineTooLong { line, .. }
            | Self::GroupTooLarge { line, .. } => *line += offset,
            // `first_line` is counted over the whole file already: a repeat
            // is found by the one reader that sees every earlier row.
            Self::DuplicateParent { line, .. } => *line += offset,
            _ => {}
        }
    }

    pub(crate) fn io(e: &std::io::Error) -> RegionError {
        RegionError::Io {
            detail: e.to_string(),
        }
    }

    pub(crate) fn value(column: &str, raw: &[u8], problem: ValueProblem) -> RegionError {
        let cut = &raw[..raw.len().min(64)];
        RegionError::InvalidValue {
            line: 0,
            column: column.to_owned(),
            value: String::from_utf8_lossy(cut).into_owned(),
            problem,
        }
    }
}

/// The message of an error about a frame's row, without the CSV line.
fn frame_detail(e: &RegionError) -> String {
    match e {
        RegionError::InvalidValue {
            column,
            value,
            problem,
            ..
        } => format!("column {column}: {value:?} {problem}"),
        RegionError::ActivatedBeforeApplied {
            applied_on,
            activated_on,
            ..
        } => format!("activated_on {activated_on} is before applied_on {applied_on}"),
        RegionError::DuplicateParent {
            first_line, parent, ..
        } => format!(
            "{parent} already appeared in row {}",
            first_line.saturating_sub(2)
        ),
        RegionError::GroupTooLarge {
            student, subject, ..
        } => format!("too many marks for {student}, {subject}"),
        other => other.to_string(),
    }
}

impl From<std::io::Error> for RegionError {
    fn from(e: std::io::Error) -> RegionError {
        RegionError::io(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_messages() {
        let mut e = RegionError::value("lesson_date", b"2014-02-30", ValueProblem::NotADate);
        e.shift_line(17);
        assert_eq!(e.code(), "region.invalid_date");
        assert_eq!(e.line(), Some(17));
        assert_eq!(e.column(), Some("lesson_date"));
        assert_eq!(
            e.to_string(),
            "line 17, column lesson_date: \"2014-02-30\" is not a date YYYY-MM-DD"
        );
        let long = RegionError::value("work_type", &[b'x'; 100], ValueProblem::InvalidWorkType);
        match long {
            RegionError::InvalidValue { value, .. } => assert_eq!(value.len(), 64),
            other => panic!("{other:?}"),
        }
        let mut d = RegionError::DuplicateParent {
            line: 3,
            first_line: 11,
            parent: ParentId::new(9),
        };
        d.shift_line(10);
        assert_eq!(
            d.to_string(),
            "line 13: parent#9 already appeared on line 11"
        );
        assert_eq!(d.column(), Some("parent_id"));
        assert_eq!(RegionError::EmptyInput.line(), None);
        let io = RegionError::from(std::io::Error::other("disk full"));
        assert_eq!(io.code(), "region.io");
        assert_eq!(io.to_string(), "i/o error: disk full");
    }

    #[test]
    fn every_problem_has_a_code() {
        for p in [
            ValueProblem::Missing,
            ValueProblem::NotAnId,
            ValueProblem::NotADate,
            ValueProblem::NotAFlag,
            ValueProblem::MarkOutOfScale,
            ValueProblem::InvalidWeight,
            ValueProblem::InvalidWorkType,
            ValueProblem::SubjectOutOfRange,
            ValueProblem::BadQuoting,
        ] {
            assert!(p.code().starts_with("region."));
            assert!(!p.to_string().is_empty());
        }
    }
}
