package org.pidnslab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A PID namespace: struct pid_namespace in include/linux/pid_namespace.h.
 *
 * <p>It holds its own cyclic allocator ({@link Idr}, the kernel's {@code idr}), its level, its
 * parent, its init ({@code child_reaper}), its own {@code pid_max} (per namespace since 6.14) and
 * {@code pid_allocated} with the {@code PIDNS_ADDING} flag, kept here as a separate boolean.
 */
public final class PidNamespace {
  /** Namespaces nest at most this many levels below the initial one (MAX_PID_NS_LEVEL). */
  public static final int MAX_PID_NS_LEVEL = 32;

  /** After the first wrap the cyclic search restarts here, not at 1 (RESERVED_PIDS). */
  public static final int RESERVED_PIDS = 300;

  /** The initial namespace's pid_max on a host with at most 32 CPUs (PID_MAX_DEFAULT). */
  public static final int PID_MAX_DEFAULT = 0x8000;

  /** The largest pid_max, and a new namespace's pid_max since 6.14 (PID_MAX_LIMIT). */
  public static final int PID_MAX_LIMIT = 4 * 1024 * 1024;

  /** The smallest writable pid_max: max(RESERVED_PIDS + 1, 8 x CPUs) with 2 CPUs (pid_max_min). */
  public static final int PID_MAX_MIN = RESERVED_PIDS + 1;

  final Idr<Pid> idr = new Idr<>();
  private final PidNamespace parent;
  private final int level;
  private final PidNamespace[] ancestors; // ancestors[i] is this namespace's ancestor at level i
  private int serial = -1; // creation order: 0 for root, k for the k-th namespace created
  private String name; // the Lab's name for it, from the serial (the kernel has none)
  Task childReaper;
  int pidAllocated;
  boolean pidnsAdding = true;
  int pidMax;

  /** The initial namespace, init_pid_ns. */
  static PidNamespace createInitial() {
    PidNamespace root = new PidNamespace(null, PID_MAX_DEFAULT);
    root.serial = 0;
    return root;
  }

  /** A new child of {@code parent}, not yet named (create_pid_namespace()). */
  static PidNamespace createChild(PidNamespace parent) {
    return new PidNamespace(parent, PID_MAX_LIMIT);
  }

  private PidNamespace(PidNamespace parent, int pidMax) {
    this.parent = parent;
    this.level = parent == null ? 0 : parent.level + 1;
    this.pidMax = pidMax;
    this.ancestors = new PidNamespace[level + 1];
    if (parent != null) {
      System.arraycopy(parent.ancestors, 0, ancestors, 0, level);
    }
    ancestors[level] = this;
  }

  void assignSerial(int serial) {
    this.serial = serial;
    this.name = null;
  }

  /** The name scripts and pictures use: {@code root}, then {@code ns1}, {@code ns2}... */
  public String name() {
    if (name == null) { // made once: every drawing names every task's namespaces
      name = serial == 0 ? "root" : "ns" + serial;
    }
    return name;
  }

  /** The creation order: 0 for root. Plays the role of the namespace's inode number. */
  public int serial() {
    return serial;
  }

  /** 0 for the initial namespace, the parent's level + 1 otherwise. */
  public int level() {
    return level;
  }

  /** The parent namespace, null for root. */
  public PidNamespace parent() {
    return parent;
  }

  /** This namespace's ancestor at {@code level} (itself at its own level). */
  public PidNamespace ancestorAt(int level) {
    return ancestors[level];
  }

  /** Whether this namespace is {@code other} or nested somewhere below it. */
  public boolean isSameOrDescendantOf(PidNamespace other) {
    return other.level <= level && ancestors[other.level] == other;
  }

  /** The namespace's init, or null before its first task exists (child_reaper). */
  public Task childReaper() {
    return childReaper;
  }

  /** How many struct pids hold a number here (pid_allocated without PIDNS_ADDING). */
  public int pidAllocated() {
    return pidAllocated;
  }

  /** Whether new pids may still be allocated here: PIDNS_ADDING, cleared when the init dies. */
  public boolean allocationEnabled() {
    return pidnsAdding;
  }

  /** This namespace's own limit: numbers handed out here stay below it. */
  public int pidMax() {
    return pidMax;
  }

  /** What /proc/sys/kernel/ns_last_pid reads: the cursor minus one. */
  public int nsLastPid() {
    return idr.cursor() - 1;
  }

  /** The pid that has number {@code nr} here, or null (find_pid_ns()). */
  public Pid findPidNs(int nr) {
    return idr.find(nr);
  }

  /** Every pid holding a number here, in increasing order of that number. */
  public List<Pid> pids() {
    List<Pid> out = new ArrayList<>(idr.size());
    idr.forEachId(nr -> out.add(idr.find(nr)));
    return out;
  }

  /** Whether the namespace can still get tasks, is waiting for its last pids, or is dead. */
  public Life life() {
    if (pidnsAdding) {
      return Life.ALIVE;
    }
    return childReaper != null && childReaper.state() == TaskState.EXITING ? Life.DYING : Life.DEAD;
  }

  /** The life of a namespace as the pictures show it. */
  public enum Life {
    ALIVE,
    DYING,
    DEAD
  }

  @Override
  public String toString() {
    return name();
  }
}
