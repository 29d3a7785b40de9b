package org.pidnslab.kernel;

/**
 * The error numbers a simulated system call can return, named as in
 * include/uapi/asm-generic/errno-base.h.
 */
public enum Errno {
  /** Operation not permitted. */
  EPERM("operation not permitted"),
  /** No such process. */
  ESRCH("no such process"),
  /** No child processes. */
  ECHILD("no child processes"),
  /** Try again: a pid level is full. */
  EAGAIN("resource temporarily unavailable"),
  /** Out of memory: here, a fork into a namespace whose init has died. */
  ENOMEM("cannot allocate memory"),
  /** Invalid argument. */
  EINVAL("invalid argument"),
  /** No space left: here, the 32-level nesting limit. */
  ENOSPC("no space left on device");

  private final String strerror;

  Errno(String strerror) {
    this.strerror = strerror;
  }

  /** The text strerror(3) would give, in lower case. */
  public String strerror() {
    return strerror;
  }
}
