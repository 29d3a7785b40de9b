package org.pidnslab.kernel;

import java.util.Objects;

/**
 * What a simulated system call returns to its caller: a value, or an errno.
 *
 * @param value the return value when the call succeeded, else -1
 * @param errno the error when the call failed, else null
 * @param child the task a successful fork or clone created, else null
 */
public record SysResult(int value, Errno errno, Task child) {

  /** A successful call returning {@code value}. */
  public static SysResult ok(int value) {
    return new SysResult(value, null, null);
  }

  /** A successful fork: the child's pid as the parent sees it. */
  public static SysResult forked(int value, Task child) {
    return new SysResult(value, null, Objects.requireNonNull(child));
  }

  /** A failed call. */
  public static SysResult fail(Errno errno) {
    return new SysResult(-1, Objects.requireNonNull(errno), null);
  }

  /** Whether the call failed. */
  public boolean failed() {
    return errno != null;
  }

  /** The result as the scenario output prints it: the value, or the errno's name. */
  @Override
  public String toString() {
    return errno != null ? errno.name() : Integer.toString(value);
  }
}
