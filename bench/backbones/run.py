#!/usr/bin/python3
"""Runs bench_backbones (Kensa, C++) and bench_backbones_pytorch.py (PyTorch eager) for every backbone
and batch size, interleaved in one session so both see the same machine, and prints a Markdown table.

    bench/backbones/run.py --build build [--threads 2] [--repeats 10]
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(cmd, env):
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return dict(kv.split("=", 1) for kv in out.split())


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--build", default="build")
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--backbones", default="mobilenet_v2,efficientnet_b4,resnet18,resnet34")
    p.add_argument("--batches", default="1,8")
    a = p.parse_args()
    # Both sides use the system BLAS (OpenBLAS); keep its own threads from fighting torch's OpenMP pool.
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    exe = str(Path(a.build) / "bench" / "backbones" / "bench_backbones")
    print("| backbone | batch | Kensa ms/image | PyTorch ms/image | Kensa / PyTorch | Kensa peak RSS MB | PyTorch peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for backbone in a.backbones.split(","):
        for batch in a.batches.split(","):
            args = ["--backbone", backbone, "--batch", batch, "--threads", str(a.threads), "--repeats", str(a.repeats)]
            k = run([exe] + args, env)
            t = run([sys.executable, str(HERE / "bench_backbones_pytorch.py")] + args, env)
            ratio = float(k["median_ms_per_image"]) / float(t["median_ms_per_image"])
            print(f"| {backbone} | {batch} | {k['median_ms_per_image']} | {t['median_ms_per_image']} | {ratio:.2f} "
                  f"| {k['peak_rss_mb']} | {t['peak_rss_mb']} |", flush=True)


if __name__ == "__main__":
    main()
