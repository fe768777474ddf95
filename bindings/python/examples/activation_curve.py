"""The activation curve of a generated region and a few of its schools,
against the seed rollout plan's target bands, saved as a PNG.

    python bindings/python/examples/activation_curve.py OUT_DIR [--parents N]

Generates a seeded region into OUT_DIR, computes the activation report with
a checkpoint on every day from 1 September to 31 January (the report takes
any checkpoints; the band of a drawing day plays no part), and draws the
region's share and three schools' against the four target bands of the
seed plan (`zhurnal.seed_checkpoints()`). Writes OUT_DIR/activation.png.
"""

from __future__ import annotations

import argparse
import datetime
import decimal
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import zhurnal  # noqa: E402

FIRST_DAY = datetime.date(2014, 9, 1)
LAST_DAY = datetime.date(2015, 1, 31)


def daily_checkpoints() -> list[tuple[datetime.date, decimal.Decimal, decimal.Decimal]]:
    """A checkpoint on every day, with a band that covers every share."""
    days = (LAST_DAY - FIRST_DAY).days + 1
    return [
        (FIRST_DAY + datetime.timedelta(days=i), decimal.Decimal(0), decimal.Decimal(100))
        for i in range(days)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--parents", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=2014)
    args = ap.parse_args()

    region = zhurnal.generate_region(args.out_dir, parents=args.parents, seed=args.seed)
    report = zhurnal.activation_report(args.out_dir / "parents.csv", checkpoints=daily_checkpoints())
    curves: dict[int | None, list[tuple[datetime.date, float]]] = {}
    for row in report:
        if row.share is not None:
            curves.setdefault(row.school_id, []).append((row.checkpoint, float(row.share)))

    fig, ax = plt.subplots(figsize=(10, 5.5))
    for day, low, high in zhurnal.seed_checkpoints():
        span = np.array([day - datetime.timedelta(days=3), day + datetime.timedelta(days=3)], dtype="datetime64[D]")
        ax.fill_between(span, float(low), float(high), color="tab:green", alpha=0.25)
        ax.annotate(f"{low}–{high}%", (day, float(high)), textcoords="offset points",
                    xytext=(0, 4), ha="center", fontsize=8)
    schools = sorted(k for k in curves if k is not None)
    picks = [schools[0], schools[len(schools) // 2], schools[-1]] if len(schools) >= 3 else schools
    for school in picks:
        days, shares = zip(*curves[school])
        ax.plot(days, shares, linewidth=1, alpha=0.8, label=f"school {school}")
    days, shares = zip(*curves[None])
    ax.plot(days, shares, color="black", linewidth=2.5, label="region")
    ax.set_ylim(0, 105)
    ax.set_ylabel("activated, % of parents with access")
    ax.set_title(f"Parent account activation: {region.parents:,} parents, {len(schools)} schools")
    ax.legend(loc="upper left")
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    out = args.out_dir / "activation.png"
    fig.savefig(out, dpi=110, bbox_inches="tight")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
