#!/usr/bin/env bash
# Builds Kensa under a sanitizer and runs its suites there (CMakePresets.json):
#     scripts/sanitize.sh asan [CTEST ARGS...]   ASan + UBSan, every suite (build-asan/)
#     scripts/sanitize.sh tsan [CTEST ARGS...]   TSan, the threaded parts: the app's suites, the line, batch
#                                                inspection (build-tsan/)
# Extra arguments go to ctest (e.g. -R InspectionRun). Needs the weights of the normal build
# (scripts/setup.sh) for the suites that train real models. A sanitized build takes about as long as the
# normal one (two cores: ~25 min); the suites run 2-5x slower. Leak checking is off (Qt's, fontconfig's and
# LibTorch's process-lifetime allocations would fail every test at exit); memory growth is measured by the
# soaks instead (docs/reliability.md).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-}
case "$preset" in
    asan | tsan) shift ;;
    *) sed -n 2,11p "$0"; exit 2 ;;
esac
cd "$ROOT"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" "$@"
