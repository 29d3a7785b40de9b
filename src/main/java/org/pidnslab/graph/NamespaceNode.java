package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pidnslab.kernel.PidNamespace;

/**
 * A namespace's box in the namespace tree panel: a coloured header with the name, then one detail
 * line each for the init, the counts, the allocator and the life.
 *
 * @param serial the namespace's creation serial (0 for root)
 * @param name its name: {@code root}, {@code ns1}, ...
 * @param level its level (0 for root)
 * @param initLabel the name of its init (child_reaper), or {@code -} when it has none left
 * @param taskCount how many tasks (not yet reaped) have it as their active namespace
 * @param pidAllocated how many pids hold a number in it, nested namespaces' included
 * @param pidMax its pid_max
 * @param nsLastPid what its /proc/sys/kernel/ns_last_pid reads
 * @param life alive, dying (its init is in state E) or dead (no more pids can be allocated)
 * @param colorIndex its {@link Palette} index
 * @param box the node's box
 * @param header the coloured band at the top of the box, behind the title
 * @param lines the title and the detail lines, placed
 * @param perspective whether this is the namespace the picture is seen from
 * @param faded whether the perspective cannot see this namespace (it is outside)
 */
public record NamespaceNode(
    int serial,
    String name,
    int level,
    String initLabel,
    int taskCount,
    int pidAllocated,
    int pidMax,
    int nsLastPid,
    PidNamespace.Life life,
    int colorIndex,
    Box box,
    Box header,
    List<TextItem> lines,
    boolean perspective,
    boolean faded) {

  /** Checks the arguments and freezes the lines. */
  public NamespaceNode {
    Objects.requireNonNull(name);
    Objects.requireNonNull(initLabel);
    Objects.requireNonNull(life);
    Objects.requireNonNull(box);
    Objects.requireNonNull(header);
    lines = List.copyOf(lines);
  }

  /**
   * Style classes: {@code namespace}, {@code alive}/{@code dying}/{@code dead}, {@code ns-color-N},
   * then {@code perspective} and {@code faded} as they apply.
   */
  public List<String> styleClasses() {
    List<String> out = new ArrayList<>(5);
    out.add("namespace");
    out.add(life.name().toLowerCase(Locale.ROOT));
    out.add("ns-color-" + colorIndex);
    if (perspective) {
      out.add("perspective");
    }
    if (faded) {
      out.add("faded");
    }
    return out;
  }
}
