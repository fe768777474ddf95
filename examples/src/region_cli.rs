//! The `region` command line: generate a region, run the activation and
//! term-grades reports on CSV files, or time the read-and-split floor.
//! The runnable example `region` calls [`run_cli`].

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::parquet_input::{Failure, batches, is_parquet};
use crate::progress::Progress;
use zhurnal::demo::RegionGenerator;
use zhurnal::region::{
    ActivationOptions, ActivationReport, MalformedRows, RegionError, TermGradesOptions,
    TermGradesReport, scan_fields,
};

const USAGE: &str = "usage:
  region generate --parents N --seed S OUT_DIR
  region activation PARENTS_CSV|PARENTS_PARQUET OUT_CSV [--threads N] [--rejects]
  region term-grades GRADES_CSV|GRADES_PARQUET OUT_CSV [--threads N] [--rejects] [--timings]
  region scan CSV [--threads N]
  region --help";

const OPTIONS: &str = "commands:
  generate      write a generated region's parents.csv and grades.csv into OUT_DIR
  activation    the activation report of parents.csv, by school and checkpoint
  term-grades   the term grades of grades.csv, by student, subject and term
  scan          read and split a CSV file into fields, nothing more (the floor)

options:
  --parents N   generate: how many parents the region has
  --seed S      generate: the seed; the same seed writes the same files
  --threads N   threads that read the file (default: the machine's cores, at most 2)
  --rejects     skip malformed rows and list each on stderr, instead of stopping at the first
  --timings     term-grades: print the read and write times on stderr
  -h, --help    this help

A report reads a .parquet path as Parquet (the columns of the CSV file, typed
or as text), any other path as CSV. A progress bar is drawn on stderr while
a report reads a CSV file, when stderr is a terminal; piped or redirected,
only results and errors are written. Exit status: 0 done, 1 an error of the
input or the files, 2 a usage mistake.";

/// Parsed command-line arguments: positional ones and `--name value` flags.
struct Args {
    positional: Vec<String>,
    threads: Option<u32>,
    parents: Option<u64>,
    seed: Option<u64>,
    rejects: bool,
    timings: bool,
}

fn parse_args(raw: &[String]) -> Result<Args, String> {
    let mut args = Args {
        positional: Vec::new(),
        threads: None,
        parents: None,
        seed: None,
        rejects: false,
        timings: false,
    };
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            let v = it.next().ok_or(format!("{name} needs a value"))?;
            v.parse::<u64>()
                .map_err(|_| format!("{name} needs a whole number, got {v:?}"))
        };
        match a.as_str() {
            "--threads" => {
                args.threads = Some(u32::try_from(value("--threads")?).unwrap_or(u32::MAX));
            }
            "--parents" => args.parents = Some(value("--parents")?),
            "--seed" => args.seed = Some(value("--seed")?),
            "--rejects" => args.rejects = true,
            "--timings" => args.timings = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => args.positional.push(a.clone()),
        }
    }
    Ok(args)
}

/// Writes a report to `path`. A file already there is written over in
/// place and then cut to the report's length: the system reuses the old
/// file's cached pages instead of freeing them and finding new ones, which
/// for a large report is a good part of the cost of writing it again. When
/// writing fails, the file is cut to nothing, so no mix of the old and the
/// new report is left behind.
fn write_out<F>(path: &Path, write: F) -> Result<(), RegionError>
where
    F: FnOnce(&mut BufWriter<File>) -> Result<(), RegionError>,
{
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    // Only a regular file has a length to cut (not a terminal or a pipe).
    let regular = file.metadata()?.is_file();
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let written = write(&mut out).and_then(|()| Ok(out.flush()?));
    // Flushed when written; after a failure what is left is dropped.
    let (mut file, _) = out.into_parts();
    match written {
        Ok(()) if regular => {
            let end = file.stream_position()?;
            file.set_len(end)?;
            Ok(())
        }
        Ok(()) => Ok(()),
        Err(e) => {
            if regular {
                let _ = file.set_len(0);
            }
            Err(e)
        }
    }
}

/// The file's length in bytes (0 when unknown: the bar then shows bytes).
fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn report_rejects(rejects: &[RegionError]) {
    for e in rejects {
        eprintln!("rejected [{}]: {e}", e.code());
    }
}

fn run(command: &str, args: &Args) -> Result<(), Failure> {
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
            let path = Path::new(&args.positional[0]);
            let report = if is_parquet(path) {
                ActivationReport::from_record_batches(batches(path)?, &options)?
            } else {
                let progress = Progress::new("activation", file_len(path));
                let report = ActivationReport::from_opener(
                    || Ok(progress.reader(File::open(path)?)),
                    &options,
                );
                progress.finish();
                report?
            };
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
            let started = Instant::now();
            let path = Path::new(&args.positional[0]);
            let report = if is_parquet(path) {
                TermGradesReport::from_record_batches(batches(path)?, &options)?
            } else {
                let file = File::open(path)?;
                let progress = Progress::new("term grades", file_len(path));
                let report = TermGradesReport::from_reader(progress.reader(file), &options);
                progress.finish();
                report?
            };
            let read = started.elapsed();
            report_rejects(report.rejects());
            write_out(&PathBuf::from(&args.positional[1]), |out| {
                report.write_csv(out)
            })?;
            if args.timings {
                eprintln!(
                    "read and aggregate {:.3} s, write {:.3} s",
                    read.as_secs_f64(),
                    (started.elapsed() - read).as_secs_f64()
                );
            }
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

/// Runs the command line `raw` (without the program name); returns the
/// exit status: 0 done, 1 an error of the input or the files, 2 a usage
/// mistake. Results go to stdout, errors to stderr.
pub fn run_cli(raw: &[String]) -> ExitCode {
    match run_cli_code(raw) {
        0 => ExitCode::SUCCESS,
        code => ExitCode::from(code),
    }
}

/// As [`run_cli`], with the status as a number.
pub fn run_cli_code(raw: &[String]) -> u8 {
    if raw.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}\n\n{OPTIONS}");
        return 0;
    }
    let Some((command, rest)) = raw.split_first() else {
        eprintln!("{USAGE}");
        return 2;
    };
    let args = match parse_args(rest) {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let wanted = match command.as_str() {
        "generate" | "scan" => 1,
        "activation" | "term-grades" => 2,
        "help" => {
            println!("{USAGE}\n\n{OPTIONS}");
            return 0;
        }
        other => {
            eprintln!("error: unknown command {other:?}\n{USAGE}");
            return 2;
        }
    };
    if args.positional.len() != wanted
        || (command == "generate" && (args.parents.is_none() || args.seed.is_none()))
    {
        eprintln!("error: wrong arguments for {command}\n{USAGE}");
        return 2;
    }
    match run(command, &args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> u8 {
        run_cli_code(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn generate_then_both_reports() {
        let dir = std::env::temp_dir().join(format!("zhurnal-cli-{}", std::process::id()));
        let d = dir.to_str().unwrap();
        assert_eq!(run(&["generate", "--parents", "3000", "--seed", "5", d]), 0);
        let parents = format!("{d}/parents.csv");
        let grades = format!("{d}/grades.csv");
        let act = format!("{d}/activation.csv");
        let tg = format!("{d}/term_grades.csv");
        assert_eq!(run(&["activation", &parents, &act]), 0);
        assert_eq!(run(&["term-grades", &grades, &tg, "--threads", "1"]), 0);
        assert_eq!(run(&["scan", &grades]), 0);
        let text = std::fs::read_to_string(&act).unwrap();
        assert!(text.starts_with("checkpoint,school_id,eligible,activated,share,status\n"));
        let text = std::fs::read_to_string(&tg).unwrap();
        assert!(text.starts_with("student_id,subject_id,term,n_marks,avg,term_mark\n"));
        // malformed input: exit 1, and no output file is written
        std::fs::write(&grades, "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n1,1,1,2014-09-01,9,1,answer\n").unwrap();
        let out = format!("{d}/bad.csv");
        assert_eq!(run(&["term-grades", &grades, &out]), 1);
        assert!(!std::path::Path::new(&out).exists());
        assert_eq!(run(&["term-grades", &grades, &out, "--rejects"]), 0);
        assert_eq!(run(&["activation", &format!("{d}/missing.csv"), &out]), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn usage_mistakes() {
        assert_eq!(run(&[]), 2);
        assert_eq!(run(&["frobnicate"]), 2);
        assert_eq!(run(&["generate", "--parents", "10", "out"]), 2);
        assert_eq!(
            run(&["generate", "--parents", "x", "--seed", "1", "out"]),
            2
        );
        assert_eq!(run(&["activation", "only-one"]), 2);
        assert_eq!(run(&["activation", "a", "b", "--bogus"]), 2);
        assert_eq!(
            run(&[
                "generate",
                "--parents",
                "0",
                "--seed",
                "1",
                "/nonexistent/x"
            ]),
            1
        );
        assert_eq!(run(&["--help"]), 0);
        assert_eq!(run(&["term-grades", "--help"]), 0);
        for option in [
            "--parents",
            "--seed",
            "--threads",
            "--rejects",
            "--timings",
            "--help",
        ] {
            assert!(OPTIONS.contains(option), "{option} is not in the help");
            assert!(
                option == "--help"
                    || include_str!("region_cli.rs").contains(&format!("\"{option}\" =>")),
                "{option} is not parsed"
            );
        }
    }

    #[test]
    fn a_report_over_a_longer_old_file_is_the_report_alone() {
        let dir = std::env::temp_dir().join(format!("zhurnal-cli-old-{}", std::process::id()));
        let d = |name: &str| dir.join(name).to_str().unwrap().to_owned();
        assert_eq!(
            run(&["generate", "--parents", "300", "--seed", "5", &d("")]),
            0
        );
        for (command, name) in [("activation", "parents"), ("term-grades", "grades")] {
            let input = d(&format!("{name}.csv"));
            assert_eq!(run(&[command, &input, &d("fresh.out")]), 0);
            let fresh = std::fs::read(d("fresh.out")).unwrap();
            std::fs::write(d("old.out"), vec![b'x'; fresh.len() * 3]).unwrap();
            assert_eq!(run(&[command, &input, &d("old.out")]), 0);
            assert_eq!(std::fs::read(d("old.out")).unwrap(), fresh, "{command}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
