#!/usr/bin/python3
"""Runs bench_adtr (Kensa, C++) and adtr_pytorch.py bench (PyTorch eager; bf16 = torch.autocast) for
each precision and thread count, interleaved in one session so both see the same machine, and prints a
Markdown table. Ratios are Kensa / PyTorch (below 1: Kensa is faster).

    bench/adtr/run.py --build build [--threads 1,2] [--precisions fp32,bf16,bf16-autocast] [--rounds 2]

Kensa's precisions: fp32; bf16 (its own mixed precision: bf16 GEMMs, fp32 master weights, layer norms and
residuals); bf16-autocast (its fp32 code under LibTorch's CPU autocast). PyTorch runs fp32 or, for both
bf16 rows, eager mode under torch.autocast('cpu', dtype=torch.bfloat16).

With --rounds N each pair runs N times (alternating) and the fastest median per side is kept, which
filters out disturbances from other load on a shared machine.
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


def best(results, key):
    return min(float(r[key]) for r in results)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--build", default="build")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--precisions", default="fp32,bf16")
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--extra", default="", help="more flags for both sides, e.g. '--neighbour-mask 7'")
    a = p.parse_args()
    # Both sides use the system BLAS (OpenBLAS); keep its own threads from fighting torch's OpenMP pool.
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    exe = str(Path(a.build) / "bench" / "adtr" / "bench_adtr")
    print(f"ADTR transformer, batch {a.batch}, default config (C=152, 14x14, d=256, 4+4 layers); ms per image"
          f" (best of {a.rounds} rounds of median-of-{a.repeats})\n")
    print("| threads | precision | Kensa train | PyTorch train | train ratio | Kensa infer | PyTorch infer "
          "| infer ratio | Kensa RSS MB | PyTorch RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for threads in a.threads.split(","):
        for precision in a.precisions.split(","):
            common = ["--threads", threads, "--batch", str(a.batch), "--repeats", str(a.repeats),
                      "--warmup", str(a.warmup)] + a.extra.split()
            kensa, torch_ = [], []
            for _ in range(a.rounds):
                kensa.append(run([exe, "--precision", precision] + common, env))
                torch_precision = "fp32" if precision == "fp32" else "bf16"
                torch_.append(run([sys.executable, str(HERE / "adtr_pytorch.py"), "bench", "--precision",
                                   torch_precision] + common, env))
            kt, tt = best(kensa, "train_ms_per_image"), best(torch_, "train_ms_per_image")
            ki, ti = best(kensa, "infer_ms_per_image"), best(torch_, "infer_ms_per_image")
            label = {"fp32": "fp32", "bf16": "Kensa bf16 / PyTorch autocast",
                     "bf16-autocast": "both autocast"}.get(precision, precision)
            print(f"| {threads} | {label} | {kt:.1f} | {tt:.1f} | {kt / tt:.2f} | {ki:.1f} | {ti:.1f} | {ki / ti:.2f} "
                  f"| {kensa[-1]['peak_rss_mb']} | {torch_[-1]['peak_rss_mb']} |", flush=True)


if __name__ == "__main__":
    main()
