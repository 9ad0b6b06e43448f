#!/usr/bin/python3
"""Kensa's PatchCore, PaDiM and SPADE against their anomalib-style PyTorch twins (methods_pytorch.py) on
one product, in one run: fit seconds, inference ms/image and peak RSS, and the ratios. Both sides use a
random-init ResNet-18 (speed only: no weights to convert), 224 px, the same threads. Each side runs
--repeat times, alternating, and the best time of each counts (a VM's neighbours slow single runs by up
to 2x; the best is the least disturbed).

usage: bench/methods/run.py --cli build/app/cli/kensa-cli --product build/golden-sample [--threads 2] [--repeat 3]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blas_env import with_native_blas  # noqa: E402


def timed(cmd, env):
    """Runs cmd under /usr/bin/time; returns (stdout, peak RSS in MB)."""
    r = subprocess.run(["/usr/bin/time", "-f", "RSS %M"] + cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr}")
    rss = int(re.findall(r"RSS (\d+)", r.stderr)[-1]) / 1024
    return r.stdout, rss


def best(runs):
    """The least disturbed of repeated runs: each measure's minimum."""
    return {key: min(r[key] for r in runs) for key in ("fit_seconds", "ms_per_image", "peak_rss_mb")}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--product", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--methods", default="patchcore,padim,spade")
    p.add_argument("--repeat", type=int, default=3, help="runs per side; the best time counts")
    a = p.parse_args()
    env = with_native_blas(dict(os.environ, OPENBLAS_NUM_THREADS="1"))  # the same kernels on both sides
    common = ["--random-init", "--backbone", "resnet18", "--image-size", "224", "--threads", str(a.threads)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for method in a.methods.split(","):
            model = os.path.join(tmp, method + ".kensa")
            runs, twins = [], []
            for _ in range(a.repeat):
                out, train_rss = timed([a.cli, "train", "--data", a.product, "--out", model, "--method", method]
                                       + common, env)
                f, t = map(float, re.search(r"features ([\d.]+) s, training ([\d.]+) s", out).groups())
                out, eval_rss = timed([a.cli, "eval", "--json", "--model", model, "--data", a.product,
                                       "--threads", str(a.threads)], env)
                runs.append({"fit_seconds": f + t, "ms_per_image": json.loads(out)["inference_ms_per_image"],
                             "peak_rss_mb": max(train_rss, eval_rss)})
                out, _ = timed(["/usr/bin/python3", os.path.join(HERE, "methods_pytorch.py"), "--product",
                                a.product, "--method", method, "--threads", str(a.threads)], env)
                twins.append(json.loads(out))
            rows.append((method, best(runs), best(twins)))
    print("| method | fit s Kensa / PyTorch (ratio) | ms/image Kensa / PyTorch (ratio) | peak RSS MB Kensa / PyTorch |")
    print("|---|---|---|---|")
    for method, k, t in rows:
        print(f"| {method} | {k['fit_seconds']:.1f} / {t['fit_seconds']:.1f} ({t['fit_seconds'] / k['fit_seconds']:.1f}x) "
              f"| {k['ms_per_image']:.1f} / {t['ms_per_image']:.1f} ({t['ms_per_image'] / k['ms_per_image']:.1f}x) "
              f"| {k['peak_rss_mb']:.0f} / {t['peak_rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
