#!/usr/bin/python3
"""One-class classification of tiny images: every variant through `kensa-cli one-class` on Fashion-MNIST
(scripts/prepare_tiny_datasets.sh puts it in <build>/data/), one table per class with published results.

    /usr/bin/python3 bench/one_class/run.py --cli build/app/cli/kensa-cli --data build/data \\
        --work build/one-class [--threads 2] [--variants adtr,padim] [--markdown table.md]

Each variant's JSON is kept in --work/<variant>.json and reused while its options are unchanged
(--fresh recomputes). The ADTR variants use 3,000 training images per class and 5 epochs: the whole
protocol then takes ~33 minutes per ADTR variant on two cores; the reference methods train on every
training image of the class.
"""
import argparse
import json
import os
import subprocess
import sys

VARIANTS = {  # name -> kensa-cli one-class options (besides --data, --format and --threads)
    "adtr": "--method adtr --max-train 3000 --epochs 5",
    "adtr+mnist": "--method adtr --max-train 3000 --epochs 5 --outliers {data}/mnist",
    "patchcore": "--method patchcore --max-train 0",
    "padim": "--method padim --max-train 0",
    "spade": "--method spade --max-train 0",
}

# Published one-class image AUROC on Fashion-MNIST (%), per class 0-9 and mean. Second-hand: both rows
# as tabulated by Shi & Zhang, "AGAD: Adversarial Generative Anomaly Detection" (2023), Table 1 (GEOM's
# numbers there are taken from Cheng et al. 2020, ARNet's from Ye et al. 2022).
PUBLISHED = {
    "GEOM (Golan & El-Yaniv 2018)": [99.4, 97.6, 91.1, 89.9, 92.1, 93.4, 83.3, 98.9, 90.8, 99.2, 93.5],
    "ARNet (Ye et al. 2022)": [92.7, 99.3, 89.1, 93.6, 90.8, 93.1, 85.0, 98.4, 97.8, 98.4, 93.9],
}


def run_variant(args, name):
    path = os.path.join(args.work, f"{name}.json")
    options = VARIANTS[name].format(data=args.data)
    meta_path = path + ".options"
    if not args.fresh and os.path.exists(path) and os.path.exists(meta_path):
        with open(meta_path) as f:
            if f.read() == options:
                with open(path) as r:
                    return json.load(r)
    cmd = [args.cli, "one-class", "--data", os.path.join(args.data, "fashion-mnist"), "--format", "idx",
           "--threads", str(args.threads), "--json"] + options.split()
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    result = subprocess.run(cmd, stdout=subprocess.PIPE, check=True)
    with open(path, "wb") as f:
        f.write(result.stdout)
    with open(meta_path, "w") as f:
        f.write(options)
    return json.loads(result.stdout)


def table(results):
    names = [c["name"] for c in next(iter(results.values()))["classes"]]
    head = "| class | " + " | ".join(results) + " | " + " | ".join(PUBLISHED) + " |"
    lines = [head, "|" + "---|" * (1 + len(results) + len(PUBLISHED))]
    for i, name in enumerate(names):
        cells = [f"{100 * r['classes'][i]['image_auroc']:.1f}" for r in results.values()]
        cells += [f"{row[i]:.1f}" for row in PUBLISHED.values()]
        lines.append(f"| {i} {name} | " + " | ".join(cells) + " |")
    cells = [f"**{100 * r['mean_image_auroc']:.2f}**" for r in results.values()]
    cells += [f"**{row[-1]:.1f}**" for row in PUBLISHED.values()]
    lines.append("| mean | " + " | ".join(cells) + " |")
    per_class = lambda r, key: sum(c[key] for c in r["classes"]) / len(r["classes"])  # noqa: E731
    lines.append("| training s / class | " + " | ".join(f"{per_class(r, 'training_seconds'):.1f}" for r in results.values())
                 + " |" + " |" * len(PUBLISHED))
    lines.append("| test images / s | " + " | ".join(f"{per_class(r, 'test_images_per_second'):.0f}" for r in results.values())
                 + " |" + " |" * len(PUBLISHED))
    lines.append("| protocol minutes | " + " | ".join(f"{r['seconds'] / 60:.1f}" for r in results.values())
                 + " |" + " |" * len(PUBLISHED))
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cli", required=True)
    p.add_argument("--data", required=True, help="the folder holding fashion-mnist/ and mnist/")
    p.add_argument("--work", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--variants", default=",".join(VARIANTS))
    p.add_argument("--fresh", action="store_true")
    p.add_argument("--markdown")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    results = {name: run_variant(args, name) for name in args.variants.split(",")}
    text = table(results)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
