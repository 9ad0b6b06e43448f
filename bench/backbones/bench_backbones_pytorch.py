#!/usr/bin/python3
"""The PyTorch counterpart of bench_backbones: the same networks (torchvision's, cut at the same
stages), eager mode, eval, no_grad, same threads. Prints one line in bench_backbones' format."""
import argparse
import resource
import time

import torch
import torchvision


def stages(arch: str) -> torch.nn.Module:
    if arch == "mobilenet_v2":
        # torchvision features[k + 1] is Keras block_k: blocks 0-10 end at features[11].
        return torchvision.models.mobilenet_v2().features[:12]
    if arch == "efficientnet_b4":
        return torchvision.models.efficientnet_b4().features[:6]  # through the stride-16, 160-channel stage
    if arch in ("resnet18", "resnet34"):
        m = getattr(torchvision.models, arch)()
        return torch.nn.Sequential(m.conv1, m.bn1, m.relu, m.maxpool, m.layer1, m.layer2, m.layer3)
    raise SystemExit(f"unknown backbone {arch}")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--backbone", default="mobilenet_v2")
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--repeats", type=int, default=10)
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    net = stages(a.backbone).eval()
    torch.manual_seed(0)
    x = torch.rand(a.batch, 3, a.size, a.size)
    times = []
    with torch.no_grad():
        for _ in range(2):
            net(x)
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            net(x)
            times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"impl=pytorch backbone={a.backbone} batch={a.batch} size={a.size} threads={torch.get_num_threads()} "
          f"median_ms_per_image={times[len(times) // 2] / a.batch:.2f} best_ms_per_image={times[0] / a.batch:.2f} "
          f"peak_rss_mb={rss_mb:.0f}")


if __name__ == "__main__":
    main()
