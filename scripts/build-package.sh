#!/usr/bin/env bash
# Builds the Debian package kensa_<version>_amd64.deb: the app, kensa-cli, the converted MobileNetV2
# weights, desktop integration, man pages generated from --help and the copyright file
# (installer/README.md lists its contents). Runs the set-up first (idempotent: apt packages, weights,
# build), then builds what the package needs and runs CPack's DEB generator.
#
#   scripts/build-package.sh                  # package from ./build (KENSA_BUILD_DIR overrides)
#   scripts/build-package.sh --no-setup [-DVAR=VALUE ...]
#                                             # an already configured build tree; extra CMake settings
#
# Prints the package's path: <build>/package/kensa_<version>_amd64.deb. scripts/check-package.sh tests it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KENSA_BUILD_DIR:-$ROOT/build}
setup=1
cmake_args=()
for arg in "$@"; do
    case "$arg" in
        --no-setup) setup=0 ;;
        -D*) cmake_args+=("$arg") ;;
        -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: $0 [--no-setup] [-DVAR=VALUE ...]" >&2; exit 2 ;;
    esac
done

if ((setup)); then
    KENSA_BUILD_DIR=$BUILD "$ROOT/scripts/setup.sh"
fi
for tool in cmake cpack ninja help2man dpkg-shlibdeps dpkg-deb file gzip; do
    command -v "$tool" >/dev/null || { echo "error: '$tool' not found; run scripts/setup.sh (it installs it)" >&2; exit 1; }
done

echo "== configure ($BUILD)"
if [ -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD" "${cmake_args[@]}" >/dev/null
else
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}" >/dev/null
fi
cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt"; }
weights=$(cache_value KENSA_WEIGHTS_DIR)/mobilenet_v2_nsfwjs.safetensors
if [ ! -f "$weights" ]; then
    echo "error: $weights is missing: run scripts/setup.sh (or scripts/prepare_backbone_weights.sh $BUILD)" >&2
    exit 1
fi
if [ "$(cache_value KENSA_BUILD_GUI)" != ON ]; then
    echo "error: the build has no desktop app (KENSA_BUILD_GUI is off or Qt 6 was not found); the package needs it" >&2
    exit 1
fi
if [[ "$(cache_value KENSA_HELP2MAN)" != /* ]]; then
    echo "error: no man_pages target: CMake did not find help2man for $BUILD" >&2
    exit 1
fi

echo "== build (kensa, kensa-cli, man pages)"
# Each LibTorch translation unit needs ~1 GB to compile: cap parallel jobs by memory as well as cores.
jobs=$(nproc)
mem_jobs=$(( $(awk '/MemAvailable/ {print $2}' /proc/meminfo) / 1500000 ))
(( mem_jobs < jobs )) && jobs=$(( mem_jobs > 0 ? mem_jobs : 1 ))
cmake --build "$BUILD" --target kensa kensa-cli man_pages -j "$jobs"

echo "== package"
rm -rf "$BUILD/package" "$BUILD/_CPack_Packages"
(cd "$BUILD" && cpack -G DEB --config CPackConfig.cmake)
shopt -s nullglob
debs=("$BUILD"/package/kensa_*.deb)
if ((${#debs[@]} != 1)); then
    echo "error: expected one kensa_*.deb in $BUILD/package, found ${#debs[@]}" >&2
    exit 1
fi
deb=${debs[0]}
echo "== $(basename "$deb"): $(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
dpkg-deb -f "$deb" Depends Recommends | sed 's/^/   /'
echo "$deb"
