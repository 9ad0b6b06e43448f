#!/usr/bin/python3
"""The many-product quality benchmark: every method on every product of bench/quality, one table.

    /usr/bin/python3 bench/quality/run.py --cli build/app/cli/kensa-cli --work build/quality [--threads 2]
        [--jobs 1] [--products burlap,coin] [--variants adtr,patchcore] [--markdown docs-table.md]
        [--try "adtr-nm5=--neighbour-mask 5" ...]

Generates the products first (generate.py; skipped when up to date), then trains and evaluates each
variant with `kensa-cli compare`. Every variant sets the first 3 defect images of every type aside
(`--set-aside 3`: the most any variant trains on), so all are evaluated on the same test images and each
result can be cached on its own: a variant's result is reused while its options, the product's files, the
kensa-cli binary and the model it starts from (the ADTR+ variants refine the product's `adtr` model) are
unchanged (`--fresh` recomputes; `--reuse-results` keeps results of other builds).
"""
import argparse
import concurrent.futures
import functools
import hashlib
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import products  # noqa: E402

SET_ASIDE_PER_TYPE = 3  # defect images per type that no variant is evaluated on
SET_ASIDE = f"--set-aside {SET_ASIDE_PER_TYPE}"
# name -> kensa-cli train options (besides the set-aside). The ADTR+ variants refine the product's normal-only
# model (kensa-cli train --refine, its default 20 epochs), as a user who marks defects after a first review
# does in the app ("Refine"): as good as ADTR+ from scratch on this benchmark in ~60 % of the time.
VARIANTS = {
    "adtr": "",
    "adtr+synthetic": "--refine {models}/adtr.kensa --synthetic all",
    "adtr+real1": "--refine {models}/adtr.kensa --train-defects 1",
    "adtr+real3": "--refine {models}/adtr.kensa --train-defects 3",
    "patchcore": "--method patchcore",
    "padim": "--method padim",
    "spade": "--method spade",
    "diffusion": "--method diffusion",
}
# What a run without --variants runs: all but the diffusion denoiser (12-15 minutes of training per product on
# one thread; ask for it with --variants).
DEFAULT_VARIANTS = [v for v in VARIANTS if v != "diffusion"]
# Trained for minutes, not seconds: scheduled first so that parallel jobs end together.
LONG_VARIANTS = ("adtr", "diffusion")
METRICS = ("image_auroc", "pixel_auroc", "aupro")
LABELS = {"image_auroc": "image AUROC", "pixel_auroc": "pixel AUROC", "aupro": "AU-PRO@0.3"}


def variant_options(name, work=None, product=None):
    """{models} in a variant's options is WORK/models/PRODUCT (e.g. --refine {models}/adtr.kensa)."""
    options = f"{VARIANTS[name]} {SET_ASIDE}".strip()
    if work is not None:
        options = options.replace("{models}", os.path.join(work, "models", product))
    return options


def base_variants(name):
    """The variants whose models a variant starts from ({models}/NAME.kensa in its options)."""
    words = VARIANTS[name].split()
    bases = [os.path.basename(w)[:-len(".kensa")] for w in words if w.startswith("{models}/") and w.endswith(".kensa")]
    for base in bases:
        if base not in VARIANTS:
            raise SystemExit(f"variant '{name}' starts from {{models}}/{base}.kensa, but there is no variant '{base}'")
    return bases


def referenced_models_digest(options):
    """Of the model files the options name (--refine): a result is reused only while they are unchanged."""
    words = options.split()
    return "|".join(file_digest(words[i + 1]) for i, w in enumerate(words[:-1]) if w == "--refine")


def result_key(args, product, name):
    """What a cached result must match: the product's files, the options, the threads and the models the
    options start from (known only once those are trained)."""
    options = variant_options(name, args.work, product)
    refined = referenced_models_digest(options)
    stamp = product_digest(os.path.join(args.work, "products", product))
    return hashlib.sha256((f"{stamp}|{options}|{args.threads}" + (f"|{refined}" if refined else "")).encode()
                          ).hexdigest()[:16]


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=None)  # every variant of a product asks; the products do not change during a run
def product_digest(root):
    """Of the product's files (names and bytes): a regenerated product with the same images keeps its
    cached results."""
    h = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            h.update(os.path.relpath(path, root).encode())
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()[:16]


def run_variant(args, product, name, binary, keep_model):
    """keep_model: write WORK/models/PRODUCT/NAME.kensa (other variants start from it, or --keep-models)."""
    key = result_key(args, product, name)
    model = os.path.join(args.work, "models", product, name + ".kensa")
    cache = os.path.join(args.work, "results", product, name + ".json")
    if not args.fresh and os.path.exists(cache):
        with open(cache) as f:
            stored = json.load(f)
        # A kept model must be the one this result was measured with (a later run may have replaced it).
        model_matches = not keep_model or (os.path.exists(model) and stored.get("model") == file_digest(model))
        if stored.get("key") == key and (stored.get("binary") == binary or args.reuse_results) and model_matches:
            return stored["result"], True
    command = [args.cli, "compare", "--data", os.path.join(args.work, "products", product), "--json",
               "--threads", str(args.threads), "--variant", f"{name}={variant_options(name, args.work, product)}"]
    if keep_model:
        command += ["--out-dir", os.path.dirname(model)]
    log = os.path.join(args.work, "results", product, name + ".log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    start = time.time()
    with open(log, "w") as err:
        out = subprocess.run(command, stdout=subprocess.PIPE, stderr=err, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{product} / {name} failed (exit {out.returncode}); see {log}")
    result = json.loads(out.stdout)[0]
    result["wall_seconds"] = time.time() - start
    stored = {"key": key, "binary": binary, "command": command, "result": result}
    if keep_model:
        stored["model"] = file_digest(model)
    with open(cache, "w") as f:
        json.dump(stored, f, indent=1)
    return result, False


def pct(v):
    return "-" if v is None else f"{100 * v:.1f}"


def markdown(results, product_names, variant_names, tried=()):
    """tried: candidate variants (--try), which also get rows against adtr."""
    lines = []
    for metric in METRICS:
        lines.append(f"**{LABELS[metric]}** (per product and mean over products)\n")
        lines.append("| variant | " + " | ".join(product_names) + " | **mean** |")
        lines.append("|---" * (len(product_names) + 2) + "|")
        for v in variant_names:
            values = [results[p][v][metric] for p in product_names if v in results[p]]
            mean = sum(values) / len(values) if len(values) == len(product_names) and None not in values else None
            lines.append(f"| {v} | " + " | ".join(pct(results[p].get(v, {}).get(metric)) for p in product_names)
                         + f" | **{pct(mean)}** |")
        # ADTR variants and the denoiser against PatchCore, and tried variants against the defaults (adtr).
        pairs = [(v, "patchcore") for v in variant_names if v.startswith("adtr") or v == "diffusion"]
        pairs += [(v, "adtr") for v in tried]
        for v, base in ((v, b) for v, b in pairs if b in variant_names):
            deltas = [results[p][v][metric] - results[p][base][metric]
                      if v in results[p] and base in results[p] else None for p in product_names]
            known = [d for d in deltas if d is not None]
            lines.append(f"| {v} - {base} | " + " | ".join("-" if d is None else f"{100 * d:+.1f}" for d in deltas)
                         + (f" | **{100 * sum(known) / len(known):+.1f}** |" if len(known) == len(deltas) else " | - |"))
        lines.append("")
    lines.append("**Training time, s** (features, fit and held-out thresholds)\n")
    lines.append("| variant | " + " | ".join(product_names) + " | **total** |")
    lines.append("|---" * (len(product_names) + 2) + "|")
    for v in variant_names:
        secs = [results[p][v]["training_seconds"] for p in product_names if v in results[p]]
        lines.append(f"| {v} | " + " | ".join(f"{results[p][v]['training_seconds']:.0f}" if v in results[p] else "-"
                                               for p in product_names) + f" | **{sum(secs):.0f}** |")
    lines.append("")
    return "\n".join(lines)


def per_type_markdown(results, product_names, variant_names, metric="aupro"):
    lines = [f"**{LABELS[metric]} per defect type**\n",
             "| product | defect type | " + " | ".join(variant_names) + " |",
             "|---" * (len(variant_names) + 2) + "|"]
    for p in product_names:
        types = sorted(next(iter(results[p].values()))["per_defect_type"]) if results[p] else []
        for t in types:
            lines.append(f"| {p} | {t} | " + " | ".join(
                pct(results[p][v]["per_defect_type"].get(t, {}).get(metric)) if v in results[p] else "-"
                for v in variant_names) + " |")
    lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True, help="kensa-cli binary")
    parser.add_argument("--work", required=True, help="products go to WORK/products, results to WORK/results")
    parser.add_argument("--threads", type=int, default=2, help="threads of each kensa-cli job")
    parser.add_argument("--jobs", type=int, default=1,
                        help="kensa-cli jobs at a time (on 2 cores, --jobs 2 --threads 1 trains 1.22x as many "
                             "models per hour as one job on 2 threads; each job's times are then 1-thread times "
                             "on a shared machine)")
    parser.add_argument("--products", default=",".join(products.PRODUCTS))
    parser.add_argument("--variants", default=",".join(DEFAULT_VARIANTS))
    parser.add_argument("--seed", type=int, default=1, help="product generation seed")
    parser.add_argument("--fresh", action="store_true", help="ignore cached results")
    parser.add_argument("--reuse-results", action="store_true",
                        help="reuse cached results made by another kensa-cli build (when the change cannot "
                             "affect them, e.g. an ADTR change for PatchCore's rows)")
    parser.add_argument("--keep-models", action="store_true", help="keep the models in WORK/models/PRODUCT/")
    parser.add_argument("--markdown", help="also write the tables to this file")
    parser.add_argument("--try", dest="tried", action="append", default=[], metavar='NAME="OPTIONS"',
                        help="also run a candidate variant: kensa-cli train options, compared with adtr too")
    args = parser.parse_args()
    product_names = [p for p in args.products.split(",") if p]
    variant_names = [v for v in args.variants.split(",") if v]
    tried = []
    for item in args.tried:
        name, sep, options = item.partition("=")
        if not sep or not name or name in VARIANTS:
            parser.error(f"--try {item}: expected a new NAME=\"options\"")
        VARIANTS[name] = options
        tried.append(name)
        if name not in variant_names:
            variant_names.append(name)
    for v in variant_names:
        if v not in VARIANTS:
            parser.error(f"unknown variant '{v}' (known: {', '.join(VARIANTS)})")

    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", os.path.join(args.work, "products"),
                    "--products", ",".join(product_names), "--seed", str(args.seed)], check=True)
    needed = list(variant_names)  # a refinement needs the model it starts from, and so on
    while needed:
        for base in base_variants(needed.pop()):
            if base not in variant_names:
                variant_names.insert(0, base)
                needed.append(base)
    bases = {b for v in variant_names for b in base_variants(v)}
    binary = file_digest(args.cli)
    results = {p: {} for p in product_names}
    # At most --jobs at a time, the longest first: ADTR trainings, then refinements, then the reference
    # methods (seconds each), so that parallel jobs end together rather than one ADTR job alone. A
    # refinement becomes ready once the model it starts from is trained.
    def priority(task):
        return 0 if task[1] in LONG_VARIANTS else 1 if base_variants(task[1]) else 2
    ready = [(p, v) for p in product_names for v in variant_names if not base_variants(v)]
    waiting = {(p, v): set(base_variants(v)) for p in product_names for v in variant_names if base_variants(v)}
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        running = {}
        while ready or running:
            ready.sort(key=priority)
            while ready and len(running) < max(1, args.jobs):
                p, v = ready.pop(0)
                running[pool.submit(run_variant, args, p, v, binary, args.keep_models or v in bases)] = (p, v)
            done = next(concurrent.futures.as_completed(running))
            p, v = running.pop(done)
            try:
                result, cached = done.result()
            except RuntimeError as failure:
                pool.shutdown(cancel_futures=True)  # the jobs running now still finish
                sys.exit(str(failure))
            for (wp, wv), needs in list(waiting.items()):
                if wp == p:
                    needs.discard(v)
                    if not needs:
                        del waiting[(wp, wv)]
                        ready.append((wp, wv))
            results[p][v] = result
            print(f"{p:10s} {v:15s} " + " ".join(f"{pct(result[m]):>5s}" for m in METRICS) +
                  f"  train {result['training_seconds']:6.1f} s  {result['ms_per_image']:6.1f} ms/image"
                  + ("  (cached)" if cached else ""), flush=True)
    print(f"benchmark wall time {time.time() - start:.0f} s (cached results excluded)")
    tables = markdown(results, product_names, variant_names, tried) + "\n" + per_type_markdown(results, product_names, variant_names)
    print(tables)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(tables)


if __name__ == "__main__":
    main()
