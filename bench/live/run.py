"""Watch-mode throughput and latency: `kensa-cli watch --folder` on a hot folder that this script writes
images into, the way a line PC does (each file written in place, in two halves with a pause, so the
watcher must wait for the complete write).

Latency is from the end of a file's write (this script's clock) to its verdict's row in results.csv
(kensa-cli's clock; same machine). Throughput is parts per second over a burst (every image written at
once, the line far ahead of inspection) and the latency is also measured at a steady rate below the
throughput (one part every --interval seconds).

    /usr/bin/python3 bench/live/run.py --cli build/app/cli/kensa-cli --model M.kensa --images DIR
"""
import argparse
import csv
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def write_like_a_line(source, target, pause):
    data = open(source, "rb").read()
    with open(target, "wb") as f:
        f.write(data[: len(data) // 2])
        f.flush()
        time.sleep(pause)
        f.write(data[len(data) // 2:])
    return time.time()


def run(cli, model, images, count, interval, threads, pause, watch_options):
    work = tempfile.mkdtemp(prefix="kensa-live-")
    hot, out = os.path.join(work, "hot"), os.path.join(work, "out")
    os.makedirs(hot)
    watcher = subprocess.Popen(
        [cli, "watch", "--model", model, "--folder", hot, "--out", out, "--stop-after", str(count),
         "--threads", str(threads), "--sort-into", os.path.join(work, "sorted"), "--move"] + watch_options,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)  # the model loads
    written = {}
    start = time.time()
    for i in range(count):
        source = images[i % len(images)]
        name = f"part_{i:05d}{os.path.splitext(source)[1]}"
        written[name] = write_like_a_line(source, os.path.join(hot, name), pause)
        if interval > 0:
            time.sleep(max(0.0, interval - pause))
    out_text, err_text = watcher.communicate(timeout=600)
    if watcher.returncode != 0:
        sys.exit(f"watch failed: {err_text}")
    latencies, last = [], 0.0
    with open(os.path.join(out, "results.csv")) as f:
        for row in csv.DictReader(f):
            when = datetime.datetime.fromisoformat(row["time"]).timestamp()
            latencies.append(1000.0 * (when - written[os.path.basename(row["part"])]))
            last = max(last, when)
    shutil.rmtree(work)
    return {"parts": len(latencies), "seconds": last - start, "latencies": latencies}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--images", required=True, help="folder of images to replay")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between parts at the steady rate")
    parser.add_argument("--pause", type=float, default=0.05, help="pause within each file's write")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--watch-options", default="", help="more kensa-cli watch options, e.g. '--settle-ms 100'")
    args = parser.parse_args()
    images = sorted(os.path.join(args.images, n) for n in os.listdir(args.images)
                    if n.lower().endswith((".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")))
    extra = args.watch_options.split()
    burst = run(args.cli, args.model, images, args.count, 0.0, args.threads, args.pause, extra)
    steady = run(args.cli, args.model, images, max(10, args.count // 4), args.interval, args.threads, args.pause, extra)
    for label, r in (("burst", burst), (f"one part every {args.interval} s", steady)):
        lat = sorted(r["latencies"])
        print(f"{label}: {r['parts']} parts, {r['parts'] / r['seconds']:.2f} parts/s; latency from write to verdict "
              f"median {statistics.median(lat):.0f} ms, 95th percentile {lat[int(0.95 * (len(lat) - 1))]:.0f} ms, "
              f"max {lat[-1]:.0f} ms")


if __name__ == "__main__":
    main()
