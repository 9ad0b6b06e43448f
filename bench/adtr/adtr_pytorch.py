#!/usr/bin/python3
"""The PyTorch twin of kensa::nn::AdtrTransformer (core/kensa/nn/adtr_transformer.h): the same
architecture and parameter names, written the plain PyTorch way (torch.nn.MultiheadAttention, nn.Linear,
nn.LayerNorm, nn.Dropout), so Kensa's safetensors weights load directly.

    adtr_pytorch.py parity --weights w.safetensors --io io.safetensors [--tolerance 1e-4]
        Builds the model from the weights file's metadata, runs the eval-mode forward on io's "input" and
        compares with io's "output" (written by Kensa). Prints max_abs_diff=...; exit 1 above tolerance.
    adtr_pytorch.py bench [--precision fp32|bf16] [--threads 1] [--batch 8] ...
        The counterpart of bench_adtr: one key=value line in the same format.

Debian's /usr/bin/python3 with python3-torch 1.13 and python3-numpy; no other packages.
"""
import argparse
import json
import resource
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


# ---------------------------------------------------------------------------------------- safetensors

_NUMPY = {"F64": np.float64, "F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32,
          "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_, "BF16": np.uint16}


def read_safetensors(path):
    """Returns ({name: torch.Tensor}, metadata dict) of a safetensors file."""
    with open(path, "rb") as f:
        data = f.read()
    (header_len,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_len])
    base = 8 + header_len
    metadata = header.pop("__metadata__", {}) or {}
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[base + begin:base + end], dtype=_NUMPY[info["dtype"]]).reshape(info["shape"])
        t = torch.from_numpy(array.copy())
        if info["dtype"] == "BF16":
            t = t.view(torch.int16).view(torch.bfloat16)
        tensors[name] = t
    return tensors, metadata


# ---------------------------------------------------------------------------------------- the model

class Config:
    """Mirrors kensa::adtr::AdtrConfig (same defaults: Kensa's shipped recipe)."""

    def __init__(self, **kw):
        self.channels = 152
        self.grid = 14
        self.hidden_dim = 256
        self.heads = 8
        self.encoder_layers = 4
        self.decoder_layers = 4
        self.feedforward_dim = 1024
        self.dropout = 0.1
        self.query_mode = "none"
        self.pre_norm = True
        self.neighbour_mask = 7
        self.mask_encoder = True
        self.jitter_scale = 20.0
        for k, v in kw.items():
            if not hasattr(self, k):
                raise ValueError(f"unknown config field {k}")
            setattr(self, k, type(getattr(self, k))(v) if not isinstance(getattr(self, k), bool) else v)

    @staticmethod
    def from_metadata(meta):
        kw = {}
        for k, v in meta.items():
            if k in ("pre_norm", "mask_encoder"):
                kw[k] = v in ("1", "true")
            elif k in Config().__dict__:
                kw[k] = v
        return Config(**kw)


def neighbourhood_mask(grid, window):
    idx = torch.arange(grid * grid)
    row, col = idx // grid, idx % grid
    near = ((row[:, None] - row[None, :]).abs() <= window // 2) & ((col[:, None] - col[None, :]).abs() <= window // 2)
    return torch.zeros(grid * grid, grid * grid).masked_fill(near, float("-inf"))


class EncoderLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.pre_norm = c.pre_norm
        self.self_attn = nn.MultiheadAttention(c.hidden_dim, c.heads, dropout=c.dropout, batch_first=True)
        self.linear1 = nn.Linear(c.hidden_dim, c.feedforward_dim)
        self.linear2 = nn.Linear(c.feedforward_dim, c.hidden_dim)
        self.norm1 = nn.LayerNorm(c.hidden_dim)
        self.norm2 = nn.LayerNorm(c.hidden_dim)
        self.dropout = nn.Dropout(c.dropout)
        self.dropout1 = nn.Dropout(c.dropout)
        self.dropout2 = nn.Dropout(c.dropout)

    def ffn(self, x):
        return self.linear2(self.dropout(F.relu(self.linear1(x))))

    def attend(self, x, pos, mask):
        q = x + pos
        return self.self_attn(q, q, x, attn_mask=mask, need_weights=False)[0]

    def forward(self, x, pos, mask):
        if self.pre_norm:
            x = x + self.dropout1(self.attend(self.norm1(x), pos, mask))
            return x + self.dropout2(self.ffn(self.norm2(x)))
        x = self.norm1(x + self.dropout1(self.attend(x, pos, mask)))
        return self.norm2(x + self.dropout2(self.ffn(x)))


class DecoderLayer(nn.Module):
    """UniAD's decoder layer: queries attend to the encoder memory, then to the previous decoder output."""

    def __init__(self, c):
        super().__init__()
        self.pre_norm = c.pre_norm
        if c.query_mode == "per_layer":
            self.query = nn.Parameter(torch.empty(c.grid * c.grid, c.hidden_dim))
        self.memory_attn = nn.MultiheadAttention(c.hidden_dim, c.heads, dropout=c.dropout, batch_first=True)
        self.previous_attn = nn.MultiheadAttention(c.hidden_dim, c.heads, dropout=c.dropout, batch_first=True)
        self.linear1 = nn.Linear(c.hidden_dim, c.feedforward_dim)
        self.linear2 = nn.Linear(c.feedforward_dim, c.hidden_dim)
        self.norm1 = nn.LayerNorm(c.hidden_dim)
        self.norm2 = nn.LayerNorm(c.hidden_dim)
        self.norm3 = nn.LayerNorm(c.hidden_dim)
        self.dropout = nn.Dropout(c.dropout)
        self.dropout1 = nn.Dropout(c.dropout)
        self.dropout2 = nn.Dropout(c.dropout)
        self.dropout3 = nn.Dropout(c.dropout)

    def ffn(self, x):
        return self.linear2(self.dropout(F.relu(self.linear1(x))))

    def forward(self, tgt, memory, previous, pos, mask):
        n = memory.shape[0]
        if tgt.dim() == 2:
            tgt = tgt.unsqueeze(0).expand(n, -1, -1)
        mem_k, prev_k = memory + pos, previous + pos
        if self.pre_norm:
            t2 = self.norm1(tgt)
            tgt = tgt + self.dropout1(self.memory_attn(t2 + pos, mem_k, memory, attn_mask=mask, need_weights=False)[0])
            t2 = self.norm2(tgt)
            tgt = tgt + self.dropout2(self.previous_attn(t2 + pos, prev_k, previous, attn_mask=mask, need_weights=False)[0])
            return tgt + self.dropout3(self.ffn(self.norm3(tgt)))
        tgt = self.norm1(tgt + self.dropout1(self.memory_attn(tgt + pos, mem_k, memory, attn_mask=mask, need_weights=False)[0]))
        tgt = self.norm2(tgt + self.dropout2(self.previous_attn(tgt + pos, prev_k, previous, attn_mask=mask, need_weights=False)[0]))
        return self.norm3(tgt + self.dropout3(self.ffn(tgt)))


class AdtrTransformer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        t, d = c.grid * c.grid, c.hidden_dim
        self.input_proj = nn.Linear(c.channels, d)
        self.output_proj = nn.Linear(d, c.channels)
        self.pos_embed = nn.Parameter(torch.randn(t, d))
        if c.query_mode == "shared":
            self.query = nn.Parameter(torch.randn(t, d))
        self.encoder = nn.ModuleList([EncoderLayer(c) for _ in range(c.encoder_layers)])
        self.decoder = nn.ModuleList([DecoderLayer(c) for _ in range(c.decoder_layers)])
        if c.pre_norm:
            self.encoder_norm = nn.LayerNorm(d)
        self.decoder_norm = nn.LayerNorm(d)
        self.register_buffer("mask", neighbourhood_mask(c.grid, c.neighbour_mask) if c.neighbour_mask else None,
                             persistent=False)
        for layer in self.decoder:
            if hasattr(layer, "query"):
                nn.init.normal_(layer.query)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, features):
        c = self.c
        n = features.shape[0]
        tokens = features.flatten(2).transpose(1, 2)  # [N, T, C]
        if self.training and c.jitter_scale > 0:
            sigma = tokens.norm(dim=-1, keepdim=True) * (c.jitter_scale / c.channels)
            tokens = tokens + torch.randn_like(tokens) * sigma
        x = self.input_proj(tokens).float()  # residual stream in fp32 under autocast too, as Kensa
        input_tokens = x
        enc_mask = self.mask if c.mask_encoder else None
        for layer in self.encoder:
            x = layer(x, self.pos_embed, enc_mask)
        if c.pre_norm:
            x = self.encoder_norm(x)
        memory = previous = x
        for layer in self.decoder:
            query = layer.query if c.query_mode == "per_layer" else self.query if c.query_mode == "shared" else input_tokens
            previous = layer(query, memory, previous, self.pos_embed, self.mask)
        out = self.output_proj(self.decoder_norm(previous))
        return out.transpose(1, 2).reshape(n, c.channels, c.grid, c.grid)


# ---------------------------------------------------------------------------------------- commands

def parity(a):
    weights, meta = read_safetensors(a.weights)
    io, _ = read_safetensors(a.io)
    model = AdtrTransformer(Config.from_metadata(meta)).eval()
    missing, unexpected = model.load_state_dict(weights, strict=False)
    if missing or unexpected:
        print(f"error: weights do not fit: missing {missing}, unexpected {unexpected}", file=sys.stderr)
        return 2
    with torch.no_grad():
        out = model(io["input"])
    diff = (out - io["output"]).abs().max().item()
    print(f"max_abs_diff={diff:.3g} output_abs_max={io['output'].abs().max().item():.3g}")
    return 0 if diff <= a.tolerance else 1


def synthetic_features(n, channels, grid, gen):
    k = 6
    basis = torch.randn(k, 1, grid // 2 + 1, grid // 2 + 1, generator=gen)
    basis = F.interpolate(basis, size=(grid, grid), mode="bilinear", align_corners=True).reshape(k, grid * grid)
    mixing = torch.randn(n, channels, k, generator=gen) * 0.5 + torch.randn(1, channels, k, generator=gen)
    return torch.relu(mixing @ basis).reshape(n, channels, grid, grid)


def timed(warmup, repeats, fn):
    for _ in range(warmup):
        fn()
    ms = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1000.0)
    ms.sort()
    return ms[len(ms) // 2], ms[0]


def bench(a):
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    c = Config(channels=a.channels, grid=a.grid, hidden_dim=a.hidden, encoder_layers=a.encoder_layers,
               decoder_layers=a.decoder_layers, feedforward_dim=a.feedforward, dropout=a.dropout,
               neighbour_mask=a.neighbour_mask, query_mode=a.query)
    torch.manual_seed(0)
    model = AdtrTransformer(c)
    x = synthetic_features(a.batch, c.channels, c.grid, torch.Generator().manual_seed(1))
    bf16 = a.precision == "bf16"
    train = infer = (0.0, 0.0)
    if a.train:
        model.train()
        opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-4)

        def step():
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                loss = F.mse_loss(model(x).float(), x)
            opt.zero_grad()
            loss.backward()
            opt.step()

        train = timed(a.warmup, a.repeats, step)
    if a.infer:
        model.eval()

        def run():
            with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                rec = model(x).float()
                (rec - x).pow(2).sum(1).sqrt()

        infer = timed(a.warmup, a.repeats, run)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    b = a.batch
    print(f"impl=pytorch precision={a.precision} threads={torch.get_num_threads()} batch={b} "
          f"train_ms_per_image={train[0] / b:.2f} infer_ms_per_image={infer[0] / b:.2f} peak_rss_mb={rss:.0f} "
          f"best_train_ms_per_image={train[1] / b:.2f} best_infer_ms_per_image={infer[1] / b:.2f}")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parity")
    pp.add_argument("--weights", required=True)
    pp.add_argument("--io", required=True)
    pp.add_argument("--tolerance", type=float, default=1e-4)
    pb = sub.add_parser("bench")
    pb.add_argument("--precision", choices=["fp32", "bf16"], default="bf16")
    pb.add_argument("--threads", type=int, default=1)
    pb.add_argument("--batch", type=int, default=8)
    pb.add_argument("--repeats", type=int, default=5)
    pb.add_argument("--warmup", type=int, default=2)
    pb.add_argument("--channels", type=int, default=152)
    pb.add_argument("--grid", type=int, default=14)
    pb.add_argument("--hidden", type=int, default=256)
    pb.add_argument("--encoder-layers", type=int, default=4)
    pb.add_argument("--decoder-layers", type=int, default=4)
    pb.add_argument("--feedforward", type=int, default=1024)
    pb.add_argument("--dropout", type=float, default=0.1)
    pb.add_argument("--neighbour-mask", type=int, default=0)
    pb.add_argument("--query", default="per_layer")
    pb.add_argument("--train", type=lambda s: s.lower() in ("1", "true"), default=True)
    pb.add_argument("--infer", type=lambda s: s.lower() in ("1", "true"), default=True)
    a = p.parse_args()
    sys.exit(parity(a) if a.command == "parity" else bench(a))


if __name__ == "__main__":
    main()
