"""The defect catalogue of the quality benchmark.

Every defect is a function (image, scene, rng, area, strength) -> (defective image, support) where
`image` is a clean H x W x C float view in [0, 1], `scene` tells what the product is (object mask,
background, foreign textures), `area` is the intended defect area in pixels and `strength` in (0, 1]
how pronounced it is. `support` is a boolean mask of the pixels the defect may have changed; the exact
ground-truth mask is cut from it by the perceptibility criterion in generate.py.
"""
import numpy as np
from scipy import ndimage


# ---------------------------------------------------------------- geometry helpers

def _pick_centre(scene, rng, radius, on_edge=False):
    """A centre for a defect of the given radius: on the product (the object for object products),
    optionally on the object's outline (chips, missing parts)."""
    h, w = scene.shape
    margin = int(min(max(radius, 4), min(h, w) // 4))
    allowed = np.zeros((h, w), bool)
    allowed[margin:h - margin, margin:w - margin] = True
    if scene.object_mask is not None:
        inner = ndimage.binary_erosion(scene.object_mask, iterations=2)
        allowed &= (scene.object_mask & ~inner) if on_edge else inner
    ys, xs = np.nonzero(allowed)
    if len(ys) == 0:
        return h / 2, w / 2
    i = rng.integers(len(ys))
    return float(ys[i]), float(xs[i])


def _blob(shape, centre, area, rng, roughness=0.5):
    """An irregular filled shape of roughly `area` pixels: an ellipse whose radius is modulated by
    low-frequency noise along its outline."""
    h, w = shape
    radius = np.sqrt(area / np.pi)
    e = rng.uniform(0.5, 1.0)
    a, b = radius / np.sqrt(e), radius * np.sqrt(e)
    theta = rng.uniform(0, np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dy, dx = yy - centre[0], xx - centre[1]
    u = dx * np.cos(theta) + dy * np.sin(theta)
    v = -dx * np.sin(theta) + dy * np.cos(theta)
    r = np.sqrt((u / a) ** 2 + (v / b) ** 2)
    angle = np.arctan2(v, u)
    wobble = np.zeros_like(angle)
    for k in range(2, 6):
        wobble += rng.normal(0, roughness / k) * np.cos(k * angle + rng.uniform(0, 2 * np.pi))
    return r < 1.0 + 0.35 * wobble


def _soft(mask, sigma):
    return np.clip(ndimage.gaussian_filter(mask.astype(np.float32), sigma), 0, 1) if sigma > 0 else mask.astype(np.float32)


def _curve(centre, length, rng, bend):
    """Points (y, x) one pixel apart along a smooth random curve of the given length."""
    theta = rng.uniform(0, 2 * np.pi)
    half = length / 2
    d = np.array([np.sin(theta), np.cos(theta)])
    n = np.array([-d[1], d[0]])
    p0 = np.array(centre) - half * d
    p3 = np.array(centre) + half * d
    p1 = p0 + (length / 3) * d + rng.normal(0, bend * length) * n
    p2 = p3 - (length / 3) * d + rng.normal(0, bend * length) * n
    t = np.linspace(0, 1, max(int(length * 2), 4))[:, None]
    return (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3


def _random_walk(centre, length, rng, branches=True):
    points, stack = [], [(np.array(centre, float), rng.uniform(0, 2 * np.pi), length)]
    while stack:
        p, theta, remaining = stack.pop()
        while remaining > 0:
            theta += rng.normal(0, 0.35)
            p = p + 0.7 * np.array([np.sin(theta), np.cos(theta)])
            points.append(p.copy())
            remaining -= 0.7
            if branches and rng.random() < 0.012 and remaining > 8:
                share = rng.uniform(0.2, 0.5)
                stack.append((p.copy(), theta + rng.choice([-1, 1]) * rng.uniform(0.5, 1.2), remaining * share))
                remaining *= 1 - share
    return np.array(points)


def _line_alpha(shape, points, width):
    """Anti-aliased coverage of a line of `width` px through `points`."""
    h, w = shape
    on = np.zeros(shape, bool)
    yi = np.clip(np.round(points[:, 0]).astype(int), 0, h - 1)
    xi = np.clip(np.round(points[:, 1]).astype(int), 0, w - 1)
    on[yi, xi] = True
    distance = ndimage.distance_transform_edt(~on)
    return np.clip(width / 2 + 0.5 - distance, 0, 1).astype(np.float32)


def _blend(image, alpha, target):
    a = alpha[..., None]
    return image * (1 - a) + a * target


def _local_mean(image, support, grow=6):
    ring = ndimage.binary_dilation(support, iterations=grow) & ~support
    if not ring.any():
        ring = np.ones(support.shape, bool)
    return image[ring].mean(axis=0)


# ---------------------------------------------------------------- the defects

def scratch(image, scene, rng, area, strength):
    width = rng.choice([1.0, 1.5, 2.0, 3.0])
    length = float(np.clip(area / width, 12, 0.8 * min(scene.shape)))
    points = _curve(_pick_centre(scene, rng, length / 3), length, rng, bend=0.15)
    alpha = _line_alpha(scene.shape, points, width) * (0.3 + 0.6 * strength)
    target = 1.0 if rng.random() < 0.5 else 0.05  # bright metal through paint, or a dark groove
    return _blend(image, alpha, target), alpha > 0


def crack(image, scene, rng, area, strength):
    width = rng.choice([1.0, 1.5, 2.0])
    length = float(np.clip(area / width, 12, 1.2 * min(scene.shape)))
    points = _random_walk(_pick_centre(scene, rng, length / 4), length, rng)
    alpha = _line_alpha(scene.shape, points, width) * (0.45 + 0.5 * strength)
    return _blend(image, alpha, image * 0.15), alpha > 0


def hole(image, scene, rng, area, strength):
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=0.2)
    alpha = _soft(region, 0.7) * (0.5 + 0.45 * strength)
    out = _blend(image, alpha, image * 0.08)
    # A lit rim on the side facing the light (upper left), as a punched or torn edge has.
    rim = ndimage.binary_dilation(region, iterations=2) & ~region
    yy, xx = np.nonzero(rim)
    lit = np.zeros(scene.shape, np.float32)
    lit[yy, xx] = np.clip(-((yy - centre[0]) + (xx - centre[1])) / (np.hypot(yy - centre[0], xx - centre[1]) + 1e-6), 0, 1)
    out = _blend(out, 0.5 * strength * _soft(lit > 0.3, 0.5) * lit, 1.0)
    return out, ndimage.binary_dilation(region, iterations=3)


STAIN_TINTS = np.array([[0.72, 0.52, 0.32], [0.45, 0.45, 0.47], [0.85, 0.45, 0.25], [0.65, 0.75, 0.55], [0.55, 0.2, 0.2]], np.float32)


def stain(image, scene, rng, area, strength):
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=0.8)
    tint = STAIN_TINTS[rng.integers(len(STAIN_TINTS))]
    if image.shape[2] == 1:
        tint = tint.mean(keepdims=True)
    opacity = 0.25 + 0.6 * strength
    alpha = _soft(region, 1.5) * opacity
    ring = region & ~ndimage.binary_erosion(region, iterations=2)  # dried edge of a liquid stain
    alpha = np.clip(alpha + 0.4 * opacity * _soft(ring, 0.8), 0, 1)
    return _blend(image, alpha, image * tint), ndimage.binary_dilation(region, iterations=4)


def colour(image, scene, rng, area, strength):
    """A colour or brightness change over a region: wrong paint, discolouration, burn marks."""
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=0.6)
    alpha = _soft(region, 2.0)
    if image.shape[2] == 1:
        shifted = np.clip(image * (1 + rng.choice([-1, 1]) * (0.12 + 0.35 * strength)), 0, 1)
    else:
        yiq = np.array([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]], np.float32)
        q = image @ yiq.T
        angle = rng.choice([-1, 1]) * rng.uniform(0.4, 1.2)
        i, qq = q[..., 1].copy(), q[..., 2].copy()
        q[..., 1] = i * np.cos(angle) - qq * np.sin(angle)
        q[..., 2] = i * np.sin(angle) + qq * np.cos(angle)
        push = (0.04 + 0.14 * strength) * np.array([np.cos(angle * 3), np.sin(angle * 3)], np.float32)
        q[..., 1:] += push
        shifted = np.clip(q @ np.linalg.inv(yiq).T, 0, 1)
    return _blend(image, alpha, shifted), ndimage.binary_dilation(region, iterations=5)


def contamination(image, scene, rng, area, strength):
    """Foreign material: a patch of another photographed texture (grit, fibres, plant matter)."""
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=1.0)
    foreign = scene.foreign[rng.integers(len(scene.foreign))]
    h, w = scene.shape
    reps = (-(-2 * h // foreign.shape[0]), -(-2 * w // foreign.shape[1]), 1)
    tiled = np.tile(foreign, reps)
    y0, x0 = rng.integers(0, h), rng.integers(0, w)
    patch = tiled[y0:y0 + h, x0:x0 + w]
    if image.shape[2] == 1 and patch.shape[2] == 3:
        patch = patch.mean(axis=2, keepdims=True)
    elif image.shape[2] == 3 and patch.shape[2] == 1:
        patch = np.repeat(patch, 3, axis=2)
    alpha = _soft(region, 0.8) * (0.5 + 0.5 * strength)
    return _blend(image, alpha, patch), ndimage.binary_dilation(region, iterations=2)


def missing(image, scene, rng, area, strength):
    """A missing piece: part of the product replaced by what lies behind it (background for objects
    with a known background, otherwise smooth in-fill from the surroundings)."""
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi), on_edge=scene.object_mask is not None)
    region = _blob(scene.shape, centre, area, rng, roughness=0.4)
    if scene.object_mask is not None:
        region &= scene.object_mask
    if scene.background is not None:
        fill = scene.background
    else:
        fill = np.empty_like(image)
        fill[:] = _local_mean(image, region)
        fill = ndimage.gaussian_filter(np.where(region[..., None], fill, image), (3, 3, 0))
    alpha = _soft(region, 0.6) * (0.7 + 0.3 * strength)
    return _blend(image, alpha, fill), ndimage.binary_dilation(region, iterations=2)


def misplaced(image, scene, rng, area, strength):
    """A part in the wrong place: a patch of the product copied over another spot."""
    side = np.sqrt(area)
    centre = _pick_centre(scene, rng, side / 2)
    region = _blob(scene.shape, centre, area, rng, roughness=0.3)
    offset = rng.uniform(0.8, 1.6) * side * np.array([np.sin(a := rng.uniform(0, 2 * np.pi)), np.cos(a)])
    moved = ndimage.shift(image, (offset[0], offset[1], 0), order=1, mode="reflect")
    alpha = _soft(region, 0.8) * (0.6 + 0.4 * strength)
    return _blend(image, alpha, moved), ndimage.binary_dilation(region, iterations=2)


def deformation(image, scene, rng, area, strength):
    """A dent or bulge: the surface pushed radially around a point."""
    radius = np.sqrt(area / np.pi)
    centre = _pick_centre(scene, rng, radius)
    h, w = scene.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dy, dx = yy - centre[0], xx - centre[1]
    r = np.hypot(dy, dx) + 1e-6
    push = rng.choice([-1, 1]) * (0.15 + 0.35 * strength) * radius * np.exp(-(r / radius) ** 2) * (r / radius)
    swirl = rng.normal(0, 0.3 * strength) * np.exp(-(r / radius) ** 2)
    sy = yy - push * dy / r + swirl * dx
    sx = xx - push * dx / r - swirl * dy
    out = np.stack([ndimage.map_coordinates(image[..., c], [sy, sx], order=1, mode="reflect") for c in range(image.shape[2])], -1)
    # Shading of the dent: darker on the side away from the light.
    shade = 1 - 0.25 * strength * np.exp(-(r / radius) ** 2) * np.sign(push) * (dy + dx) / (r * 1.414)
    out = np.clip(out * shade[..., None], 0, 1)
    return out, r < 1.6 * radius


def missing_print(image, scene, rng, area, strength):
    """Print error: ink missing over a region (printed products: dark marks on light ground)."""
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=0.3)
    paper = ndimage.grey_closing(image, size=(9, 9, 1))
    alpha = _soft(region, 0.8) * (0.6 + 0.4 * strength)
    return _blend(image, alpha, paper), ndimage.binary_dilation(region, iterations=2)


def smear(image, scene, rng, area, strength):
    """Print error: ink smeared sideways over a region."""
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=0.5)
    length = int(4 + 10 * strength)
    kernel = np.zeros((1, length, 1), np.float32)
    kernel[0, :, 0] = 1 / length
    smeared = ndimage.convolve(ndimage.grey_erosion(image, size=(1, 3, 1)), kernel, mode="reflect")
    alpha = _soft(region, 1.0)
    return _blend(image, alpha, smeared), ndimage.binary_dilation(region, iterations=3)


def double_print(image, scene, rng, area, strength):
    """Print error: a second, shifted impression of the print over a region."""
    centre = _pick_centre(scene, rng, np.sqrt(area / np.pi))
    region = _blob(scene.shape, centre, area, rng, roughness=0.3)
    shift = rng.uniform(2, 6) * np.array([rng.choice([-1, 1]), rng.choice([-1, 1])])
    ghost = np.minimum(image, ndimage.shift(image, (shift[0], shift[1], 0), order=1, mode="reflect"))
    alpha = _soft(region, 0.8) * (0.5 + 0.5 * strength)
    return _blend(image, alpha, ghost), ndimage.binary_dilation(region, iterations=2)


CATALOGUE = {f.__name__: f for f in (scratch, crack, hole, stain, colour, contamination, missing,
                                      misplaced, deformation, missing_print, smear, double_print)}
