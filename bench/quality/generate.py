#!/usr/bin/python3
"""Generates the quality benchmark's products in MVTec AD layout from real photographs.

    /usr/bin/python3 bench/quality/generate.py --out build/quality-products [--products burlap,coin]

Deterministic: the same seed and counts give the same files. A product whose folder already holds a
finished generation with the same settings is left alone (so run.py can call this every time).

Each normal part is a view of the product (products.py: pose varies per part) with the line's
photometric variation: gain 0.92-1.08, offset +-0.02, a linear lighting gradient of up to +-8 % across
the image, colour balance +-2 % per channel, Gaussian sensor noise sigma 0.4-1.2 % of full scale.

Defects (defects.py) get an intended area log-uniform in [20, 3000] px at 256 px (scaled with the image
area for larger products) and a strength log-uniform in [0.15, 1], so that some are deliberately subtle.

Ground truth and the visibility criterion: the defect is drawn on the clean view; both views get the same
photometric variation (no noise yet); d = max over channels of |defective - clean|, smoothed by a
Gaussian of sigma 0.7 px. The mask is d >= 10/255 within the defect's support, without specks smaller
than 4 px (scaled with image area). A defect counts as visible when its mask has at least 16 px (scaled)
and its mean d over the mask is at least 14/255 and at least 0.4 times the standard deviation of the
clean image around it (its bounding box grown by 8 px): a change smaller than the texture's own
variation would not be seen by an inspector either. A defect failing the criterion is drawn again,
elsewhere and 1.5x stronger (1.5x larger once at full strength), up to 12 times; every defect's numbers are written to defects.csv.
"""
import argparse
import csv
import hashlib
import json
import multiprocessing
import os
import sys
import zlib

import numpy as np
from scipy import ndimage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import defects  # noqa: E402
import products  # noqa: E402
import sources  # noqa: E402

MASK_LEVEL = 10 / 255
VISIBLE_LEVEL = 14 / 255
VISIBLE_TEXTURE_RATIO = 0.4
ATTEMPTS = 12


def line_variation(rng, channels):
    return {"gain": rng.uniform(0.92, 1.08), "offset": rng.uniform(-0.02, 0.02),
            "gradient": rng.uniform(-0.08, 0.08, size=2), "balance": rng.uniform(0.98, 1.02, size=channels),
            "noise": rng.uniform(0.004, 0.012)}


def photometric(image, v):
    h, w = image.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ramp = 1 + v["gradient"][0] * (yy / h - 0.5) * 2 + v["gradient"][1] * (xx / w - 0.5) * 2
    return image * (v["gain"] * ramp)[..., None] * v["balance"] + v["offset"]


def finish(image, v, rng):
    noisy = image + rng.normal(0, v["noise"], size=image.shape).astype(np.float32)
    return np.clip(np.round(noisy * 255), 0, 255).astype(np.uint8)


def perceptible_mask(clean, defective, support, scale):
    d = ndimage.gaussian_filter(np.abs(defective - clean).max(axis=2), 0.7)
    mask = (d >= MASK_LEVEL) & support
    labels, count = ndimage.label(mask)
    if count:
        sizes = ndimage.sum(mask, labels, range(1, count + 1))
        mask = np.isin(labels, 1 + np.nonzero(sizes >= 4 * scale)[0])
    return mask, d


def visibility(clean, mask, d, scale):
    area = int(mask.sum())
    if area == 0:
        return area, 0.0, 0.0, False
    ys, xs = np.nonzero(mask)
    grow = 8
    box = clean[max(ys.min() - grow, 0):ys.max() + grow + 1, max(xs.min() - grow, 0):xs.max() + grow + 1]
    texture = float(sources.grey(box).std())
    contrast = float(d[mask].mean())
    visible = area >= 16 * scale and contrast >= VISIBLE_LEVEL and contrast >= VISIBLE_TEXTURE_RATIO * texture
    return area, contrast, texture, visible


def save(path, pixels):
    import skimage.io

    os.makedirs(os.path.dirname(path), exist_ok=True)
    skimage.io.imsave(path, pixels[..., 0] if pixels.shape[2] == 1 else pixels, check_contrast=False)


def settings_key(args, name):
    return json.dumps({"product": name, "seed": args.seed, "train": args.train, "test_good": args.test_good,
                       "per_defect": args.per_defect, "generator": generator_digest()}, sort_keys=True)


def generator_digest():
    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256()
    for f in ("generate.py", "defects.py", "products.py", "sources.py"):
        with open(os.path.join(here, f), "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


def generate_product(job):
    args, name = job
    root = os.path.join(args.out, name)
    stamp = os.path.join(root, ".generated")
    key = settings_key(args, name)
    if os.path.exists(stamp) and open(stamp).read() == key:
        return name, "up to date"
    if os.path.exists(root):
        import shutil

        shutil.rmtree(root)
    product = products.product(name)
    rng = np.random.default_rng([args.seed, zlib.crc32(name.encode())])
    channels = 1 if product.grey else 3
    foreign = [sources.grey(f) if product.grey else (np.repeat(f, 3, 2) if f.shape[2] == 1 else f)
               for f in products.foreign_textures(name)]
    scale = (product.size / 256) ** 2

    def normal_view():
        image, object_mask, background = product.view(rng)
        if product.grey:
            image = sources.grey(image)
            background = None if background is None else sources.grey(background)
        return image.astype(np.float32), object_mask, background

    for split, count in (("train", args.train), ("test", args.test_good)):
        for i in range(count):
            image, _, _ = normal_view()
            v = line_variation(rng, channels)
            save(os.path.join(root, split, "good", f"{i:03d}.png"), finish(photometric(image, v), v, rng))

    rows = []
    for kind in product.defects:
        draw = defects.CATALOGUE[kind]
        for i in range(args.per_defect):
            area = float(np.exp(rng.uniform(np.log(20), np.log(3000)))) * scale
            strength = float(np.exp(rng.uniform(np.log(0.15), 0)))
            for attempt in range(ATTEMPTS):
                image, object_mask, background = normal_view()
                scene = products.Scene(image.shape[:2], object_mask, background, foreign)
                defective, support = draw(image, scene, rng, area, strength)
                v = line_variation(rng, channels)
                clean_seen, defective_seen = photometric(image, v), photometric(defective, v)
                mask, d = perceptible_mask(clean_seen, defective_seen, support, scale)
                seen_area, contrast, texture, visible = visibility(clean_seen, mask, d, scale)
                if visible:
                    break
                if strength >= 1.0:
                    area *= 1.5
                strength = min(1.0, strength * 1.5)
            stem = f"{i:03d}"
            save(os.path.join(root, "test", kind, stem + ".png"), finish(defective_seen, v, rng))
            save(os.path.join(root, "ground_truth", kind, stem + "_mask.png"), (mask[..., None] * 255).astype(np.uint8))
            rows.append({"image": f"test/{kind}/{stem}.png", "type": kind, "intended_area": round(area),
                         "mask_area": seen_area, "strength": round(strength, 3), "contrast": round(contrast * 255, 1),
                         "texture_std": round(texture * 255, 1), "attempts": attempt + 1, "visible": int(visible)})

    with open(os.path.join(root, "defects.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with open(os.path.join(root, "README.txt"), "w") as f:
        f.write(f"Kensa quality benchmark product '{name}': {product.surface}.\n"
                f"Generated by bench/quality/generate.py (seed {args.seed}); layout MVTec AD.\n"
                f"Defect types: {', '.join(product.defects)}. See defects.csv for every defect's size and "
                f"contrast, and generate.py for the visibility criterion.\n")
    with open(stamp, "w") as f:
        f.write(key)
    invisible = sum(1 - r["visible"] for r in rows)
    return name, f"{len(rows)} defects, {invisible} below the visibility criterion after {ATTEMPTS} draws"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder that receives one sub-folder per product")
    parser.add_argument("--products", default=",".join(products.PRODUCTS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--train", type=int, default=60, help="normal training images per product")
    parser.add_argument("--test-good", type=int, default=20, help="normal test images per product")
    parser.add_argument("--per-defect", type=int, default=8, help="test images per defect type")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    names = [n for n in args.products.split(",") if n]
    for n in names:
        if n not in products.PRODUCTS:
            parser.error(f"unknown product '{n}' (known: {', '.join(products.PRODUCTS)})")
    with multiprocessing.Pool(min(args.jobs, len(names))) as pool:
        for name, status in pool.imap_unordered(generate_product, [(args, n) for n in names]):
            print(f"{name}: {status}", flush=True)


if __name__ == "__main__":
    main()
