#!/usr/bin/python3
"""A contact sheet of generated products, to check by eye that parts look real and defects visible:
one row per product (4 normal parts, then one part per defect type with its mask outlined in red).

    /usr/bin/python3 bench/quality/preview.py --data build/quality-products --out preview.png
"""
import argparse
import glob
import os

import numpy as np
import skimage.io
from scipy import ndimage
from skimage.transform import resize

TILE = 160


def tile(path, mask_path=None):
    image = skimage.io.imread(path)
    if image.ndim == 2:
        image = np.stack([image] * 3, -1)
    image = resize(image[..., :3], (TILE, TILE), anti_aliasing=True)
    if mask_path:
        mask = resize(skimage.io.imread(mask_path) > 127, (TILE, TILE)) > 0.5
        outline = ndimage.binary_dilation(mask, iterations=1) & ~mask
        image[outline] = (1, 0, 0)
    return image


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--products", default="")
    parser.add_argument("--index", type=int, default=0, help="which defect image of each type")
    args = parser.parse_args()
    names = args.products.split(",") if args.products else sorted(
        d for d in os.listdir(args.data) if os.path.isdir(os.path.join(args.data, d, "train")))
    rows = []
    for name in names:
        root = os.path.join(args.data, name)
        cells = [tile(p) for p in sorted(glob.glob(os.path.join(root, "train/good/*.png")))[:4]]
        for kind in sorted(os.listdir(os.path.join(root, "test"))):
            if kind == "good":
                continue
            images = sorted(glob.glob(os.path.join(root, "test", kind, "*.png")))
            path = images[min(args.index, len(images) - 1)]
            stem = os.path.splitext(os.path.basename(path))[0]
            cells.append(tile(path, os.path.join(root, "ground_truth", kind, stem + "_mask.png")))
        while len(cells) < 9:
            cells.append(np.ones((TILE, TILE, 3)))
        rows.append(np.concatenate([np.pad(c, ((2, 2), (2, 2), (0, 0)), constant_values=1) for c in cells], 1))
    skimage.io.imsave(args.out, (np.concatenate(rows, 0) * 255).astype(np.uint8), check_contrast=False)


if __name__ == "__main__":
    main()
