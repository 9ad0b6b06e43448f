#!/usr/bin/python3
"""End-to-end runs of kensa-cli on the sample product: train, evaluate, infer; one Markdown row per run.

    bench/adtr/end_to_end.py --build build [--work /tmp/kensa-e2e] [--runs FILE] [--infer]
                             [--label NAME -- TRAIN FLAGS...]

Each run trains with the given `kensa-cli train` flags (the defaults when none), then evaluates on the
test split and reports image AUROC, pixel AUROC, AU-PRO@0.3, the training time (backbone features +
transformer epochs) and per epoch, and the peak RSS of the training process. --runs FILE reads one run per
line, "label: flags" (lines starting with # are skipped): that is how the ablation and the tuning tables in
docs/benchmarks.md were made. --infer also times `kensa-cli infer` over the test images with batch 1 and
batch 8 (the model alone, file decoding and writing excluded) and its peak RSS.
"""
import argparse
import json
import shlex
import struct
import subprocess
import sys
from pathlib import Path


def run_measured(cmd):
    """Runs cmd; returns (stdout, stderr); exits with its stderr when it fails."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return proc.stdout, proc.stderr


def timed(cmd):
    """Runs cmd under GNU time; returns (stdout, peak RSS MB)."""
    out, err = run_measured(["/usr/bin/time", "-f", "KENSA_MAXRSS_KB=%M"] + cmd)
    rss = [line for line in err.splitlines() if line.startswith("KENSA_MAXRSS_KB=")]
    return out, int(rss[-1].split("=")[1]) / 1024.0


def training_json(model: Path):
    raw = model.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    meta = json.loads(raw[8:8 + n])["__metadata__"]
    return json.loads(meta["model"])["training"]


def percent(v):
    return "n/a" if v is None else f"{100 * v:.1f}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default="build")
    p.add_argument("--work", default="/tmp/kensa-e2e")
    p.add_argument("--runs", help="file with one 'label: train flags' per line")
    p.add_argument("--label", default="defaults")
    p.add_argument("--infer", action="store_true", help="also time kensa-cli infer (batch 1 and 8)")
    p.add_argument("flags", nargs=argparse.REMAINDER, help="train flags after --")
    a = p.parse_args()

    cli = str(Path(a.build) / "app" / "cli" / "kensa-cli")
    work = Path(a.work)
    product = work / "sample"
    if not (product / "train").is_dir():
        subprocess.run([cli, "sample", "--out", str(product)], check=True, capture_output=True)

    runs = []
    if a.runs:
        for line in Path(a.runs).read_text().splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                label, _, flags = line.partition(":")
                runs.append((label.strip(), shlex.split(flags)))
    else:
        runs.append((a.label, [f for f in a.flags if f != "--"]))

    print("| run | train flags | mode | image AUROC | pixel AUROC | AU-PRO | test images (excluded) | train s "
          "| s/epoch | train RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, flags in runs:
        model = work / f"{label}.kensa"
        _, train_rss = timed([cli, "train", "--data", str(product), "--out", str(model)] + flags)
        info = training_json(model)
        epochs = info["epochs"]
        seconds = info["feature_seconds"] + info["training_seconds"]
        out, _ = run_measured([cli, "eval", "--model", str(model), "--data", str(product), "--json"])
        report = json.loads(out)
        overall = report["overall"]
        tested = overall["good_images"] + overall["defect_images"]
        excluded = report.get("excluded_training_images", 0)
        print(f"| {label} | `{' '.join(flags) or '(defaults)'}` | {info.get('mode', 'normal-only')} "
              f"| {percent(overall['image_auroc'])} "
              f"| {percent(overall['pixel_auroc'])} | {percent(overall['aupro'])} | {tested} ({excluded}) "
              f"| {seconds:.0f} "
              f"| {info['training_seconds'] / epochs:.2f} | {train_rss:.0f} |", flush=True)

    if a.infer:
        model = work / f"{runs[-1][0]}.kensa"
        print("\n| infer batch | ms/image (model only) | peak RSS MB |")
        print("|---|---|---|")
        for batch in (1, 8):
            out, rss = timed([cli, "infer", "--model", str(model), "--input", str(product / "test"),
                              "--out", str(work / f"maps_b{batch}"), "--batch", str(batch)])
            ms = [line for line in out.splitlines() if line.startswith("inference ")][-1].split()[1]
            print(f"| {batch} | {ms} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
