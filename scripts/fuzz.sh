#!/usr/bin/env bash
# Builds the fuzz targets (tests/fuzz: libFuzzer with ASan + UBSan, clang) and runs each for a while.
#     scripts/fuzz.sh [--seconds N] [target ...]      (default: 600 s each, every target)
# Corpora grow in build/fuzz/corpus/<target> (seeded from real files Kensa writes and from
# tests/fuzz/regressions/<target>, inputs that once crashed it), crashes land in
# build/fuzz/crashes/<target>/; the summary gives each target's executions and time. Exit 1 on a crash.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${KENSA_FUZZ_DIR:-$ROOT/build/fuzz}
SECONDS_EACH=600
TARGETS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) SECONDS_EACH=$2; shift 2 ;;
        -h|--help) sed -n 2,6p "$0"; exit 0 ;;
        *) TARGETS+=("$1"); shift ;;
    esac
done
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(image_header image_decode mask safetensors model_bundle project_file cifar_batch idx_file)

command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang (apt install clang)" >&2; exit 2; }
cmake -S "$ROOT/tests/fuzz" -B "$OUT/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None >/dev/null
cmake --build "$OUT/build" -j "$(nproc)"
"$OUT/build/make_fuzz_seeds" "$OUT/seeds"

# One target: fuzzes it and writes its summary line to $OUT/<target>.summary. libFuzzer runs single-threaded,
# so as many targets run at once as there are cores.
fuzz_one() {
    local t=$1 corpus=$OUT/corpus/$1 crashes=$OUT/crashes/$1 log=$OUT/$1.log result runs
    mkdir -p "$corpus" "$crashes"
    cp -n "$OUT/seeds/$t"/* "$corpus"/ 2>/dev/null || true
    # Inputs that once crashed a target: run again first, under the sanitizers, on every run.
    cp -n "$ROOT/tests/fuzz/regressions/$t"/* "$corpus"/ 2>/dev/null || true
    if "$OUT/build/fuzz_$t" "$corpus" -dict="$ROOT/tests/fuzz/kensa.dict" -max_total_time="$SECONDS_EACH" \
        -rss_limit_mb=4096 -timeout=20 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
        result=clean
    else
        result="FAILED (see $log, inputs in $crashes)"
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    printf '%-14s %10s runs in %5s s, corpus %4s files: %s\n' "$t" "$runs" "$SECONDS_EACH" \
        "$(ls "$corpus" | wc -l)" "$result" >"$OUT/$t.summary"
}

running=0
for t in "${TARGETS[@]}"; do
    rm -f "$OUT/$t.summary"  # a target that dies before writing its own must not show the last run's
    if (( running >= $(nproc) )); then
        wait -n || true
        running=$((running - 1))
    fi
    fuzz_one "$t" &
    running=$((running + 1))
done
wait
status=0
for t in "${TARGETS[@]}"; do
    if [[ -f $OUT/$t.summary ]]; then
        cat "$OUT/$t.summary"
        grep -q ': clean$' "$OUT/$t.summary" || status=1
    else
        echo "$t: FAILED (no summary: the run stopped early, see $OUT/$t.log)"
        status=1
    fi
done
exit $status
