"""Tests of scripts/export_torchvision_backbone.py that need no internet.

The pretrained route is exercised with a stand-in checkpoint placed where torchvision's hub cache looks
for the real one, so the same code path runs as on a connected machine.
Run: /usr/bin/python3 tests/parity_torchvision/export_script_test.py
"""

import json
import os
import struct
import sys
import tempfile
import unittest
from unittest import mock

import numpy as np
import torch
import torchvision

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import export_torchvision_backbone as export  # noqa: E402

NUMPY_DTYPES = {"F32": "<f4", "F64": "<f8", "I64": "<i8", "I32": "<i4", "U8": "u1"}


def read_safetensors(path):
    """A minimal independent reader: returns (metadata, {name: numpy array}, header length)."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    arrays = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        a = np.frombuffer(data[begin:end], dtype=NUMPY_DTYPES[info["dtype"]])
        arrays[name] = a.reshape(info["shape"])
    return meta, arrays, n


class ExportScriptTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_writer_round_trips_every_dtype_and_aligns_data(self):
        tensors = {
            "a": torch.randn(3, 4),
            "scalar": torch.tensor(7, dtype=torch.int64),  # BatchNorm's num_batches_tracked is 0-d
            "b": torch.arange(5, dtype=torch.int32),
            "c": torch.randn(2, 1, 3, dtype=torch.float64).transpose(0, 2),  # non-contiguous input
        }
        path = os.path.join(self.dir, "t.safetensors")
        export.write_safetensors(path, tensors, {"k": 1})
        meta, arrays, header_len = read_safetensors(path)
        self.assertEqual(meta, {"k": "1"})
        self.assertEqual(header_len % 8, 0)
        self.assertEqual(list(arrays), list(tensors))
        for name, t in tensors.items():
            np.testing.assert_array_equal(arrays[name], t.numpy(), err_msg=name)
        self.assertFalse(os.path.exists(path + ".part"))

    def test_pretrained_route_keeps_exactly_the_cpp_layers(self):
        torch_home = os.path.join(self.dir, "torch_home")
        weights = torchvision.models.ResNet18_Weights.DEFAULT
        checkpoint_dir = os.path.join(torch_home, "hub", "checkpoints")
        os.makedirs(checkpoint_dir)
        torch.manual_seed(11)
        full = torchvision.models.resnet18().state_dict()
        torch.save(full, os.path.join(checkpoint_dir, weights.url.rsplit("/", 1)[-1]))

        with mock.patch.dict(os.environ, {"TORCH_HOME": torch_home}):
            self.assertEqual(export.main(["--arch", "resnet18", "--out", self.dir + os.sep]), 0)
        meta, arrays, _ = read_safetensors(os.path.join(self.dir, "resnet18_imagenet.safetensors"))

        expected = {k for k in full if k.split(".")[0] in ("conv1", "bn1", "layer1", "layer2", "layer3")}
        self.assertEqual(set(arrays), expected)
        self.assertNotIn("fc.weight", arrays)
        self.assertFalse(any(k.startswith("layer4.") for k in arrays))
        for name in expected:
            np.testing.assert_array_equal(arrays[name], full[name].numpy(), err_msg=name)
        self.assertEqual(meta["arch"], "resnet18")
        self.assertEqual(meta["weights"], "IMAGENET1K_V1")
        self.assertEqual(meta["torchvision_version"], torchvision.__version__)

    def test_unknown_weights_name_lists_the_choices(self):
        with self.assertRaises(SystemExit) as ctx:
            export.main(["--arch", "resnet34", "--weights", "IMAGENET9K", "--out", self.dir])
        self.assertIn("IMAGENET1K_V1", str(ctx.exception))

    def test_random_init_is_reproducible_and_batch_norm_is_not_identity(self):
        a = os.path.join(self.dir, "a.safetensors")
        b = os.path.join(self.dir, "b.safetensors")
        export.main(["--arch", "resnet18", "--random-init", "--seed", "5", "--out", a])
        export.main(["--arch", "resnet18", "--random-init", "--seed", "5", "--out", b])
        _, xa, _ = read_safetensors(a)
        _, xb, _ = read_safetensors(b)
        for name in xa:
            np.testing.assert_array_equal(xa[name], xb[name], err_msg=name)
        self.assertGreater(np.abs(xa["bn1.running_mean"]).max(), 1e-3)
        self.assertGreater(np.abs(xa["bn1.running_var"] - 1).max(), 1e-3)
        self.assertGreater(np.abs(xa["layer1.0.bn2.weight"] - 1).max(), 1e-3)


if __name__ == "__main__":
    unittest.main()
