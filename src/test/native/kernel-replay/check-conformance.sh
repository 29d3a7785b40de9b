#!/bin/sh
# Replays every *.pidns of a directory of kernel-recorded expectations
# (default: /work/shared/conformance) and compares stdout, the exit code and,
# where a .stderr file exists, stderr, byte for byte.
# usage: ./check-conformance.sh [DIR]     (needs root; builds ./replay)
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-/work/shared/conformance}
make -s -C "$here" replay >/dev/null || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
cd "$dir" || exit 2
for f in *.pidns; do
    b=${f%.pidns}
    "$here/replay" replay "$f" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"
    ok=1
    cmp -s "$tmp/out" "$b.expected" || { ok=0; echo "FAIL $f: stdout differs"; diff "$b.expected" "$tmp/out" | head -20; }
    if [ -f "$b.exitcode" ]; then
        cmp -s "$tmp/rc" "$b.exitcode" || { ok=0; echo "FAIL $f: exit code $(cat "$tmp/rc") != $(cat "$b.exitcode")"; }
    fi
    if [ -f "$b.stderr" ]; then
        cmp -s "$tmp/err" "$b.stderr" || { ok=0; echo "FAIL $f: stderr differs"; diff "$b.stderr" "$tmp/err" | head -20; }
    fi
    if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
done
echo "conformance: $pass passed, $fail failed"
[ $fail = 0 ]
