package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The drawn tree of a {@link TidyTreeLayout}: vertices by index, children lists flattened, a
 * virtual root for a forest; and how it is taken from candidate edges, with or without a graph.
 */
final class IndexTree<V> {
  final List<V> vertices;
  final Map<V, Integer> index;
  final int[] parent; // -1 for a root; size n + 1, slot n is the virtual root
  final int[] childStart;
  final int[] childCount;
  final int[] kids;
  final int[] depth;
  final int root; // the single root, or n (the virtual root) for a forest
  final List<Integer> roots;

  IndexTree(
      List<V> vertices,
      Map<V, Integer> index,
      int[] parent,
      int[] childStart,
      int[] childCount,
      int[] kids,
      int[] depth,
      int root,
      List<Integer> roots) {
    this.vertices = vertices;
    this.index = index;
    this.parent = parent;
    this.childStart = childStart;
    this.childCount = childCount;
    this.kids = kids;
    this.depth = depth;
    this.root = root;
    this.roots = roots;
  }

  /**
   * Where the candidate children of a vertex are: the returned array from {@code range[0]} to
   * {@code range[1]}, vertex indexes in drawing order, -1 for a target that is not a vertex.
   */
  @FunctionalInterface
  interface Candidates {
    int[] of(int v, int[] range);
  }

  /**
   * The drawn tree: the roots are the vertices {@code isRoot} accepts, in vertex order; a breadth-
   * first walk from them keeps the first parent that reaches a vertex; vertices no root reaches (on
   * cycles) become further roots. {@code index} may be null (then built when asked for).
   */
  static <V> IndexTree<V> extract(
      List<V> vertices, Map<V, Integer> index, IntPredicate isRoot, Candidates candidates) {
    int n = vertices.size();
    int[] parent = new int[n + 1];
    Arrays.fill(parent, -1);
    int[] depth = new int[n + 1];
    boolean[] seen = new boolean[n];
    int[] childStart = new int[n + 1];
    int[] childCount = new int[n + 1];
    int[] kids = new int[n]; // tree children, each vertex's in one run, runs in walk order
    int pos = 0;
    List<Integer> roots = new ArrayList<>();
    int[] queue = new int[n];
    int[] range = new int[2];
    int head = 0;
    int tail = 0;
    // roots first: no incoming edge
    for (int i = 0; i < n; i++) {
      if (isRoot.test(i)) {
        roots.add(i);
        seen[i] = true;
      }
    }
    int nextUnseen = 0;
    int rootCursor = 0;
    while (true) {
      while (rootCursor < roots.size()) {
        int r = roots.get(rootCursor++);
        queue[tail++] = r;
        while (head < tail) {
          int v = queue[head++];
          int[] cs = candidates.of(v, range);
          childStart[v] = pos;
          for (int k = range[0], end = range[1]; k < end; k++) {
            int ci = cs[k];
            if (ci < 0 || seen[ci]) {
              continue; // not in the graph, or already placed: not a tree edge
            }
            seen[ci] = true;
            parent[ci] = v;
            depth[ci] = depth[v] + 1;
            kids[pos++] = ci;
            queue[tail++] = ci;
          }
          childCount[v] = pos - childStart[v];
        }
      }
      while (nextUnseen < n && seen[nextUnseen]) {
        nextUnseen++;
      }
      if (nextUnseen == n) {
        break;
      }
      seen[nextUnseen] = true; // on a cycle no root reaches: make it a root
      roots.add(nextUnseen);
    }
    int virtual = n;
    int root;
    if (roots.size() == 1) {
      root = roots.get(0);
    } else {
      root = virtual;
      // the virtual root's children are the roots; they keep parent -1 for the caller, but the
      // walker needs the parent link, so it is stored in the walker's own array
    }
    int[] allKids = kids;
    if (root == virtual) {
      allKids = Arrays.copyOf(kids, n + roots.size());
      childStart[virtual] = n;
      childCount[virtual] = roots.size();
      for (int i = 0; i < roots.size(); i++) {
        allKids[n + i] = roots.get(i);
      }
    }
    return new IndexTree<>(
        vertices, index, parent, childStart, childCount, allKids, depth, root, roots);
  }
}
