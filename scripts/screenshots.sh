#!/usr/bin/env bash
# Screenshots of the desktop app for docs/screenshots/, taken under Xvfb with ImageMagick's `import`:
#   main-window.png  the sample project open, a defect image selected
#   canvas.png       the canvas zoomed in, a brush stroke drawn and a polygon being drawn
#   start-page.png   the window without a project
#   synthetic-panel.png  the synthetic-defect panel: core's generators, a preview grid with masks
#   training-panel.png   the training panel mid-run (loss curve, progress, time left); the app saves it
#                        itself when 40 steps are in (--screenshot), as the moment varies with the machine
#   inspection.png       after a short training (4 epochs), a defect image with heatmap, outline and verdict
#   review.png, plots.png  after a short training, the test images inspected as a batch: review list, plots,
#                        the worst image confirmed NG and the next flagged one in the inspection view
#   region.png           the region of interest drawn on the canvas (a polygon), the Training panel showing it
#   run.png              after a short training, the Run dock on a hot folder the sample's test images are
#                        written into: counters, the latest NG parts with their heatmaps
#   report-page-N.png    the same state's PDF report (Export report…), its pages rendered at 55 dpi
#   classification-review.png  an image-classification project of 28 px parts (scripts/tiny_classification_project.py)
#                        after a short training and a batch review: image ROC and histogram, the pixel panels'
#                        "does not apply" notes
#   *-ja.png             with KENSA_SCREENSHOT_LANG=ja: the main views with the app in Japanese (main window,
#                        synthetic panel, review); only these are taken then (needs fonts-noto-cjk)
# Usage: scripts/screenshots.sh [BUILD_DIR]   (needs the `kensa` target built; xvfb, imagemagick, poppler-utils)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-${KENSA_BUILD_DIR:-$ROOT/build}}
OUT=$ROOT/docs/screenshots
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A fresh settings folder and sample product, so the shots never depend on this user's state.
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data KENSA_SAMPLE_DIR=$WORK/sample

shoot() {  # name, app arguments...
    local name=$1; shift
    SHOT="$OUT/$name.png" xvfb-run -a -s "-screen 0 1600x1000x24" bash -c \
        '"$0" "$@" & pid=$!; sleep 6; import -window root "$SHOT"; kill $pid; wait $pid 2>/dev/null || true' \
        "$BUILD/app/gui/kensa" "$@"
    echo "wrote $OUT/$name.png"
}
shoot_when_ready() {  # name, app arguments...: the app writes the file and quits
    local name=$1; shift
    timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$BUILD/app/gui/kensa" --screenshot "$OUT/$name.png" "$@"
    echo "wrote $OUT/$name.png"
}
if [ "${KENSA_SCREENSHOT_LANG:-en}" = ja ]; then
    # The app follows the system's language (unless a user chose one in View > Language).
    unset LC_ALL; export LANG=ja_JP.UTF-8 LANGUAGE=ja
    shoot main-window-ja --screenshot-demo main
    shoot synthetic-panel-ja --screenshot-demo synthetic
    # The review stage also writes plots.png beside its shot: keep that one out of docs/.
    mkdir -p "$WORK/ja"
    timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$BUILD/app/gui/kensa" --screenshot "$WORK/ja/review-ja.png" --screenshot-demo review
    cp "$WORK/ja/review-ja.png" "$OUT/"
    echo "wrote $OUT/review-ja.png"
    exit 0
fi
shoot start-page --screenshot-demo start
shoot main-window --screenshot-demo main
shoot synthetic-panel --screenshot-demo synthetic
shoot_when_ready training-panel --screenshot-demo training
shoot_when_ready inspection --screenshot-demo inspection
shoot_when_ready review --screenshot-demo review  # also writes plots.png
shoot_when_ready run --screenshot-demo run
# The report needs no display: the app writes report.html/.csv/.pdf into $WORK and quits.
QT_QPA_PLATFORM=offscreen timeout 600 "$BUILD/app/gui/kensa" --screenshot-demo report --screenshot "$WORK/report.html"
rm -f "$OUT"/report-page-*.png
pdftoppm -r 55 -png "$WORK/report.pdf" "$OUT/report-page"
echo "wrote $OUT/report-page-*.png ($(pdfinfo "$WORK/report.pdf" | awk '/^Pages:/ {print $2}') pages)"
# An image-classification project of tiny parts (PIL from Debian's python3), reviewed after a short training.
/usr/bin/python3 "$ROOT/scripts/tiny_classification_project.py" "$WORK/tiny" >/dev/null
# Shot into $WORK: the review stage writes plots.png beside it, which must not replace the sample's.
timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$BUILD/app/gui/kensa" --screenshot "$WORK/tiny/classification-review.png" --screenshot-demo review "$WORK/tiny/project"
cp "$WORK/tiny/classification-review.png" "$OUT/"
echo "wrote $OUT/classification-review.png"
shoot region --screenshot-demo region  # its region is saved into the sample project: after the trained shots
shoot canvas --screenshot-demo canvas  # last: its stroke is autosaved into the sample project
