package org.pidnslab.host;

/** How the helper confines a run on the real kernel. */
public enum RunMode {
  /** As root: a fresh PID namespace and mount namespace, created directly. */
  ROOT("as root, in a fresh PID namespace and mount namespace with its own /proc"),
  /**
   * Unprivileged: a fresh user namespace owns the fresh PID and mount namespaces, so the run has
   * capabilities only over what it created (where the kernel lets users create user namespaces).
   */
  USER_NAMESPACE(
      "unprivileged, in a fresh user namespace owning a fresh PID namespace and mount namespace"
          + " with its own /proc");

  private final String description;

  RunMode(String description) {
    this.description = description;
  }

  /** One line for the report: which kind of run this was. */
  public String description() {
    return description;
  }

  /** Root when this process's effective uid is 0, otherwise the user-namespace run. */
  public static RunMode forThisProcess() {
    return ThisProcess.effectiveUid() == 0 ? ROOT : USER_NAMESPACE;
  }
}
