package org.pidnslab.export;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.pidnslab.graph.NamespaceGraph;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.TaskGraph;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The task tree as Graphviz DOT and as GraphML, through jgrapht-io, from {@link TaskGraph}: one
 * vertex per task ({@code t} + serial) with the {@link TaskAttributes}, one edge per parent-child
 * pair with {@code cross_ns}. DOT also gets a look close to the window's (rounded boxes in the
 * namespace colour, dashed zombies and cross-namespace edges) and the namespaces as nested
 * clusters.
 */
final class GraphFiles {
  private GraphFiles() {}

  /** The DOT source of {@code kernel}'s task tree. */
  static String dot(Kernel kernel) {
    Graph<Task, DefaultEdge> g = TaskGraph.of(kernel);
    DOTExporter<Task, DefaultEdge> exporter = new DOTExporter<>(TaskAttributes::id);
    exporter.setGraphIdProvider(() -> "pidns");
    exporter.setGraphAttributeProvider(
        () -> {
          Map<String, Attribute> a = new LinkedHashMap<>();
          a.put("rankdir", DefaultAttribute.createAttribute("TB"));
          return a; // graph attributes are written unquoted: only single words here
        });
    exporter.setVertexAttributeProvider(GraphFiles::dotVertex);
    exporter.setEdgeAttributeProvider(
        e -> {
          Map<String, Attribute> a = new LinkedHashMap<>();
          boolean cross = TaskAttributes.crossesNamespace(g.getEdgeSource(e), g.getEdgeTarget(e));
          a.put("cross_ns", DefaultAttribute.createAttribute(cross));
          if (cross) {
            a.put("style", DefaultAttribute.createAttribute("dashed"));
            a.put("color", DefaultAttribute.createAttribute("#CF222E"));
          }
          return a;
        });
    StringWriter w = new StringWriter();
    exporter.exportGraph(g, w);
    String flat = w.toString();
    int end = flat.lastIndexOf('}');
    return flat.substring(0, end) + clusters(kernel) + flat.substring(end);
  }

  private static Map<String, Attribute> dotVertex(Task t) {
    Map<String, String> data = TaskAttributes.of(t);
    Map<String, Attribute> a = new LinkedHashMap<>();
    // "\n" is DOT's line break inside a quoted label
    a.put(
        "label",
        DefaultAttribute.createAttribute(
            t.comm() + " " + data.get("state") + "\\n" + data.get("nspid")));
    a.put("shape", DefaultAttribute.createAttribute("box"));
    a.put(
        "style",
        DefaultAttribute.createAttribute(
            t.state() == TaskState.ZOMBIE ? "rounded,dashed" : "rounded"));
    a.put("color", DefaultAttribute.createAttribute(Palette.hex(t.activeNs())));
    a.put("penwidth", DefaultAttribute.createAttribute(t.isNamespaceInit() ? 2.6 : 1.4));
    a.put("fontname", DefaultAttribute.createAttribute("DejaVu Sans"));
    data.forEach((k, v) -> a.put(k, DefaultAttribute.createAttribute(v)));
    return a;
  }

  /**
   * Each namespace below root as a cluster holding its own tasks and, nested, its child namespaces'
   * clusters: Graphviz draws nested clusters as nested boxes, like the window's hulls.
   */
  private static String clusters(Kernel kernel) {
    Graph<PidNamespace, DefaultEdge> nsTree = NamespaceGraph.of(kernel);
    Map<PidNamespace, List<Task>> members = new HashMap<>();
    for (Task t : kernel.tasks()) {
      members.computeIfAbsent(t.activeNs(), k -> new ArrayList<>()).add(t);
    }
    StringBuilder sb = new StringBuilder();
    for (DefaultEdge e : nsTree.outgoingEdgesOf(kernel.root())) {
      cluster(sb, nsTree, nsTree.getEdgeTarget(e), members, "  ");
    }
    return sb.toString();
  }

  private static void cluster(
      StringBuilder sb,
      Graph<PidNamespace, DefaultEdge> nsTree,
      PidNamespace ns,
      Map<PidNamespace, List<Task>> members,
      String indent) {
    String colour = Palette.hex(ns);
    sb.append(indent).append("subgraph cluster_").append(ns.name()).append(" {\n");
    String in = indent + "  ";
    sb.append(in).append("label=\"").append(ns.name()).append("\";\n");
    sb.append(in).append("color=\"").append(colour).append("\";\n");
    sb.append(in).append("fontcolor=\"").append(colour).append("\";\n");
    sb.append(in).append("style=\"rounded\";\n");
    for (Task t : members.getOrDefault(ns, List.of())) {
      sb.append(in).append(TaskAttributes.id(t)).append(";\n");
    }
    for (DefaultEdge e : nsTree.outgoingEdgesOf(ns)) {
      cluster(sb, nsTree, nsTree.getEdgeTarget(e), members, in);
    }
    sb.append(indent).append("}\n");
  }

  /** The GraphML document of {@code kernel}'s task tree, every attribute declared. */
  static String graphml(Kernel kernel) {
    Graph<Task, DefaultEdge> g = TaskGraph.of(kernel);
    GraphMLExporter<Task, DefaultEdge> exporter = new GraphMLExporter<>(TaskAttributes::id);
    // attributes not registered are silently dropped
    for (String name : TaskAttributes.NAMES) {
      exporter.registerAttribute(
          name, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    }
    exporter.registerAttribute(
        "label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute(
        "cross_ns", GraphMLExporter.AttributeCategory.EDGE, AttributeType.BOOLEAN);
    exporter.setVertexAttributeProvider(
        t -> {
          Map<String, Attribute> a = new LinkedHashMap<>();
          a.put("label", DefaultAttribute.createAttribute(t.comm()));
          TaskAttributes.of(t).forEach((k, v) -> a.put(k, DefaultAttribute.createAttribute(v)));
          return a;
        });
    exporter.setEdgeAttributeProvider(
        e ->
            Map.of(
                "cross_ns",
                DefaultAttribute.createAttribute(
                    TaskAttributes.crossesNamespace(g.getEdgeSource(e), g.getEdgeTarget(e)))));
    StringWriter w = new StringWriter();
    exporter.exportGraph(g, w);
    return w.toString();
  }
}
