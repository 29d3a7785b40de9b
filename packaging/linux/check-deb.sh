#!/usr/bin/env bash
# Reads a built .deb (without installing it) and checks what packaging/README.md promises:
#   packaging/linux/check-deb.sh DEB
# Fails with one line per broken promise.
set -euo pipefail
[ $# -eq 1 ] && [ -f "$1" ] || { echo "check-deb: usage: $0 DEB (no .deb at '${1:-}')" >&2; exit 2; }
deb=$1
name=pidns-lab
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "check-deb: $*" >&2; failed=$((failed + 1)); }

contents=$(dpkg-deb -c "$deb")
grep -qE " \./usr/bin/$name -> /usr/lib/$name/bin/$name\$" <<<"$contents" \
  || fail "/usr/bin/$name is not a link to /usr/lib/$name/bin/$name"
grep -qE "^-rwxr-xr-x .* \./usr/lib/$name/bin/$name\$" <<<"$contents" \
  || fail "/usr/lib/$name/bin/$name is not an executable file"
for f in usr/share/applications/$name.desktop usr/share/mime/packages/$name.xml \
    usr/share/icons/hicolor/48x48/apps/$name.png usr/share/icons/hicolor/scalable/apps/$name.svg \
    usr/share/doc/$name/copyright; do
  grep -qE " \./$f\$" <<<"$contents" || fail "/$f is missing"
done

# nothing writable by group or others (a builder's umask 002 would ship that); links are 777
writable=$(grep -E '^[^l]....(w|...w)' <<<"$contents" || true)
[ -z "$writable" ] || fail "group- or world-writable entries: $(head -3 <<<"$writable" | tr -s ' ' | tr '\n' ';')"

# desktop utilities are the desktop's business (dpkg triggers), never a hard dependency
depends=$(dpkg-deb -f "$deb" Depends)
for utility in xdg-utils desktop-file-utils shared-mime-info gtk-update-icon-cache \
    libgtk-3-bin hicolor-icon-theme x11-utils x11-xserver-utils; do
  if grep -qE "(^|, )$utility( |,|\$)" <<<"$depends"; then fail "Depends names $utility: $depends"; fi
done
grep -qE "(^|, )libgtk-3-0( |,|\$)" <<<"$depends" || fail "Depends lacks libgtk-3-0: $depends"

dpkg-deb -e "$deb" "$tmp/control"
scripts=$(cd "$tmp/control" && ls | grep -vx -e control -e md5sums || true)
[ -z "$scripts" ] || fail "maintainer scripts in the package (an install must stay quiet): $scripts"

dpkg-deb -x "$deb" "$tmp/root"
if command -v desktop-file-validate >/dev/null; then
  said=$(desktop-file-validate "$tmp/root/usr/share/applications/$name.desktop" 2>&1) || true
  [ -z "$said" ] || fail "desktop-file-validate has something to say (a hint counts): $said"
else
  fail "desktop-file-validate not found (apt-get install -y desktop-file-utils)"
fi
copyright="$tmp/root/usr/share/doc/$name/copyright"
grep -q "^License: GPL-3.0-or-later" "$copyright" || fail "copyright does not name GPL-3.0-or-later"
grep -q "(GPL-3.0-or-later) JFreeSVG" "$copyright" || fail "copyright lacks the third-party notice"

[ "$failed" -eq 0 ] || { echo "check-deb: $failed problems in $deb" >&2; exit 1; }
echo "check-deb: $deb: /usr/bin/$name, nothing group- or world-writable, no desktop utility in Depends," \
  "no maintainer scripts, desktop entry valid, licence and third-party notice in the copyright file"
