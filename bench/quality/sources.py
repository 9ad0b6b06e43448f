"""The real photographs the quality benchmark's products are made of, as float arrays in [0, 1].

All come from Debian packages the set-up installs (nothing is downloaded): scikit-image's bundled data
(python3-skimage), GIMP's seamless texture patterns (gimp-data), SciPy's bundled face (python3-scipy).
Colour images are H x W x 3, grey ones H x W x 1.
"""
import os
import struct
import warnings

import numpy as np

SKIMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data"
GIMP_PATTERNS = "/usr/share/gimp/2.0/patterns"


class MissingSource(RuntimeError):
    pass


def _as_float(pixels):
    a = np.asarray(pixels, dtype=np.float32) / 255.0
    if a.ndim == 2:
        a = a[..., None]
    return a[..., :3] if a.shape[2] >= 3 else a[..., :1]


def skimage_photo(name):
    """A photograph bundled with scikit-image, e.g. 'gravel' or 'retina.jpg'."""
    import skimage.io

    path = os.path.join(SKIMAGE_DATA, name if "." in name else name + ".png")
    if not os.path.exists(path):
        raise MissingSource(f"{path} not found: install python3-skimage (scripts/setup.sh does)")
    return _as_float(skimage.io.imread(path))


def gimp_pattern(relative):
    """A GIMP pattern (.pat: big-endian header size, version, width, height, bytes per pixel, 'GPAT',
    name; then raw pixels), e.g. 'Fabric/burlap'. These tile seamlessly."""
    path = os.path.join(GIMP_PATTERNS, relative + ".pat")
    if not os.path.exists(path):
        raise MissingSource(f"{path} not found: install gimp-data (scripts/setup.sh does)")
    with open(path, "rb") as f:
        data = f.read()
    header_size, version, width, height, depth = struct.unpack(">5I", data[:20])
    if data[20:24] != b"GPAT" or version != 1 or depth not in (1, 3, 4):
        raise ValueError(f"{path}: not a version-1 GIMP pattern")
    pixels = np.frombuffer(data, dtype=np.uint8, count=width * height * depth, offset=header_size)
    return _as_float(pixels.reshape(height, width, depth))


def scipy_face():
    """SciPy's bundled raccoon photograph (1024 x 768, colour)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from scipy import misc

        return _as_float(misc.face())


def grey(image):
    """Luma of an H x W x 3 image as H x W x 1 (grey images pass through)."""
    if image.shape[2] == 1:
        return image
    return (image @ np.array([0.299, 0.587, 0.114], dtype=np.float32))[..., None]
