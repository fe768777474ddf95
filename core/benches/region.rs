//! Region reports at 100k and 1M parents (about 2M and 20M marks).
//!
//! The regions are generated at bench time into the system's temporary
//! folder (once; later runs reuse them). Run with
//! `cargo bench -p zhurnal --bench region`; `ZHURNAL_BENCH_SIZES=100000`
//! limits the sizes.

// A benchmark harness, like a test: a region that cannot be set up must stop
// the run loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_main};
use zhurnal::demo::RegionGenerator;
use zhurnal::region::{
    ActivationOptions, ActivationReport, TermGradesOptions, TermGradesReport, scan_fields,
};

const SEED: u64 = 2014;

fn sizes() -> Vec<u64> {
    std::env::var("ZHURNAL_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000])
}

/// The region of `parents` parents, generated on first use.
fn region(parents: u64) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("zhurnal-bench-region-{parents}-{SEED}"));
    let (p, g) = (dir.join("parents.csv"), dir.join("grades.csv"));
    let done = dir.join("complete");
    if !done.exists() {
        let region = RegionGenerator::new(parents, SEED)
            .and_then(|r| r.write_to_dir(&dir))
            .expect("generate the bench region");
        std::fs::write(&done, format!("{} marks\n", region.marks))
            .expect("mark the region complete");
    }
    (p, g)
}

fn bench(c: &mut Criterion) {
    for parents in sizes() {
        let (p, g) = region(parents);
        let mut group = c.benchmark_group("region");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(if parents >= 1_000_000 {
                20
            } else {
                5
            }));
        group.throughput(Throughput::Bytes(
            std::fs::metadata(&p).map_or(0, |m| m.len()),
        ));
        group.bench_with_input(BenchmarkId::new("activation", parents), &p, |b, p| {
            let options = ActivationOptions::default();
            b.iter(|| {
                let report = ActivationReport::from_path(p, &options).expect("report");
                black_box(report.to_csv())
            })
        });
        group.throughput(Throughput::Bytes(
            std::fs::metadata(&g).map_or(0, |m| m.len()),
        ));
        group.bench_with_input(BenchmarkId::new("term_grades", parents), &g, |b, g| {
            let options = TermGradesOptions::default();
            b.iter(|| {
                let report = TermGradesReport::from_path(g, &options).expect("report");
                let mut out = Vec::new();
                report.write_csv(&mut out).expect("write");
                black_box(out.len())
            })
        });
        // The floor: read once and split into fields, one thread.
        group.bench_with_input(
            BenchmarkId::new("scan_grades_1_thread", parents),
            &g,
            |b, g| {
                b.iter(|| {
                    let file = std::fs::File::open(g).expect("open");
                    black_box(scan_fields(file, 1).expect("scan"))
                })
            },
        );
        // The general CSV reader on the same file, for comparison with the
        // reports' own splitter.
        if parents <= 100_000 {
            group.bench_with_input(
                BenchmarkId::new("csv_crate_read_grades", parents),
                &g,
                |b, g| {
                    b.iter(|| {
                        let mut reader = csv::Reader::from_path(g).expect("open");
                        let mut record = csv::ByteRecord::new();
                        let mut bytes = 0usize;
                        while reader.read_byte_record(&mut record).expect("read") {
                            bytes += record.as_slice().len();
                        }
                        black_box(bytes)
                    })
                },
            );
        }
        group.finish();
    }
}

mod group {
    #![allow(missing_docs)]
    use super::bench;
    criterion::criterion_group!(benches, bench);
}

criterion_main!(group::benches);
