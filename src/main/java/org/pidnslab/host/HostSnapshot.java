package org.pidnslab.host;

import java.util.List;

/**
 * This machine's PID namespaces and processes at one moment, read from /proc by {@link ProcReader}:
 * every process complete or absent (one that exits while /proc is read is left out, never half
 * there).
 *
 * @param procRoot the /proc directory that was read
 * @param release the kernel release ({@code uname -r}), null if unknown
 * @param reader who read it: {@code root} or {@code uid N}
 * @param namespaces sorted by level, then inode
 * @param tasks sorted by pid
 * @param hidden what this reader could not see, and why (one sentence each)
 * @param vanished processes that exited while /proc was read
 */
public record HostSnapshot(
    String procRoot,
    String release,
    String reader,
    List<HostNamespace> namespaces,
    List<HostTask> tasks,
    List<String> hidden,
    int vanished) {

  /** The namespace with this inode, or null. */
  public HostNamespace namespace(long inode) {
    for (HostNamespace ns : namespaces) {
      if (ns.inode() == inode) {
        return ns;
      }
    }
    return null;
  }
}
