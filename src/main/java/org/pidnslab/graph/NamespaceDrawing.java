package org.pidnslab.graph;

import java.util.List;
import java.util.Optional;

/**
 * The namespace tree side panel: every namespace that still matters (the active namespace of a task
 * not yet reaped, or the pid_ns_for_children of a running task) and its ancestors, laid out by
 * {@link TidyTreeLayout}, in its own coordinates from (0, 0) to (width, height).
 *
 * @param width the panel's width, margins included
 * @param height the panel's height, margins included
 * @param nodes the namespaces, in creation order
 * @param edges parent-to-child lines
 */
public record NamespaceDrawing(
    double width, double height, List<NamespaceNode> nodes, List<NamespaceEdge> edges) {

  /** Freezes the lists. */
  public NamespaceDrawing {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The node of the namespace with creation serial {@code serial}. */
  public Optional<NamespaceNode> node(int serial) {
    return nodes.stream().filter(n -> n.serial() == serial).findFirst();
  }

  /** The node of the namespace called {@code name}. */
  public Optional<NamespaceNode> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }
}
