#!/usr/bin/env bash
# Sets up (idempotent) and runs Kensa's main job: the headless demo on the bundled sample product.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KENSA_BUILD_DIR:-$ROOT/build}
"$ROOT/scripts/setup.sh"
exec "$BUILD/app/cli/kensa-cli" demo --work-dir "$BUILD/demo" "$@"
