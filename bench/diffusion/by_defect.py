#!/usr/bin/python3
"""Where a variant of the quality benchmark loses to another, per defect type: AU-PRO of both beside the
defect type's median size and contrast (from each product's defects.csv), and how the gap follows size.

    /usr/bin/python3 bench/diffusion/by_defect.py --work build/quality [--variant diffusion]
        [--baseline patchcore] [--resolution 64] [--markdown out.md]
        [--ablation ROWS.json ... --setting "alpha 1, t 50"]

Reads what bench/quality/run.py wrote (WORK/results/PRODUCT/VARIANT.json, per_defect_type) and the
products' defects.csv (mask_area: the defect's pixels in the product's image; contrast: its mean grey-level
difference to the surroundings). --resolution converts each area to pixels at the side the variant sees
(the diffusion denoiser's 64 px): what is left of a defect after downscaling. With --ablation and --setting,
the variant's side is that setting's rows of bench/diffusion/ablation.py's --json files instead.
"""
import argparse
import csv
import json
import os
import statistics
import sys

from PIL import Image

METRICS = ("aupro", "pixel_auroc", "image_auroc")


def load_result(work, product, variant):
    path = os.path.join(work, "results", product, variant + ".json")
    if not os.path.exists(path):
        return None
    return json.load(open(path))["result"]


def defect_types(product_dir):
    """type -> (median mask area in pixels, median contrast) and the product's image side."""
    rows = list(csv.DictReader(open(os.path.join(product_dir, "defects.csv"))))
    with Image.open(os.path.join(product_dir, rows[0]["image"])) as image:
        side = max(image.size)
    types = {}
    for name in sorted({r["type"] for r in rows}):
        chosen = [r for r in rows if r["type"] == name]
        types[name] = (statistics.median(float(r["mask_area"]) for r in chosen),
                       statistics.median(float(r["contrast"]) for r in chosen))
    return types, side


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    for rank, i in enumerate(order):
        out[i] = float(rank)
    return out


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    num = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    den = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return num / den if den else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", required=True)
    parser.add_argument("--variant", default="diffusion")
    parser.add_argument("--baseline", default="patchcore")
    parser.add_argument("--resolution", type=int, default=64, help="the side the variant sees the image at")
    parser.add_argument("--markdown")
    parser.add_argument("--ablation", nargs="*", default=[], help="JSON rows written by ablation.py --json")
    parser.add_argument("--setting", help="the ablation rows' variant label to read, e.g. 'alpha 1, t 50'")
    args = parser.parse_args()
    ablated = {}
    for path in args.ablation:
        for row in json.load(open(path)):
            if row["variant"] == args.setting:
                ablated[row["product"]] = row
    label = f"{args.variant} ({args.setting})" if args.setting else args.variant

    rows = []  # (product, type, area px at resolution, contrast, variant metrics, baseline metrics)
    products_dir = os.path.join(args.work, "products")
    for product in sorted(os.listdir(products_dir)):
        ours = ablated.get(product) if args.setting else load_result(args.work, product, args.variant)
        theirs = load_result(args.work, product, args.baseline)
        if ours is None or theirs is None:
            continue
        types, side = defect_types(os.path.join(products_dir, product))
        scale = (args.resolution / side) ** 2
        for name, (area, contrast) in types.items():
            a, b = ours["per_defect_type"].get(name), theirs["per_defect_type"].get(name)
            if a and b:
                rows.append((product, name, area * scale, contrast, a, b))
    if not rows:
        sys.exit("no product has results of both variants")

    rows.sort(key=lambda r: r[2])
    lines = [f"| product | defect type | median area at {args.resolution} px | median contrast | "
             f"{label} AU-PRO | {args.baseline} AU-PRO | gap |", "|---|---|---|---|---|---|---|"]
    for product, name, area, contrast, a, b in rows:
        lines.append(f"| {product} | {name} | {area:.1f} | {contrast:.0f} | {100 * a['aupro']:.1f} | "
                     f"{100 * b['aupro']:.1f} | {100 * (a['aupro'] - b['aupro']):+.1f} |")
    gaps = [100 * (r[4]["aupro"] - r[5]["aupro"]) for r in rows]
    areas = [r[2] for r in rows]
    contrasts = [r[3] for r in rows]
    half = len(rows) // 2
    summary = [
        "",
        f"{len(rows)} defect types of {len({r[0] for r in rows})} products. AU-PRO gap ({label} - {args.baseline}):",
        f"- the smaller half (median area at {args.resolution} px up to {areas[half - 1]:.1f} px): "
        f"mean {statistics.mean(gaps[:half]):+.1f}; {label} mean {statistics.mean(100 * r[4]['aupro'] for r in rows[:half]):.1f}",
        f"- the larger half: mean {statistics.mean(gaps[half:]):+.1f}; "
        f"{label} mean {statistics.mean(100 * r[4]['aupro'] for r in rows[half:]):.1f}",
        f"- rank correlation (Spearman) of the gap with area {spearman(gaps, areas):+.2f}, with contrast "
        f"{spearman(gaps, contrasts):+.2f}; of {label}'s AU-PRO with area "
        f"{spearman([r[4]['aupro'] for r in rows], areas):+.2f}, with contrast "
        f"{spearman([r[4]['aupro'] for r in rows], contrasts):+.2f}",
    ]
    by_name = {}
    for r, gap in zip(rows, gaps):
        by_name.setdefault(r[1], []).append((gap, 100 * r[4]["aupro"], 100 * r[5]["aupro"]))
    summary += ["", f"| defect type (all products) | products | {label} AU-PRO | {args.baseline} AU-PRO | gap |",
                "|---|---|---|---|---|"]
    for name, values in sorted(by_name.items(), key=lambda kv: statistics.mean(v[0] for v in kv[1])):
        summary.append(f"| {name} | {len(values)} | {statistics.mean(v[1] for v in values):.1f} | "
                       f"{statistics.mean(v[2] for v in values):.1f} | {statistics.mean(v[0] for v in values):+.1f} |")
    text = "\n".join(lines + summary)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
