#!/usr/bin/python3
"""Independent reference for tests/metrics/test_reference.cpp: image and pixel AUROC with scikit-learn,
AU-PRO with NumPy/SciPy written from the MVTec AD definition.

Usage: reference_metrics.py CASE_DIR...  Each CASE_DIR holds meta.txt (one line per image:
"name defect_type score height width has_mask"), map_<i>.bin (float32, row-major) and mask_<i>.bin (uint8,
nonzero = defect). Writes CASE_DIR/reference.txt with lines "<set> <metric> <value>", set being "all" or a
defect type (that type's images plus all good images).
"""
import math
import sys
from pathlib import Path

import numpy as np
from scipy import ndimage
from sklearn.metrics import roc_auc_score

FPR_LIMIT = 0.3


def auroc(labels, scores):
    labels = np.asarray(labels)
    if labels.size == 0 or labels.min() == labels.max():
        return math.nan
    return roc_auc_score(labels, scores)


def aupro(maps, masks, limit=FPR_LIMIT):
    """Threshold by threshold: for every distinct score t (descending), FPR(t) over all defect-free pixels
    and PRO(t) as the mean over 8-connected ground-truth regions of the fraction scoring >= t."""
    regions, normal = [], []
    for score_map, mask in zip(maps, masks):
        labelled, count = ndimage.label(mask != 0, structure=np.ones((3, 3), dtype=int))
        normal.append(score_map[labelled == 0])
        for k in range(1, count + 1):
            regions.append(np.sort(score_map[labelled == k]))
    normal = np.sort(np.concatenate(normal)) if normal else np.zeros(0, np.float32)
    if not regions or normal.size == 0:
        return math.nan
    thresholds = np.unique(np.concatenate([normal] + regions))[::-1]
    fpr = (normal.size - np.searchsorted(normal, thresholds, side="left")) / normal.size
    pro = np.mean([(r.size - np.searchsorted(r, thresholds, side="left")) / r.size for r in regions], axis=0)
    fpr = np.concatenate([[0.0], fpr])
    pro = np.concatenate([[0.0], pro])

    inside = fpr <= limit
    area = np.trapz(pro[inside], fpr[inside])
    cut = np.searchsorted(fpr, limit, side="right")  # first point beyond the limit
    if cut < fpr.size and fpr[cut - 1] < limit:
        x0, y0, x1, y1 = fpr[cut - 1], pro[cut - 1], fpr[cut], pro[cut]
        y_cut = y0 + (y1 - y0) * (limit - x0) / (x1 - x0)
        area += (limit - x0) * (y0 + y_cut) / 2
    return area / limit


def load(case):
    images = []
    for i, line in enumerate((case / "meta.txt").read_text().splitlines()):
        name, defect_type, score, height, width, has_mask = line.split()
        shape = (int(height), int(width))
        score_map = np.fromfile(case / f"map_{i}.bin", dtype=np.float32).reshape(shape)
        if has_mask == "1":
            mask = np.fromfile(case / f"mask_{i}.bin", dtype=np.uint8).reshape(shape)
        else:
            mask = np.zeros(shape, np.uint8)
        images.append((defect_type, np.float32(score), score_map, mask))
    return images


def evaluate(images):
    labels = [0 if t == "good" else 1 for t, _, _, _ in images]
    scores = [s for _, s, _, _ in images]
    pixel_labels = np.concatenate([(m != 0).ravel() for _, _, _, m in images]).astype(np.uint8)
    pixel_scores = np.concatenate([a.ravel() for _, _, a, _ in images])
    return {
        "image_auroc": auroc(labels, scores),
        "pixel_auroc": auroc(pixel_labels, pixel_scores),
        "aupro": aupro([a for _, _, a, _ in images], [m for _, _, _, m in images]),
    }


def main():
    for case in map(Path, sys.argv[1:]):
        images = load(case)
        sets = {"all": images}
        for defect_type in sorted({t for t, _, _, _ in images} - {"good"}):
            sets[defect_type] = [im for im in images if im[0] in ("good", defect_type)]
        lines = []
        for set_name, subset in sets.items():
            for metric, value in evaluate(subset).items():
                lines.append(f"{set_name} {metric} {value!r}")
        (case / "reference.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
