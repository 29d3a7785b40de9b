#!/usr/bin/env python3
"""Random .pidns scenario generator (deterministic for a given --seed).

    python3 gen.py --seed N [--length L] [--predict]

Writes one scenario to stdout.  The generator keeps a model of the kernel
(written from the kernel rules, docs/kernel-rules.md) to pick statements that make sense:
only running tasks act, numbers given to kill/setpgid are often real pids or
groups, wait CHILD names a real child.  The model is only a guide: the
corpus is what the real kernel printed (see make-corpus.py), and a script
that the model got wrong (a script error on the kernel) is trimmed there.

With --predict the model's own expected output is written instead of the
script (used by make-corpus.py to list where model and kernel disagree).
"""
import argparse
import random
import sys

PID_MAX_LIMIT = 4194304
RESERVED_PIDS = 300
# the replayer's root is one level below the host: 31 more levels exist
MAX_LEVEL = 31


class NS:
    def __init__(self, name, parent):
        self.name = name
        self.parent = parent
        self.level = 0 if parent is None else parent.level + 1
        self.pid_max = PID_MAX_LIMIT
        self.cursor = 0          # idr_next: ns_last_pid + 1
        self.used = {}           # nr -> Pid (placeholder None while allocating)
        self.reaper = None
        self.adding = True
        self.order = 0

    def is_desc_of(self, other):
        n = self
        while n is not None:
            if n is other:
                return True
            n = n.parent
        return False


class Pid:
    def __init__(self, numbers):
        self.numbers = numbers   # list of (ns, nr), index = level

    def nr_in(self, ns):
        if ns.level < len(self.numbers) and self.numbers[ns.level][0] is ns:
            return self.numbers[ns.level][1]
        return 0


class Task:
    def __init__(self, label, idx):
        self.label = label
        self.idx = idx
        self.pid = None
        self.ns = None
        self.pfc = None
        self.parent = None
        self.children = []
        self.state = 'R'         # R, Z, E, X (reaped)
        self.pgrp = None
        self.sess = None
        self.is_sub = False
        self.has_sub = False


class Model:
    def __init__(self):
        self.ns_count = 0
        self.nss = []
        root = NS('root', None)
        root.pid_max = 32768
        self.nss.append(root)
        self.root = root
        self.tasks = []
        init = Task('init', 0)
        p = Pid([(root, 1)])
        root.used[1] = p
        root.cursor = 2
        init.pid = p
        init.ns = init.pfc = root
        init.pgrp = init.sess = p
        root.reaper = init
        self.tasks.append(init)
        self.by_label = {'init': init}
        self.died = 0
        self.adopters = set()
        self.pending = None  # namespaces created by unshare and not entered

    # ---------------- pid allocation ----------------
    @staticmethod
    def _lowest_free(ns, a, b):
        nr = a
        while nr <= b:
            if nr not in ns.used:
                return nr
            nr += 1
        return None

    def _cyclic(self, ns, start, end):
        idn = ns.cursor
        if idn < start:
            idn = start
        mx = end - 1
        nr = self._lowest_free(ns, idn, mx)
        if nr is None and idn > start:
            nr = self._lowest_free(ns, start, mx)
        if nr is None:
            return None
        ns.cursor = nr + 1
        return nr

    def alloc(self, ns):
        got = []
        tmp = ns
        while tmp is not None:
            pid_min = RESERVED_PIDS if tmp.cursor > RESERVED_PIDS else 1
            nr = self._cyclic(tmp, pid_min, tmp.pid_max)
            if nr is None:
                for (n, r) in got:
                    del n.used[r]
                if ns.adding and not ns.used:
                    ns.cursor = 0
                return 'EAGAIN'
            tmp.used[nr] = None
            got.append((tmp, nr))
            tmp = tmp.parent
        if not ns.adding:
            for (n, r) in got:
                del n.used[r]
            return 'ENOMEM'
        got.reverse()
        p = Pid(got)
        for (n, r) in got:
            n.used[r] = p
        return p

    def in_use(self, p):
        for t in self.tasks:
            if t.state != 'X' and (t.pid is p or t.pgrp is p or t.sess is p):
                return True
        return False

    def maybe_free(self, p):
        if p is None or self.in_use(p):
            return
        for (n, r) in p.numbers:
            if n.used.get(r) is p:
                del n.used[r]

    # ---------------- helpers ----------------
    def is_ns_init(self, t):
        return t.pid.numbers[-1][1] == 1 and t.ns.reaper is t

    def new_ns(self, parent):
        self.ns_count += 1
        n = NS('ns%d' % self.ns_count, parent)
        n.order = self.ns_count
        self.nss.append(n)
        return n

    # ---------------- exit machinery ----------------
    def find_new_reaper(self, father):
        if father.has_sub:
            lvl = len(father.pid.numbers)
            r = father.parent
            while r is not None and len(r.pid.numbers) == lvl:
                if r.is_sub and r.state == 'R':
                    return r
                r = r.parent
        return father.ns.reaper

    def reap(self, t):
        t.state = 'X'
        if t.parent is not None and t in t.parent.children:
            t.parent.children.remove(t)
        self.maybe_free(t.pid)
        self.maybe_free(t.pgrp)
        self.maybe_free(t.sess)

    def notify_parent(self, t):
        if t.parent is not None and t.parent.state == 'E':
            self.reap(t)

    def reparent(self, father):
        kids = list(father.children)
        if not kids:
            return
        reaper = self.find_new_reaper(father)
        father.children = []
        for c in kids:
            c.parent = reaper
            reaper.children.append(c)
            self.adopters.add(reaper)
            if c.state == 'Z' and reaper.state == 'E':
                self.reap(c)

    def die(self, t):
        if t.state != 'R':
            return
        self.died += 1
        if self.is_ns_init(t):
            self.zap(t)
            return
        t.state = 'Z'
        self.reparent(t)
        self.notify_parent(t)

    def zap(self, init):
        ns = init.ns
        ns.adding = False
        init.state = 'E'
        for t in list(self.tasks):
            if t is not init and t.state == 'R' and t.pid.nr_in(ns):
                self.die(t)
        for c in list(init.children):
            if c.state == 'Z':
                self.reap(c)
        self.settle()

    def settle(self):
        changed = True
        while changed:
            changed = False
            for t in self.tasks:
                if t.state == 'Z' and t.parent is not None and t.parent.state == 'E':
                    self.reap(t)
                    changed = True
            for t in self.tasks:
                if t.state == 'E':
                    others = [r for r in t.ns.used if r != 1]
                    if not others:
                        t.state = 'Z'
                        # its children are gone by now
                        for c in list(t.children):
                            if c.state == 'Z':
                                self.reap(c)
                        self.notify_parent(t)
                        changed = True

    # ---------------- system calls ----------------
    def fork(self, p, label, newpid=False):
        if newpid:
            if p.pfc is not p.ns:
                return 'EINVAL'
            if p.ns.level + 1 > MAX_LEVEL:
                return 'ENOSPC'
            ns = NS('?', p.ns)
        else:
            ns = p.pfc
        pid = self.alloc(ns)
        if isinstance(pid, str):
            return pid
        if newpid:
            self.ns_count += 1
            ns.name = 'ns%d' % self.ns_count
            ns.order = self.ns_count
            self.nss.append(ns)
        c = Task(label, len(self.tasks))
        c.pid = pid
        c.ns = c.pfc = ns
        c.parent = p
        c.pgrp, c.sess = p.pgrp, p.sess
        c.has_sub = p.has_sub or p.is_sub
        if pid.numbers[-1][1] == 1:
            ns.reaper = c
        p.children.append(c)
        self.tasks.append(c)
        self.by_label[label] = c
        return str(pid.nr_in(p.ns))

    def unshare(self, t):
        if t.pfc is not t.ns:
            return 'EINVAL'
        if t.ns.level + 1 > MAX_LEVEL:
            return 'ENOSPC'
        t.pfc = self.new_ns(t.ns)
        return '0'

    def setns(self, t, g):
        if g.state == 'X':
            return 'ESRCH'
        if not g.ns.is_desc_of(t.ns):
            return 'EINVAL'
        t.pfc = g.ns
        return '0'

    def exit(self, t):
        self.die(t)
        self.settle()
        return '0'

    def wait(self, t, c=None):
        kids = [k for k in t.children if k.state != 'X']
        if c is not None:
            if c.state == 'Z':
                nr = c.pid.nr_in(t.ns)
                self.reap(c)
                self.settle()
                return str(nr)
            return '0'
        if not kids:
            return 'ECHILD'
        for k in kids:
            if k.state == 'Z':
                nr = k.pid.nr_in(t.ns)
                self.reap(k)
                self.settle()
                return str(nr)
        return '0'

    def deliver(self, s, t, sig):
        if t.state != 'R':
            return
        if self.is_ns_init(t):
            forced = s.pid.nr_in(t.ns) == 0
            if not (forced and sig == 'SIGKILL'):
                return
        self.die(t)

    def kill(self, s, target, sig):
        live = [t for t in self.tasks if t.state != 'X']
        if isinstance(target, Task):
            if target.state == 'X' or target.pid.nr_in(s.ns) == 0:
                return 'ESRCH'
            victims = [target]
        else:
            n = target
            if n > 0:
                p = s.ns.used.get(n)
                victims = [t for t in live if p is not None and t.pid is p]
            elif n == 0:
                victims = [t for t in live if t.pgrp is s.pgrp]
            elif n == -1:
                victims = [t for t in live if t is not s and t.pid.nr_in(s.ns) > 1]
            else:
                p = s.ns.used.get(-n)
                victims = [t for t in live if p is not None and t.pgrp is p]
            if not victims:
                return 'ESRCH'
        for v in victims:
            self.deliver(s, v, sig)
        self.settle()
        return '0'

    def setsid(self, t):
        for o in self.tasks:
            if o.state != 'X' and o.pgrp is t.pid:
                return 'EPERM'
        og, os_ = t.pgrp, t.sess
        t.pgrp = t.sess = t.pid
        self.maybe_free(og)
        self.maybe_free(os_)
        return str(t.pid.nr_in(t.ns))

    def setpgid(self, t, pg):
        if t.sess is t.pid:
            return 'EPERM'
        if pg == 0 or pg == t.pid.nr_in(t.ns):
            newp = t.pid
        else:
            p = t.ns.used.get(pg)
            ok = False
            if p is not None:
                for o in self.tasks:
                    if o.state != 'X' and o.pgrp is p and o.sess is t.sess:
                        ok = True
            if not ok:
                return 'EPERM'
            newp = p
        old = t.pgrp
        t.pgrp = newp
        self.maybe_free(old)
        return '0'

    def subreaper(self, t):
        t.is_sub = True

        def prop(x):
            for c in x.children:
                if c.state == 'X':
                    continue
                if c.has_sub or c.pid.numbers[-1][1] == 1:
                    continue
                c.has_sub = True
                prop(c)
        prop(t)
        return '0'

    def sysctl(self, t, what, n):
        if what == 'ns_last_pid':
            if n < 0 or n > t.ns.pid_max:
                return 'EINVAL'
            t.ns.cursor = n + 1
            return '0'
        if n < 301 or n > PID_MAX_LIMIT:
            return 'EINVAL'
        t.ns.pid_max = n
        return '0'

    # ---------------- state ----------------
    def field(self, t, f):
        if t.state == 'X':
            return '(reaped)'
        if f == 'ns':
            return t.ns.name
        if f == 'state':
            return t.state
        if f == 'parent':
            return '-' if t.parent is None else t.parent.label
        if f == 'nspid':
            return '/'.join(str(r) for (_, r) in t.pid.numbers)
        obj = t.pgrp if f == 'pgid' else t.sess
        return '/'.join(str(obj.nr_in(n)) for (n, _) in t.pid.numbers)

    def state_lines(self):
        out = []
        used = set(id(t.ns) for t in self.tasks if t.state != 'X')
        for n in sorted(self.nss, key=lambda n: n.order):
            if id(n) in used:
                out.append('ns %s level=%d parent=%s' % (n.name, n.level, n.parent.name if n.parent else '-'))
        for t in self.tasks:
            if t.state == 'X':
                continue
            out.append('task %s ns=%s state=%s parent=%s nspid=%s pgid=%s sid=%s' % (
                t.label, self.field(t, 'ns'), t.state, self.field(t, 'parent'), self.field(t, 'nspid'),
                self.field(t, 'pgid'), self.field(t, 'sid')))
        return out


class Gen:
    def __init__(self, seed, length):
        self.rng = random.Random(seed)
        self.m = Model()
        self.lines = []        # script lines
        self.pred = []         # predicted result lines
        self.length = length
        self.next_label = 1
        self.tainted = set()   # reapers whose child order may be racy
        self.expect_fail = False
        self.stopped = False

    def R(self):
        return [t for t in self.m.tasks if t.state == 'R']

    def label(self, prefix='t'):
        l = '%s%d' % (prefix, self.next_label)
        self.next_label += 1
        return l

    def emit(self, words, result, comment=None):
        line = ' '.join(words)
        if comment:
            line = line.ljust(28) + '# ' + comment
        self.lines.append(line)
        if result is not None:
            # +1: the header comment is line 1
            self.pred.append('%d: %s = %s' % (len(self.lines) + 1, ' '.join(words), result))

    def begin_stmt(self):
        self.m.died = 0
        self.m.adopters = set()

    def end_stmt(self):
        if self.m.died >= 2:
            self.tainted |= self.m.adopters
        elif self.m.adopters and self.m.died >= 1:
            # an init's exit (zap) reparents many at once
            pass

    # ----- statement builders -----
    def s_fork(self):
        rs = self.R()
        # prefer parents whose children namespace still accepts tasks
        good = [t for t in rs if t.pfc.adding]
        p = self.rng.choice(good if good and self.rng.random() < 0.9 else rs)
        if len(self.m.tasks) > 60:
            return
        lab = self.label()
        res = self.m.fork(p, lab)
        self.emit(['fork', p.label, lab], res)

    def s_clone(self):
        rs = [t for t in self.R() if t.ns.level < 6 or self.rng.random() < 0.05]
        if not rs:
            return
        # favour the deepest tasks so that nesting grows
        if self.rng.random() < 0.6:
            deep = max(t.ns.level for t in rs)
            rs = [t for t in rs if t.ns.level == deep]
        p = self.rng.choice(rs)
        lab = self.label('n')
        res = self.m.fork(p, lab, newpid=True)
        self.emit(['clone', p.label, lab, 'newpid'], res)

    def s_unshare(self):
        rs = [t for t in self.R() if t.ns.level < 6]
        if not rs:
            return
        t = self.rng.choice(rs)
        res = self.m.unshare(t)
        self.emit(['unshare', t.label, 'newpid'], res)

    def s_setns(self):
        rs = self.R()
        t = self.rng.choice(rs)
        cands = [g for g in self.m.tasks if g.ns.is_desc_of(t.ns) and g.state != 'X']
        r = self.rng.random()
        if cands and r < 0.6:
            g = self.rng.choice(cands)
        else:
            g = self.rng.choice(self.m.tasks)  # possibly invalid, dead or reaped
        res = self.m.setns(t, g)
        self.emit(['setns', t.label, g.label], res)

    def s_setns_fork(self):
        # a task enters a descendant namespace and forks there: the child has
        # an outside parent (zombies that keep a dead namespace's init in E)
        rs = [t for t in self.R() if any(g.ns is not t.ns and g.ns.is_desc_of(t.ns) and g.state != 'X'
                                         for g in self.m.tasks)]
        if not rs:
            return
        t = self.rng.choice(rs)
        g = self.rng.choice([g for g in self.m.tasks
                             if g.ns is not t.ns and g.ns.is_desc_of(t.ns) and g.state != 'X'])
        self.emit(['setns', t.label, g.label], self.m.setns(t, g))
        lab = self.label()
        self.emit(['fork', t.label, lab], self.m.fork(t, lab))
        if self.rng.random() < 0.5:
            self.emit(['setns', t.label, t.label], self.m.setns(t, t))

    def s_exit(self):
        rs = [t for t in self.R() if t is not self.m.tasks[0]]
        if not rs:
            return
        # namespace inits get picked more often than their share
        inits = [t for t in rs if self.m.is_ns_init(t)]
        if inits and self.rng.random() < 0.35:
            t = self.rng.choice(inits)
        else:
            t = self.rng.choice(rs)
        words = ['exit', t.label]
        if self.rng.random() < 0.3:
            words.append(str(self.rng.randint(0, 255)))
        res = self.m.exit(t)
        self.emit(words, res)

    def s_exit_root_init(self):
        res = self.m.exit(self.m.tasks[0])
        self.emit(['exit', 'init'], res)
        self.stopped = True

    def s_wait(self):
        rs = self.R()
        withkids = [t for t in rs if any(k.state != 'X' for k in t.children)]
        zkids = [t for t in withkids if any(k.state == 'Z' for k in t.children)]
        r = self.rng.random()
        if zkids and r < 0.6:
            t = self.rng.choice(zkids)
        elif withkids and r < 0.9:
            t = self.rng.choice(withkids)
        else:
            t = self.rng.choice(rs)
        kids = [k for k in t.children if k.state != 'X']
        use_child = kids and (t in self.tainted or self.rng.random() < 0.4)
        if use_child:
            zs = [k for k in kids if k.state == 'Z']
            c = self.rng.choice(zs if zs and self.rng.random() < 0.7 else kids)
            res = self.m.wait(t, c)
            self.emit(['wait', t.label, c.label], res)
        else:
            if t in self.tainted and kids:
                return
            res = self.m.wait(t)
            self.emit(['wait', t.label], res)

    def visible_tasks(self, s):
        return [t for t in self.m.tasks if t.state != 'X' and t.pid.nr_in(s.ns)]

    def s_kill(self):
        rs = self.R()
        s = self.rng.choice(rs)
        sig = self.rng.choice(['SIGKILL', 'SIGKILL', 'SIGTERM', None])
        r = self.rng.random()
        if r < 0.45:
            cands = [t for t in self.m.tasks if t is not s]
            if not cands:
                return
            # bias towards tasks it can see
            vis = [t for t in cands if t.state != 'X' and t.pid.nr_in(s.ns)]
            tgt = self.rng.choice(vis if vis and self.rng.random() < 0.75 else cands)
            targ, tword = tgt, tgt.label
        elif r < 0.65:
            vis = self.visible_tasks(s)
            if vis and self.rng.random() < 0.8:
                n = self.rng.choice(vis).pid.nr_in(s.ns)
            else:
                n = self.rng.choice([1, 2, 3, 4, 5, 7, 300, 301])
            targ, tword = n, str(n)
        elif r < 0.75:
            targ, tword = 0, '0'
        elif r < 0.87:
            groups = [t.pgrp.nr_in(s.ns) for t in self.m.tasks if t.state != 'X' and t.pgrp.nr_in(s.ns)]
            n = self.rng.choice(groups) if groups and self.rng.random() < 0.8 else self.rng.choice([2, 3, 9])
            targ, tword = -n, str(-n)
        else:
            targ, tword = -1, '-1'
        words = ['kill', s.label, tword]
        if sig:
            words.append(sig)
        res = self.m.kill(s, targ, sig or 'SIGKILL')
        self.emit(words, res)

    def s_setsid(self):
        t = self.rng.choice(self.R())
        self.emit(['setsid', t.label], self.m.setsid(t))

    def s_setpgid(self):
        t = self.rng.choice(self.R())
        r = self.rng.random()
        # A namespace init must never join another group: if that group's id
        # is a pid of its own namespace the init can never finish exiting
        # (it stays E for ever and leaks on the host; see README).
        if r < 0.35 or self.m.is_ns_init(t):
            self.emit(['setpgid', t.label], self.m.setpgid(t, 0))
            return
        groups = sorted(set(o.pgrp.nr_in(t.ns) for o in self.m.tasks if o.state != 'X' and o.pgrp.nr_in(t.ns)))
        if groups and r < 0.85:
            n = self.rng.choice(groups)
        else:
            n = self.rng.choice([1, 2, 5, 9, t.pid.nr_in(t.ns)])
        self.emit(['setpgid', t.label, str(n)], self.m.setpgid(t, n))

    def s_subreaper(self):
        t = self.rng.choice(self.R())
        self.emit(['subreaper', t.label], self.m.subreaper(t))

    def s_sysctl(self):
        t = self.rng.choice(self.R())
        if self.rng.random() < 0.45:
            n = self.rng.choice([301, 301, 302, 303, 305, 310, 320, 350, 400, 300, 4194304, 4194305, 32768])
            self.emit(['sysctl', t.label, 'pid_max', str(n)], self.m.sysctl(t, 'pid_max', n))
        else:
            pm = t.ns.pid_max
            n = self.rng.choice([pm - 1, pm - 2, pm, pm + 1, 298, 299, 300, 1, 0, 5, 10, 20])
            if n < 0:
                n = 0
            self.emit(['sysctl', t.label, 'ns_last_pid', str(n)], self.m.sysctl(t, 'ns_last_pid', n))

    def s_expect(self):
        t = self.rng.choice(self.m.tasks)
        fields = self.rng.sample(['ns', 'state', 'parent', 'nspid', 'pgid', 'sid'], self.rng.randint(1, 3))
        words = ['expect', t.label]
        for f in fields:
            v = self.m.field(t, f)
            if self.rng.random() < 0.1:
                v = {'state': 'R', 'ns': 'root', 'parent': 'init'}.get(f, '1')
            words.append('%s=%s' % (f, v))
        self.emit(words, None)

    def run(self):
        ops = [
            (self.s_fork, 28), (self.s_clone, 9), (self.s_unshare, 4), (self.s_setns, 6),
            (self.s_exit, 11), (self.s_wait, 10), (self.s_kill, 12), (self.s_setsid, 4),
            (self.s_setpgid, 5), (self.s_subreaper, 3), (self.s_sysctl, 5), (self.s_expect, 4), (self.s_setns_fork, 4),
        ]
        total = sum(w for _, w in ops)
        # a few scenario flavours
        flavour = self.rng.random()
        if flavour < 0.15:
            # small pid_max somewhere early
            n = self.rng.choice([301, 302, 303, 305, 310])
            self.begin_stmt()
            self.emit(['sysctl', 'init', 'pid_max', str(n)], self.m.sysctl(self.m.tasks[0], 'pid_max', n))
            k = n - self.rng.randint(2, 6)
            self.emit(['sysctl', 'init', 'ns_last_pid', str(k)], self.m.sysctl(self.m.tasks[0], 'ns_last_pid', k))
        steps = 0
        while steps < self.length and not self.stopped:
            if not self.R():
                break
            if self.rng.random() < 0.004 and steps > 5:
                self.begin_stmt()
                self.s_exit_root_init()
                break
            x = self.rng.uniform(0, total)
            for fn, w in ops:
                x -= w
                if x <= 0:
                    break
            self.begin_stmt()
            fn()
            self.end_stmt()
            steps += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--length', type=int, default=None)
    ap.add_argument('--predict', action='store_true')
    a = ap.parse_args()
    rng = random.Random(a.seed * 7919 + 1)
    length = a.length if a.length is not None else rng.randint(12, 55)
    g = Gen(a.seed, length)
    g.run()
    if a.predict:
        out = g.pred + g.m.state_lines()
        sys.stdout.write('\n'.join(out) + '\n')
    else:
        sys.stdout.write('# generated by gen.py --seed %d\n' % a.seed)
        # the header shifts line numbers by one: keep the prediction in sync
        sys.stdout.write('\n'.join(g.lines) + '\n')


if __name__ == '__main__':
    main()
