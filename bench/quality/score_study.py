"""Anomaly scores other than ADTR's, on what a trained ADTR model sees and rebuilds.

For a product of the quality benchmark and an ADTR model trained on it (run.py --keep-models), dumps the
model's standardised feature grids and reconstructions of the test and training images
(build/bench/adtr/dump_reconstruction), then scores the test images with each rule, through Kensa's
post-processing (position normalisation or not, bilinear to 224 px, Gaussian sigma 4, 16 px pooled maximum
as the image score, bilinear to the image's size), and prints image AUROC, pixel AUROC and AU-PRO@0.3 on the
test images the benchmark evaluates (the first 3 defect images of each type are set aside).

    /usr/bin/python3 bench/quality/score_study.py --build build --work build/quality --products coin,gravel \\
        --variant adtr --rules l2,knn,fuse

The statistics (position mean and spread, kNN memory) come from all training images, where Kensa holds some
out, so a rule's numbers are close to, not equal to, run.py's: `l2` is ADTR's score without the memory term
(`--memory-weight 0`), `fuse3` the default since session 11 (`--memory-weight 3`; its position choice is
the better of the two rows here, picked on held-out images with synthetic defects).
"""
import argparse
import math
import os
import subprocess
import sys

import cv2
import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path[:0] = [os.path.join(ROOT, "tests", "metrics"), os.path.join(ROOT, "tests", "methods")]
from reference_metrics import aupro, auroc  # noqa: E402
from reference_methods import read_safetensors  # noqa: E402
from run import SET_ASIDE_PER_TYPE  # noqa: E402


def read_dump(path):
    tensors, metadata = read_safetensors(path)
    return tensors["features"], tensors["reconstruction"], [line for line in metadata["images"].split("\n") if line]


def knn_distance(features, bank, bank_images=None):
    """Per position, the distance to the nearest memory feature [N, g, g]; with bank_images, a position of
    training image i ignores image i's own features (else every training distance is 0)."""
    n, c, g, _ = features.shape
    queries = features.transpose(0, 2, 3, 1).reshape(-1, c)
    bank_sq = (bank ** 2).sum(1)
    out = np.empty(queries.shape[0], np.float32)
    per_image = g * g
    for begin in range(0, queries.shape[0], per_image * 8):
        q = queries[begin:begin + per_image * 8]
        d2 = (q ** 2).sum(1)[:, None] + bank_sq[None] - 2 * q @ bank.T
        if bank_images is not None:
            own = (begin + np.arange(q.shape[0])) // per_image
            d2[bank_images[None, :] == own[:, None]] = np.inf
        out[begin:begin + q.shape[0]] = np.sqrt(np.maximum(d2.min(1), 0))
    return out.reshape(n, g, g)


class Rules:
    """Score grids [N, g, g] from (features, reconstruction); statistics come from the training dump."""

    def __init__(self, train_features, train_reconstruction):
        n, c, g, _ = train_features.shape
        self.bank = train_features.transpose(0, 2, 3, 1).reshape(-1, c)
        self.bank_images = np.repeat(np.arange(n), g * g)
        self.train = (train_features, train_reconstruction)
        self.train_grids = {}
        self.stages = [slice(0, 24), slice(24, 56), slice(56, c)]  # MobileNetV2's 24 + 32 + 96 channels

    def training_grids(self, rule):
        """The rule's grids of the training images, computed once."""
        if rule not in self.train_grids:
            self.train_grids[rule] = self.grids(rule, *self.train, training=True)
        return self.train_grids[rule]

    def grids(self, rule, features, reconstruction, training=False):
        d = reconstruction - features
        if rule == "l2":  # Kensa's ADTR score
            return np.sqrt((d ** 2).sum(1))
        if rule == "stage_bal":  # every backbone stage weighs the same, whatever its channel count
            return np.sqrt(sum((d[:, s] ** 2).mean(1) for s in self.stages))
        if rule == "cos":  # Dinomaly's: 1 - cosine similarity per stage, averaged
            return np.mean([1 - (features[:, s] * reconstruction[:, s]).sum(1) /
                            (np.linalg.norm(features[:, s], axis=1) * np.linalg.norm(reconstruction[:, s], axis=1) + 1e-8)
                            for s in self.stages], axis=0)
        if rule == "resid_z":  # the difference z-scored per position and channel on the training images
            if not hasattr(self, "resid"):
                train_d = self.train[1] - self.train[0]
                self.resid = (train_d.mean(0), train_d.std(0, ddof=1) + 1e-3)
            return np.sqrt((((d - self.resid[0]) / self.resid[1]) ** 2).mean(1))
        if rule == "knn":  # no reconstruction: the nearest training feature, any position
            return knn_distance(features, self.bank, self.bank_images if training else None)
        if rule.startswith("fuse"):  # l2 and knn, each over its training mean; fuseW weighs knn W times
            w = float(rule[4:] or 1)
            l2_train, knn_train = self.training_grids("l2"), self.training_grids("knn")
            l2, knn = ((l2_train, knn_train) if training else
                       (self.grids("l2", features, reconstruction), self.grids("knn", features, reconstruction)))
            return l2 / l2_train.mean() + w * knn / knn_train.mean()
        if rule.startswith("zfuse"):  # l2 normalised per position + W x knn standardised over all positions:
            w = float(rule[5:] or 1)  # scored with positions "raw" (its l2 part is normalised already)
            mean, std = position_statistics(self.training_grids("l2"))
            knn_train = self.training_grids("knn")
            l2, knn = ((self.training_grids("l2"), knn_train) if training else
                       (self.grids("l2", features, reconstruction), self.grids("knn", features, reconstruction)))
            return (l2 - mean) / std + w * (knn - knn_train.mean()) / knn_train.std()
        raise ValueError(f"unknown rule {rule}")


def position_statistics(grids):
    """As postprocess/position_normalization: per-position mean and sample spread, floored."""
    mean, std = grids.mean(0), grids.std(0, ddof=1)
    return mean, np.maximum(std, 1e-3 + 0.01 * mean.mean())


def to_map(grid, size, sigma=4.0, model_size=224, pool=16):
    """As postprocess/anomaly_map: the model-size map's pooled maximum, and the map at the image's size."""
    m = cv2.resize(grid.astype(np.float32), (model_size, model_size), interpolation=cv2.INTER_LINEAR)
    radius = int(math.ceil(4 * sigma))
    m = cv2.GaussianBlur(m, (2 * radius + 1, 2 * radius + 1), sigma, sigma, borderType=cv2.BORDER_REFLECT)
    pooled = cv2.boxFilter(m, cv2.CV_32F, (pool, pool), normalize=True, borderType=cv2.BORDER_CONSTANT)
    valid = pooled[pool // 2: pool // 2 + model_size - pool + 1, pool // 2: pool // 2 + model_size - pool + 1]
    return cv2.resize(m, size, interpolation=cv2.INTER_LINEAR), float(valid.max())


def evaluated(product, images):
    """The test images the benchmark evaluates, with their masks (None for good ones)."""
    set_aside = set()
    for kind in os.listdir(os.path.join(product, "test")):
        if kind != "good":
            set_aside.update(f"{kind}/{f}" for f in sorted(os.listdir(os.path.join(product, "test", kind)))[:SET_ASIDE_PER_TYPE])
    for i, rel in enumerate(images):
        if rel not in set_aside:
            kind, name = rel.split("/")
            mask = None if kind == "good" else os.path.join(product, "ground_truth", kind, os.path.splitext(name)[0] + "_mask.png")
            yield i, rel, mask


def evaluate(product, images, grids):
    maps, masks, scores, labels = [], [], [], []
    for i, rel, mask_path in evaluated(product, images):
        image = cv2.imread(os.path.join(product, "test", rel), cv2.IMREAD_UNCHANGED)
        m, s = to_map(grids[i], (image.shape[1], image.shape[0]))
        mask = np.zeros(image.shape[:2], np.uint8) if mask_path is None else cv2.imread(mask_path, cv2.IMREAD_GRAYSCALE)
        maps.append(m), masks.append(mask), scores.append(s), labels.append(int(mask_path is not None))
    pixels = np.concatenate([m.ravel() for m in maps])
    truth = np.concatenate([(k > 0).ravel() for k in masks])
    return auroc(labels, scores), auroc(truth, pixels), aupro(maps, masks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--work", default="build/quality", help="run.py's --work (products, models)")
    parser.add_argument("--products", required=True)
    parser.add_argument("--variant", default="adtr", help="the kept model WORK/models/PRODUCT/VARIANT.kensa")
    parser.add_argument("--rules", default="l2,knn,fuse")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    tool = os.path.join(args.build, "bench", "adtr", "dump_reconstruction")
    print("product\trule\tpositions\timage AUROC\tpixel AUROC\tAU-PRO@0.3")
    for name in args.products.split(","):
        product = os.path.join(args.work, "products", name)
        model = os.path.join(args.work, "models", name, args.variant + ".kensa")
        dumps = {}
        for split, folder in (("test", "test"), ("train", os.path.join("train", "good"))):
            out = os.path.join(args.work, "studies", name, f"{args.variant}-{split}.safetensors")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(model):
                subprocess.run([tool, "--model", model, "--input", os.path.join(product, folder), "--out", out,
                                "--threads", str(args.threads)], check=True, stdout=subprocess.DEVNULL)
            dumps[split] = read_dump(out)
        rules = Rules(*dumps["train"][:2])
        for rule in args.rules.split(","):
            test = rules.grids(rule, *dumps["test"][:2])
            mean, std = position_statistics(rules.training_grids(rule))
            for positions, grids in (("normalised", (test - mean) / std), ("raw", test)):
                result = evaluate(product, dumps["test"][2], grids)
                print(f"{name}\t{rule}\t{positions}\t" + "\t".join(f"{100 * v:.1f}" for v in result), flush=True)


if __name__ == "__main__":
    main()
