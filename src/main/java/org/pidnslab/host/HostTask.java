package org.pidnslab.host;

/**
 * One process of this machine as /proc shows it. Pid arrays are the NSpid, NStgid, NSpgid and NSsid
 * lines of /proc/PID/status: outermost first, starting at the namespace of the /proc that was read,
 * so {@code nspid[0]} is the /proc directory's name and the last entry the pid the process sees for
 * itself.
 *
 * @param comm the process name, as the kernel escapes it in status (may hold control characters)
 * @param state the letter of the {@code State:} line (R, S, D, Z, T, t, X, I ...)
 * @param ppid the parent's pid in the namespace of the /proc that was read (0: none visible)
 * @param uid the real uid
 * @param nsInode its namespace: the inode of /proc/PID/ns/pid; where that could not be read (not
 *     root), the inode of the top namespace for a process at level 0 (its NSpid says where it is),
 *     else {@code -LEVEL}: "some namespace at that level"
 */
public record HostTask(
    String comm,
    char state,
    int ppid,
    int uid,
    int[] nspid,
    int[] nstgid,
    int[] nspgid,
    int[] nssid,
    long nsInode) {

  /** The pid in the namespace of the /proc that was read. */
  public int pid() {
    return nspid[0];
  }

  /** The process's own pid (in its own namespace). */
  public int innermostPid() {
    return nspid[nspid.length - 1];
  }

  /** Its namespace's level below the namespace of the /proc that was read. */
  public int level() {
    return nspid.length - 1;
  }

  /** Whether it is the init (pid 1) of a namespace below the one that was read. */
  public boolean isNamespaceInit() {
    return nspid.length > 1 && innermostPid() == 1;
  }

  /** The innermost entry of {@code ids} (pgid, sid as the process sees them). */
  static int innermost(int[] ids) {
    return ids.length == 0 ? 0 : ids[ids.length - 1];
  }
}
