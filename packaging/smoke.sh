#!/usr/bin/env bash
# Smoke test of a built app-image and .deb (CI runs it after packaging/build.sh --skip-jar):
#   packaging/smoke.sh [--gui] [--deb] [APP_IMAGE]   (APP_IMAGE defaults to target/dist/pidns-lab)
# 1. `--version` names the build and the bundled Java runtime; LICENSE and THIRD-PARTY.txt are there;
# 2. `run` on every conformance script in src/test/resources/conformance, with no DISPLAY, gives
#    exactly the recorded stdout, stderr and exit status (the kernel's answers);
# 3. `export` with no display writes SVG, PNG, PDF and GIF (Java2D, ImageIO and fonts are in the
#    trimmed runtime);
# 4. with --gui (needs xvfb-run, xauth, libgtk-3-0): the window starts under Xvfb, runs a scenario
#    and saves a screenshot, target/app-image-smoke.png, printing nothing on stderr;
# 5. with --deb, the .deb in target/dist (not installed, only read): /usr/bin/pidns-lab is the
#    launcher, Depends names no desktop utility, no maintainer scripts (a quiet install on a
#    server), the desktop entry passes desktop-file-validate with nothing to say, and the
#    copyright file carries the licence and the third-party notice.
set -euo pipefail
cd "$(dirname "$0")/.."

gui=false
deb=false
while [ $# -gt 0 ]; do
  case "$1" in
    --gui) gui=true; shift ;;
    --deb) deb=true; shift ;;
    *) break ;;
  esac
done
image=$(realpath "${1:-target/dist/pidns-lab}")
launcher="$image/bin/pidns-lab"
[ -x "$launcher" ] || { echo "smoke: no launcher at $launcher (run packaging/build.sh)" >&2; exit 2; }

version=$(env -u DISPLAY "$launcher" --version)
echo "$version"
pom_version=$(sed -n 's/^version=//p' target/classes/org/pidnslab/version.properties 2>/dev/null || true)
case "$version" in
  "pidns-lab ${pom_version:-}"*) ;;
  *) echo "smoke: --version does not name the build (${pom_version:-?}): $version" >&2; exit 1 ;;
esac

for f in LICENSE THIRD-PARTY.txt; do
  [ -s "$image/$f" ] || { echo "smoke: the app-image has no $f" >&2; exit 1; }
done

dir=src/test/resources/conformance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0
for script in "$dir"/*.pidns; do
  base=$(basename "$script" .pidns)
  status=0
  (cd "$dir" && env -u DISPLAY "$launcher" run "$base.pidns" >"$tmp/out" 2>"$tmp/err") || status=$?
  expected_status=$(tr -d '[:space:]' <"$dir/$base.exitcode")
  [ -f "$dir/$base.stderr" ] && cp "$dir/$base.stderr" "$tmp/expected-err" || : >"$tmp/expected-err"
  if ! diff -u "$dir/$base.expected" "$tmp/out" >"$tmp/diff" \
      || ! diff -u "$tmp/expected-err" "$tmp/err" >>"$tmp/diff" \
      || [ "$status" != "$expected_status" ]; then
    echo "smoke: $base: differs (exit $status, expected $expected_status)" >&2
    cat "$tmp/diff" >&2
    failed=$((failed + 1))
  fi
  count=$((count + 1))
done
[ "$failed" -eq 0 ] || { echo "smoke: $failed of $count conformance scripts differ" >&2; exit 1; }
echo "smoke: app-image ran $count conformance scripts with no display: all as recorded"

for fmt in svg png pdf gif; do
  env -u DISPLAY "$launcher" export assets/scenarios/when-init-dies.pidns --at 13 -f "$fmt" -o "$tmp/diagram.$fmt"
  [ -s "$tmp/diagram.$fmt" ] || { echo "smoke: export --format $fmt wrote nothing" >&2; exit 1; }
done
echo "smoke: app-image exported svg, png, pdf and gif with no display"

if $gui; then
  shot=target/app-image-smoke.png
  rm -f "$shot"
  # the smoke test's own settings node, so it leaves the user's window settings alone
  JAVA_TOOL_OPTIONS=-Dpidnslab.prefs=org/pidnslab/lab-ci timeout 120 \
    xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" gui --script=assets/scenarios/when-init-dies.pidns \
    --snapshot="$shot" --exit=true >/dev/null 2>"$tmp/gui-err"
  # a start prints nothing: no Gdk warning, no JavaFX class-path warning, no prefs INFO (the JVM's
  # own note about JAVA_TOOL_OPTIONS aside)
  if grep -v '^Picked up JAVA_TOOL_OPTIONS' "$tmp/gui-err" | grep -q .; then
    echo "smoke: the window's start printed:" >&2
    cat "$tmp/gui-err" >&2
    exit 1
  fi
  size=$(stat -c %s "$shot")
  echo "smoke: app-image window screenshot $shot, $size bytes"
  [ "$size" -gt 20000 ] || { echo "smoke: the screenshot is suspiciously small" >&2; exit 1; }
fi

if $deb; then
  packaging/linux/check-deb.sh target/dist/pidns-lab_*_amd64.deb
fi
