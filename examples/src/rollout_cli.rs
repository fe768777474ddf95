//! The `rollout` command line: its arguments, usage and error lines. The
//! runnable example `rollout` parses its arguments with [`parse_args`].

use chrono::NaiveDate;

/// What `--help` prints.
pub const USAGE: &str = "usage: rollout [DATE] [--json]

Prints the rollout status report of a generated Gymnasium-sized school
(the embedded rollout plan of Gymnasium No. 17) on DATE, in Russian.

  DATE        the report date, YYYY-MM-DD (default 2014-12-01)
  --json      print the report as a JSON value instead of text
  -h, --help  print this help

examples:
  cargo run --example rollout
  cargo run --example rollout -- 2015-01-05
  cargo run --example rollout -- 2014-11-01 --json";

/// The exit status of a usage error.
pub const USAGE_EXIT: u8 = 2;

/// The report date without a DATE argument: 01.12.2014, the checkpoint
/// 61–100%.
pub fn default_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 12, 1).unwrap_or_default()
}

/// What the arguments ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Print [`USAGE`] and exit 0.
    Help,
    /// Print the report.
    Report {
        /// The report date.
        date: NaiveDate,
        /// JSON instead of Russian text.
        json: bool,
    },
}

/// An argument the command does not understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgsError {
    /// A DATE that is not `YYYY-MM-DD` or not a real day.
    BadDate {
        /// The argument.
        text: String,
    },
    /// An option other than `--json`, `-h`, `--help`.
    UnknownOption {
        /// The argument.
        option: String,
    },
    /// A second DATE.
    SecondDate {
        /// The argument.
        text: String,
    },
}

impl ArgsError {
    /// The stable code of every argument error: `usage`.
    pub fn code(&self) -> &'static str {
        "usage"
    }
}

impl std::fmt::Display for ArgsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgsError::BadDate { text } => write!(f, "{text:?} is not a date (YYYY-MM-DD)"),
            ArgsError::UnknownOption { option } => {
                write!(f, "unknown option {option:?} (see --help)")
            }
            ArgsError::SecondDate { text } => {
                write!(f, "a second date {text:?}: give at most one")
            }
        }
    }
}

impl std::error::Error for ArgsError {}

/// The line an error is reported with: `error: MESSAGE [CODE]`.
pub fn error_line(message: &dyn std::fmt::Display, code: &str) -> String {
    format!("error: {message} [{code}]")
}

/// Parses the arguments (without the program name). `-h` or `--help`
/// anywhere asks for the usage.
///
/// # Errors
/// [`ArgsError`] for a bad date, an unknown option or a second date.
pub fn parse_args(args: &[String]) -> Result<Command, ArgsError> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Command::Help);
    }
    let (mut date, mut json) = (None, false);
    for arg in args {
        if arg == "--json" {
            json = true;
        } else if arg.starts_with('-') {
            return Err(ArgsError::UnknownOption {
                option: arg.clone(),
            });
        } else if date.is_some() {
            return Err(ArgsError::SecondDate { text: arg.clone() });
        } else {
            let parsed = NaiveDate::parse_from_str(arg, "%Y-%m-%d")
                .map_err(|_| ArgsError::BadDate { text: arg.clone() })?;
            date = Some(parsed);
        }
    }
    Ok(Command::Report {
        date: date.unwrap_or_else(default_date),
        json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, ArgsError> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        parse_args(&args)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn defaults_dates_and_json() {
        assert_eq!(
            parse(&[]),
            Ok(Command::Report {
                date: date(2014, 12, 1),
                json: false
            })
        );
        assert_eq!(
            parse(&["2015-01-05"]),
            Ok(Command::Report {
                date: date(2015, 1, 5),
                json: false
            })
        );
        assert_eq!(
            parse(&["--json", "2014-11-01"]),
            Ok(Command::Report {
                date: date(2014, 11, 1),
                json: true
            })
        );
    }

    #[test]
    fn help_is_not_a_date() {
        assert_eq!(parse(&["--help"]), Ok(Command::Help));
        assert_eq!(parse(&["-h"]), Ok(Command::Help));
        assert_eq!(parse(&["2014-13-01", "--help"]), Ok(Command::Help));
        assert!(USAGE.starts_with("usage: rollout [DATE] [--json]"));
    }

    #[test]
    fn errors_in_words_with_their_code() {
        let e = parse(&["2014-13-01"]).unwrap_err();
        assert_eq!(
            error_line(&e, e.code()),
            r#"error: "2014-13-01" is not a date (YYYY-MM-DD) [usage]"#
        );
        assert_eq!(
            parse(&["01.12.2014"]).unwrap_err(),
            ArgsError::BadDate {
                text: "01.12.2014".into()
            }
        );
        let e = parse(&["--xml"]).unwrap_err();
        assert_eq!(
            error_line(&e, e.code()),
            r#"error: unknown option "--xml" (see --help) [usage]"#
        );
        let e = parse(&["2014-11-01", "2014-12-01"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            r#"a second date "2014-12-01": give at most one"#
        );
        assert_eq!(e.code(), "usage");
        assert_eq!(USAGE_EXIT, 2);
    }
}
