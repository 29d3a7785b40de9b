package org.pidnslab.host;

/**
 * One PID namespace of this machine.
 *
 * @param inode the inode of its /proc/PID/ns/pid ({@code pid:[INODE]}); {@code -LEVEL} for the
 *     processes at that level whose namespace could not be read (shown together)
 * @param level the level below the namespace of the /proc that was read (0: that namespace)
 * @param parent the parent's inode; 0 unknown or none (level 0)
 * @param parentFrom how the parent was found: {@code NS_GET_PARENT}, {@code init's parent}, or
 *     {@code -}
 * @param tasks how many of the snapshot's processes are in it
 */
public record HostNamespace(long inode, int level, long parent, String parentFrom, int tasks) {
  /** Whether its identity is known (its inode was read). */
  public boolean identified() {
    return inode > 0;
  }
}
