#!/usr/bin/python3
"""anomalib-style PyTorch implementations of PatchCore, PaDiM and SPADE (the way anomalib's torch models
compute them: torchvision backbone, torch.cdist, a k-center-greedy loop of torch ops, torch.linalg.inv),
timed on a product's images: the twins bench/methods/run.py compares Kensa's methods with.

Same backbone as Kensa's run (torchvision ResNet-18, random init: speed only), same input size, grids and
settings. Prints one JSON object: fit seconds, inference ms/image, peak RSS.
"""
import argparse
import glob
import json
import os
import resource
import time

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from PIL import Image


def load(folder, size):
    files = sorted(glob.glob(os.path.join(folder, "*.png")))
    images = [np.asarray(Image.open(f).convert("RGB").resize((size, size), Image.BILINEAR), np.float32) / 255.0
              for f in files]
    x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous()
    mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
    return (x - mean) / std


class ResNetStages(torch.nn.Module):
    def __init__(self):
        super().__init__()
        m = torchvision.models.resnet18()
        self.stem = torch.nn.Sequential(m.conv1, m.bn1, m.relu, m.maxpool)
        self.layers = torch.nn.ModuleList([m.layer1, m.layer2, m.layer3])

    def forward(self, x):
        x = self.stem(x)
        out = []
        for layer in self.layers:
            x = layer(x)
            out.append(x)
        return out


def features(net, x, batch=8):
    with torch.no_grad():
        parts = [net(x[i:i + batch]) for i in range(0, len(x), batch)]
    return [torch.cat([p[s] for p in parts]) for s in range(3)]


def grid(maps, size):
    return torch.cat([F.interpolate(m, size=(size, size), mode="bilinear", align_corners=False)
                      if m.shape[-1] < size else F.adaptive_avg_pool2d(m, size) for m in maps], 1)


def blur(maps, size):
    up = F.interpolate(maps.unsqueeze(1), size=(size, size), mode="bilinear", align_corners=False)
    sigma = 4.0
    radius = int(4 * sigma + 0.5)
    k = torch.exp(-torch.arange(-radius, radius + 1, dtype=torch.float32) ** 2 / (2 * sigma ** 2))
    k = (k / k.sum()).view(1, 1, 1, -1)
    up = F.conv2d(F.pad(up, (radius, radius, 0, 0), mode="reflect"), k)
    return F.conv2d(F.pad(up, (0, 0, radius, radius), mode="reflect"), k.transpose(2, 3)).squeeze(1)


# ------------------------------------------------------------------------------------------ PatchCore
class PatchCore:
    def __init__(self, ratio=0.1):
        self.ratio = ratio
        self.pool = torch.nn.AvgPool2d(3, 1, 1)

    def embed(self, maps, g):
        return grid([self.pool(m) for m in maps[1:]], g)

    def fit(self, maps, g):
        e = self.embed(maps, g)
        flat = e.permute(0, 2, 3, 1).reshape(-1, e.shape[1])
        proj = torch.randn(flat.shape[1], 128) / np.sqrt(128) if flat.shape[1] > 128 else None
        points = flat @ proj if proj is not None else flat
        count = int(np.ceil(self.ratio * len(flat)))
        chosen = [int(torch.randint(len(flat), (1,)))]
        min_d = torch.linalg.norm(points - points[chosen[0]], dim=1)
        for _ in range(1, count):  # anomalib's KCenterGreedy: one norm per pick
            idx = int(torch.argmax(min_d))
            chosen.append(idx)
            min_d = torch.minimum(min_d, torch.linalg.norm(points - points[idx], dim=1))
        self.memory = flat[chosen]

    def score(self, maps, g, size):
        e = self.embed(maps, g)
        n = len(e)
        flat = e.permute(0, 2, 3, 1).reshape(-1, e.shape[1])
        d = torch.cdist(flat, self.memory)
        dist, loc = d.min(1)
        dist, loc = dist.view(n, -1), loc.view(n, -1)
        scores = []
        for i in range(n):
            worst = int(dist[i].argmax())
            nn_sample = self.memory[loc[i, worst]]
            support = torch.cdist(nn_sample[None], self.memory).topk(9, largest=False).indices[0]
            w = 1 - torch.softmax(torch.cdist(flat[i * g * g + worst][None], self.memory[support])[0], 0)[0]
            scores.append(float(w * dist[i, worst]))
        return blur(dist.view(n, g, g), size), scores


# ------------------------------------------------------------------------------------------ PaDiM
class Padim:
    def __init__(self, channels=100):
        self.channels = channels

    def fit(self, maps, g):
        e = grid(maps, g)
        self.idx = torch.randperm(e.shape[1])[: self.channels]
        e = e[:, self.idx].flatten(2)  # [N, C, P]
        n = e.shape[0]
        self.mean = e.mean(0)
        centred = e - self.mean
        cov = torch.einsum("ncp,ndp->pcd", centred, centred) / (n - 1) + 0.01 * torch.eye(self.channels)
        self.inv = torch.linalg.inv(cov)

    def score(self, maps, g, size):
        e = grid(maps, g)[:, self.idx].flatten(2)  # [N, C, P]
        delta = (e - self.mean).permute(2, 0, 1)   # [P, N, C]
        d = (torch.matmul(delta, self.inv) * delta).sum(2).clamp_min(0).sqrt().t()
        m = d.reshape(len(e), g, g)
        return blur(m, size), None


# ------------------------------------------------------------------------------------------ SPADE
class Spade:
    def __init__(self, k=50):
        self.k = k

    def fit(self, maps, g):
        self.train = grid(maps, g)
        self.pooled = maps[-1].mean((2, 3))

    def score(self, maps, g, size):
        e = grid(maps, g)
        pooled = maps[-1].mean((2, 3))
        k = min(self.k, len(self.train))
        d, nearest = torch.cdist(pooled, self.pooled).topk(k, largest=False)
        out = []
        c = e.shape[1]
        for i in range(len(e)):
            gallery = self.train[nearest[i]].permute(0, 2, 3, 1).reshape(-1, c)
            q = e[i].permute(1, 2, 0).reshape(-1, c)
            out.append(torch.cdist(q, gallery).min(1).values.view(g, g))
        return blur(torch.stack(out), size), d.mean(1).tolist()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--product", required=True)
    p.add_argument("--method", required=True, choices=["patchcore", "padim", "spade"])
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    net = ResNetStages().eval()
    train = load(os.path.join(a.product, "train", "good"), a.size)
    test = torch.cat([load(d, a.size) for d in sorted(glob.glob(os.path.join(a.product, "test", "*")))])
    method, g = {"patchcore": (PatchCore(), a.size // 8), "padim": (Padim(), a.size // 4),
                 "spade": (Spade(), a.size // 8)}[a.method]
    with torch.no_grad():
        t0 = time.perf_counter()
        method.fit(features(net, train), g)
        fit = time.perf_counter() - t0
        t0 = time.perf_counter()
        for i in range(0, len(test), 8):
            method.score(features(net, test[i:i + 8]), g, a.size)
        infer = (time.perf_counter() - t0) * 1000 / len(test)
    print(json.dumps({"method": a.method, "fit_seconds": fit, "ms_per_image": infer,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
