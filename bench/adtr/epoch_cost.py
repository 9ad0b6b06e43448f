#!/usr/bin/python3
"""Seconds per training epoch of anomaly-available training against normal-only, on the sample product.

    bench/adtr/epoch_cost.py --build build [--work /tmp/kensa-e2e] [--epochs 5] [--reps 2]

Trains, one run at a time, with `--threads 1`: normal-only, the default synthetic mix, 5 marked defects
per type with synthetic defects (the heaviest case), and 1 marked defect per type. The runs are
alternated `--reps` times, so that a noisy machine affects them all alike. Each line gives the mean
s/epoch without the first epoch (which warms up allocations and caches), the per-epoch times, and the
defect copies per epoch, all read from the model's `training_json`. The issue's limit is 1.5x
normal-only per epoch.
"""
import argparse
import statistics
from pathlib import Path

from end_to_end import ensure_sample, run_measured, training_json

RUNS = [
    ("normal-only", []),
    ("synthetic mix", ["--synthetic", "all"]),
    ("5 real per type + synthetic", ["--train-defects", "5", "--synthetic", "all"]),
    ("1 real per type", ["--train-defects", "1"]),
]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default="build")
    p.add_argument("--work", default="/tmp/kensa-e2e")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--reps", type=int, default=2)
    a = p.parse_args()

    cli = str(Path(a.build) / "app" / "cli" / "kensa-cli")
    work = Path(a.work)
    sample = ensure_sample(cli, work)
    steady = {label: [] for label, _ in RUNS}
    for rep in range(a.reps):
        for label, flags in RUNS:
            model = work / f"epoch-cost-{rep}.kensa"
            run_measured([cli, "train", "--data", str(sample), "--out", str(model), "--epochs", str(a.epochs),
                          "--threads", "1"] + flags)
            info = training_json(model)
            seconds = info["epoch_seconds"]
            mean = statistics.mean(seconds[1:] if len(seconds) > 1 else seconds)
            steady[label].append(mean)
            copies = info.get("anomaly", {}).get("synthetic_per_epoch", [])
            print(f"{label:28s} rep {rep}: {mean:.2f} s/epoch (epochs {' '.join(f'{t:.2f}' for t in seconds)}; "
                  f"copies per epoch {copies})", flush=True)
    base = statistics.mean(steady["normal-only"])
    for label, values in steady.items():
        print(f"{label:28s} mean {statistics.mean(values):.2f} s/epoch = {statistics.mean(values) / base:.2f}x")


if __name__ == "__main__":
    main()
