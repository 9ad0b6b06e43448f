#!/usr/bin/env bash
# Sets up (idempotent) and runs every test: unit tests, parity tests against TF.js and torchvision,
# metric checks against scikit-learn/SciPy, CLI end-to-end tests.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KENSA_BUILD_DIR:-$ROOT/build}
"$ROOT/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)" "$@"
