#!/usr/bin/python3
"""The diffusion denoiser's inspection-time ablations on trained models: the ensemble weight alpha
(0 = feature term only, 1 = KL term only) and the start step t the test image is noised to.

    /usr/bin/python3 bench/diffusion/ablation.py --cli build/app/cli/kensa-cli \
        --model PRODUCT_DIR=MODEL.kensa [--model ...] [--alphas 0,0.5,1] [--starts 50,100,200,300,400] \
        [--pairs 1:50,1:100] [--threads 2] [--markdown out.md] [--json out.json]

Both are inspection settings: a model keeps its terms' statistics for several start steps (diffusion_method.cpp,
kCalibratedStarts), so each variant is the trained model with its "alpha" or "start_step" rewritten in the
bundle's description (a copy in a temporary folder), evaluated with `kensa-cli eval --json` on the product's
test split (leaving out what the model's record says it trained on or set aside). The UNet is the same in
every variant, so the table isolates the setting.
"""
import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile


METRICS = ("image_auroc", "pixel_auroc", "aupro")


def rewrite_settings(source, target, **changes):
    """Copies a .kensa bundle (safetensors with Kensa's JSON description in the header's metadata) with
    some of the method's settings changed; tensor offsets are relative to the data, so they stay valid."""
    with open(source, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    model = json.loads(header["__metadata__"]["model"])
    model["settings"].update(changes)
    header["__metadata__"]["model"] = json.dumps(model, separators=(",", ":"))
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(target, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        f.write(data)


def evaluate(cli, model, product, threads):
    out = subprocess.run([cli, "eval", "--model", model, "--data", product, "--json", "--threads", str(threads)],
                         check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    overall = report["overall"]
    return {"image_auroc": 100 * overall["image_auroc"], "pixel_auroc": 100 * overall["pixel_auroc"],
            "aupro": 100 * overall["aupro"], "ms_per_image": report["inference_ms_per_image"],
            "per_defect_type": report.get("per_defect_type", {})}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--model", action="append", required=True, help="PRODUCT_DIR=MODEL.kensa")
    parser.add_argument("--alphas", default="0,0.5,1")
    parser.add_argument("--starts", default="50,100,200,300,400")
    parser.add_argument("--pairs", default="", help="ALPHA:START,...: variants that change both")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--markdown")
    parser.add_argument("--json", help="also write every row (product, variant, metrics) to this file")
    args = parser.parse_args()

    alphas = [float(a) for a in args.alphas.split(",") if a]
    starts = [int(t) for t in args.starts.split(",") if t]
    pairs = [(float(a), int(t)) for a, _, t in (p.partition(":") for p in args.pairs.split(",") if p)]
    rows = []  # (product, variant, metrics)
    with tempfile.TemporaryDirectory() as tmp:
        for pair in args.model:
            product, _, model = pair.partition("=")
            name = os.path.basename(os.path.normpath(product))
            with open(model, "rb") as f:
                (n,) = struct.unpack("<Q", f.read(8))
                settings = json.loads(json.loads(f.read(n))["__metadata__"]["model"])["settings"]
            variants = [(f"alpha {a:g}, t {settings['start_step']}", {"alpha": a}) for a in alphas]
            variants += [(f"alpha {settings['alpha']:g}, t {t}", {"start_step": t}) for t in starts
                         if t != settings["start_step"]]
            variants += [(f"alpha {a:g}, t {t}", {"alpha": a, "start_step": t}) for a, t in pairs]
            for label, change in variants:
                path = os.path.join(tmp, "variant.kensa")
                rewrite_settings(model, path, **change)
                metrics = evaluate(args.cli, path, product, args.threads)
                rows.append((name, label, metrics))
                print(f"{name:12s} {label:22s} " + " ".join(f"{metrics[k]:6.1f}" for k in
                      ("image_auroc", "pixel_auroc", "aupro")) + f"  {metrics['ms_per_image']:.0f} ms/image",
                      flush=True)

    labels = list(dict.fromkeys(label for _, label, _ in rows))
    lines = ["| variant | image AUROC | pixel AUROC | AU-PRO@0.3 | ms/image | products |", "|---|---|---|---|---|---|"]
    for label in labels:
        chosen = [m for _, l, m in rows if l == label]
        mean = {k: sum(m[k] for m in chosen) / len(chosen) for k in METRICS + ("ms_per_image",)}
        lines.append(f"| {label} | {mean['image_auroc']:.1f} | {mean['pixel_auroc']:.1f} | {mean['aupro']:.1f} | "
                     f"{mean['ms_per_image']:.0f} | {len(chosen)} |")
    table = "\n".join(lines)
    print(table)
    if args.json:
        with open(args.json, "w") as f:
            json.dump([{"product": p, "variant": l, **m} for p, l, m in rows], f, indent=1)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    sys.exit(main())
