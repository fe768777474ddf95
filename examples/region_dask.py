"""The region reports on a Dask cluster: each partition of the region's
files becomes a zhurnal partial inside a worker, the partials merge (in
any order: they hold counts and sums, never shares or averages), and the
merged partials finish into the reports one pass over the whole files
gives, byte for byte.

    python examples/region_dask.py --workers N DATA_DIR OUT_DIR

reads DATA_DIR/parents.csv and DATA_DIR/grades.csv (as written by
`region generate`) and writes OUT_DIR/activation.csv and
OUT_DIR/term_grades.csv. It starts a local cluster of N worker processes;
`--scheduler tcp://host:8786` uses a running cluster instead (every
worker needs the zhurnal package and a view of DATA_DIR). Needs
`dask[distributed]` and zhurnal; `--frames` also pandas.

A partition is a byte range of the file, its lines read by the worker
that computes its partial, which zhurnal reads as CSV text with the file's
header put in front; the partials are merged by a tree of tasks in the
workers. With `--frames` a partition is a Dask DataFrame partition of text
columns instead, which costs pandas' parsing of every field first.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any, Callable, NamedTuple

import dask
from dask.distributed import Client, LocalCluster
from dask.utils import parse_bytes

import zhurnal


class Range(NamedTuple):
    """A partition of a CSV file: the lines whose first byte is in
    [start, end), read by the worker that computes its partial."""

    path: str
    start: int
    end: int
    header: bytes


def byte_ranges(path: Path, blocksize: str) -> list[Any]:
    """The file's partitions as byte ranges, each read in its worker with
    the file's header in front, so that every range is read by the same
    CSV rules (and error codes) as the whole file."""
    size = path.stat().st_size
    step = max(1, parse_bytes(blocksize))
    with open(path, "rb") as f:
        header = f.readline()
    return [Range(str(path), start, min(start + step, size), header) for start in range(0, size, step)]


def read_range(part: Range) -> bytes:
    """Runs in a worker: the range's lines, after the header (the first
    range starts with it already)."""
    path, start, end, header = part
    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            f.readline()  # the end of the line that began before `start`
        begin = f.tell()
        text = f.read(max(0, end - begin))
        if text and not text.endswith(b"\n"):
            text += f.readline()  # the line that crosses `end`
    return text if start == 0 else header + text


def frame_partitions(path: Path, blocksize: str) -> list[Any]:
    """The file's partitions as delayed pandas frames of text columns:
    every field reaches zhurnal as the text it is in the file."""
    import dask.dataframe as dd

    frame = dd.read_csv(path, blocksize=blocksize, dtype=str, keep_default_na=False, na_values=[])
    return list(frame.to_delayed())


# A report's partial from a partition, and its class (to read shipped bytes).
PARTIALS: dict[str, tuple[Callable[[Any], Any], Any]] = {
    "activation": (lambda part: zhurnal.activation_report(part, parent_ids=True, threads=1).to_partial(),
                   zhurnal.ActivationPartial),
    "term grades": (lambda part: zhurnal.term_grades(part, threads=1).to_partial(),
                    zhurnal.TermGradesPartial),
}


def partial_bytes(report: str, part: Any) -> bytes:
    """Runs in a worker: the partition's partial (a byte range read here,
    or a frame), as bytes to ship."""
    source = read_range(part) if isinstance(part, Range) else part
    return bytes(PARTIALS[report][0](source).to_bytes())


# Shipped partials merged per task: a tree of this fan-in.
FAN_IN = 8


def merged_bytes(report: str, *parts: bytes) -> bytes:
    """Runs in a worker: shipped partials merged (their order does not
    matter), as bytes."""
    kind = PARTIALS[report][1]
    merged = kind.empty()
    for part in parts:
        merged = merged.merge(kind.from_bytes(part))
    return bytes(merged.to_bytes())


Partitions = Callable[[Path, str], list[Any]]


def one_report(client: Client, report: str, source: Path, partitions: Partitions, blocksize: str,
               out: Path) -> float:
    """One report over the file's partitions: partials in the workers,
    merged there by a tree of tasks, finished here; returns the seconds it
    took."""
    t = time.perf_counter()
    parts = [dask.delayed(partial_bytes)(report, p) for p in partitions(source, blocksize)]
    while len(parts) > 1:
        parts = [dask.delayed(merged_bytes)(report, *parts[i:i + FAN_IN])
                 for i in range(0, len(parts), FAN_IN)]
    kind = PARTIALS[report][1]
    merged = kind.from_bytes(client.compute(parts[0], sync=True)) if parts else kind.empty()
    merged.finish().write_csv(out)
    return time.perf_counter() - t


def run(client: Client, data: Path, out: Path, partitions: Partitions, blocksize: str) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    return {
        "activation": one_report(client, "activation", data / "parents.csv", partitions, blocksize,
                                 out / "activation.csv"),
        "term grades": one_report(client, "term grades", data / "grades.csv", partitions, blocksize,
                                  out / "term_grades.csv"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (instead of a local cluster)")
    ap.add_argument("--blocksize", default="64MB", help="bytes of a file per partition")
    ap.add_argument("--frames", action="store_true",
                    help="partitions as Dask DataFrames of text columns instead of byte ranges")
    ap.add_argument("data_dir", type=Path, help="holds parents.csv and grades.csv")
    ap.add_argument("out_dir", type=Path, help="receives activation.csv and term_grades.csv")
    args = ap.parse_args()
    partitions = frame_partitions if args.frames else byte_ranges
    if args.scheduler:
        with Client(args.scheduler) as client:
            times = run(client, args.data_dir, args.out_dir, partitions, args.blocksize)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            times = run(client, args.data_dir, args.out_dir, partitions, args.blocksize)
    for job, seconds in times.items():
        print(f"{job}: {seconds:.2f} s on {args.workers if not args.scheduler else 'the'} workers")


if __name__ == "__main__":
    main()
