//! Region reports from the command line, for people without Python.
//!
//! ```text
//! cargo run --release --example region -- generate --parents N --seed S OUT_DIR
//! cargo run --release --example region -- activation PARENTS_CSV OUT_CSV
//! cargo run --release --example region -- term-grades GRADES_CSV OUT_CSV
//! ```
//!
//! `activation` and `term-grades` take `--threads N` (default: up to two)
//! and `--rejects` (leave malformed rows out and list them on stderr
//! instead of stopping at the first). `scan CSV [--threads N]` only reads
//! the file and splits it into fields: the floor the reports are measured
//! against. Errors go to stderr with their code; the exit status is 1 for
//! an error, 2 for a usage mistake.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhurnal::region::{
    ActivationOptions, ActivationReport, MalformedRows, RegionError, RegionGenerator,
    TermGradesOptions, TermGradesReport, scan_fields,
};

const USAGE: &str = "usage:
  region generate --parents N --seed S OUT_DIR
  region activation PARENTS_CSV OUT_CSV [--threads N] [--rejects]
  region term-grades GRADES_CSV OUT_CSV [--threads N] [--rejects]
  region scan CSV [--threads N]";

/// Parsed command-line arguments: positional ones and `--name value` flags.
struct Args {
    positional: Vec<String>,
    threads: Option<usize>,
    parents: Option<u64>,
    seed: Option<u64>,
    rejects: bool,
}

fn parse_args(raw: &[String]) -> Result<Args, String> {
    let mut args = Args {
        positional: Vec::new(),
        threads: None,
        parents: None,
        seed: None,
        rejects: false,
    };
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            let v = it.next().ok_or(format!("{name} needs a value"))?;
            v.parse::<u64>()
                .map_err(|_| format!("{name} needs a whole number, got {v:?}"))
        };
        match a.as_str() {
            "--threads" => args.threads = Some(value("--threads")? as usize),
            "--parents" => args.parents = Some(value("--parents")?),
            "--seed" => args.seed = Some(value("--seed")?),
            "--rejects" => args.rejects = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => args.positional.push(a.clone()),
        }
    }
    Ok(args)
}

fn write_out<F>(path: &Path, write: F) -> Result<(), RegionError>
where
    F: FnOnce(&mut BufWriter<File>) -> Result<(), RegionError>,
{
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    write(&mut out)
}

fn report_rejects(rejects: &[RegionError]) {
    for e in rejects {
        eprintln!("rejected [{}]: {e}", e.code());
    }
}

fn run(command: &str, args: &Args) -> Result<(), RegionError> {
    let malformed = if args.rejects {
        MalformedRows::Collect
    } else {
        MalformedRows::Fail
    };
    match command {
        "generate" => {
            let parents = args.parents.unwrap_or(0);
            let region = RegionGenerator::new(parents, args.seed.unwrap_or(0))?
                .write_to_dir(Path::new(&args.positional[0]))?;
            println!(
                "{} parents, {} students, {} marks -> {}, {}",
                region.parents,
                region.students,
                region.marks,
                region.parents_csv.display(),
                region.grades_csv.display()
            );
        }
        "activation" => {
            let mut options = ActivationOptions::default().with_malformed_rows(malformed);
            if let Some(t) = args.threads {
                options = options.with_threads(t);
            }
            let report = ActivationReport::from_path(Path::new(&args.positional[0]), &options)?;
            report_rejects(report.rejects());
            write_out(&PathBuf::from(&args.positional[1]), |out| {
                report.write_csv(out)
            })?;
        }
        "term-grades" => {
            let mut options = TermGradesOptions::default().with_malformed_rows(malformed);
            if let Some(t) = args.threads {
                options = options.with_threads(t);
            }
            let report = TermGradesReport::from_path(Path::new(&args.positional[0]), &options)?;
            report_rejects(report.rejects());
            write_out(&PathBuf::from(&args.positional[1]), |out| {
                report.write_csv(out)
            })?;
        }
        "scan" => {
            let file = File::open(&args.positional[0])?;
            let summary = scan_fields(file, args.threads.unwrap_or(1))?;
            println!(
                "{} rows, {} fields, {} field bytes",
                summary.rows, summary.fields, summary.field_bytes
            );
        }
        _ => {}
    }
    Ok(())
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = raw.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let args = match parse_args(rest) {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let wanted = match command.as_str() {
        "generate" | "scan" => 1,
        "activation" | "term-grades" => 2,
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("error: unknown command {other:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.positional.len() != wanted
        || (command == "generate" && (args.parents.is_none() || args.seed.is_none()))
    {
        eprintln!("error: wrong arguments for {command}\n{USAGE}");
        return ExitCode::from(2);
    }
    match run(command, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::from(1)
        }
    }
}
