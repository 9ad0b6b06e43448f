"""The products of the quality benchmark: which photograph, how a normal part looks on the line, and
which defects can happen to it.

A product's `view(rng)` returns one clean, defect-free view before the line's photometric variation
(gain, lighting gradient, sensor noise: generate.py adds those): the part's pose (shift, rotation,
scale) varies as on a real line. Objects also return their outline (where parts can go missing) and
what lies behind them.
"""
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import numpy as np
from scipy import ndimage

import sources


@dataclass
class Scene:
    shape: tuple
    object_mask: Optional[np.ndarray] = None  # objects: where the part is
    background: Optional[np.ndarray] = None  # objects: what a missing piece reveals
    foreign: List[np.ndarray] = field(default_factory=list)  # textures for contamination


@dataclass
class Product:
    name: str
    surface: str  # what kind of product it stands for
    size: int  # generated image side, px
    defects: List[str]
    view: Callable  # rng -> (image, object_mask or None, background or None)
    grey: bool = False


def _sample(src, size, centre, scale, theta, mode):
    """Resample `src` (H x W x C) into a size x size view: output pixel p shows source point
    centre + R(theta) (p - size/2) / scale (bilinear; mode as scipy.ndimage)."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) - (size - 1) / 2
    c, s = np.cos(theta), np.sin(theta)
    sy = centre[0] + (c * yy - s * xx) / scale
    sx = centre[1] + (s * yy + c * xx) / scale
    return np.stack([ndimage.map_coordinates(src[..., k], [sy, sx], order=1, mode=mode)
                     for k in range(src.shape[2])], -1)


def _pose(rng, rotation_deg, shift, scale_range=(0.96, 1.04)):
    return (np.deg2rad(rng.uniform(-rotation_deg, rotation_deg)), rng.uniform(-shift, shift, size=2),
            rng.uniform(*scale_range))


def tiled_texture(tile, size, zoom, rotation_deg=3.0):
    """A seamless texture tile repeated over the part (woven, grained, embossed surfaces)."""
    def view(rng):
        theta, shift, scale = _pose(rng, rotation_deg, 1.0)
        centre = (rng.uniform(0, tile.shape[0]), rng.uniform(0, tile.shape[1]))
        return _sample(tile, size, centre, zoom * scale, theta, "grid-wrap"), None, None
    return view


def photo_view(photo, size, extent, rotation_deg=3.0, shift=0.08, centre=None):
    """A crop of `extent` source pixels around `centre` (default: the photograph's middle), moved a little
    per part: a textured surface, or an object photographed in its surroundings (cup on a table)."""
    middle = centre or (photo.shape[0] / 2, photo.shape[1] / 2)

    def view(rng):
        theta, offset, scale = _pose(rng, rotation_deg, shift * extent)
        c = (middle[0] + offset[0], middle[1] + offset[1])
        return _sample(photo, size, c, size / extent * scale, theta, "reflect"), None, None
    return view


def coins(size):
    """One of the 24 coins of scikit-image's coin photograph per part, any rotation, on the tray."""
    photo = sources.skimage_photo("coins")
    g = photo[..., 0]
    mask = g > ndimage.median_filter(g, size=61) + 0.08
    mask = ndimage.binary_opening(ndimage.binary_fill_holes(ndimage.binary_closing(mask, iterations=2)), iterations=2)
    labels, count = ndimage.label(mask)
    boxes = ndimage.find_objects(labels)
    tray = float(np.median(g[~ndimage.binary_dilation(mask, iterations=3)]))
    # Each coin with a soft outline, so that the tray's level can be blended in around it.
    coins_ = []
    for k, box in enumerate(boxes):
        pad = tuple(slice(max(b.start - 4, 0), b.stop + 4) for b in box)
        coins_.append((photo[pad], (labels[pad] == k + 1).astype(np.float32)[..., None]))

    def view(rng):
        coin, coin_mask = coins_[rng.integers(count)]
        theta = rng.uniform(0, 2 * np.pi)
        zoom = 0.7 * size / max(coin.shape[:2]) * rng.uniform(0.97, 1.03)
        centre = (coin.shape[0] / 2 + rng.uniform(-3, 3), coin.shape[1] / 2 + rng.uniform(-3, 3))
        image = _sample(coin, size, centre, zoom, theta, "nearest")
        alpha = np.clip(_sample(coin_mask, size, centre, zoom, theta, "constant"), 0, 1)
        background = np.full_like(image, tray)
        return background * (1 - alpha) + image * alpha, alpha[..., 0] > 0.5, background
    return view


FOREIGN = ["gravel", "grass", "Plant/leaves", "Stone/terra", "Stone/rock", "Legacy/fibers"]


def foreign_textures(product_name):
    """Foreign material for contamination, never the product's own photograph (more gravel on gravel
    changes pixels but is no defect)."""
    return [sources.gimp_pattern(n) if "/" in n else sources.skimage_photo(n)
            for n in FOREIGN if n != product_name]


# name -> (what it stands for, image side, defect types, grey, its view). Lambdas: a product reads its
# photograph only when generated.
_PRODUCTS = {
    "burlap": ("woven fabric (regular texture), colour", 256,
               ["hole", "stain", "colour", "contamination", "scratch"], False,
               lambda: tiled_texture(sources.gimp_pattern("Fabric/burlap"), 256, zoom=1.4)),
    "gravel": ("granular surface (irregular texture), grey", 256,
               ["crack", "stain", "contamination", "hole", "colour"], True,
               lambda: photo_view(sources.skimage_photo("gravel"), 256, extent=300)),
    "walnut": ("wood grain (grained texture), colour", 256,
               ["scratch", "crack", "stain", "hole", "colour"], False,
               lambda: tiled_texture(sources.gimp_pattern("Wood/walnut"), 256, zoom=1.5)),
    "marble": ("polished marble (veined texture), colour", 256,
               ["crack", "stain", "scratch", "contamination", "colour"], False,
               lambda: tiled_texture(sources.gimp_pattern("Stone/pink_marble"), 256, zoom=1.6)),
    "leather": ("embossed leather (regular fine texture), colour", 256,
                ["scratch", "hole", "stain", "deformation", "colour"], False,
                lambda: tiled_texture(sources.gimp_pattern("Animal/leather"), 256, zoom=1.3)),
    "print": ("printed page (printed texture), grey", 256,
              ["missing_print", "smear", "double_print", "stain", "scratch"], True,
              lambda: photo_view(sources.skimage_photo("page"), 256, extent=150, rotation_deg=2, shift=0.15)),
    "retina": ("fundus photograph, 1411 px native (veined, high resolution), colour", 1024,
               ["stain", "colour", "contamination", "scratch", "hole"], False,
               lambda: photo_view(sources.skimage_photo("retina.jpg"), 1024, extent=1100)),
    "coin": ("coins on a tray (object, any rotation), grey", 256,
             ["scratch", "missing", "deformation", "stain", "hole"], True, lambda: coins(256)),
    "cup": ("espresso cup on its saucer (object, small pose changes), colour", 256,
            ["stain", "crack", "colour", "scratch", "missing"], False,
            lambda: photo_view(sources.skimage_photo("coffee"), 256, extent=400, rotation_deg=8, shift=0.05,
                               centre=(200, 240))),
    "motorbike": ("motorbike in a workshop (object, small pose changes), colour", 256,
                  ["missing", "misplaced", "scratch", "colour", "deformation"], False,
                  lambda: photo_view(sources.skimage_photo("motorcycle_left"), 256, extent=420, rotation_deg=4,
                                     shift=0.04, centre=(290, 500))),
}


def product(name):
    """The benchmark's product `name` (KeyError for an unknown one)."""
    surface, size, defect_types, grey, view = _PRODUCTS[name]
    return Product(name, surface, size, defect_types, view(), grey=grey)


PRODUCTS = list(_PRODUCTS)
