package org.pidnslab.graph;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pidnslab.kernel.Task;

/**
 * The process tree as {@link TaskGraph} has it, by task index (the kernel's task order): the
 * children of each task in the kernel's child order (the graph's outgoing edges, flattened), the
 * first parent of each (its first incoming edge), and whether it has one. Edges in the order of the
 * graph's edge set: by parent, then by child order.
 */
final class TaskForest {
  final List<Task> list;
  final Task[] tasks;
  final int[] childStart;
  final int[] childCount;
  final int[] kids;
  final int[] parent; // source of the first incoming edge, -1 for none
  final boolean[] hasParent;
  final int edgeCount;
  private final int[] serials; // ascending, when the task order is by serial (it always is)
  private final Map<Task, Integer> byTask; // otherwise

  TaskForest(List<Task> list) {
    this.list = list;
    int n = list.size();
    tasks = list.toArray(new Task[0]);
    int[] s = new int[n];
    boolean ascending = true;
    for (int i = 0; i < n; i++) {
      s[i] = tasks[i].serial();
      ascending &= i == 0 || s[i] > s[i - 1];
    }
    if (ascending) {
      serials = s;
      byTask = null;
    } else {
      serials = null;
      byTask = new IdentityHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        byTask.put(tasks[i], i);
      }
    }
    childStart = new int[n];
    childCount = new int[n];
    parent = new int[n];
    Arrays.fill(parent, -1);
    hasParent = new boolean[n];
    int[] out = new int[Math.max(n, 1)];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      childStart[i] = pos;
      for (Task c : tasks[i].children()) {
        int ci = indexOf(c);
        if (ci < 0) {
          continue; // not in the graph (TaskGraph adds no such edge)
        }
        if (pos == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[pos++] = ci;
        if (!hasParent[ci]) {
          hasParent[ci] = true;
          parent[ci] = i;
        }
      }
      childCount[i] = pos - childStart[i];
    }
    kids = out;
    edgeCount = pos;
  }

  /** The index of {@code t}, -1 if it is not in the tree. */
  int indexOf(Task t) {
    if (serials != null) {
      int i = Arrays.binarySearch(serials, t.serial());
      return i >= 0 && tasks[i] == t ? i : -1;
    }
    Integer i = byTask.get(t);
    return i == null ? -1 : i;
  }

  /**
   * Each task's depth: breadth first from the tasks without a parent, in task order; a task no such
   * walk reaches has depth 0.
   */
  int[] depths() {
    int n = tasks.length;
    int[] depth = new int[n];
    boolean[] reached = new boolean[n];
    int[] queue = new int[n];
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (!hasParent[i]) {
        reached[i] = true;
        queue[tail++] = i;
      }
    }
    for (int head = 0; head < tail; head++) {
      int v = queue[head];
      for (int k = childStart[v], end = k + childCount[v]; k < end; k++) {
        int c = kids[k];
        if (!reached[c]) {
          reached[c] = true;
          depth[c] = depth[v] + 1;
          queue[tail++] = c;
        }
      }
    }
    return depth;
  }

  /** The task at {@code root} and all its descendants, breadth first, as indexes. */
  int[] subtree(int root) {
    int[] out = new int[8];
    out[0] = root;
    int size = 1;
    for (int i = 0; i < size; i++) {
      int v = out[i];
      int count = childCount[v];
      if (size + count > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + count));
      }
      System.arraycopy(kids, childStart[v], out, size, count);
      size += count;
    }
    return Arrays.copyOf(out, size);
  }
}
