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

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    zhurnal_examples::region_cli::run_cli(&args)
}
