//! The validation report: every problem found, with file, line and column.

use serde::{Deserialize, Serialize};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The set does not follow the specification; import refuses it.
    Error,
    /// Allowed, but probably not what the sender meant.
    Warning,
}

/// One problem of a set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code, e.g. `"oneroster.header_unknown"`.
    pub code: String,
    /// The file name (`users.csv`), or the directory for a missing file.
    pub file: String,
    /// The 1-based line in the file (1 is the header), 0 for the file as a whole.
    pub line: u64,
    /// The column's header name, when the problem is in one column.
    pub column: Option<String>,
    /// What is wrong, lowercase, with the values involved.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level} {}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(column) = &self.column {
            write!(f, " [{column}]")?;
        }
        write!(f, ": {} ({})", self.message, self.code)
    }
}

/// Every problem found in a set, in file and line order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ValidationReport {
    /// The problems.
    pub problems: Vec<Problem>,
}

impl ValidationReport {
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    /// The number of warnings.
    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }

    /// No errors (warnings allowed).
    pub fn is_clean(&self) -> bool {
        self.error_count() == 0
    }

    /// Whether a problem with this code was found.
    pub fn has(&self, code: &str) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }

    pub(crate) fn push(
        &mut self,
        severity: Severity,
        code: &str,
        at: (&str, u64, Option<&str>),
        message: String,
    ) {
        self.problems.push(Problem {
            severity,
            code: code.to_owned(),
            file: at.0.to_owned(),
            line: at.1,
            column: at.2.map(str::to_owned),
            message,
        });
    }

    pub(crate) fn error(&mut self, code: &str, at: (&str, u64, Option<&str>), message: String) {
        self.push(Severity::Error, code, at, message);
    }

    pub(crate) fn warning(&mut self, code: &str, at: (&str, u64, Option<&str>), message: String) {
        self.push(Severity::Warning, code, at, message);
    }

    pub(crate) fn sort(&mut self) {
        self.problems
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    }
}

impl std::fmt::Display for ValidationReport {
    /// One problem a line, then `N errors, M warnings`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        write!(
            f,
            "{} errors, {} warnings",
            self.error_count(),
            self.warning_count()
        )
    }
}
