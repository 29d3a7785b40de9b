/*
 * pidns-lab-helper - the native half of `pidns-lab verify` and `pidns-lab live`.
 *
 *   pidns-lab-helper replay [--user-namespace] [--timeout SECONDS] [--name NAME] FILE.pidns|-
 *   pidns-lab-helper ns-parents
 *
 * (the Lab passes "-": the script it read itself, on stdin, with --name the user's file name;
 * the FIFO folder goes in $TMPDIR, which the Lab points at a private folder it removes)
 *
 * replay: runs a scenario on this machine's kernel and prints exactly what
 * `pidns-lab run FILE.pidns` prints for it (docs/scenario-language.md):
 * result lines, then the `ns` and `task` state lines; expect failures on
 * stderr with exit status 1; script errors on stderr with exit status 2.
 * Exit status 3: the helper itself failed (timeout, internal error); 4: this
 * machine cannot run it (no permission to create the namespaces); the reason
 * is one line on stderr.  Grown from the project's test
 * replayer (src/test/native/kernel-replay: its README explains the design
 * and what it observed on 6.18).
 *
 * Confinement: the script's root is a fresh PID namespace with its own mount
 * namespace (private mounts, a /proc of its own); with --user-namespace
 * (non-root) also a fresh user namespace owning both.  The script's text is
 * parsed here and never reaches a shell or another program.  Every task is a
 * child of the script's init, which dies with this process
 * (PR_SET_PDEATHSIG); at the end, on errors, on the timeout and on
 * SIGINT/SIGTERM the init is SIGKILLed from outside, which kills every task
 * of every nested namespace.  On a kernel before 6.14 pid_max is one
 * system-wide value, so it is never written there (`(not run)`).
 *
 * ns-parents: for every process in /proc whose /proc/PID/ns/pid this process
 * may open, the chain of PID namespaces up to the root, asked with the
 * NS_GET_PARENT ioctl: lines `INODE PARENT-INODE`, `INODE -` for a namespace
 * without a parent, `INODE ?` where the kernel refuses (outside this
 * process's user namespace).
 *
 * The controller stays in the host PID namespace and reads the tasks' state
 * from the host's /proc through directory fds (immune to pid reuse).  Tasks
 * run a tiny command loop fed through FIFOs in a private temporary directory.
 * Build: cc -O2 -Wall -o pidns-lab-helper pidns-lab-helper.c
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>

#ifndef CLONE_NEWPID
#define CLONE_NEWPID 0x20000000
#endif
#define PF_EXITING 0x00000004
#ifndef CLONE_NEWNS
#define CLONE_NEWNS 0x00020000
#endif
#ifndef CLONE_NEWUSER
#define CLONE_NEWUSER 0x10000000
#endif
/* linux/nsfs.h: _IO(0xb7, 0x2) */
#define NS_GET_PARENT 0xb702
/* exit status: the machine cannot run the scenario (permission, namespaces) */
#define EXIT_CANNOT 4

#define MAXT 2048
#define MAXNS 512
#define MAXW 64
/* ScriptParser.MAX_LINE_CHARS: a longer line is a script error on both sides */
#define MAX_LINE_CHARS (4L * 1024 * 1024)
#define MAX_LINE_TEXT "4,194,304"

/* ------------------------------------------------------------------ */
/* shared state                                                         */

struct task {
    char *label;        /* as long as the script's line allows, as in the simulation */
    int hostpid;
    int procfd;         /* fd of /proc/<hostpid>: stable across pid reuse */
    int cmdfd, repfd;   /* controller side of the FIFOs (O_RDWR) */
    int ns;             /* active namespace (index into nss) */
    int pfc;            /* pid_ns_for_children */
    int reaped;
    int exit_seen;      /* its PROC_EVENT_EXIT arrived: exit_notify() has finished */
    /* cached state, refreshed by snapshot() */
    char state;         /* 'R', 'Z', 'E' */
    int ppid_host;
    char nspid[512], pgid[512], sid[512];
    int nspid_v[40];
    int nlev;
    int hpgid, hsid;    /* host-level pgid / sid */
};

struct pidns {
    char name[32];
    int level;
    int parent;
    unsigned long inode; /* 0 until a task is seen in it */
};

static struct task T[MAXT];
static int nT;
static struct pidns NS[MAXNS];
static int nNS;
static int ns_counter;

static char g_dir[PATH_MAX];
static int g_dir_made;
static volatile pid_t g_initpid = -1;
static const char *g_file;
static int g_debug;
static long g_step_timeout_ms = 10000;
static int g_hostproc = -1;  /* the host's /proc, kept open for the tasks */
static int g_userns;         /* --user-namespace: a user namespace owns the world */
static int g_pidmax_global;  /* kernel before 6.14: pid_max is system-wide */
static int g_sync[2] = { -1, -1 }; /* init waits here until its uid_map is written */

/* ------------------------------------------------------------------ */
/* small helpers                                                        */

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void msleep(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {}
}

static void dbg(const char *fmt, ...)
{
    if (!g_debug) return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "[replay] ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
}

static void cleanup_files(void)
{
    if (!g_dir_made) return;
    /* async-signal-safe enough: unlink known names */
    char p[PATH_MAX + 32];
    for (int i = 0; i < nT; i++) {
        snprintf(p, sizeof p, "%s/%d.cmd", g_dir, i);
        unlink(p);
        snprintf(p, sizeof p, "%s/%d.rep", g_dir, i);
        unlink(p);
    }
    /* a pair may have been created for a fork that failed */
    snprintf(p, sizeof p, "%s/%d.cmd", g_dir, nT);
    unlink(p);
    snprintf(p, sizeof p, "%s/%d.rep", g_dir, nT);
    unlink(p);
    rmdir(g_dir);
    g_dir_made = 0;
}

static void kill_world(void)
{
    if (g_initpid > 0) {
        /* SIGKILL from the host (an ancestor namespace) kills the init, and
         * the kernel then kills every task of the namespace tree. */
        kill(g_initpid, SIGKILL);
    }
}

static void reap_init(void)
{
    if (g_initpid > 0) {
        int st;
        long deadline = now_ms() + 10000;
        while (now_ms() < deadline) {
            pid_t r = waitpid(g_initpid, &st, WNOHANG);
            if (r == g_initpid || (r < 0 && errno == ECHILD)) break;
            msleep(2);
        }
        g_initpid = -1;
    }
}

static int reap_init_ok(void)
{
    pid_t p = g_initpid;
    if (p <= 0) return 1;
    int st;
    long deadline = now_ms() + 3000;
    while (now_ms() < deadline) {
        pid_t r = waitpid(p, &st, WNOHANG);
        if (r == p || (r < 0 && errno == ECHILD)) {
            g_initpid = -1;
            return 1;
        }
        msleep(2);
    }
    g_initpid = -1;
    return 0;
}

static void on_fatal_signal(int sig)
{
    static const char msg[] = "pidns-lab-helper: stopped (timeout or signal); every process of the run was killed\n";
    (void)!write(2, msg, sizeof msg - 1);
    kill_world();
    /* reap the init (up to 3 s): it returns only when every task of its namespaces is gone */
    for (int i = 0; g_initpid > 0 && i < 300; i++) {
        if (waitpid(g_initpid, NULL, WNOHANG) != 0) break;
        struct timespec ts = { 0, 10000000L };
        nanosleep(&ts, NULL);
    }
    cleanup_files();
    _exit(sig == SIGALRM ? 3 : 128 + sig);
}

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "pidns-lab-helper: internal error: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    fflush(stdout);
    kill_world();
    reap_init();
    cleanup_files();
    exit(3);
}

static const char *errname(int e)
{
    const char *n = strerrorname_np(e);
    return n ? n : "E?";
}

/* ------------------------------------------------------------------ */
/* the task side: a command loop                                        */

static int t_cmd = -1, t_rep = -1;
static int t_self;
static pid_t t_hostpid;

static void t_reply(const char *s)
{
    size_t n = strlen(s), off = 0;
    while (off < n) {
        ssize_t w = write(t_rep, s + off, n - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            _exit(111);
        }
        off += (size_t)w;
    }
}

static void t_reply_ret(long r, int err)
{
    char buf[64];
    if (r < 0) snprintf(buf, sizeof buf, "E %s\n", errname(err));
    else snprintf(buf, sizeof buf, "V %ld\n", r);
    t_reply(buf);
}

static int t_readline(char *buf, size_t sz)
{
    size_t n = 0;
    while (n + 1 < sz) {
        char c;
        ssize_t r = read(t_cmd, &c, 1);
        if (r == 0) return -1;
        if (r < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (c == '\n') break;
        buf[n++] = c;
    }
    buf[n] = 0;
    return (int)n;
}

static void task_loop(int self) __attribute__((noreturn));

static void task_start(int self)
{
    /* close everything inherited (parent's FIFOs, controller's fds) */
    if (g_hostproc > 3) syscall(SYS_close_range, 3, (unsigned)g_hostproc - 1, 0);
    syscall(SYS_close_range, (unsigned)(g_hostproc > 3 ? g_hostproc + 1 : 4), ~0U, 0);
    int dn = open("/dev/null", O_RDWR);
    if (dn >= 0) {
        dup2(dn, 0);
        dup2(dn, 1);
        if (!getenv("PIDNS_LAB_HELPER_TASK_STDERR")) dup2(dn, 2);
        if (dn > 2) close(dn);
    }
    t_self = self;
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/%d.cmd", g_dir, self);
    t_cmd = open(p, O_RDONLY);
    snprintf(p, sizeof p, "%s/%d.rep", g_dir, self);
    t_rep = open(p, O_WRONLY);
    if (t_cmd < 0 || t_rep < 0) _exit(112);
    char lk[64] = { 0 };
    /* the host's pid: "self" of the host's /proc, not of the world's own */
    if (readlinkat(g_hostproc, "self", lk, sizeof lk - 1) < 0) _exit(113);
    t_hostpid = atoi(lk);
    char buf[96];
    snprintf(buf, sizeof buf, "READY %d\n", (int)t_hostpid);
    t_reply(buf);
    task_loop(self);
}

static long raw_clone(unsigned long flags)
{
    /* fork-like clone: no new stack, the child continues on a COW copy */
    return syscall(SYS_clone, flags, 0, NULL, NULL, 0);
}

static int write_sysctl(const char *path, long v)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0) return -errno;
    char b[64];
    int n = snprintf(b, sizeof b, "%ld\n", v);
    ssize_t w = write(fd, b, (size_t)n);
    int e = errno;
    close(fd);
    if (w < 0) return -e;
    return 0;
}

static void task_loop(int self)
{
    (void)self;
    char line[256];
    for (;;) {
        if (t_readline(line, sizeof line) < 0) _exit(114);
        char op = line[0];
        char *arg = line[1] ? line + 2 : line + 1;
        long r;
        int e = 0;
        switch (op) {
        case 'F': /* fork CHILDIDX */
        case 'C': { /* clone newpid CHILDIDX */
            int child = atoi(arg);
            if (op == 'F') r = fork();
            else r = raw_clone(CLONE_NEWPID | SIGCHLD);
            e = errno;
            if (r == 0) task_start(child);
            t_reply_ret(r, e);
            break;
        }
        case 'U':
            r = unshare(CLONE_NEWPID);
            t_reply_ret(r, errno);
            break;
        case 'N': { /* setns HOSTPID */
            char p[64];
            snprintf(p, sizeof p, "%s/ns/pid", arg);
            int fd = openat(g_hostproc, p, O_RDONLY);
            if (fd < 0) {
                t_reply_ret(-1, errno == ENOENT ? ESRCH : errno);
                break;
            }
            r = setns(fd, CLONE_NEWPID);
            e = errno;
            close(fd);
            t_reply_ret(r, e);
            break;
        }
        case 'X':
            _exit(atoi(arg));
        case 'W': { /* waitpid PID */
            int st;
            r = waitpid(atoi(arg), &st, WNOHANG);
            t_reply_ret(r, errno);
            break;
        }
        case 'K': { /* kill PID SIG */
            long pid;
            int sig;
            if (sscanf(arg, "%ld %d", &pid, &sig) != 2) _exit(115);
            r = kill((pid_t)pid, sig);
            t_reply_ret(r, errno);
            break;
        }
        case 'S':
            r = setsid();
            t_reply_ret(r, errno);
            break;
        case 'G':
            r = setpgid(0, (pid_t)atol(arg));
            t_reply_ret(r, errno);
            break;
        case 'H': { /* cleanup only: setpgid(CHILD, CHILD) */
            pid_t c = (pid_t)atol(arg);
            r = setpgid(c, c);
            t_reply_ret(r, errno);
            break;
        }
        case 'P':
            r = prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            t_reply_ret(r, errno);
            break;
        case 'M':
            if (g_pidmax_global) { /* never change the host's pid_max */
                t_reply("E NOTRUN\n");
                break;
            }
            /* fall through */
        case 'L': {
            int rc = write_sysctl(op == 'L' ? "/proc/sys/kernel/ns_last_pid"
                                            : "/proc/sys/kernel/pid_max",
                                  atol(arg));
            t_reply_ret(rc < 0 ? -1 : 0, -rc);
            break;
        }
        case 'Q': { /* query ns_last_pid (used for the initial check) */
            char b[64] = { 0 };
            int fd = open("/proc/sys/kernel/ns_last_pid", O_RDONLY);
            if (fd < 0) { t_reply_ret(-1, errno); break; }
            ssize_t n = read(fd, b, sizeof b - 1);
            close(fd);
            t_reply_ret(n > 0 ? atol(b) : -1, EIO);
            break;
        }
        default:
            _exit(116);
        }
    }
}

/* init of the script's root: pid 1 of a fresh namespace */
static int init_main(void)
{
    /* no handlers, no blocked signals: reset what the controller set */
    for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (g_userns) { /* wait until the controller has written our uid_map */
        char b;
        close(g_sync[1]);
        if (read(g_sync[0], &b, 1) != 1) _exit(122);
        close(g_sync[0]);
    }
    if (setsid() != 1) _exit(120);
    /* a mount namespace of our own: nothing mounted here reaches the host */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) _exit(123);
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0) _exit(124);
    if (!g_pidmax_global && write_sysctl("/proc/sys/kernel/pid_max", 32768) < 0) _exit(121);
    task_start(0);
    return 0;
}

/* ------------------------------------------------------------------ */
/* controller: communication                                            */

static void make_fifos(int idx)
{
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/%d.cmd", g_dir, idx);
    unlink(p);
    if (mkfifo(p, 0600) < 0) die("mkfifo %s: %s", p, strerror(errno));
    T[idx].cmdfd = open(p, O_RDWR | O_CLOEXEC);
    snprintf(p, sizeof p, "%s/%d.rep", g_dir, idx);
    unlink(p);
    if (mkfifo(p, 0600) < 0) die("mkfifo %s: %s", p, strerror(errno));
    T[idx].repfd = open(p, O_RDWR | O_CLOEXEC | O_NONBLOCK);
    if (T[idx].cmdfd < 0 || T[idx].repfd < 0) die("open fifo: %s", strerror(errno));
}

static void drop_fifos(int idx)
{
    char p[PATH_MAX + 32];
    if (T[idx].cmdfd >= 0) close(T[idx].cmdfd);
    if (T[idx].repfd >= 0) close(T[idx].repfd);
    T[idx].cmdfd = T[idx].repfd = -1;
    snprintf(p, sizeof p, "%s/%d.cmd", g_dir, idx);
    unlink(p);
    snprintf(p, sizeof p, "%s/%d.rep", g_dir, idx);
    unlink(p);
}

static void send_cmd(int idx, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    buf[n++] = '\n';
    dbg("-> %s: %.*s", T[idx].label, n - 1, buf);
    if (write(T[idx].cmdfd, buf, (size_t)n) != n) die("write cmd: %s", strerror(errno));
}

/* per-task reply buffers */
static char rbuf[MAXT][256];
static int rlen[MAXT];

/* try to get one line from task idx; returns 1 with line in out */
static int try_line(int idx, char *out, size_t osz)
{
    for (;;) {
        char *nl = memchr(rbuf[idx], '\n', (size_t)rlen[idx]);
        if (nl) {
            size_t l = (size_t)(nl - rbuf[idx]);
            if (l >= osz) l = osz - 1;
            memcpy(out, rbuf[idx], l);
            out[l] = 0;
            size_t rest = (size_t)rlen[idx] - (size_t)(nl - rbuf[idx]) - 1;
            memmove(rbuf[idx], nl + 1, rest);
            rlen[idx] = (int)rest;
            return 1;
        }
        if (rlen[idx] >= (int)sizeof rbuf[idx] - 1) die("reply too long");
        ssize_t r = read(T[idx].repfd, rbuf[idx] + rlen[idx], sizeof rbuf[idx] - 1 - (size_t)rlen[idx]);
        if (r > 0) { rlen[idx] += (int)r; continue; }
        if (r < 0 && (errno == EAGAIN || errno == EINTR)) return 0;
        return 0;
    }
}

static int task_gone_or_exiting(int idx);

/* wait for a reply line; if give_up_if_dead, return 0 when the task is
 * exiting/dead and no line came.  Returns 1 on line. */
static int get_line(int idx, char *out, size_t osz, int give_up_if_dead)
{
    long deadline = now_ms() + g_step_timeout_ms;
    for (;;) {
        if (try_line(idx, out, osz)) {
            dbg("<- %s: %s", T[idx].label, out);
            return 1;
        }
        if (give_up_if_dead && task_gone_or_exiting(idx)) {
            /* one last look: the reply may have raced with the death */
            if (try_line(idx, out, osz)) return 1;
            return 0;
        }
        if (now_ms() > deadline) die("timeout waiting for a reply from task '%s'", T[idx].label);
        struct pollfd pf = { T[idx].repfd, POLLIN, 0 };
        poll(&pf, 1, give_up_if_dead ? 2 : 50);
    }
}

/* ------------------------------------------------------------------ */
/* controller: reading /proc                                            */

static int read_at(int dirfd, const char *name, char *buf, size_t sz)
{
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, sz - 1 - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            close(fd);
            return -1;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n >= sz - 1) break;
    }
    buf[n] = 0;
    close(fd);
    return (int)n;
}

struct pstat {
    int ok;            /* 0: reaped (no /proc entry) */
    char state;        /* raw State letter */
    int ppid;
    unsigned long flags;
    unsigned long long sigpnd, shdpnd;
    char nspid[512], pgid[512], sid[512];
    int hpgid, hsid;
    char wchan[128];
    long syscallnr;
};

/* drop the first (host) entry of an NSxxx line, join the rest with '/' */
static void ns_field(const char *status, const char *key, char *out, size_t osz)
{
    out[0] = 0;
    const char *p = strstr(status, key);
    if (!p) return;
    p += strlen(key);
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    char tmp[512];
    size_t l = (size_t)(e - p);
    if (l >= sizeof tmp) l = sizeof tmp - 1;
    memcpy(tmp, p, l);
    tmp[l] = 0;
    char *save = NULL;
    int first = 1;
    size_t o = 0;
    for (char *tok = strtok_r(tmp, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        if (first) { first = 0; continue; }
        o += (size_t)snprintf(out + o, osz - o, "%s%s", o ? "/" : "", tok);
    }
}

static int read_pstat(int idx, struct pstat *ps, int want_sched)
{
    char st[4096];
    memset(ps, 0, sizeof *ps);
    if (T[idx].reaped) return 0;
    if (read_at(T[idx].procfd, "status", st, sizeof st) < 0) {
        if (errno == ESRCH || errno == ENOENT) {
            T[idx].reaped = 1;
            return 0;
        }
        die("read status of '%s': %s", T[idx].label, strerror(errno));
    }
    char *p = strstr(st, "\nState:");
    if (!p) {
        /* can happen while the task is being released */
        T[idx].reaped = 1;
        return 0;
    }
    p += 7;
    while (*p == ' ' || *p == '\t') p++;
    ps->state = *p;
    p = strstr(st, "\nPPid:");
    ps->ppid = p ? atoi(p + 6) : 0;
    p = strstr(st, "\nSigPnd:");
    ps->sigpnd = p ? strtoull(p + 8, NULL, 16) : 0;
    p = strstr(st, "\nShdPnd:");
    ps->shdpnd = p ? strtoull(p + 8, NULL, 16) : 0;
    ns_field(st, "\nNSpid:", ps->nspid, sizeof ps->nspid);
    ns_field(st, "\nNSpgid:", ps->pgid, sizeof ps->pgid);
    ns_field(st, "\nNSsid:", ps->sid, sizeof ps->sid);
    p = strstr(st, "\nNSpgid:");
    ps->hpgid = p ? atoi(p + 8) : 0;
    p = strstr(st, "\nNSsid:");
    ps->hsid = p ? atoi(p + 7) : 0;
    char sb[2048];
    if (read_at(T[idx].procfd, "stat", sb, sizeof sb) > 0) {
        char *q = strrchr(sb, ')');
        if (q) {
            /* fields after ')': state ppid pgrp session tty_nr tpgid flags */
            char s;
            int a, b, c, d, e2;
            unsigned long fl;
            if (sscanf(q + 1, " %c %d %d %d %d %d %lu", &s, &a, &b, &c, &d, &e2, &fl) == 7)
                ps->flags = fl;
        }
    }
    if (want_sched) {
        if (read_at(T[idx].procfd, "wchan", ps->wchan, sizeof ps->wchan) < 0) ps->wchan[0] = 0;
        char sc[256];
        if (read_at(T[idx].procfd, "syscall", sc, sizeof sc) > 0) {
            if (isdigit((unsigned char)sc[0])) ps->syscallnr = atol(sc);
            else ps->syscallnr = -2; /* "running" or "-1 ..." */
        } else ps->syscallnr = -3;
    }
    ps->ok = 1;
    return 1;
}

/* ------------------------------------------------------------------ */
/* controller: exit events                                              */

/*
 * A task leaves /proc in release_task() at __unhash_process(), but its
 * numbers stay allocated until free_pids() a little later in the same
 * function (since 6.15 after tasklist_lock is dropped, so a preempted
 * releaser keeps them for as long as it waits for a CPU).  When the releaser
 * is not a task the controller waits for (waitpid), /proc cannot tell the two
 * apart: an autoreaped task releases itself, and an exiting task releases the
 * zombies reparented to a reaper that ignores SIGCHLD (an init in
 * zap_pid_ns_processes()), both in exit_notify().  The next fork could then
 * find the number still taken (EAGAIN instead of it).  The process-events
 * connector reports PROC_EVENT_EXIT from proc_exit_connector(), which do_exit()
 * calls right after exit_notify(): once a task's event has come, every
 * release_task() it ran is over.  So a zombie or a task gone from /proc is
 * settled only when its exit event has arrived (snapshot()).
 */
static int g_cn = -1; /* the connector socket; -1: not available, /proc alone */

/* proc_input of linux/cn_proc.h (6.6+): listen, to exit events only */
struct cn_listen {
    uint32_t op;
    uint32_t events;
};

static int cn_send_listen(size_t datalen)
{
    char buf[NLMSG_SPACE(sizeof(struct cn_msg) + sizeof(struct cn_listen))];
    memset(buf, 0, sizeof buf);
    struct nlmsghdr *nh = (struct nlmsghdr *)buf;
    nh->nlmsg_len = NLMSG_LENGTH(sizeof(struct cn_msg) + datalen);
    nh->nlmsg_type = NLMSG_DONE;
    nh->nlmsg_pid = (uint32_t)getpid();
    struct cn_msg *cn = NLMSG_DATA(nh);
    cn->id.idx = CN_IDX_PROC;
    cn->id.val = CN_VAL_PROC;
    cn->seq = 1;
    cn->ack = 1;
    cn->len = (uint16_t)datalen;
    struct cn_listen l = { PROC_CN_MCAST_LISTEN, PROC_EVENT_EXIT };
    memcpy(cn->data, &l, datalen);
    return send(g_cn, buf, nh->nlmsg_len, 0) == (ssize_t)nh->nlmsg_len ? 0 : -1;
}

/* 1 if the kernel acknowledged the LISTEN without an error */
static int cn_acked(void)
{
    char buf[8192] __attribute__((aligned(NLMSG_ALIGNTO)));
    ssize_t n;
    while ((n = recv(g_cn, buf, sizeof buf, 0)) > 0) {
        for (struct nlmsghdr *nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (size_t)n); nh = NLMSG_NEXT(nh, n)) {
            struct cn_msg *cn = NLMSG_DATA(nh);
            struct proc_event *ev = (struct proc_event *)cn->data;
            if (ev->what == PROC_EVENT_NONE) return ev->event_data.ack.err == 0;
        }
    }
    return 0;
}

/* Subscribe before any task exists.  The kernel answers the LISTEN while
 * send() runs (cn_proc_mcast_ctl() acknowledges it), so no ack means no
 * events here: an old kernel, CONFIG_PROC_EVENTS off, no permission, or a
 * helper outside the initial PID/user namespace (cn_proc ignores those). */
static void cn_open(void)
{
    if (getenv("PIDNS_LAB_HELPER_NO_EXIT_EVENTS")) return;
    g_cn = socket(AF_NETLINK, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_CONNECTOR);
    if (g_cn < 0) return;
    struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = CN_IDX_PROC };
    int big = 4 << 20; /* room for the host's own exits between two drains */
    if (setsockopt(g_cn, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big) < 0)
        setsockopt(g_cn, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    /* the exit-only filter (6.6+), else the older form that sends every event */
    if (bind(g_cn, (struct sockaddr *)&sa, sizeof sa) < 0 ||
        ((cn_send_listen(sizeof(struct cn_listen)) < 0 || !cn_acked()) &&
         (cn_send_listen(sizeof(uint32_t)) < 0 || !cn_acked()))) {
        close(g_cn);
        g_cn = -1;
    }
    dbg("exit events: %s", g_cn >= 0 ? "yes" : "no, /proc alone");
}

/* is HP the host pid of the controller or of one of its tasks? */
static int ours(int hp)
{
    if (hp == (int)getpid()) return 1;
    for (int i = 0; i < nT; i++)
        if (T[i].hostpid == hp) return 1;
    return 0;
}

/* Read every queued event; mark the exits of our tasks.  An exit counts for
 * the oldest task with that host pid still waiting for one.  Another process
 * of the host that had the same number before cannot be taken for ours: the
 * host allocates cyclically, so its number comes back only after a wrap of
 * the host's pid_max, and its event comes right after its free_pids(); and a
 * zombie's event names its parent (proc_exit_connector() gives 0 for an
 * autoreaped task, whose release_task() cleared its pid first), which must be
 * ours. */
static void cn_drain(void)
{
    if (g_cn < 0) return;
    char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
    for (;;) {
        ssize_t n = recv(g_cn, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == ENOBUFS) die("exit events were lost (the socket overflowed)");
        if (n <= 0) return;
        for (struct nlmsghdr *nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (size_t)n); nh = NLMSG_NEXT(nh, n)) {
            struct cn_msg *cn = NLMSG_DATA(nh);
            struct proc_event *ev = (struct proc_event *)cn->data;
            if (ev->what != PROC_EVENT_EXIT) continue;
            int parent = ev->event_data.exit.parent_pid;
            if (parent != 0 && !ours(parent)) continue;
            for (int i = 0; i < nT; i++)
                if (T[i].hostpid == ev->event_data.exit.process_pid && !T[i].exit_seen) {
                    T[i].exit_seen = 1;
                    dbg("exit event: %s", T[i].label);
                    break;
                }
        }
    }
}

static int task_gone_or_exiting(int idx)
{
    struct pstat ps;
    if (!read_pstat(idx, &ps, 0)) return 1;
    if (ps.state == 'Z' || ps.state == 'X') return 1;
    if (ps.flags & PF_EXITING) return 1;
    return 0;
}

static int find_by_hostpid(int hp)
{
    for (int i = 0; i < nT; i++)
        if (!T[i].reaped && T[i].hostpid == hp) return i;
    return -1;
}

static int ns_in_chain(int task, int nsk)
{
    for (int k = T[task].ns; k >= 0; k = NS[k].parent)
        if (k == nsk) return 1;
    return 0;
}

/* the latest task (reaped or not) with this host pid */
static int task_by_hostpid_any(int hp)
{
    for (int i = nT - 1; i >= 0; i--)
        if (T[i].hostpid == hp) return i;
    return -1;
}

static int e_init_is_held(int e)
{
    int nsk = T[e].ns;
    for (int x = 0; x < nT; x++) {
        if (T[x].reaped) continue;
        if (x != e && ns_in_chain(x, nsk)) return 1;
        int lp = task_by_hostpid_any(T[x].hpgid), ls = task_by_hostpid_any(T[x].hsid);
        if (lp >= 0 && lp != e && ns_in_chain(lp, nsk)) return 1;
        if (ls >= 0 && ls != e && ns_in_chain(ls, nsk)) return 1;
    }
    return 0;
}

/* One pass over all tasks: refresh caches; return 1 if quiescent. The
 * snapshot text is written to snap. */
static int snapshot(char *snap, size_t ssz, char *why, size_t wsz)
{
    static struct pstat ps[MAXT];
    int quiet = 1;
    size_t o = 0;
    why[0] = 0;
    cn_drain(); /* before /proc: an exit seen there has its event queued or coming */
    for (int i = 0; i < nT; i++) {
        if (!read_pstat(i, &ps[i], 1)) continue;
    }
    for (int i = 0; i < nT; i++) {
        struct task *t = &T[i];
        if (t->reaped) continue;
        struct pstat *p = &ps[i];
        if (!p->ok) continue;
        snprintf(t->nspid, sizeof t->nspid, "%s", p->nspid);
        snprintf(t->pgid, sizeof t->pgid, "%s", p->pgid);
        snprintf(t->sid, sizeof t->sid, "%s", p->sid);
        t->ppid_host = p->ppid;
        t->hpgid = p->hpgid;
        t->hsid = p->hsid;
        /* parse nspid numbers */
        t->nlev = 0;
        {
            char tmp[512];
            snprintf(tmp, sizeof tmp, "%s", p->nspid);
            char *sv = NULL;
            for (char *tok = strtok_r(tmp, "/", &sv); tok && t->nlev < 40; tok = strtok_r(NULL, "/", &sv))
                t->nspid_v[t->nlev++] = atoi(tok);
        }
        int ok;
        if (p->state == 'Z') {
            t->state = 'Z';
            /* a zombie whose parent is exiting is about to be auto-reaped */
            int par = find_by_hostpid(p->ppid);
            ok = !(par >= 0 && ps[par].ok && ps[par].state != 'Z' && (ps[par].flags & PF_EXITING));
            if (!ok) snprintf(why, wsz, "%s: zombie of an exiting parent", t->label);
        } else if (p->state == 'X') {
            t->state = 'Z';
            ok = 0;
            snprintf(why, wsz, "%s: state X", t->label);
        } else if (p->flags & PF_EXITING) {
            t->state = 'E';
            /* a namespace init inside zap_pid_ns_processes(): either waiting
             * for the last pids of its namespace, or (step 4) in kernel_wait4
             * for a child that is itself an E init of a nested namespace.
             * Tasks that are really dying fail their own check. */
            ok = (p->state == 'S' || p->state == 'D') &&
                 (!strcmp(p->wchan, "zap_pid_ns_processes") || !strcmp(p->wchan, "do_wait") ||
                  !strcmp(p->wchan, "kernel_wait4"));
            if (!ok) snprintf(why, wsz, "%s: exiting, state %c wchan %s", t->label, p->state, p->wchan);
        } else {
            t->state = 'R';
            ok = p->state == 'S' && p->sigpnd == 0 && p->shdpnd == 0 && p->syscallnr == 0;
            if (!ok)
                snprintf(why, wsz, "%s: live, state %c pnd %llx/%llx syscall %ld", t->label, p->state,
                         p->sigpnd, p->shdpnd, p->syscallnr);
        }
        if (!ok) quiet = 0;
        o += (size_t)snprintf(snap + o, ssz - o, "%d %c %d %c %s %s %s %lx|", i, p->state, p->ppid, t->state,
                              p->nspid, p->pgid, p->sid, p->flags);
        if (o >= ssz) o = ssz - 1;
    }
    /* A zombie or a task gone from /proc may still be in exit_notify()'s
     * release_task() (see cn_open()): settled only once its exit event came. */
    for (int i = 0; quiet && g_cn >= 0 && i < nT; i++) {
        if (T[i].hostpid > 0 && !T[i].exit_seen && (T[i].reaped || T[i].state == 'Z')) {
            quiet = 0;
            snprintf(why, wsz, "%s: no exit event yet (free_pids() may not have run)", T[i].label);
        }
    }
    /* An E init is only settled if something visible still holds a pid of
     * its namespace (a task with a pid there, or a pgid/sid numbered there).
     * Otherwise the last holder is being released right now (it is already
     * gone from /proc but free_pid() has not run or the init has not woken
     * up yet): not quiescent. */
    for (int i = 0; quiet && i < nT; i++) {
        if (T[i].reaped || T[i].state != 'E') continue;
        if (!e_init_is_held(i)) {
            quiet = 0;
            snprintf(why, wsz, "%s: E but nothing visible holds a pid of its namespace", T[i].label);
        }
    }
    return quiet;
}

static char snapA[MAXT * 64 + 4096], snapB[MAXT * 64 + 4096];

static void quiesce(void)
{
    long start = now_ms();
    long deadline = start + g_step_timeout_ms;
    char why[256];
    int stable = 0;
    snapA[0] = 0;
    long same_since = now_ms();
    for (;;) {
        int q = snapshot(snapB, sizeof snapB, why, sizeof why);
        int same = strcmp(snapA, snapB) == 0;
        if (!same) same_since = now_ms();
        if (q && same) {
            if (++stable >= 5) return;
        } else {
            stable = q ? 1 : 0;
        }
        if (!q && same && now_ms() - same_since > 3000 && strstr(why, "nothing visible holds")) {
            /* unknown reason to stay E: trust 3 s of stability */
            dbg("accepting after 3 s: %s", why);
            return;
        }
        memcpy(snapA, snapB, strlen(snapB) + 1);
        if (now_ms() > deadline) die("the world did not become quiescent: %s", why);
        msleep(stable ? 3 : 1);
    }
}

/* ------------------------------------------------------------------ */
/* controller: namespaces                                               */

static unsigned long ns_inode(int idx)
{
    char l[128];
    ssize_t n = readlinkat(T[idx].procfd, "ns/pid", l, sizeof l - 1);
    if (n < 0) return 0;
    l[n] = 0;
    char *b = strchr(l, '[');
    return b ? strtoul(b + 1, NULL, 10) : 0;
}

static int new_ns(int parent)
{
    if (nNS >= MAXNS) die("too many namespaces");
    int k = nNS++;
    if (parent < 0) snprintf(NS[k].name, sizeof NS[k].name, "root");
    else snprintf(NS[k].name, sizeof NS[k].name, "ns%d", ++ns_counter);
    NS[k].parent = parent;
    NS[k].level = parent < 0 ? 0 : NS[parent].level + 1;
    NS[k].inode = 0;
    return k;
}

static void bind_ns(int idx)
{
    unsigned long ino = ns_inode(idx);
    int k = T[idx].ns;
    if (!ino) return;
    if (NS[k].inode == 0) {
        for (int j = 0; j < nNS; j++)
            if (j != k && NS[j].inode == ino)
                die("namespace bookkeeping: task '%s' is in %s, expected %s", T[idx].label, NS[j].name,
                    NS[k].name);
        NS[k].inode = ino;
    } else if (NS[k].inode != ino) {
        die("namespace bookkeeping mismatch for task '%s'", T[idx].label);
    }
}

/* is task v's pid visible in the namespace nsk? returns pid there or 0 */
static int pid_in_ns(int v, int nsk)
{
    for (int k = T[v].ns; k >= 0; k = NS[k].parent) {
        if (k == nsk) {
            int lev = NS[nsk].level;
            if (lev < T[v].nlev) return T[v].nspid_v[lev];
            return 0;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* controller: script                                                   */

static int find_label(const char *l)
{
    for (int i = 0; i < nT; i++)
        if (strcmp(T[i].label, l) == 0) return i;
    return -1;
}

static int valid_label(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_')) return 0;
    for (const char *p = s + 1; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '-')) return 0;
    return 1;
}

static int valid_number(const char *s, int allow_neg)
{
    const char *p = s;
    if (allow_neg && *p == '-') p++;
    if (!*p) return 0;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p)) return 0;
    return strlen(s) < 12;
}

static int script_error(int line, const char *fmt, ...)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: ", g_file, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return 2;
}

/* check that a label names a known, running task; return its index or -1
 * after printing the error */
static int need_running(int line, const char *l, int *err)
{
    int i = find_label(l);
    if (i < 0) {
        *err = script_error(line, "unknown task '%s'", l);
        return -1;
    }
    if (T[i].reaped) {
        *err = script_error(line, "task '%s' is not running (it has been reaped)", l);
        return -1;
    }
    if (T[i].state == 'Z') {
        *err = script_error(line, "task '%s' is not running (it is a zombie)", l);
        return -1;
    }
    if (T[i].state == 'E') {
        *err = script_error(line, "task '%s' is not running (it is exiting)", l);
        return -1;
    }
    return i;
}

static int need_known(int line, const char *l, int *err)
{
    int i = find_label(l);
    if (i < 0) *err = script_error(line, "unknown task '%s'", l);
    return i;
}

/* parse "V n" / "E NAME" */
static void result_text(const char *rep, char *out, size_t osz, long *val)
{
    if (rep[0] == 'V') {
        *val = atol(rep + 2);
        snprintf(out, osz, "%ld", *val);
    } else if (!strcmp(rep, "E NOTRUN")) {
        *val = -1;
        snprintf(out, osz, "(not run)");
    } else {
        *val = -1;
        snprintf(out, osz, "%s", rep + 2);
    }
}

static void start_task(int idx, int parent_idx)
{
    char line[256];
    if (!get_line(idx, line, sizeof line, 0)) die("no READY from '%s'", T[idx].label);
    if (strncmp(line, "READY ", 6) != 0) die("bad READY from '%s': %s", T[idx].label, line);
    T[idx].hostpid = atoi(line + 6);
    char p[64];
    snprintf(p, sizeof p, "/proc/%d", T[idx].hostpid);
    T[idx].procfd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (T[idx].procfd < 0) die("open %s: %s", p, strerror(errno));
    (void)parent_idx;
    bind_ns(idx);
}

static void print_state(void)
{
    int used[MAXNS] = { 0 };
    for (int i = 0; i < nT; i++)
        if (!T[i].reaped) used[T[i].ns] = 1;
    for (int k = 0; k < nNS; k++)
        if (used[k])
            printf("ns %s level=%d parent=%s\n", NS[k].name, NS[k].level,
                   NS[k].parent < 0 ? "-" : NS[NS[k].parent].name);
    for (int i = 0; i < nT; i++) {
        if (T[i].reaped) continue;
        const char *par = "-";
        if (i != 0) {
            int pi = find_by_hostpid(T[i].ppid_host);
            par = pi >= 0 ? T[pi].label : "?";
        }
        printf("task %s ns=%s state=%c parent=%s nspid=%s pgid=%s sid=%s\n", T[i].label, NS[T[i].ns].name,
               T[i].state, par, T[i].nspid, T[i].pgid, T[i].sid);
    }
}

static void field_value(int i, const char *f, char *out, size_t osz)
{
    if (T[i].reaped) {
        snprintf(out, osz, "(reaped)");
        return;
    }
    if (!strcmp(f, "ns")) snprintf(out, osz, "%s", NS[T[i].ns].name);
    else if (!strcmp(f, "state")) snprintf(out, osz, "%c", T[i].state);
    else if (!strcmp(f, "parent")) {
        int pi = i == 0 ? -1 : find_by_hostpid(T[i].ppid_host);
        snprintf(out, osz, "%s", i == 0 ? "-" : pi >= 0 ? T[pi].label : "?");
    } else if (!strcmp(f, "nspid")) snprintf(out, osz, "%s", T[i].nspid);
    else if (!strcmp(f, "pgid")) snprintf(out, osz, "%s", T[i].pgid);
    else if (!strcmp(f, "sid")) snprintf(out, osz, "%s", T[i].sid);
    else out[0] = 0;
}

static int new_task_slot(const char *label, int ns)
{
    if (nT >= MAXT) die("too many tasks");
    int idx = nT;
    memset(&T[idx], 0, sizeof T[idx]);
    T[idx].label = strdup(label);
    if (!T[idx].label) die("out of memory for a label");
    T[idx].ns = T[idx].pfc = ns;
    T[idx].procfd = T[idx].cmdfd = T[idx].repfd = -1;
    T[idx].state = 'R';
    make_fifos(idx);
    return idx;
}

static int run_script(FILE *f)
{
    /* whole lines, however long (fgets into a fixed buffer ran the rest of a long comment as a
       statement); the echo is never longer than its line */
    static char *raw, *echo;
    static size_t rawcap, echocap;
    ssize_t len;
    int lineno = 0;
    int expect_failed = 0;
    while ((len = getline(&raw, &rawcap, f)) >= 0) {
        lineno++;
        if (len > MAX_LINE_CHARS)
            return script_error(lineno, "line too long (over %s characters)", MAX_LINE_TEXT);
        char *h = strchr(raw, '#');
        if (h) *h = 0;
        char *w[MAXW];
        int nw = 0;
        char *sv = NULL;
        for (char *tok = strtok_r(raw, " \t\r\n\v\f", &sv); tok;
             tok = strtok_r(NULL, " \t\r\n\v\f", &sv)) {
            /* no statement has this many words: an error, never a silent drop of the rest */
            if (nw == MAXW) return script_error(lineno, "wrong number of arguments for '%s'", w[0]);
            w[nw++] = tok;
        }
        if (nw == 0) continue;
        if (echocap < (size_t)len + 1) {
            echocap = (size_t)len + 1;
            echo = realloc(echo, echocap);
            if (!echo) die("out of memory");
        }
        size_t eo = 0;
        for (int i = 0; i < nw; i++) eo += (size_t)snprintf(echo + eo, echocap - eo, "%s%s", i ? " " : "", w[i]);
        const char *op = w[0];
        int err = 0;
        char res[64];
        long val = 0;
        char rep[256];

#define ARGS(lo, hi)                                                                  \
    do {                                                                              \
        if (nw - 1 < (lo) || nw - 1 > (hi))                                           \
            return script_error(lineno, "wrong number of arguments for '%s'", op);    \
    } while (0)
#define RUNNING(var, lbl)                                                             \
    int var = need_running(lineno, lbl, &err);                                        \
    if (var < 0) return err

        if (!strcmp(op, "expect")) {
            if (nw < 2) return script_error(lineno, "wrong number of arguments for 'expect'");
            int i = need_known(lineno, w[1], &err);
            if (i < 0) return err;
            for (int k = 2; k < nw; k++) {
                char *eq = strchr(w[k], '=');
                if (!eq) return script_error(lineno, "expected FIELD=VALUE, got '%s'", w[k]);
                *eq = 0;
                const char *fld = w[k], *want = eq + 1;
                if (strcmp(fld, "ns") && strcmp(fld, "state") && strcmp(fld, "parent") && strcmp(fld, "nspid") &&
                    strcmp(fld, "pgid") && strcmp(fld, "sid"))
                    return script_error(lineno, "unknown field '%s'", fld);
                char got[600];
                field_value(i, fld, got, sizeof got);
                if (strcmp(got, want) != 0) {
                    fflush(stdout);
                    fprintf(stderr, "%s:%d: expected %s=%s, got %s=%s\n", g_file, lineno, fld, want, fld, got);
                    expect_failed = 1;
                }
            }
            continue;
        } else if (!strcmp(op, "fork") || !strcmp(op, "clone")) {
            int isclone = !strcmp(op, "clone");
            if (isclone) {
                ARGS(3, 3);
                if (strcmp(w[3], "newpid")) return script_error(lineno, "clone needs 'newpid'");
            } else ARGS(2, 2);
            RUNNING(p, w[1]);
            if (!valid_label(w[2])) return script_error(lineno, "invalid label '%s'", w[2]);
            if (find_label(w[2]) >= 0) return script_error(lineno, "label '%s' is already taken", w[2]);
            int child = new_task_slot(w[2], T[p].pfc);
            send_cmd(p, "%c %d", isclone ? 'C' : 'F', child);
            get_line(p, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
            if (val > 0) {
                nT++;
                if (isclone) T[child].ns = T[child].pfc = new_ns(T[p].ns);
                start_task(child, p);
            } else {
                drop_fifos(child);
            }
        } else if (!strcmp(op, "unshare")) {
            ARGS(2, 2);
            if (strcmp(w[2], "newpid")) return script_error(lineno, "unshare needs 'newpid'");
            RUNNING(t, w[1]);
            send_cmd(t, "U");
            get_line(t, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
            if (val == 0) T[t].pfc = new_ns(T[t].ns);
        } else if (!strcmp(op, "setns")) {
            ARGS(2, 2);
            RUNNING(t, w[1]);
            int g = need_known(lineno, w[2], &err);
            if (g < 0) return err;
            struct pstat ps;
            if (T[g].reaped || !read_pstat(g, &ps, 0)) {
                snprintf(res, sizeof res, "ESRCH");
            } else {
                send_cmd(t, "N %d", T[g].hostpid);
                get_line(t, rep, sizeof rep, 0);
                result_text(rep, res, sizeof res, &val);
                if (val == 0) T[t].pfc = T[g].ns;
            }
        } else if (!strcmp(op, "exit")) {
            ARGS(1, 2);
            if (nw == 3 && !valid_number(w[2], 0)) return script_error(lineno, "bad exit code '%s'", w[2]);
            RUNNING(t, w[1]);
            send_cmd(t, "X %d", nw == 3 ? atoi(w[2]) : 0);
            snprintf(res, sizeof res, "0");
        } else if (!strcmp(op, "wait")) {
            ARGS(1, 2);
            RUNNING(t, w[1]);
            int pid = -1;
            if (nw == 3) {
                int c = need_known(lineno, w[2], &err);
                if (c < 0) return err;
                if (T[c].reaped || c == 0 || find_by_hostpid(T[c].ppid_host) != t)
                    return script_error(lineno, "task '%s' is not a child of '%s'", w[2], w[1]);
                pid = pid_in_ns(c, T[t].ns);
                if (pid <= 0) die("child '%s' not visible to its parent '%s'", w[2], w[1]);
            }
            send_cmd(t, "W %d", pid);
            get_line(t, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
        } else if (!strcmp(op, "kill")) {
            ARGS(2, 3);
            int sig = SIGKILL;
            if (nw == 4) {
                if (!strcmp(w[3], "SIGKILL")) sig = SIGKILL;
                else if (!strcmp(w[3], "SIGTERM")) sig = SIGTERM;
                else return script_error(lineno, "unknown signal '%s'", w[3]);
            }
            RUNNING(s, w[1]);
            long pid;
            int call = 1;
            if (valid_number(w[2], 1)) {
                pid = atol(w[2]);
            } else if (valid_label(w[2])) {
                int g = need_known(lineno, w[2], &err);
                if (g < 0) return err;
                struct pstat ps;
                if (T[g].reaped || !read_pstat(g, &ps, 0)) {
                    call = 0;
                    pid = 0;
                } else {
                    pid = pid_in_ns(g, T[s].ns);
                    if (pid <= 0) call = 0;
                }
            } else return script_error(lineno, "bad kill target '%s'", w[2]);
            if (!call) snprintf(res, sizeof res, "ESRCH");
            else {
                send_cmd(s, "K %ld %d", pid, sig);
                if (get_line(s, rep, sizeof rep, 1)) result_text(rep, res, sizeof res, &val);
                else snprintf(res, sizeof res, "0"); /* the sender killed itself */
            }
        } else if (!strcmp(op, "setsid")) {
            ARGS(1, 1);
            RUNNING(t, w[1]);
            send_cmd(t, "S");
            get_line(t, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
        } else if (!strcmp(op, "setpgid")) {
            ARGS(1, 2);
            if (nw == 3 && !valid_number(w[2], 0)) return script_error(lineno, "bad pgid '%s'", w[2]);
            RUNNING(t, w[1]);
            send_cmd(t, "G %ld", nw == 3 ? atol(w[2]) : 0L);
            get_line(t, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
        } else if (!strcmp(op, "subreaper")) {
            ARGS(1, 1);
            RUNNING(t, w[1]);
            send_cmd(t, "P");
            get_line(t, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
        } else if (!strcmp(op, "sysctl")) {
            ARGS(3, 3);
            int lp = !strcmp(w[2], "ns_last_pid"), pm = !strcmp(w[2], "pid_max");
            if (!lp && !pm) return script_error(lineno, "unknown sysctl '%s'", w[2]);
            if (!valid_number(w[3], 0)) return script_error(lineno, "bad number '%s'", w[3]);
            RUNNING(t, w[1]);
            send_cmd(t, "%c %s", lp ? 'L' : 'M', w[3]);
            get_line(t, rep, sizeof rep, 0);
            result_text(rep, res, sizeof res, &val);
        } else {
            return script_error(lineno, "unknown statement '%s'", op);
        }
        printf("%d: %s = %s\n", lineno, echo, res);
        fflush(stdout);
        quiesce();
    }
    print_state();
    fflush(stdout);
    return expect_failed ? 1 : 0;
}

/* innermost entry of an a/b/c list */
static int last_num(const char *s)
{
    const char *p = strrchr(s, '/');
    return atoi(p ? p + 1 : s);
}

/*
 * Before killing the world: a namespace init whose process group is a pid of
 * its OWN namespace (it joined the group of one of its members) can never
 * finish zap_pid_ns_processes(): it waits for that pid to be freed, and it
 * holds it itself.  Such an init stays E forever, unkillable and unreapable,
 * and would leak on the host.  Move every such init back into its own group:
 * a running one does setpgid(0,0) itself, an E one is moved by its parent
 * with setpgid(child, child) (possible while the parent runs and shares the
 * session).  Returns the number of inits that could not be helped.
 */
static int rescue_stuck_inits(void)
{
    char rep[256], snap[64], why[64];
    int stuck = 0;
    snapshot(snapA, sizeof snapA, why, sizeof why);
    (void)snap;
    for (int i = 0; i < nT; i++) {
        struct task *t = &T[i];
        if (t->reaped || t->state == 'Z' || last_num(t->nspid) != 1) continue;
        int pg = last_num(t->pgid);
        if (pg == 0 || pg == 1) continue;
        if (t->state == 'R') {
            send_cmd(i, "G 0");
            get_line(i, rep, sizeof rep, 0);
            continue;
        }
        int par = find_by_hostpid(t->ppid_host);
        int pid = par >= 0 ? pid_in_ns(i, T[par].ns) : 0;
        if (par >= 0 && T[par].state == 'R' && pid > 0) {
            send_cmd(par, "H %d", pid);
            get_line(par, rep, sizeof rep, 0);
            if (strcmp(rep, "V 0") == 0) continue;
        }
        stuck++;
    }
    return stuck;
}

/* major.minor of the running kernel, as 100 * major + minor */
static int kernel_version(void)
{
    struct utsname u;
    int major = 0, minor = 0;
    if (uname(&u) == 0) sscanf(u.release, "%d.%d", &major, &minor);
    return major * 100 + minor;
}

/* print the one line saying why this machine cannot run it, and stop */
static void cannot(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "pidns-lab-helper: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    kill_world();
    reap_init();
    cleanup_files();
    exit(EXIT_CANNOT);
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = write(fd, text, strlen(text));
    int e = errno;
    close(fd);
    errno = e;
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* write TEXT to /proc/CHILD/NAME, or stop: the user namespace cannot be set up */
static void write_map(pid_t child, const char *name, const char *text, int missing_ok)
{
    char p[64];
    snprintf(p, sizeof p, "/proc/%d/%s", (int)child, name);
    if (write_file(p, text) < 0 && !(missing_ok && errno == ENOENT))
        cannot("cannot write %s: %s", p, strerror(errno));
}

/* map uid/gid 0 of the world's user namespace to ours (as `unshare -r`) */
static void map_user(pid_t child)
{
    char m[64];
    write_map(child, "setgroups", "deny", 1);
    snprintf(m, sizeof m, "0 %d 1", (int)geteuid());
    write_map(child, "uid_map", m, 0);
    snprintf(m, sizeof m, "0 %d 1", (int)getegid());
    write_map(child, "gid_map", m, 0);
}

/* why init died before it said READY (its exit codes in init_main) */
static const char *init_failure(int code)
{
    switch (code) {
    case 122: return "the user namespace was not set up";
    case 123: return "cannot make the mounts of the new mount namespace private";
    case 124: return "cannot mount a /proc of its own in the new namespaces";
    case 121: return "cannot write pid_max of the new PID namespace";
    default: return "the new namespace's init failed";
    }
}

static int replay_main(int argc, char **argv)
{
    long total = 120;
    const char *name = NULL;
    int i = 2;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (!strcmp(argv[i], "--user-namespace")) g_userns = 1;
        else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) total = atol(argv[++i]);
        else if (!strcmp(argv[i], "--name") && i + 1 < argc) name = argv[++i];
        else break;
    }
    if (i != argc - 1 || total <= 0) {
        fprintf(stderr, "usage: %s replay [--user-namespace] [--timeout SECONDS] [--name NAME] FILE.pidns|-\n", argv[0]);
        return 3;
    }
    /* "-": the script on stdin, as the Lab passes the text it read itself (a second open of the
       user's path would fail on a <(pipe), block on a FIFO before the alarm, or read a changed
       file); --name is the file name the messages show */
    int from_stdin = !strcmp(argv[i], "-");
    g_file = name ? name : from_stdin ? "<stdin>" : argv[i];
    g_debug = getenv("PIDNS_LAB_HELPER_DEBUG") != NULL;
    g_pidmax_global = kernel_version() < 614;
    FILE *f = from_stdin ? stdin : fopen(argv[i], "r");
    if (!f) {
        fprintf(stderr, "%s: %s\n", g_file, strerror(errno));
        return 3;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigaction(SIGALRM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    alarm((unsigned)total);

    g_hostproc = open("/proc", O_RDONLY | O_DIRECTORY);
    if (g_hostproc < 0) cannot("cannot open /proc: %s", strerror(errno));
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(g_dir, sizeof g_dir, "%s/pidns-lab.XXXXXX", tmp);
    if (!mkdtemp(g_dir)) cannot("cannot create a directory in %s: %s", tmp, strerror(errno));
    g_dir_made = 1;
    cn_open();

    int root = new_ns(-1);
    int init = new_task_slot("init", root);
    nT = 1;
    if (g_userns && pipe(g_sync) < 0) die("pipe: %s", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    unsigned long flags = CLONE_NEWPID | CLONE_NEWNS | (g_userns ? CLONE_NEWUSER : 0);
    long r = raw_clone(flags | SIGCHLD);
    if (r < 0) {
        int e = errno;
        if (g_userns)
            cannot("cannot create a user namespace with a PID namespace: %s", strerror(e));
        cannot("cannot create a PID namespace: %s", strerror(e));
    }
    if (r == 0) {
        init_main();
        _exit(0);
    }
    g_initpid = (pid_t)r;
    if (g_userns) {
        close(g_sync[0]);
        map_user(g_initpid);
        if (write(g_sync[1], "g", 1) != 1) die("sync: %s", strerror(errno));
        close(g_sync[1]);
    }
    /* READY, or the init's exit code saying which set-up step failed */
    char line0[256];
    long deadline = now_ms() + g_step_timeout_ms;
    for (;;) {
        if (try_line(init, line0, sizeof line0)) break;
        int st;
        if (waitpid(g_initpid, &st, WNOHANG) == g_initpid) {
            g_initpid = -1;
            cannot("%s", init_failure(WIFEXITED(st) ? WEXITSTATUS(st) : 0));
        }
        if (now_ms() > deadline) die("no READY from the new namespace's init");
        msleep(1);
    }
    /* hand the line back to start_task() */
    size_t l0 = strlen(line0);
    memmove(rbuf[init] + l0 + 1, rbuf[init], (size_t)rlen[init]);
    memcpy(rbuf[init], line0, l0);
    rbuf[init][l0] = '\n';
    rlen[init] += (int)l0 + 1;
    start_task(init, -1);
    quiesce();
    /* the cursor must be right after pid 1 */
    send_cmd(init, "Q");
    char rep[256];
    get_line(init, rep, sizeof rep, 0);
    if (strcmp(rep, "V 1") != 0) die("ns_last_pid of the fresh root is not 1 (%s)", rep);
    quiesce();

    int rc = run_script(f);
    fclose(f);
    fflush(stdout);
    int stuck = rescue_stuck_inits();
    kill_world();
    if (!reap_init_ok()) {
        fflush(stdout);
        fprintf(stderr, "pidns-lab-helper: warning: the namespace did not die (%d init(s) stuck in "
                        "zap_pid_ns_processes holding their own namespace's pid as pgid): "
                        "processes are left on the host\n", stuck);
    }
    cleanup_files();
    return rc;
}

static unsigned long fd_inode(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (unsigned long)st.st_ino : 0;
}

/* ns-parents: walk NS_GET_PARENT from every readable /proc/PID/ns/pid */
static int ns_parents_main(void)
{
    static unsigned long seen[65536];
    int nseen = 0;
    DIR *d = opendir("/proc");
    if (!d) {
        fprintf(stderr, "pidns-lab-helper: /proc: %s\n", strerror(errno));
        return 3;
    }
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!isdigit((unsigned char)de->d_name[0])) continue;
        char p[300];
        snprintf(p, sizeof p, "/proc/%s/ns/pid", de->d_name);
        int fd = open(p, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue; /* gone, or not ours to inspect */
        for (;;) {
            unsigned long ino = fd_inode(fd);
            int known = 0;
            for (int k = 0; k < nseen; k++)
                if (seen[k] == ino) known = 1;
            if (known || nseen == (int)(sizeof seen / sizeof seen[0])) break;
            seen[nseen++] = ino;
            int parent = ioctl(fd, NS_GET_PARENT);
            if (parent < 0) {
                printf("%lu %s\n", ino, errno == EPERM ? "?" : "-");
                break;
            }
            printf("%lu %lu\n", ino, fd_inode(parent));
            close(fd);
            fd = parent;
        }
        close(fd);
    }
    closedir(d);
    fflush(stdout);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "replay")) return replay_main(argc, argv);
    if (argc == 2 && !strcmp(argv[1], "ns-parents")) return ns_parents_main();
    fprintf(stderr, "usage: %s replay [--user-namespace] [--timeout SECONDS] [--name NAME] FILE.pidns|- | %s ns-parents\n",
            argv[0], argv[0]);
    return 3;
}
