#!/usr/bin/env python3
"""Build the kernel-recorded corpus: generate scripts with gen.py, replay each
on the real kernel with ./replay, trim scripts that hit a script error, keep
only scripts the kernel ran to the end (exit 0 or 1) with identical output in
two replays, and write NAME.pidns/.expected/.exitcode[/.stderr].

    python3 make-corpus.py --from 1 --count 320 --out DIR [--hand hand/]

Needs root (real PID namespaces).  Also prints where gen.py's kernel model
disagrees with the kernel (a by-product, written to DIR/../model-diff.txt
only if --diff FILE is given).
"""
import argparse
import concurrent.futures as cf
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPLAY = os.path.join(HERE, 'replay')
GEN = os.path.join(HERE, 'gen.py')
MIN_STATEMENTS = 8


def replay(workdir, name):
    p = subprocess.run([REPLAY, 'replay', name], cwd=workdir, capture_output=True, timeout=180)
    return p.returncode, p.stdout, p.stderr


def statements(text):
    n = 0
    for line in text.splitlines():
        line = line.split('#', 1)[0].strip()
        if line:
            n += 1
    return n


def process(seed, outdir):
    name = 'gen-%04d' % seed
    script = subprocess.run([sys.executable, GEN, '--seed', str(seed)], capture_output=True, text=True,
                            check=True).stdout
    pred = subprocess.run([sys.executable, GEN, '--seed', str(seed), '--predict'], capture_output=True,
                          text=True, check=True).stdout
    trimmed = False
    with tempfile.TemporaryDirectory() as wd:
        f = name + '.pidns'
        for attempt in range(4):
            with open(os.path.join(wd, f), 'w') as fh:
                fh.write(script)
            rc, out, err = replay(wd, f)
            if rc != 2:
                break
            m = re.match(r'^%s:(\d+): ' % re.escape(f), err.decode(errors='replace').splitlines()[-1])
            if not m:
                return (seed, 'drop', 'unparsable script error')
            cut = int(m.group(1))
            lines = script.splitlines(True)[:cut - 1]
            script = ''.join(lines)
            trimmed = True
        if rc not in (0, 1):
            return (seed, 'drop', 'rc=%d %s' % (rc, err.decode(errors='replace').strip()[-200:]))
        if statements(script) < MIN_STATEMENTS:
            return (seed, 'drop', 'too short after trimming')
        rc2, out2, err2 = replay(wd, f)
        if (rc2, out2, err2) != (rc, out, err):
            return (seed, 'drop', 'nondeterministic')
        for ext, data in (('.pidns', script.encode()), ('.expected', out), ('.exitcode', b'%d\n' % rc)):
            with open(os.path.join(outdir, name + ext), 'wb') as fh:
                fh.write(data)
        if err:
            with open(os.path.join(outdir, name + '.stderr'), 'wb') as fh:
                fh.write(err)
        diff = None
        if not trimmed and pred.encode() != out:
            diff = (pred, out.decode())
        return (seed, 'kept', 'trimmed' if trimmed else '', diff)


def record_hand(path, outdir):
    """Replay a hand-written script twice and record it as hand-NAME."""
    base = os.path.basename(path)[:-len('.pidns')]
    name = 'hand-' + base
    with tempfile.TemporaryDirectory() as wd:
        f = name + '.pidns'
        shutil.copy(path, os.path.join(wd, f))
        r1 = replay(wd, f)
        r2 = replay(wd, f)
        if r1 != r2:
            return (name, 'nondeterministic')
        rc, out, err = r1
        if rc not in (0, 1):
            return (name, 'rc=%d %s' % (rc, err.decode(errors='replace').strip()))
        shutil.copy(path, os.path.join(outdir, f))
        with open(os.path.join(outdir, name + '.expected'), 'wb') as fh:
            fh.write(out)
        with open(os.path.join(outdir, name + '.exitcode'), 'wb') as fh:
            fh.write(b'%d\n' % rc)
        if err:
            with open(os.path.join(outdir, name + '.stderr'), 'wb') as fh:
                fh.write(err)
    return (name, 'kept')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--from', dest='start', type=int, default=1)
    ap.add_argument('--count', type=int, default=320)
    ap.add_argument('--out', required=True)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--diff', default=None, help='write model-vs-kernel differences here')
    ap.add_argument('--hand', default=None, help='directory of hand-written scripts to record too')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.hand:
        for fn in sorted(os.listdir(a.hand)):
            if fn.endswith('.pidns'):
                name, status = record_hand(os.path.join(a.hand, fn), a.out)
                print('%s: %s' % (name, status), file=sys.stderr if status != 'kept' else sys.stdout)
    kept = dropped = 0
    diffs = []
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(process, s, a.out) for s in range(a.start, a.start + a.count)]
        for fu in futs:
            r = fu.result()
            if r[1] == 'kept':
                kept += 1
                if r[3]:
                    diffs.append((r[0], r[3]))
            else:
                dropped += 1
                print('seed %d dropped: %s' % (r[0], r[2]), file=sys.stderr)
    print('kept %d, dropped %d, model differs on %d' % (kept, dropped, len(diffs)))
    if a.diff:
        import difflib
        with open(a.diff, 'w') as fh:
            for seed, (pred, out) in diffs:
                fh.write('=== seed %d\n' % seed)
                fh.writelines(difflib.unified_diff(pred.splitlines(True), out.splitlines(True), 'model', 'kernel'))


if __name__ == '__main__':
    main()
