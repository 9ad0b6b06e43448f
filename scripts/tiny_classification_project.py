#!/usr/bin/env python3
"""A small image-classification project for screenshots: 28 x 28 grey parts (a disc on a noisy ground) in
MVTec layout — train/good (40), test/good (12), test/streak (12: a bright diagonal streak across the part) —
and a kensa-project.json beside them with the task "classification" at 32 px.

Usage: scripts/tiny_classification_project.py FOLDER   (writes FOLDER/data and FOLDER/project; needs PIL)
"""
import json
import os
import random
import sys

from PIL import Image


def tiny_part(path, streak, seed):
    rng = random.Random(seed)
    image = Image.new("L", (28, 28))
    pixels = image.load()
    for y in range(28):
        for x in range(28):
            value = 110 + (40 if (x - 14) ** 2 + (y - 14) ** 2 < 90 else 0) + rng.randint(-12, 12)
            if streak and abs(x - y) < 3:
                value = 215 + rng.randint(-10, 10)
            pixels[x, y] = max(0, min(255, value))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image.save(path)


def main(folder):
    data = os.path.join(os.path.abspath(folder), "data")
    images = []
    for split, kind, count, first in (("train", "good", 40, 0), ("test", "good", 12, 1000), ("test", "streak", 12, 2000)):
        for i in range(count):
            path = os.path.join(data, split, kind, f"{i:03d}.png")
            tiny_part(path, kind == "streak", first + i)
            entry = {"path": path, "role": split, "label": "normal" if kind == "good" else "defect"}
            if kind != "good":
                entry["defect_type"] = kind
            images.append(entry)
    project = os.path.join(os.path.abspath(folder), "project")
    os.makedirs(project, exist_ok=True)
    with open(os.path.join(project, "kensa-project.json"), "w") as f:
        json.dump({"format": "kensa-project", "format_version": 1, "name": "Tiny parts",
                   "settings": {"task": "classification", "image_size": 32, "epochs": 8},
                   "defect_types": [{"name": "streak", "color": "#e63c3c"}], "sources": [], "images": images},
                  f, indent=1)
    print(project)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
