#!/usr/bin/env python3
"""Export a torchvision backbone's weights for Kensa's C++ backbones (safetensors).

On a machine with internet, torchvision downloads the ImageNet weights once (into torch's hub cache,
$TORCH_HOME/hub or ~/.cache/torch/hub); this script keeps the state_dict entries Kensa's C++ module uses
(the layers up to its last feature stage) and writes them as a .safetensors file. Given a directory, it
writes the file name Kensa looks for (<arch>_imagenet.safetensors), e.g. into $KENSA_WEIGHTS_DIR:

    python3 scripts/export_torchvision_backbone.py --arch efficientnet_b4 --out "$KENSA_WEIGHTS_DIR"

Without internet, --random-init --seed N gives a reproducible random model (with non-trivial batch-norm
statistics), and --reference-out also saves torchvision's own per-stage outputs on a seeded input, so the
C++ port can be compared with torchvision numerically (tests/parity_torchvision).

Needs only torch, torchvision (>= 0.13) and numpy; on Debian 12: /usr/bin/python3 with python3-torch,
python3-torchvision, python3-numpy.
"""

import argparse
import json
import os
import struct
import sys

import numpy as np
import torch
import torchvision

# Per architecture: torchvision builder, weights enum, which state_dict prefixes the C++ module holds, and
# its feature stages (submodule name -> output). Keep in sync with core/kensa/nn/{efficientnet,resnet}.cpp.
ARCHS = {
    "efficientnet_b4": {
        "weights_enum": "EfficientNet_B4_Weights",
        "prefixes": tuple(f"features.{i}." for i in range(8)),
        "stages": ["features.1", "features.2", "features.3", "features.5", "features.7"],
    },
    "resnet18": {
        "weights_enum": "ResNet18_Weights",
        "prefixes": ("conv1.", "bn1.", "layer1.", "layer2.", "layer3."),
        "stages": ["layer1", "layer2", "layer3"],
    },
    "resnet34": {
        "weights_enum": "ResNet34_Weights",
        "prefixes": ("conv1.", "bn1.", "layer1.", "layer2.", "layer3."),
        "stages": ["layer1", "layer2", "layer3"],
    },
}

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

SAFETENSORS_DTYPES = {
    torch.float64: "F64",
    torch.float32: "F32",
    torch.float16: "F16",
    torch.bfloat16: "BF16",
    torch.int64: "I64",
    torch.int32: "I32",
    torch.int16: "I16",
    torch.int8: "I8",
    torch.uint8: "U8",
    torch.bool: "BOOL",
}


def tensor_bytes(t: torch.Tensor) -> bytes:
    t = t.detach().cpu().contiguous()
    if t.dtype == torch.bfloat16:  # numpy has no bfloat16; the bits are what matters
        t = t.view(torch.int16)
    a = t.numpy()
    return a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()


def write_safetensors(path, tensors, metadata):
    """Writes {name: tensor} in the safetensors layout: u64 header size, JSON header, raw data."""
    header = {"__metadata__": {k: str(v) for k, v in metadata.items()}}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        if t.dtype not in SAFETENSORS_DTYPES:
            raise SystemExit(f"cannot store tensor '{name}' of type {t.dtype}")
        data = tensor_bytes(t)
        header[name] = {
            "dtype": SAFETENSORS_DTYPES[t.dtype],
            "shape": list(t.shape),
            "data_offsets": [offset, offset + len(data)],
        }
        blobs.append(data)
        offset += len(data)
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-len(head) % 8)  # keeps the data 8-byte aligned, as the reference writer does
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".part"  # written aside and renamed, so a reader never sees half a file
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for data in blobs:
            f.write(data)
    os.replace(tmp, path)


def build_model(arch, weights_name, seed):
    builder = getattr(torchvision.models, arch)
    if weights_name is None:
        torch.manual_seed(seed)
        model = builder(weights=None)
        randomize_for_parity(model, seed)
        return model, f"random-init(seed={seed})"
    try:
        enum = getattr(torchvision.models, ARCHS[arch]["weights_enum"])
        weights = enum[weights_name]
    except KeyError:
        choices = ", ".join(getattr(torchvision.models, ARCHS[arch]["weights_enum"]).__members__)
        raise SystemExit(f"unknown weights '{weights_name}' for {arch}; choose one of: {choices}")
    except AttributeError:
        raise SystemExit(f"torchvision {torchvision.__version__} has no weights API; torchvision >= 0.13 is needed")
    try:
        model = builder(weights=weights)
    except Exception as e:  # the download failed: say where the file would go
        raise SystemExit(f"could not get {weights} ({e}). Check the internet connection, or put "
                         f"{weights.url.rsplit('/', 1)[-1]} into {torch.hub.get_dir()}/checkpoints/")
    return model, str(weights).split(".", 1)[-1]


@torch.no_grad()
def randomize_for_parity(model, seed):
    """Makes every parameter and buffer matter, so a wrong mapping in a port cannot go unnoticed.

    torchvision's init leaves batch-norm as the identity (weight 1, bias 0, mean 0, var 1) and conv
    biases at 0; a port that swapped or dropped any of them would still match. Random affine terms plus
    running statistics gathered from a few training-mode passes keep activations at a sane scale.
    """
    g = torch.Generator().manual_seed(seed + 1000)
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.weight.copy_(torch.rand(m.weight.shape, generator=g) + 0.5)
            m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.2)
            m.reset_running_stats()
            m.momentum = None  # cumulative average over the passes below
        elif isinstance(m, torch.nn.Conv2d) and m.bias is not None:
            m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.2)
    model.train()
    for _ in range(3):
        model(normalize(torch.rand(4, 3, 160, 160, generator=g)))
    model.eval()


def normalize(images):
    mean = torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(IMAGENET_STD).view(1, 3, 1, 1)
    return (images - mean) / std


def kept_state(model, arch):
    prefixes = ARCHS[arch]["prefixes"]
    return {k: v for k, v in model.state_dict().items() if k.startswith(prefixes)}


@torch.no_grad()
def stage_outputs(model, arch, normalized):
    """torchvision's own forward, with hooks catching each stage's output."""
    outputs = {}
    hooks = [model.get_submodule(name).register_forward_hook(
        lambda _m, _i, out, name=name: outputs.__setitem__(name, out.clone()))
        for name in ARCHS[arch]["stages"]]
    model.eval()
    model(normalized)
    for h in hooks:
        h.remove()
    return outputs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--arch", required=True, choices=sorted(ARCHS))
    p.add_argument("--out", required=True,
                   help="weights file to write (.safetensors), or a directory to write <arch>_imagenet.safetensors "
                        "(<arch>_random.safetensors with --random-init) into")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--weights", default="DEFAULT", help="torchvision weights name (default: DEFAULT)")
    src.add_argument("--random-init", action="store_true", help="random weights (offline tests)")
    p.add_argument("--seed", type=int, default=0, help="seed for --random-init and the reference input")
    p.add_argument("--reference-out", help="also write torchvision's per-stage outputs on a seeded input")
    p.add_argument("--reference-size", type=int, default=224)
    p.add_argument("--reference-batch", type=int, default=2)
    args = p.parse_args(argv)

    if os.path.isdir(args.out) or args.out.endswith(os.sep):
        args.out = os.path.join(args.out, f"{args.arch}_{'random' if args.random_init else 'imagenet'}.safetensors")
    model, weights_label = build_model(args.arch, None if args.random_init else args.weights, args.seed)
    model.eval()
    state = kept_state(model, args.arch)
    meta = {
        "format": "kensa-backbone-weights",
        "arch": args.arch,
        "source": "torchvision",
        "torchvision_version": torchvision.__version__,
        "torch_version": torch.__version__,
        "weights": weights_label,
    }
    write_safetensors(args.out, state, meta)
    print(f"{args.out}: {len(state)} tensors, {sum(t.numel() for t in state.values())} values, weights {weights_label}")

    if args.reference_out:
        g = torch.Generator().manual_seed(args.seed)
        images = torch.rand(args.reference_batch, 3, args.reference_size, args.reference_size, generator=g)
        outputs = stage_outputs(model, args.arch, normalize(images))
        ref = {"input": images, **outputs}
        write_safetensors(args.reference_out, ref,
                          {**meta, "stages": ",".join(ARCHS[args.arch]["stages"]), "input": "RGB in [0, 1]"})
        shapes = ", ".join(f"{k} {tuple(v.shape)}" for k, v in outputs.items())
        print(f"{args.reference_out}: input {tuple(images.shape)}; {shapes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
