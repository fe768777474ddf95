//! The `rollout` command line: its arguments, usage and error lines. The
//! runnable example `rollout` parses its arguments with [`parse_args`].

use std::path::PathBuf;

use chrono::NaiveDate;

/// What `--help` prints.
pub const USAGE: &str = "usage: rollout [DATE] [--json | --html OUT.html]

Prints the rollout status report of a generated Gymnasium-sized school
(the embedded rollout plan of Gymnasium No. 17) on DATE, in Russian.

  DATE            the report date, YYYY-MM-DD (default 2014-12-01)
  --json          print the report as a JSON value instead of text
  --html OUT.html write the report as one self-contained HTML page (charts
                  and tables, printable on A4) to OUT.html
  -h, --help      print this help

examples:
  cargo run --example rollout
  cargo run --example rollout -- 2015-01-05
  cargo run --example rollout -- 2014-11-01 --json
  cargo run --example rollout -- 2014-12-01 --html report.html";

/// The exit status of a usage error.
pub const USAGE_EXIT: u8 = 2;

/// The report date without a DATE argument: 01.12.2014, the checkpoint
/// 61–100%.
pub fn default_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 12, 1).unwrap_or_default()
}

/// What the arguments ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Write the report as an HTML page.
    Page {
        /// The report date.
        date: NaiveDate,
        /// Where the page goes.
        out: PathBuf,
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
    /// `--html` without the file it writes.
    MissingPath,
    /// `--json` together with `--html`, or `--html` twice.
    OneOutput,
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
            ArgsError::MissingPath => f.write_str("--html needs the file to write (OUT.html)"),
            ArgsError::OneOutput => f.write_str("give one output: text, --json or --html OUT.html"),
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
    let (mut date, mut json, mut out) = (None, false, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--json" {
            json = true;
        } else if arg == "--html" {
            let path = args
                .next()
                .filter(|p| !p.starts_with('-'))
                .ok_or(ArgsError::MissingPath)?;
            if out.replace(PathBuf::from(path)).is_some() {
                return Err(ArgsError::OneOutput);
            }
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
    let date = date.unwrap_or_else(default_date);
    match out {
        Some(_) if json => Err(ArgsError::OneOutput),
        Some(out) => Ok(Command::Page { date, out }),
        None => Ok(Command::Report { date, json }),
    }
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
        assert!(USAGE.starts_with("usage: rollout [DATE] [--json | --html OUT.html]"));
    }

    #[test]
    fn html_takes_the_file_to_write() {
        assert_eq!(
            parse(&["2014-12-01", "--html", "out/report.html"]),
            Ok(Command::Page {
                date: date(2014, 12, 1),
                out: PathBuf::from("out/report.html")
            })
        );
        assert_eq!(
            parse(&["--html", "r.html"]),
            Ok(Command::Page {
                date: date(2014, 12, 1),
                out: PathBuf::from("r.html")
            })
        );
        assert_eq!(parse(&["--html"]), Err(ArgsError::MissingPath));
        assert_eq!(parse(&["--html", "--json"]), Err(ArgsError::MissingPath));
        assert_eq!(
            parse(&["--json", "--html", "r.html"]),
            Err(ArgsError::OneOutput)
        );
        assert_eq!(
            parse(&["--html", "a.html", "--html", "b.html"]),
            Err(ArgsError::OneOutput)
        );
        let e = parse(&["--html"]).unwrap_err();
        assert_eq!(
            error_line(&e, e.code()),
            "error: --html needs the file to write (OUT.html) [usage]"
        );
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
