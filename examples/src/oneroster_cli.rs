//! The `oneroster` command line: validate, import, export (and a demo
//! snapshot to export). The runnable example `oneroster` calls [`run`].

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use zhurnal::demo::{DemoConfig, demo_rollout};
use zhurnal::handle::SchoolHandle;
use zhurnal::interop::oneroster::{OneRosterSet, export, import, validate};
use zhurnal::journal::Journal;

/// The usage text.
pub const USAGE: &str = "usage:
  oneroster validate DIR
  oneroster import DIR OUT_JSON
  oneroster export SNAPSHOT_JSON DIR
  oneroster demo OUT_JSON";

fn usage(message: &str) -> ExitCode {
    eprintln!("error: {message}\n{USAGE}");
    ExitCode::from(2)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(1)
}

/// Runs the command line `args` (without the program name).
pub fn run(args: &[String]) -> ExitCode {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    match a.as_slice() {
        ["validate", dir] => validate_dir(dir),
        ["import", dir, out] => import_dir(dir, out),
        ["export", snapshot, dir] => export_to(snapshot, dir),
        ["demo", out] => demo(out),
        ["--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage("expected validate DIR, import DIR OUT_JSON or export SNAPSHOT_JSON DIR"),
    }
}

fn read(dir: &str) -> Result<OneRosterSet, ExitCode> {
    OneRosterSet::read_dir(Path::new(dir)).map_err(|e| fail(&format!("{e} [{}]", e.code())))
}

fn validate_dir(dir: &str) -> ExitCode {
    let set = match read(dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let t = Instant::now();
    let report = validate(&set);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    println!("{report}");
    eprintln!("validated {} rows in {ms:.1} ms", rows(&set));
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn rows(set: &OneRosterSet) -> usize {
    set.files.values().map(|t| t.rows.len()).sum()
}

fn import_dir(dir: &str, out: &str) -> ExitCode {
    let set = match read(dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let t = Instant::now();
    match import(&set) {
        Ok((handle, report)) => {
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            for p in &report.problems {
                println!("{p}");
            }
            let school = handle.school();
            println!(
                "imported {}: {} classes, {} students, {} teachers, {} parents, {} subjects, {} terms",
                school.info().name(),
                school.classes().len(),
                school.students().len(),
                school.teachers().len(),
                school.parents().len(),
                school.subjects().len(),
                school.calendar().terms().len()
            );
            eprintln!("imported {} rows in {ms:.1} ms", rows(&set));
            write_json(&handle, out)
        }
        Err(e) => {
            if e.code() == "interop.set_refused" {
                println!("{}", validate(&set));
            }
            fail(&format!("{e} [{}]", e.code()))
        }
    }
}

fn write_json(handle: &SchoolHandle, out: &str) -> ExitCode {
    match handle.to_json() {
        Ok(json) => match std::fs::write(out, json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("cannot write {out}: {e}")),
        },
        Err(e) => fail(&format!("{e} [{}]", e.code())),
    }
}

fn export_to(snapshot: &str, dir: &str) -> ExitCode {
    let json = match std::fs::read_to_string(snapshot) {
        Ok(j) => j,
        Err(e) => return fail(&format!("cannot read {snapshot}: {e}")),
    };
    let handle = match SchoolHandle::from_json(&json) {
        Ok(h) => h,
        Err(e) => return fail(&format!("{e} [{}]", e.code())),
    };
    let t = Instant::now();
    let set = export(&handle);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    if let Err(e) = set.write_dir(Path::new(dir)) {
        return fail(&format!("{e} [{}]", e.code()));
    }
    println!(
        "exported {} rows in {} files to {dir}",
        rows(&set),
        set.files.len() + 1
    );
    eprintln!("exported {} rows in {ms:.1} ms", rows(&set));
    ExitCode::SUCCESS
}

fn demo(out: &str) -> ExitCode {
    match demo_rollout(&DemoConfig::gymnasium17(17)) {
        Ok(d) => write_json(
            &SchoolHandle::from_parts(Journal::new(d.school), d.registry, d.plan),
            out,
        ),
        Err(e) => fail(&format!("{e} [{}]", e.code())),
    }
}
