package org.pidnslab.export;

import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.Theme;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;

/** States the export tests draw: nested namespaces, a cross-namespace child, a dying init. */
public final class ExportFixtures {
  /**
   * Lines 1-7 nest ns1 and ns2 and give ns1 a task whose parent is outside; line 9 kills ns1's
   * init, which leaves it exiting (E) and the visitor a zombie (Z) of its outside parent.
   */
  public static final String SCRIPT =
      String.join(
          "\n",
          "# ns1, with ns2 inside",
          "clone init c newpid",
          "fork c c1",
          "clone c1 d newpid",
          "fork init outsider",
          "setns outsider c",
          "fork outsider visitor",
          "# the init of ns1 dies: zap_pid_ns_processes()",
          "exit c",
          "");

  /** The line after which every namespace is alive and nested. */
  public static final int NESTED = 7;

  private ExportFixtures() {}

  /** The state after line {@code line} of {@link #SCRIPT}. */
  public static Kernel state(int line) throws ExportException {
    return Scenario.of("fixture.pidns", SCRIPT).until(line).state();
  }

  /** The namespace called {@code name} in {@code kernel}. */
  public static PidNamespace namespace(Kernel kernel, String name) {
    return kernel.namespaces().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A request for {@code kernel} in the tree layout. */
  public static ExportRequest request(Kernel kernel, Theme theme) {
    return ExportRequest.of(kernel, DrawingOptions.DEFAULT, theme);
  }
}
