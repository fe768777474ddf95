//! The main job: the rollout status report of a Gymnasium-sized school.
//!
//! Takes the embedded rollout plan of Gymnasium No. 17 and a generated
//! school of realistic size (seeded: 28 classes, 700 students, their
//! parents, applications, credentials and activations over autumn 2014),
//! and prints the rollout status report for a date, with the activation
//! table per class against the plan's targets. The plan's activation
//! targets are settled from the share measured on their days.
//!
//! ```text
//! cargo run -p zhurnal-examples --example rollout                 # on 2014-12-01
//! cargo run -p zhurnal-examples --example rollout -- 2014-11-01   # another date
//! cargo run -p zhurnal-examples --example rollout -- 2014-12-01 --json
//! cargo run -p zhurnal-examples --example rollout -- 2014-12-01 --html report.html
//! cargo run -p zhurnal-examples --example rollout -- --help
//! ```
//!
//! A bad argument prints `error: … [usage]` and the usage line, and exits 2; a
//! failure of the library prints `error: … [its code]` and exits 1.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use zhurnal::demo::{DemoConfig, demo_rollout};
use zhurnal::rollout::{ReportOptions, RolloutReport};
use zhurnal_examples::rollout_cli::{Command, USAGE, USAGE_EXIT, error_line, parse_args};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => print_out(USAGE),
        Ok(Command::Report { date, json }) => match report(date, json) {
            Ok(text) => print_out(&text),
            Err((message, code)) => fail(&message, code),
        },
        Ok(Command::Page { date, out }) => match page(date, &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err((message, code)) => fail(&message, code),
        },
        Err(e) => {
            eprintln!("{}", error_line(&e, e.code()));
            eprintln!("{}", USAGE.lines().next().unwrap_or_default());
            ExitCode::from(USAGE_EXIT)
        }
    }
}

/// Prints `error: … [code]` and fails.
fn fail(message: &str, code: &str) -> ExitCode {
    eprintln!("{}", error_line(&message, code));
    ExitCode::FAILURE
}

/// The report of the generated Gymnasium on `date`.
fn build(date: NaiveDate) -> Result<RolloutReport, (String, &'static str)> {
    let demo =
        demo_rollout(&DemoConfig::gymnasium17(2014)).map_err(|e| (e.to_string(), e.code()))?;
    Ok(RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        date,
        &ReportOptions::default(),
    ))
}

/// Writes the report on `date` as an HTML page to `out`.
fn page(date: NaiveDate, out: &Path) -> Result<(), (String, &'static str)> {
    let html = build(date)?.to_html();
    std::fs::write(out, html).map_err(|e| (format!("cannot write {}: {e}", out.display()), "io"))
}

/// The report on `date`, as text or JSON; an error as its message and code.
fn report(date: NaiveDate, json: bool) -> Result<String, (String, &'static str)> {
    let report = build(date)?;
    if json {
        serde_json::to_string_pretty(&report)
            .map(|s| s + "\n")
            .map_err(|e| (e.to_string(), "json"))
    } else {
        Ok(report.to_text())
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| {
        if text.ends_with('\n') {
            Ok(())
        } else {
            out.write_all(b"\n")
        }
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", error_line(&e, "io"));
            ExitCode::FAILURE
        }
    }
}
