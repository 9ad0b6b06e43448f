"""A large-image product in MVTec AD layout: 4096 x 3000 camera frames of a stone surface with defects of
10 x 10 pixels, the case tiling exists for (squeezed to a 224 px input, such a defect is half a pixel).

The surface is GIMP's seamless `Stone/stone33` pattern (gimp-data; nothing downloaded), enlarged 2x and
repeated. Normal variation as on a line: the frame shifts (any offset of the pattern), gain 0.92-1.08, a
lighting gradient up to +-6 % across the frame, sensor noise 0.5-1 % of full scale. Defects: a dark or a
bright spot, a disc 10 px across, at least 0.25 darker/brighter than the surface around it (visible at 1:1);
the mask is the disc. Written as JPEG (quality 95), as many line cameras' PCs store frames; the same seed
gives the same files.

    /usr/bin/python3 bench/tiling/generate.py --out build/tiling/stone            # the 12-megapixel product
    /usr/bin/python3 bench/tiling/generate.py --out build/tiling/frames --frames-only --size 5184x3888
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "quality"))
import sources  # noqa: E402

DEFECT_TYPES = ("dark_spot", "bright_spot")
DEFECT_DIAMETER = 10


def surface_pattern():
    pattern = sources.gimp_pattern("Stone/stone33")  # 156 x 156, seamless
    return np.repeat(np.repeat(pattern, 2, axis=0), 2, axis=1)  # 312 px period


def normal_frame(pattern, width, height, rng):
    ph, pw = pattern.shape[:2]
    reps = (height // ph + 2, width // pw + 2, 1)
    oy, ox = rng.integers(0, ph), rng.integers(0, pw)
    frame = np.tile(pattern, reps)[oy:oy + height, ox:ox + width].astype(np.float32)
    frame *= rng.uniform(0.92, 1.08)
    angle = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = (np.cos(angle) * (xx / width - 0.5) + np.sin(angle) * (yy / height - 0.5)) * rng.uniform(-0.12, 0.12)
    frame *= (1.0 + ramp)[..., None]
    frame += rng.normal(0.0, rng.uniform(0.005, 0.01), frame.shape).astype(np.float32)
    return np.clip(frame, 0.0, 1.0)


def add_spot(frame, kind, rng):
    height, width = frame.shape[:2]
    r = DEFECT_DIAMETER / 2.0
    cy = rng.uniform(r + 8, height - r - 8)
    cx = rng.uniform(r + 8, width - r - 8)
    y0, x0 = int(cy - r) - 1, int(cx - r) - 1
    yy, xx = np.mgrid[y0:y0 + DEFECT_DIAMETER + 2, x0:x0 + DEFECT_DIAMETER + 2]
    disc = ((yy + 0.5 - cy) ** 2 + (xx + 0.5 - cx) ** 2) <= r * r
    patch = frame[y0:y0 + DEFECT_DIAMETER + 2, x0:x0 + DEFECT_DIAMETER + 2]
    local = float(patch.mean())
    target = max(0.0, local - 0.3) if kind == "dark_spot" else min(1.0, local + 0.3)
    patch[disc] = target + rng.normal(0.0, 0.01, (int(disc.sum()), patch.shape[2]))
    mask = np.zeros((height, width), np.uint8)
    mask[y0:y0 + DEFECT_DIAMETER + 2, x0:x0 + DEFECT_DIAMETER + 2][disc] = 255
    return np.clip(frame, 0.0, 1.0), mask


def write_image(path, pixels):
    import skimage.io

    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = (pixels * 255.0 + 0.5).astype(np.uint8)
    if path.endswith(".jpg"):
        skimage.io.imsave(path, data, quality=95, check_contrast=False)
    else:
        skimage.io.imsave(path, data, check_contrast=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="product folder (or frames folder with --frames-only)")
    parser.add_argument("--size", default="4096x3000", help="WIDTHxHEIGHT")
    parser.add_argument("--train", type=int, default=16)
    parser.add_argument("--test-good", type=int, default=6)
    parser.add_argument("--per-defect", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--frames-only", action="store_true",
                        help="only --test-good defective frames in OUT (for timing inspection at a size)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    pattern = surface_pattern()
    rng = np.random.default_rng(args.seed)
    if args.frames_only:
        for i in range(args.test_good):
            frame, _ = add_spot(normal_frame(pattern, width, height, rng), DEFECT_TYPES[i % 2], rng)
            write_image(os.path.join(args.out, f"{i:03d}.jpg"), frame)
        return
    for i in range(args.train):
        write_image(os.path.join(args.out, "train/good", f"{i:03d}.jpg"), normal_frame(pattern, width, height, rng))
    for i in range(args.test_good):
        write_image(os.path.join(args.out, "test/good", f"{i:03d}.jpg"), normal_frame(pattern, width, height, rng))
    for kind in DEFECT_TYPES:
        for i in range(args.per_defect):
            frame, mask = add_spot(normal_frame(pattern, width, height, rng), kind, rng)
            write_image(os.path.join(args.out, "test", kind, f"{i:03d}.jpg"), frame)
            write_image(os.path.join(args.out, "ground_truth", kind, f"{i:03d}_mask.png"), mask)
    print(f"{args.out}: {args.train} train, {args.test_good} good and {args.per_defect} x {len(DEFECT_TYPES)} "
          f"defective test frames of {width} x {height}")


if __name__ == "__main__":
    main()
