//! The main job: the rollout status report of a Gymnasium-sized school.
//!
//! Takes the embedded rollout plan of Gymnasium No. 17 and a generated
//! school of realistic size (seeded: 28 classes, 700 students, their
//! parents, applications, credentials and activations over autumn 2014),
//! and prints the rollout status report for a date, with the activation
//! table per class against the plan's targets.
//!
//! ```text
//! cargo run -p zhurnal-examples --example rollout                 # on 2014-12-01
//! cargo run -p zhurnal-examples --example rollout -- 2014-11-01   # another date
//! cargo run -p zhurnal-examples --example rollout -- 2014-12-01 --json
//! ```

use chrono::NaiveDate;
use zhurnal::demo::{DemoConfig, demo_rollout};
use zhurnal::rollout::{ReportOptions, RolloutReport};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut date = NaiveDate::from_ymd_opt(2014, 12, 1).ok_or("bad default date")?;
    let mut json = false;
    for arg in std::env::args().skip(1) {
        if arg == "--json" {
            json = true;
        } else {
            date = NaiveDate::parse_from_str(&arg, "%Y-%m-%d")
                .map_err(|e| format!("date {arg:?} is not YYYY-MM-DD: {e}"))?;
        }
    }
    let demo = demo_rollout(&DemoConfig::gymnasium17(2014))?;
    let report = RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        date,
        &ReportOptions::default(),
    );
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
    Ok(())
}
