package org.pidnslab.kernel;

/**
 * One number of a pid in one namespace: struct upid in include/linux/pid.h.
 *
 * @param nr the number the namespace knows the pid by
 * @param ns the namespace
 */
public record Upid(int nr, PidNamespace ns) {
  @Override
  public String toString() {
    return ns.name() + ":" + nr;
  }
}
