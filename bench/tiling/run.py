"""Tiled inspection of large images: quality on the 12-megapixel stone product (10-pixel spots), and speed
and memory at 5 and 20 megapixels.

1. `kensa-cli compare` trains each variant (tiled and whole-image) and evaluates it on the same test frames.
2. For each tiled model, `kensa-cli infer` on the defective test frames: a spot counts as found when the
   map's highest value lies within 20 px of it (a user looking at the heatmap sees it there).
3. `kensa-cli infer` of three frames at 5 and at 20 megapixels under /usr/bin/time: ms per image and per
   megapixel (the model alone, as infer reports it) and the peak RSS of the whole process.

    /usr/bin/python3 bench/tiling/run.py --cli build/app/cli/kensa-cli --work build/tiling \\
        --variant "patchcore-tiled=--method patchcore --smallest-defect 10" --variant "patchcore-whole=--method patchcore"
"""
import argparse
import os
import re
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, **kwargs):
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def generate(work):
    product = os.path.join(work, "stone")
    if not os.path.isdir(product):
        run([sys.executable, os.path.join(HERE, "generate.py"), "--out", product])
    frames = {}
    for label, size in (("5 MP", "2592x1944"), ("20 MP", "5184x3888")):
        folder = os.path.join(work, "frames-" + size)
        if not os.path.isdir(folder):
            run([sys.executable, os.path.join(HERE, "generate.py"), "--out", folder, "--frames-only", "--size", size,
                 "--test-good", "3"])
        frames[label] = (folder, size)
    return product, frames


def found_share(cli, model, product, threads):
    """Share of defective test frames whose map peaks within 20 px of the spot."""
    import skimage.io

    out = os.path.join(os.path.dirname(model), "maps-" + os.path.basename(model))
    found = total = 0
    for kind in sorted(os.listdir(os.path.join(product, "test"))):
        if kind == "good":
            continue
        run([cli, "infer", "--model", model, "--input", os.path.join(product, "test", kind), "--out",
             os.path.join(out, kind), "--threads", str(threads)])
        for name in sorted(os.listdir(os.path.join(product, "test", kind))):
            stem = os.path.splitext(name)[0]
            heat = skimage.io.imread(os.path.join(out, kind, stem + ".tiff"))
            mask = skimage.io.imread(os.path.join(product, "ground_truth", kind, stem + "_mask.png"))
            py, px = np.unravel_index(np.argmax(heat), heat.shape)
            ys, xs = np.nonzero(mask)
            found += bool(np.min(np.hypot(ys - py, xs - px)) <= 20)
            total += 1
    return found, total


def speed(cli, model, folder, threads):
    r = subprocess.run(["/usr/bin/time", "-f", "peak_rss_kb %M", cli, "infer", "--model", model, "--input", folder,
                        "--out", folder + "-maps", "--threads", str(threads), "--batch", "8"],
                       check=True, text=True, capture_output=True)
    ms = float(re.search(r"inference ([\d.]+) ms/image", r.stdout).group(1))
    rss = int(re.search(r"peak_rss_kb (\d+)", r.stderr).group(1)) / 1024.0
    return ms, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--variant", action="append", required=True, help='NAME="kensa-cli train options"')
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    product, frames = generate(args.work)
    models = os.path.join(args.work, "models")
    cmd = [args.cli, "compare", "--data", product, "--threads", str(args.threads), "--out-dir", models]
    for v in args.variant:
        cmd += ["--variant", v]
    table = run(cmd).stdout
    print(table[table.find("model "):])
    for v in args.variant:
        name = v.split("=", 1)[0]
        model = os.path.join(models, name + ".kensa")
        found, total = found_share(args.cli, model, product, args.threads)
        print(f"{name}: the spot is where the map peaks in {found} of {total} defective frames")
        if "tiled" not in name:
            continue
        for label, (folder, size) in frames.items():
            w, h = (int(v) for v in size.split("x"))
            ms, rss = speed(args.cli, model, folder, args.threads)
            print(f"{name} {label} ({size}): {ms:.0f} ms/image, {ms / (w * h / 1e6):.0f} ms/megapixel, "
                  f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
