//! OneRoster 1.2 CSV sets: validate one, import one into a school handle's
//! snapshot, export a snapshot as a set.
//!
//! ```text
//! cargo run --release --example oneroster -- validate DIR
//! cargo run --release --example oneroster -- import DIR OUT_JSON
//! cargo run --release --example oneroster -- export SNAPSHOT_JSON DIR
//! cargo run --release --example oneroster -- demo SNAPSHOT_JSON   # writes a demo gymnasium's snapshot
//! ```
//!
//! `validate` prints every problem (file, line, column) and exits 0 when
//! the set has no error, 1 when it has; `import` refuses a set with errors
//! and lists them (exit 1). A bad command line exits 2. Timings go to
//! standard error.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    zhurnal_examples::oneroster_cli::run(&args)
}
