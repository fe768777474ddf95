#!/usr/bin/env python3
"""Region benchmark: zhurnal against pandas and polars on the same files.

Generates a region with zhurnal's seeded generator, runs both analyst jobs
(activation, term grades) through the zhurnal command-line example, pandas
and polars, each engine in its own process, checks that all outputs are
byte-identical, and prints medians, ratios and peak memory. Also times the
floor for term grades: reading grades.csv once and splitting it into fields,
in the same rounds as the engines.

    pip install -r examples/requirements-bench.txt
    python3 examples/bench_region.py --sizes 100000 1000000 --runs 3

Times are wall-clock medians. For zhurnal (the Rust command) and, with
`--python`, zhurnal-py (the Python package on the path) it is the whole
process (start, read, compute, write); for pandas and polars it is the job
inside the process (read, compute, write), without starting Python and
importing the library; for zhurnal-frame it is the package's call on a
polars DataFrame read beforehand, and the write. Peak memory is the peak
resident set of the process.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TERMS = [  # code, first day, last day (inclusive)
    ("Q1", "2014-09-01", "2014-10-31"),
    ("Q2", "2014-11-01", "2014-12-31"),
    ("Q3", "2015-01-12", "2015-03-22"),
    ("Q4", "2015-03-30", "2015-05-31"),
]
CHECKPOINTS = [  # date, band min, band max (percent)
    ("2014-10-01", 30, 40),
    ("2014-11-01", 41, 60),
    ("2014-12-01", 61, 100),
    ("2015-01-01", 100, 100),
]


# --------------------------------------------------------------------- pandas

def pandas_activation(src: str, dst: str) -> None:
    import numpy as np
    import pandas as pd

    df = pd.read_csv(
        src,
        usecols=["school_id", "has_access", "activated_on"],
        dtype={"school_id": "int64", "has_access": "int8", "activated_on": "string"},
    )
    df = df[df["has_access"] == 1]
    activated = pd.to_datetime(df["activated_on"], format="%Y-%m-%d").to_numpy()
    school = df["school_id"].to_numpy()
    frames = []
    for order, (cp, lo, hi) in enumerate(CHECKPOINTS):
        hit = (activated <= np.datetime64(cp)).astype(np.int64)  # NaT compares False
        g = pd.DataFrame({"school_id": school, "a": hit}).groupby("school_id", sort=True)["a"].agg(["size", "sum"])
        e = np.append(g["size"].to_numpy(), g["size"].sum())
        a = np.append(g["sum"].to_numpy(), g["sum"].sum())
        ids = np.append(g.index.to_numpy().astype(str), "all")
        safe = np.maximum(e, 1)
        h = (20000 * a + safe) // (2 * safe)  # share in hundredths, HALF-UP
        share = pd.Series(h // 100).astype(str) + "." + pd.Series(h % 100).astype(str).str.zfill(2)
        status = np.where(h < lo * 100, "below", np.where(h > hi * 100, "above", "on_target"))
        empty = e == 0
        share = share.where(~empty, "")
        status = np.where(empty, "na", status)
        frames.append(pd.DataFrame({
            "checkpoint": cp, "school_id": ids, "eligible": e, "activated": a,
            "share": share.to_numpy(), "status": status,
        }))
    pd.concat(frames).to_csv(dst, index=False, lineterminator="\n")


def pandas_term_grades(src: str, dst: str) -> None:
    import numpy as np
    import pandas as pd

    df = pd.read_csv(
        src,
        usecols=["student_id", "subject_id", "lesson_date", "mark", "weight"],
        dtype={"student_id": "int64", "subject_id": "int64", "lesson_date": "string",
               "mark": "int64", "weight": "float64"},
    )
    day = pd.to_datetime(df["lesson_date"], format="%Y-%m-%d").to_numpy()
    starts = np.array([np.datetime64(s) for _, s, _ in TERMS])
    ends = np.array([np.datetime64(e) for _, _, e in TERMS])
    term = np.searchsorted(starts, day, side="right") - 1
    inside = (term >= 0) & (day <= ends[np.clip(term, 0, None)])
    w = np.rint(df["weight"].to_numpy() * 100).astype(np.int64)  # exact hundredths
    g = pd.DataFrame({
        "student_id": df["student_id"].to_numpy()[inside],
        "subject_id": df["subject_id"].to_numpy()[inside],
        "term": term[inside],
        "wx": (df["mark"].to_numpy() * w)[inside],
        "w": w[inside],
    }).groupby(["student_id", "subject_id", "term"], sort=True).agg(
        n_marks=("w", "size"), wx=("wx", "sum"), w=("w", "sum")).reset_index()
    h = (200 * g["wx"] + g["w"]) // (2 * g["w"])  # average in hundredths, HALF-UP
    n = g["n_marks"].to_numpy()
    hv = h.to_numpy()
    out = pd.DataFrame({
        "student_id": g["student_id"],
        "subject_id": g["subject_id"],
        "term": np.array([t[0] for t in TERMS])[g["term"].to_numpy()],
        "n_marks": n,
        "avg": (h // 100).astype(str) + "." + (h % 100).astype(str).str.zfill(2),
        "term_mark": np.select([n < 3, hv >= 450, hv >= 350, hv >= 250], ["na", "5", "4", "3"], "2"),
    })
    out.to_csv(dst, index=False, lineterminator="\n")


# --------------------------------------------------------------------- polars

def polars_activation(src: str, dst: str) -> None:
    import datetime as dt
    import polars as pl

    lf = pl.scan_csv(src, schema_overrides={
        "school_id": pl.Int64, "has_access": pl.Int8, "activated_on": pl.Date,
    }).select("school_id", "has_access", "activated_on").filter(pl.col("has_access") == 1)
    per_cp = []
    for order, (cp, lo, hi) in enumerate(CHECKPOINTS):
        day = dt.date.fromisoformat(cp)
        per_cp.append(lf.select(
            pl.lit(order).alias("order"),
            pl.col("school_id"),
            (pl.col("activated_on") <= day).fill_null(False).cast(pl.Int64).alias("a"),
        ))
    long = pl.concat(per_cp)
    schools = long.group_by("order", "school_id").agg(
        pl.len().cast(pl.Int64).alias("eligible"), pl.col("a").sum().alias("activated"))
    cps = pl.LazyFrame({"order": list(range(len(CHECKPOINTS)))}, schema={"order": pl.Int32})
    region = cps.join(
        long.group_by("order").agg(pl.len().cast(pl.Int64).alias("eligible"), pl.col("a").sum().alias("activated")),
        on="order", how="left").with_columns(
        pl.col("eligible").fill_null(0), pl.col("activated").fill_null(0),
        pl.lit(None, dtype=pl.Int64).alias("school_id"))
    bands = pl.LazyFrame({
        "order": list(range(len(CHECKPOINTS))),
        "checkpoint": [c for c, _, _ in CHECKPOINTS],
        "lo": [lo * 100 for _, lo, _ in CHECKPOINTS],
        "hi": [hi * 100 for _, _, hi in CHECKPOINTS],
    }, schema={"order": pl.Int32, "checkpoint": pl.Utf8, "lo": pl.Int64, "hi": pl.Int64})
    e, a = pl.col("eligible"), pl.col("activated")
    h = (20000 * a + e) // (2 * e)
    out = (
        pl.concat([schools.with_columns(pl.col("order").cast(pl.Int32)),
                   region.select("order", "school_id", "eligible", "activated")], how="diagonal_relaxed")
        .join(bands, on="order")
        .with_columns(h.alias("h"))
        .sort(["order", pl.col("school_id").is_null(), "school_id"])
        .select(
            "checkpoint",
            pl.col("school_id").cast(pl.Utf8).fill_null("all"),
            "eligible", "activated",
            pl.when(e == 0).then(pl.lit(""))
            .otherwise(pl.format("{}.{}", pl.col("h") // 100,
                                 (pl.col("h") % 100).cast(pl.Utf8).str.zfill(2))).alias("share"),
            pl.when(e == 0).then(pl.lit("na"))
            .when(pl.col("h") < pl.col("lo")).then(pl.lit("below"))
            .when(pl.col("h") > pl.col("hi")).then(pl.lit("above"))
            .otherwise(pl.lit("on_target")).alias("status"),
        )
    )
    out.collect().write_csv(dst)


def polars_term_grades(src: str, dst: str) -> None:
    import datetime as dt
    import polars as pl

    d = pl.col("lesson_date")
    term = pl.lit(None, dtype=pl.Int8)
    for i, (_, s, e) in reversed(list(enumerate(TERMS))):
        term = pl.when(d.is_between(dt.date.fromisoformat(s), dt.date.fromisoformat(e))).then(pl.lit(i, pl.Int8)).otherwise(term)
    w = (pl.col("weight") * 100).round().cast(pl.Int64)  # exact hundredths
    h = (200 * pl.col("wx") + pl.col("w")) // (2 * pl.col("w"))
    out = (
        pl.scan_csv(src, schema_overrides={
            "student_id": pl.Int64, "subject_id": pl.Int64, "lesson_date": pl.Date,
            "mark": pl.Int64, "weight": pl.Float64,
        })
        .select("student_id", "subject_id", term.alias("term"),
                (pl.col("mark") * w).alias("wx"), w.alias("w"))
        .drop_nulls("term")
        .group_by("student_id", "subject_id", "term")
        .agg(pl.len().alias("n_marks"), pl.col("wx").sum(), pl.col("w").sum())
        .sort("student_id", "subject_id", "term")
        .with_columns(h.alias("h"))
        .select(
            "student_id", "subject_id",
            pl.col("term").replace_strict(list(range(len(TERMS))), [t[0] for t in TERMS], return_dtype=pl.Utf8),
            "n_marks",
            pl.format("{}.{}", pl.col("h") // 100, (pl.col("h") % 100).cast(pl.Utf8).str.zfill(2)).alias("avg"),
            pl.when(pl.col("n_marks") < 3).then(pl.lit("na"))
            .when(pl.col("h") >= 450).then(pl.lit("5"))
            .when(pl.col("h") >= 350).then(pl.lit("4"))
            .when(pl.col("h") >= 250).then(pl.lit("3"))
            .otherwise(pl.lit("2")).alias("term_mark"),
        )
    )
    out.collect().write_csv(dst)


JOBS = {
    ("pandas", "activation"): pandas_activation,
    ("pandas", "term-grades"): pandas_term_grades,
    ("polars", "activation"): polars_activation,
    ("polars", "term-grades"): polars_term_grades,
}


def zhurnal_py(job: str, src: str, dst: str) -> None:
    """The Python package on the file's path."""
    import zhurnal

    if job == "activation":
        zhurnal.activation_report(src).write_csv(dst)
    else:
        zhurnal.term_grades(src).write_csv(dst)


def zhurnal_frame(job: str, src: str, dst: str) -> float:
    """The Python package on a polars DataFrame (read first, not timed);
    returns the time of the zhurnal call and the write."""
    import polars as pl

    import zhurnal

    if job == "activation":
        frame = pl.read_csv(src, schema_overrides={"applied_on": pl.Date, "activated_on": pl.Date})
        t = time.perf_counter()
        zhurnal.activation_report(frame).write_csv(dst)
    else:
        frame = pl.read_csv(src, schema_overrides={
            "lesson_date": pl.Date, "weight": pl.Decimal(5, 2), "work_type": pl.Categorical})
        t = time.perf_counter()
        zhurnal.term_grades(frame).write_csv(dst)
    return time.perf_counter() - t


def worker(engine: str, job: str, src: str, dst: str) -> None:
    if engine == "zhurnal-py":
        import zhurnal  # noqa: F401  (import is not part of the call)
        t = time.perf_counter()
        zhurnal_py(job, src, dst)
        print(f"{time.perf_counter() - t:.6f}")
        return
    if engine == "zhurnal-frame":
        print(f"{zhurnal_frame(job, src, dst):.6f}")
        return
    fn = JOBS[(engine, job)]
    if engine == "pandas":
        import pandas  # noqa: F401  (import is not part of the job)
    else:
        import polars  # noqa: F401
    t = time.perf_counter()
    fn(src, dst)
    print(f"{time.perf_counter() - t:.6f}")


# --------------------------------------------------------------------- driver

def measure(cmd: list[str]) -> tuple[float, float, str]:
    """Runs cmd; returns (wall seconds, peak RSS MiB of the process, stdout)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err.decode()}")
    return wall, usage.ru_maxrss / 1024.0, out.decode()


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="parents per region")
    ap.add_argument("--seed", type=int, default=2014)
    ap.add_argument("--runs", type=int, default=5, help="runs per engine and job (median)")
    ap.add_argument("--workdir", type=Path, default=ROOT / "target" / "bench-region")
    ap.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "examples" / "region")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--python", action="store_true",
                    help="also the Python package: on the path (whole process) and on a polars DataFrame (the call)")
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    ap.add_argument("--job", help=argparse.SUPPRESS)
    ap.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.engine:  # worker mode: one job in this process
        worker(args.engine, args.job, *args.paths)
        return

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--example", "region"], cwd=ROOT, check=True)
    binary = str(args.binary)
    me = str(Path(__file__).resolve())
    rows = []
    results: dict[tuple[int, str, str], float] = {}
    calls: dict[tuple[int, str], list[float]] = {}  # zhurnal-py: the call alone
    for size in args.sizes:
        region = args.workdir / f"region-{size}-{args.seed}"
        t = time.perf_counter()
        subprocess.run([binary, "generate", "--parents", str(size), "--seed", str(args.seed), str(region)],
                       check=True, stdout=subprocess.DEVNULL)
        os.sync()
        print(f"generated {size} parents in {time.perf_counter() - t:.2f} s: "
              f"{(region / 'grades.csv').stat().st_size / 1e6:.0f} MB of marks", flush=True)
        for job, src in (("activation", "parents.csv"), ("term-grades", "grades.csv")):
            engines = ["zhurnal", "pandas", "polars"]
            if args.python:
                engines[1:1] = ["zhurnal-py", "zhurnal-frame"]
            times = {e: [] for e in engines}
            peaks = {e: [] for e in engines}
            # The floor of term grades (read and split grades.csv on 1 and 2
            # threads) takes its turn in the same rounds.
            floors = {t: [] for t in ((1, 2) if job == "term-grades" else ())}
            # Runs go round the engines (not all runs of one engine, then the
            # next), so that noise from other work on the machine falls on
            # all of them alike; dirty pages are flushed before each run.
            for _ in range(args.runs):
                for threads, scans in floors.items():
                    os.sync()
                    scans.append(measure([binary, "scan", str(region / src), "--threads", str(threads)]))
                for engine in engines:
                    dst = region / f"{job}.{engine}.csv"
                    os.sync()
                    if engine == "zhurnal":
                        wall, peak, _ = measure([binary, job, str(region / src), str(dst)])
                        times[engine].append(wall)
                    elif engine == "zhurnal-py":
                        # The whole process, like the Rust command's.
                        wall, peak, out = measure([sys.executable, me, "--engine", engine, "--job", job,
                                                   str(region / src), str(dst)])
                        times[engine].append(wall)
                        calls.setdefault((size, job), []).append(float(out.strip().splitlines()[-1]))
                    else:
                        _, peak, out = measure([sys.executable, me, "--engine", engine, "--job", job,
                                                str(region / src), str(dst)])
                        times[engine].append(float(out.strip().splitlines()[-1]))
                    peaks[engine].append(peak)
            digests = {e: digest(region / f"{job}.{e}.csv") for e in engines}
            for engine in engines:
                med = statistics.median(times[engine])
                results[(size, job, engine)] = med
                rows.append((size, job, engine, med, max(peaks[engine])))
                print(f"  {job:12} {engine:8} {med:8.3f} s  {max(peaks[engine]):8.0f} MiB", flush=True)
            same = len(set(digests.values())) == 1
            print(f"  {job}: outputs byte-identical: {same}", flush=True)
            if not same:
                sys.exit(f"outputs differ for {job} at {size}: {digests}")
            for threads, scans in floors.items():
                med = statistics.median(t for t, _, _ in scans)
                results[(size, f"scan{threads}", "zhurnal")] = med
                rows.append((size, f"read+split grades, {threads} thread(s)", "floor", med,
                             max(p for _, p, _ in scans)))
                print(f"  {'scan':12} {threads} thread(s) {med:8.3f} s", flush=True)

    print()
    print("| parents | job | engine | time (s) | polars time / time | peak RSS (MiB) | RSS / polars RSS |")
    print("|---:|---|---|---:|---:|---:|---:|")
    peak_of = {(s, j, e): p for s, j, e, _, p in rows}
    for size, job, engine, med, peak in rows:
        pol = results.get((size, job, "polars"))
        ratio = f"{pol / med:.1f}" if pol and engine != "polars" else ""
        ppeak = peak_of.get((size, job, "polars"))
        mem = f"{peak / ppeak:.2f}" if ppeak and engine != "polars" else ""
        print(f"| {size} | {job} | {engine} | {med:.3f} | {ratio} | {peak:.0f} | {mem} |")
    if args.python:
        print()
        for size in args.sizes:
            for job in ("activation", "term-grades"):
                rust, py, frame = (results.get((size, job, e)) for e in ("zhurnal", "zhurnal-py", "zhurnal-frame"))
                if rust and py and frame and calls.get((size, job)):
                    call = statistics.median(calls[(size, job)])
                    print(f"{size} parents, {job}: Python process on the path / Rust command = {py / rust:.2f}; "
                          f"call on the path / Rust command = {call / rust:.2f}; "
                          f"call on a DataFrame / call on the path = {frame / call:.2f}")
    print()
    for size in args.sizes:
        tg = results.get((size, "term-grades", "zhurnal"))
        for threads in (1, 2):
            scan = results.get((size, f"scan{threads}", "zhurnal"))
            if tg and scan:
                print(f"{size} parents: term grades / read+split on {threads} thread(s) = {tg / scan:.2f}")
    if len(args.sizes) >= 2:
        a, b = sorted(args.sizes)[:2]
        for job in ("activation", "term-grades"):
            print(f"{job}: {b / a:g}x the rows costs {results[(b, job, 'zhurnal')] / results[(a, job, 'zhurnal')]:.2f}x the time")


if __name__ == "__main__":
    main()
