#!/usr/bin/env bash
# Prepares Kensa's default backbone weights: the ImageNet-pretrained lower part of the MobileNetV2 that
# npm's nsfwjs@4.3.0 ships (MIT), converted to <build-dir>/weights/mobilenet_v2_nsfwjs.safetensors.
#
# usage: scripts/prepare_backbone_weights.sh <build-dir>
#
# Needs node (>= 18) and npm with access to the npm registry. Idempotent: the package tarball and its
# extracted copy are cached under <build-dir>/third_party/, and the conversion is skipped while its output
# is newer than the converter.
set -euo pipefail

NSFWJS_VERSION=4.3.0
# sha256 of the registry tarball (npm integrity sha512-WTKDte0vp1X97N1h...), so the weights never change.
NSFWJS_SHA256=4496790efc9bdc6f3e85a826a8e482c1fa1e9db4b3d18c095e98cc0c73cfb12f

if [[ $# -ne 1 ]]; then
    echo "usage: $0 <build-dir>" >&2
    exit 2
fi
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=$(mkdir -p "$1" && cd "$1" && pwd)
third_party="$build_dir/third_party"
package_dir="$third_party/nsfwjs-$NSFWJS_VERSION"
tarball="$third_party/nsfwjs-$NSFWJS_VERSION.tgz"
output="$build_dir/weights/mobilenet_v2_nsfwjs.safetensors"
converter=("$script_dir"/nsfwjs/convert.mjs "$script_dir"/nsfwjs/nsfwjs_bundle.mjs "$script_dir"/nsfwjs/safetensors.mjs)

for tool in node npm tar sha256sum; do
    command -v "$tool" >/dev/null || { echo "error: '$tool' not found; install it (node and npm: apt-get install nodejs npm)" >&2; exit 1; }
done

up_to_date=1
[[ -f "$output" ]] || up_to_date=0
for f in "${converter[@]}"; do
    [[ $up_to_date -eq 1 && "$f" -nt "$output" ]] && up_to_date=0
done
if [[ $up_to_date -eq 1 ]]; then
    echo "backbone weights up to date: $output"
    exit 0
fi

# Work happens in private temporary directories renamed into place, so an interrupted or concurrent run
# (the set-up script and a CTest fixture) never leaves or sees a half-written cache.
mkdir -p "$third_party" "$build_dir/weights"
tmp_dir=$(mktemp -d "$third_party/.prepare.XXXXXX")
trap 'rm -rf "$tmp_dir"' EXIT
if [[ ! -f "$tarball" ]]; then
    echo "fetching nsfwjs@$NSFWJS_VERSION from the npm registry (25 MB)..."
    (cd "$tmp_dir" && npm pack "nsfwjs@$NSFWJS_VERSION" --silent >/dev/null)
    mv "$tmp_dir/nsfwjs-$NSFWJS_VERSION.tgz" "$tarball"
fi
if ! echo "$NSFWJS_SHA256  $tarball" | sha256sum --check --status; then
    echo "error: $tarball does not have the expected sha256 $NSFWJS_SHA256; delete it and run again" >&2
    exit 1
fi
if [[ ! -f "$package_dir/package.json" ]]; then
    mkdir "$tmp_dir/package"
    tar -xzf "$tarball" -C "$tmp_dir/package" --strip-components=1
    rm -rf "$package_dir"
    mv -T "$tmp_dir/package" "$package_dir" 2>/dev/null || [[ -f "$package_dir/package.json" ]]
fi

# convert.mjs writes to a temporary name and renames, so an interrupted run leaves no partial file.
node "$script_dir/nsfwjs/convert.mjs" "$package_dir" "$output"
