"""Soak: many thousands of parts through `kensa-cli watch --folder` with RSS and open files sampled, to show
that a long shift neither grows memory nor leaks file handles.

The script keeps a backlog of at most --backlog images in the hot folder (as a line would: the watcher moves
each inspected part into sorted/OK|NG), samples the watcher's resident memory (VmRSS) and its open file
descriptors (/proc/PID/fd) every --every parts, and prints them with the growth after the warm-up.

    /usr/bin/python3 bench/live/soak.py --cli build/app/cli/kensa-cli --model M.kensa --images DIR --count 10000
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time


def inspector_pid(pid):
    """kensa-cli re-executes itself once (OpenBLAS kernels): the working process is the child, if any."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            children = f.read().split()
        return int(children[0]) if children else pid
    except OSError:
        return pid


def sample(pid):
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return rss / 1024.0, len(os.listdir(f"/proc/{pid}/fd"))


def count_done(sorted_dir):
    return sum(len(os.listdir(os.path.join(sorted_dir, v))) for v in ("OK", "NG")
               if os.path.isdir(os.path.join(sorted_dir, v)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--images", required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--backlog", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    images = sorted(os.path.join(args.images, n) for n in os.listdir(args.images) if n.endswith((".png", ".jpg")))
    work = tempfile.mkdtemp(prefix="kensa-soak-")
    hot, out, sorted_dir = (os.path.join(work, d) for d in ("hot", "out", "sorted"))
    os.makedirs(hot)
    watcher = subprocess.Popen(
        [args.cli, "watch", "--model", args.model, "--folder", hot, "--out", out, "--sort-into", sorted_dir, "--move",
         "--stop-after", str(args.count), "--settle-ms", "50", "--poll-ms", "20", "--threads", str(args.threads)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)
    pid = inspector_pid(watcher.pid)
    written, next_sample, samples, start = 0, args.every, [], time.time()
    while watcher.poll() is None:
        done = count_done(sorted_dir)
        while written < args.count and written - done < args.backlog:
            source = images[written % len(images)]
            shutil.copyfile(source, os.path.join(hot, f"part_{written:06d}{os.path.splitext(source)[1]}"))
            written += 1
        if done >= next_sample:
            rss, fds = sample(pid)
            samples.append((done, rss, fds, time.time() - start))
            print(f"{done:6d} parts  RSS {rss:7.1f} MB  open files {fds:3d}  {done / (time.time() - start):5.1f} parts/s",
                  flush=True)
            next_sample += args.every
        time.sleep(0.05)
    err = watcher.stderr.read()
    if watcher.returncode != 0:
        raise SystemExit(f"watch failed ({watcher.returncode}): {err}")
    rows = sum(1 for _ in open(os.path.join(out, "results.csv"))) - 1
    shutil.rmtree(work)
    if len(samples) >= 2:
        first, last = samples[0], samples[-1]
        print(f"{rows} rows in results.csv; from {first[0]} to {last[0]} parts: RSS {first[1]:.1f} -> {last[1]:.1f} MB "
              f"({last[1] - first[1]:+.1f}), open files {first[2]} -> {last[2]}")


if __name__ == "__main__":
    main()
