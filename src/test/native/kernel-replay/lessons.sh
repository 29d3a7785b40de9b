#!/bin/sh
# Replays the lessons (assets/lessons/*.pidns) on the real kernel.
#   ./lessons.sh record   replay every lesson twice and, if both runs agree, write
#                         src/test/resources/lessons/NAME.expected and NAME.exitcode
#   ./lessons.sh check    replay once and compare with the recorded files
# A lesson with NAME.replay-until beside its recording is replayed only up to the
# line before the first line equal to that file's content: the replayer's root is
# host level 1, so it nests one level less than the spec (see README.md).
# Needs root; builds ./replay.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
lessons=$repo/assets/lessons
rec=$repo/src/test/resources/lessons
mode=${1:-check}
make -s -C "$here" replay >/dev/null || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$rec"
pass=0 fail=0
cd "$lessons" || exit 2
for f in *.pidns; do
    b=${f%.pidns}
    if [ -f "$rec/$b.replay-until" ]; then
        stop=$(cat "$rec/$b.replay-until")
        n=$(grep -n -x -F "$stop" "$f" | head -n 1 | cut -d: -f1)
        [ -n "$n" ] || { echo "FAIL $f: no line '$stop'"; fail=$((fail+1)); continue; }
        head -n $((n - 1)) "$f" >"$tmp/$f"
    else
        cp "$f" "$tmp/$f"
    fi
    (cd "$tmp" && "$here/replay" replay "$f" >"$tmp/out1" 2>"$tmp/err1"; echo $? >"$tmp/rc1")
    if [ "$mode" = record ]; then
        (cd "$tmp" && "$here/replay" replay "$f" >"$tmp/out2" 2>"$tmp/err2"; echo $? >"$tmp/rc2")
        if cmp -s "$tmp/out1" "$tmp/out2" && cmp -s "$tmp/rc1" "$tmp/rc2" && [ "$(cat "$tmp/rc1")" = 0 ]; then
            cp "$tmp/out1" "$rec/$b.expected"
            cp "$tmp/rc1" "$rec/$b.exitcode"
            pass=$((pass+1))
        else
            echo "FAIL $f: exit $(cat "$tmp/rc1")/$(cat "$tmp/rc2") or two replays differ"; cat "$tmp/err1"
            fail=$((fail+1))
        fi
    else
        ok=1
        cmp -s "$tmp/out1" "$rec/$b.expected" || { ok=0; echo "FAIL $f: stdout differs"; diff "$rec/$b.expected" "$tmp/out1" | head -20; }
        cmp -s "$tmp/rc1" "$rec/$b.exitcode" || { ok=0; echo "FAIL $f: exit code $(cat "$tmp/rc1") != $(cat "$rec/$b.exitcode")"; }
        if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
    fi
done
echo "lessons ($mode): $pass passed, $fail failed"
[ $fail = 0 ]
