#!/usr/bin/env bash
# Writes the TF.js parity reference for kensa::nn::MobileNetV2 (tests/parity_tfjs runs this as a CTest
# fixture). Prepares the weights, installs @tensorflow/tfjs into <build-dir>/third_party/tfjs (once,
# ~15 s, 300 MB), then runs reference.mjs unless <output> is newer than everything it depends on.
#
# usage: scripts/nsfwjs/make_parity_reference.sh <build-dir> <output.safetensors>
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 <build-dir> <output.safetensors>" >&2
    exit 2
fi
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=$(mkdir -p "$1" && cd "$1" && pwd)
output=$2
tfjs_dir="$build_dir/third_party/tfjs"
package_dir="$build_dir/third_party/nsfwjs-4.3.0"
photo=/usr/lib/python3/dist-packages/skimage/data/chelsea.png

[[ -f "$photo" ]] || { echo "error: $photo not found: apt-get install python3-skimage" >&2; exit 1; }

"$script_dir/../prepare_backbone_weights.sh" "$build_dir"

# The installed copy of package.json marks a finished install of exactly these versions.
if ! cmp -s "$script_dir/package.json" "$tfjs_dir/package.json"; then
    echo "installing @tensorflow/tfjs into $tfjs_dir ..."
    tmp_dir=$(mktemp -d "$build_dir/third_party/.tfjs.XXXXXX")
    trap 'rm -rf "$tmp_dir"' EXIT
    cp "$script_dir/package.json" "$tmp_dir/"
    (cd "$tmp_dir" && npm install --no-audit --no-fund --loglevel=error)
    rm -rf "$tfjs_dir"
    mv -T "$tmp_dir" "$tfjs_dir"
fi

for f in "$script_dir"/reference.mjs "$script_dir"/nsfwjs_bundle.mjs "$script_dir"/safetensors.mjs \
         "$tfjs_dir/package.json" "$package_dir/package.json" "$photo"; do
    if [[ ! -f "$output" || "$f" -nt "$output" ]]; then
        mkdir -p "$(dirname "$output")"
        log="$output.log"
        if ! node "$script_dir/reference.mjs" "$tfjs_dir" "$package_dir" "$photo" "$output" >"$log" 2>&1; then
            cat "$log" >&2
            exit 1
        fi
        # TF.js prints a banner suggesting its native backend; the pure-JS one is the point here.
        grep -v -e '^=*$' -e 'tfjs-node' -e '^Hi, looks like' "$log" || true
        exit 0
    fi
done
echo "parity reference up to date: $output"
