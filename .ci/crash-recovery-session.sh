#!/usr/bin/env bash
# Inside Xvfb, as the new user (see crash-recovery.sh). Every wait is bounded.
set -euo pipefail
work=$1
cd "$work"
state="$HOME/.local/state/pidns-lab"
typed=$'fork init a\nclone a b newpid\nfork b c\n'

fail() {
  echo "crash test: $*" >&2
  for log in lab1.log lab2.log; do [ -f "$log" ] && sed "s/^/  $log: /" "$log" >&2; done
  exit 1
}
# a screenshot for people to look at, if ImageMagick is there
shot() { if command -v import >/dev/null; then import -window root "$1" || true; fi; }
# the first window whose name matches $1, within 120 s
window() {
  for _ in $(seq 1 480); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 0.25
  done
  fail "no window named '$1'"
}
# the one autosave file, once its script (after the header line) is exactly $typed
autosave_with_typed() {
  for _ in $(seq 1 100); do
    for f in "$state"/autosave-*.pidns; do
      if [ -f "$f" ] && [ "$(tail -n +2 "$f")"$'\n' = "$typed" ]; then echo "$f"; return 0; fi
    done
    sleep 0.1
  done
  return 1
}

[ ! -e "$state" ] || fail "not a new user: $state exists"
"$JAVA" -jar pidns-lab.jar gui >lab1.log 2>&1 &
lab=$!
window "Welcome to PID Namespace Lab" >/dev/null # a new user is welcomed
xdotool key Escape                               # ... and goes to a blank experiment
main=$(window "^Untitled")
sleep 1
eval "$(xdotool getwindowgeometry --shell "$main")"
# the statement field at the bottom of the window ("Type a statement ... and press Enter")
xdotool mousemove $((X + 300)) $((Y + HEIGHT - 39)) click 1
while IFS= read -r line; do
  xdotool type --delay 30 "$line"
  xdotool key Return
done <<<"${typed%$'\n'}"
crashed=$(autosave_with_typed) || fail "the autosave never held the typed statements"
perms=$(stat -c %a "$state")
shot crash-before-kill.png
kill -KILL "$lab"
wait "$lab" 2>/dev/null || true
[ "$perms" = 700 ] || fail "$state has mode $perms, not 700"
[ -f "$crashed" ] || fail "the killed Lab's autosave is gone"

"$JAVA" -jar pidns-lab.jar gui >lab2.log 2>&1 &
lab2=$!
window "Confirmation" >/dev/null # the offer to restore (the welcome waits)
sleep 1
shot crash-offer.png
xdotool key Return # Restore is the default button
for _ in $(seq 1 100); do
  [ -f "$crashed" ] || break
  sleep 0.1
done
[ ! -f "$crashed" ] || fail "the crashed autosave is still there: not restored"
restored=$(autosave_with_typed) || fail "the restarted Lab does not hold exactly the typed script"
[ "$restored" != "$crashed" ] || fail "the restarted Lab took over the crashed Lab's file"
grep -q "^# pidns-lab autosave position=3 " "$restored" || fail "the position was not restored"
sleep 3 # the picture animates in
shot crash-restored.png
kill -KILL "$lab2"
wait "$lab2" 2>/dev/null || true
echo "crash test: a new user's typed statements survived kill -9 and were restored exactly"
