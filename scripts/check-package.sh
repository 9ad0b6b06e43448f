#!/usr/bin/env bash
# Checks the Debian package as a user's machine gets it: lintian, then `apt-get install ./kensa_*.deb`,
# the INSTALLED programs run from outside the source and build trees (kensa-cli demo with short settings,
# kensa --version offscreen), the packaged weights found with no environment variable, desktop-file-validate
# and appstreamcli on the installed files; then `apt-get purge kensa` (and of what the install pulled in)
# and a check that nothing is left behind. Needs root or sudo; refuses to run when kensa is installed.
#
#   scripts/check-package.sh [DEB]     # default: the one scripts/build-package.sh made in ./build/package
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KENSA_BUILD_DIR:-$ROOT/build}
if (($# > 1)) || [[ ${1:-} == -* ]]; then
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
fi
if (($#)); then
    deb=$1
else
    shopt -s nullglob
    debs=("$BUILD"/package/kensa_*.deb)
    ((${#debs[@]} == 1)) || { echo "error: no single $BUILD/package/kensa_*.deb; run scripts/build-package.sh" >&2; exit 1; }
    deb=${debs[0]}
fi
deb=$(realpath "$deb")
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
apt_get() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@"; }
for tool in lintian desktop-file-validate appstreamcli dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "error: '$tool' not found; run scripts/setup.sh (it installs it)" >&2; exit 1; }
done
if dpkg-query -W -f='${Status}' kensa 2>/dev/null | grep -q "ok installed"; then
    echo "error: kensa is installed already; this check installs and purges it, so remove it first" >&2
    exit 1
fi

work=$(mktemp -d /tmp/kensa-package-check.XXXXXX)
installed_before=$work/installed-before
installed=0
cleanup() {
    if ((installed)); then
        echo "== purge (cleanup after a failure)"
        apt_get purge kensa >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

echo "== $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends Recommends | sed 's/^/   /'

echo "== lintian"
# Errors and warnings fail the check; informational tags are shown too.
if lintian --fail-on error,warning --display-info "$deb"; then ok "lintian: no errors or warnings"; else fail "lintian"; fi

echo "== apt-get install ./$(basename "$deb")"
dpkg-query -W -f='${Package}\n' | sort >"$installed_before"
installed=1
(cd "$(dirname "$deb")" && apt_get install "./$(basename "$deb")") | grep -E '^(Get|Setting up|NOTE|E:)' || true
dpkg-query -W -f='${Status}' kensa 2>/dev/null | grep -q "ok installed" || { echo "FAIL: kensa did not install"; exit 1; }
pulled_in=$(comm -13 "$installed_before" <(dpkg-query -W -f='${Package}\n' | sort) | grep -vx kensa || true)
ok "installed; pulled in: ${pulled_in:-nothing}"

echo "== installed files"
for f in /usr/bin/kensa /usr/bin/kensa-cli /usr/share/kensa/weights/mobilenet_v2_nsfwjs.safetensors \
         /usr/share/applications/kensa.desktop /usr/share/icons/hicolor/scalable/apps/kensa.svg \
         /usr/share/mime/packages/kensa.xml /usr/share/doc/kensa/copyright /usr/share/doc/kensa/changelog.gz \
         /usr/share/man/man1/kensa.1.gz /usr/share/man/man1/kensa-cli.1.gz /usr/share/man/man1/kensa-cli-demo.1.gz; do
    [ -f "$f" ] && ok "$f" || fail "$f is missing"
done
metainfo=$(dpkg -L kensa | grep '^/usr/share/metainfo/.*\.metainfo\.xml$' || true)
[ -n "$metainfo" ] && [ -f "$metainfo" ] && ok "$metainfo" || fail "no AppStream metainfo"
echo "   $(dpkg -L kensa | grep -c '^/usr/share/man/man1/') man pages"
for exe in /usr/bin/kensa /usr/bin/kensa-cli; do
    if readelf -d "$exe" | grep -qE 'RPATH|RUNPATH'; then fail "$exe has an RPATH"; else ok "$exe: no RPATH"; fi
    file -b "$exe" | grep -q ', stripped' && ok "$exe: stripped" || fail "$exe is not stripped"
done
# dpkg triggers register the MIME type (shared-mime-info) and the desktop entry as its handler.
if command -v update-mime-database >/dev/null; then
    grep -q ':application/x-kensa-project:kensa-project.json' /usr/share/mime/globs2 &&
        ok "MIME type application/x-kensa-project (kensa-project.json) registered" ||
        fail "MIME type application/x-kensa-project not in the MIME database"
fi
if command -v update-desktop-database >/dev/null; then
    grep -q '^application/x-kensa-project=kensa.desktop' /usr/share/applications/mimeinfo.cache &&
        ok "kensa.desktop opens application/x-kensa-project" || fail "kensa.desktop is not in mimeinfo.cache"
fi

echo "== installed programs, from $work (outside the source and build trees), no KENSA_WEIGHTS_DIR"
cd "$work"
# A fresh home, so no settings or recent projects of the machine's user play a part.
clean_env=(env -u KENSA_WEIGHTS_DIR HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
           XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache")
run() { "${clean_env[@]}" "$@"; }
mkdir -p "$work/home"
[ "$(command -v kensa-cli)" = /usr/bin/kensa-cli ] && ok "kensa-cli is /usr/bin/kensa-cli" || fail "kensa-cli on PATH is $(command -v kensa-cli)"
version=$(run kensa-cli --version) && ok "kensa-cli --version: $version" || fail "kensa-cli --version"
if run kensa-cli backbones | grep -q "weights: /usr/share/kensa/weights/mobilenet_v2_nsfwjs.safetensors"; then
    ok "kensa-cli backbones finds /usr/share/kensa/weights/mobilenet_v2_nsfwjs.safetensors"
else
    fail "the packaged weights are not found:"; run kensa-cli backbones | sed 's/^/   /'
fi
gui_version=$(run env QT_QPA_PLATFORM=offscreen kensa --version 2>"$work/kensa-stderr") &&
    ok "QT_QPA_PLATFORM=offscreen kensa --version: $gui_version" ||
    { fail "kensa --version"; sed 's/^/   /' "$work/kensa-stderr"; }
# The file manager opens a project through its kensa-project.json (kensa.desktop's %f): the app must take
# the file for its folder. A project with no images is enough; the app locks the folder it opened.
mkdir -p "$work/project"
printf '{"format":"kensa-project","format_version":1,"name":"check","images":[]}\n' >"$work/project/kensa-project.json"
"${clean_env[@]}" QT_QPA_PLATFORM=offscreen timeout 30 kensa "$work/project/kensa-project.json" >/dev/null 2>&1 &
gui=$!
for _ in $(seq 40); do [ -e "$work/project/.kensa-project.lock" ] && break; sleep 0.5; done
[ -e "$work/project/.kensa-project.lock" ] && ok "kensa PROJECT/kensa-project.json opens the project" ||
    fail "kensa did not open the project from its kensa-project.json"
kill "$gui" 2>/dev/null || true
wait "$gui" 2>/dev/null || true

echo "== kensa-cli demo (short settings)"
start=$(date +%s)
# 128 px and 2 epochs: about a minute on 2 idle cores (the defaults, 224 px and 40 epochs, take minutes).
if run kensa-cli demo --work-dir "$work/demo" --epochs 2 --image-size 128 --no-reference >"$work/demo.log" 2>&1 &&
   grep -q '^all ' "$work/demo.log" && [ -f "$work/demo/sample.kensa" ]; then
    ok "kensa-cli demo finished in $(( $(date +%s) - start )) s; its last lines:"
else
    fail "kensa-cli demo (no model or no results); its last lines:"
fi
grep -v 'ETA\|[0-9]/[0-9]*$' "$work/demo.log" | tail -n 13 | sed 's/^/   /'

echo "== desktop-file-validate, appstreamcli validate --no-net"
desktop-file-validate /usr/share/applications/kensa.desktop && ok "desktop-file-validate kensa.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" && ok "appstreamcli validate" || fail "appstreamcli validate"
# lintian has rendered every man page already (groff warnings are its groff-message tag); here: man finds them.
if command -v man >/dev/null; then
    pages=$(dpkg -L kensa | sed -n 's#^/usr/share/man/man1/\(.*\)\.1\.gz$#\1#p')
    missing_pages=$(for p in $pages; do man -w "$p" >/dev/null 2>&1 || echo "$p"; done)
    [ -z "$missing_pages" ] && ok "man finds all $(echo $pages | wc -w) pages: $(echo $pages)" || fail "man does not find: $missing_pages"
fi

echo "== apt-get purge kensa${pulled_in:+ and what it pulled in}"
cd /
apt_get purge kensa $pulled_in >/dev/null
installed=0
if dpkg-query -W -f='${Status}' kensa 2>/dev/null | grep -q "ok installed"; then fail "kensa is still installed"; fi
if dpkg-query -W -f='${db:Status-Abbrev}' kensa 2>/dev/null | grep -q .; then
    fail "dpkg still knows kensa: $(dpkg-query -W -f='${db:Status-Abbrev}' kensa)"
fi
left=$(ls -d /usr/share/kensa /usr/bin/kensa* /usr/share/doc/kensa /usr/share/applications/kensa.desktop \
          /usr/share/icons/hicolor/scalable/apps/kensa.svg /usr/share/mime/packages/kensa.xml \
          /usr/share/mime/application/x-kensa-project.xml /usr/share/metainfo/*kensa* \
          /usr/share/man/man1/kensa* 2>/dev/null || true)
[ -z "$left" ] && ok "nothing left behind" || fail "left behind: $left"
# The triggers that registered the desktop entry and the MIME type have run again without them.
caches=$(grep -l 'kensa' /usr/share/applications/mimeinfo.cache /usr/share/mime/globs2 2>/dev/null || true)
[ -z "$caches" ] && ok "no kensa in the desktop and MIME caches" || fail "kensa still in: $caches"
comm -3 "$installed_before" <(dpkg-query -W -f='${Package}\n' | sort) | grep -q . &&
    fail "the installed packages differ from before: $(comm -3 "$installed_before" <(dpkg-query -W -f='${Package}\n' | sort) | tr -d '\t' | tr '\n' ' ')" ||
    ok "the system's package list is as before"

if ((failures)); then
    echo "== package check FAILED ($failures)"
    exit 1
fi
echo "== package check passed"
