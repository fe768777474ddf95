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
`dask[distributed]`, pandas and zhurnal.
"""

from __future__ import annotations

import argparse
import functools
import time
from pathlib import Path
from typing import Any, Callable, TypeVar

import dask
import dask.dataframe as dd
from dask.distributed import Client, LocalCluster

import zhurnal

P = TypeVar("P", zhurnal.ActivationPartial, zhurnal.TermGradesPartial)


def read_partitions(path: Path, blocksize: str) -> list[Any]:
    """The file's partitions as delayed pandas frames of text columns:
    every field reaches zhurnal as the text it is in the file, so the
    CSV rules (and their error codes) apply as in one pass."""
    frame = dd.read_csv(path, blocksize=blocksize, dtype=str, keep_default_na=False, na_values=[])
    return list(frame.to_delayed())


def activation_partial(part: Any) -> bytes:
    """Runs in a worker: the partition's activation partial, as bytes."""
    return bytes(zhurnal.activation_report(part, parent_ids=True, threads=1).to_partial().to_bytes())


def term_grades_partial(part: Any) -> bytes:
    """Runs in a worker: the partition's term-grades partial, as bytes."""
    return bytes(zhurnal.term_grades(part, threads=1).to_partial().to_bytes())


def merge_all(parts: list[bytes], from_bytes: Callable[[bytes], P], empty: P) -> P:
    return functools.reduce(lambda a, b: a.merge(from_bytes(b)), parts, empty)


def one_report(client: Client, source: Path, blocksize: str, partial_of: Callable[[Any], bytes],
               from_bytes: Callable[[bytes], P], empty: P, out: Path) -> float:
    """One report over the file's partitions: partials in the workers,
    merged and finished here; returns the seconds it took."""
    t = time.perf_counter()
    parts = [dask.delayed(partial_of)(p) for p in read_partitions(source, blocksize)]
    shipped = client.compute(parts, sync=True)
    merge_all(shipped, from_bytes, empty).finish().write_csv(out)
    return time.perf_counter() - t


def run(client: Client, data: Path, out: Path, blocksize: str) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    return {
        "activation": one_report(client, data / "parents.csv", blocksize, activation_partial,
                                 zhurnal.ActivationPartial.from_bytes, zhurnal.ActivationPartial.empty(),
                                 out / "activation.csv"),
        "term grades": one_report(client, data / "grades.csv", blocksize, term_grades_partial,
                                  zhurnal.TermGradesPartial.from_bytes, zhurnal.TermGradesPartial.empty(),
                                  out / "term_grades.csv"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (instead of a local cluster)")
    ap.add_argument("--blocksize", default="16MB", help="bytes of a file per partition")
    ap.add_argument("data_dir", type=Path, help="holds parents.csv and grades.csv")
    ap.add_argument("out_dir", type=Path, help="receives activation.csv and term_grades.csv")
    args = ap.parse_args()
    if args.scheduler:
        with Client(args.scheduler) as client:
            times = run(client, args.data_dir, args.out_dir, args.blocksize)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            times = run(client, args.data_dir, args.out_dir, args.blocksize)
    for job, seconds in times.items():
        print(f"{job}: {seconds:.2f} s on {args.workers if not args.scheduler else 'the'} workers")


if __name__ == "__main__":
    main()
