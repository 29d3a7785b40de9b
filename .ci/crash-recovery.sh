#!/usr/bin/env bash
# A real-window crash test as a new user: the packaged jar under Xvfb, with a home that has never
# seen the Lab (as root: a throwaway user account; otherwise an empty HOME), no XDG variables.
# A few statements are typed into the window, the Lab is killed with SIGKILL once its autosave
# holds them, and a restarted Lab must offer them back and restore exactly that script.
# Usage: .ci/crash-recovery.sh [JAR]   (default target/pidns-lab.jar); screenshots go to target/.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/pidns-lab.jar}
work=$(mktemp -d /tmp/pidns-crash.XXXXXX)
chmod 755 "$work"
cp "$jar" "$work/pidns-lab.jar"
cp .ci/crash-recovery-session.sh "$work/session.sh"
chmod -R a+rX "$work"
java=$(readlink -f "$(command -v java)")
user=""
cleanup() {
  if [ -n "$user" ]; then userdel --force --remove "$user" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v runuser >/dev/null; then
  user="pidnslab-ci-$$"
  useradd --create-home --home-dir "$work/home" --shell /bin/bash "$user"
  chown "$user" "$work" # its logs and screenshots
  as_user=(runuser -u "$user" --)
else
  mkdir "$work/home"
  as_user=()
fi
# env -i: nothing of this account's environment (no XDG_* variables, no DISPLAY); a UTF-8 locale as on
# any desktop (xdotool cannot read the window titles without one)
"${as_user[@]}" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$work/home" JAVA="$java" \
  timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/session.sh" "$work"
cp "$work"/crash-*.png target/ 2>/dev/null || true
