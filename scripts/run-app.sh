#!/usr/bin/env bash
# Kensa's main command: sets up (idempotent), then starts the desktop app on its start page, where the
# bundled sample project is one click away ("Open the sample project"). Without a display (SSH, CI) it
# says so and runs the headless demo instead (scripts/run-demo.sh). Arguments go to the app, e.g.
#   scripts/run-app.sh --sample        # open the sample project directly
#   scripts/run-app.sh PROJECT_FOLDER  # open a project
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KENSA_BUILD_DIR:-$ROOT/build}
"$ROOT/scripts/setup.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "== no display: running the headless demo instead of the app (scripts/run-demo.sh)" >&2
    exec "$BUILD/app/cli/kensa-cli" demo --work-dir "$BUILD/demo"
fi
exec "$BUILD/app/gui/kensa" "$@"
