package org.pidnslab.kernel;

import java.util.function.IntConsumer;

/**
 * An integer-id allocator and lookup table with a cyclic cursor: the kernel's IDR (lib/idr.c),
 * which since 4.15 is each PID namespace's allocator and its number-to-pid map at once.
 *
 * <p>Like the kernel's radix tree it is a tree of 64-slot nodes, created on demand and freed when
 * empty, so memory follows the number of ids held, not the size of the id space: an empty namespace
 * with a 4,194,304 pid_max costs a few dozen bytes. Every node keeps a bitmap of the slots that are
 * full (a leaf's slot is taken; an inner slot's subtree has no free id), the role of the kernel's
 * IDR_FREE mark, so finding the lowest free id at or after a start takes one walk down the tree
 * instead of a scan over the id space.
 *
 * @param <T> what an id maps to
 */
final class Idr<T> {
  private static final int SHIFT = 6;
  private static final int FANOUT = 1 << SHIFT;
  private static final long ALL_FULL = -1L;

  /** One node of the tree: 64 slots holding values (leaf) or child nodes (inner). */
  private static final class Node {
    final Object[] slots = new Object[FANOUT];
    long full;
    int used;
  }

  private Node root;
  private int height; // the tree covers ids [0, 64^height)
  private int cursor; // idr_next: where the next cyclic search starts
  private int count;
  // a few emptied nodes kept for reuse: the cursor runs ahead of the live pids, so every fork
  // would otherwise build ~3 fresh nodes per level and every reap drop them again
  private final Node[] spares = new Node[4];
  private int spareCount;

  private Node newNode() {
    return spareCount > 0 ? spares[--spareCount] : new Node();
  }

  private void recycle(Node n) {
    if (spareCount < spares.length) {
      spares[spareCount++] = n;
    }
  }

  /** The id the next cyclic allocation starts from (idr_get_cursor()). */
  int cursor() {
    return cursor;
  }

  /** Moves the cyclic cursor (idr_set_cursor()); ns_last_pid writes land here. */
  void setCursor(int next) {
    cursor = next;
  }

  /** How many ids are taken. */
  int size() {
    return count;
  }

  /** The value of {@code id}, or null (idr_find()). */
  @SuppressWarnings("unchecked")
  T find(int id) {
    if (id < 0 || root == null || id >= capacity()) {
      return null;
    }
    Node node = root;
    for (int h = height; h > 1; h--) {
      node = (Node) node.slots[slotIndex(id, h)];
      if (node == null) {
        return null;
      }
    }
    return (T) node.slots[id & (FANOUT - 1)];
  }

  /**
   * Takes the lowest free id in [max(cursor, start), end), else retries from start, and moves the
   * cursor past it (idr_alloc_cyclic()).
   *
   * @return the id, or -1 when every id of [start, end) is taken (the kernel's -ENOSPC)
   */
  int allocCyclic(T value, int start, int end) {
    int max = end - 1;
    int id = Math.max(cursor, start);
    int got = allocRange(value, id, max);
    if (got < 0 && id > start) {
      got = allocRange(value, start, max);
    }
    if (got < 0) {
      return -1;
    }
    cursor = got + 1;
    return got;
  }

  /** Frees {@code id} (idr_remove()); the cursor does not move. */
  void remove(int id) {
    if (id < 0 || root == null || id >= capacity() || !removeIn(root, height, id)) {
      throw new IllegalStateException("id " + id + " is not allocated");
    }
    if (root.used == 0) {
      root = null;
      height = 0;
      spareCount = 0; // an empty namespace keeps nothing: memory follows the ids held
      java.util.Arrays.fill(spares, null);
    }
    count--;
  }

  /** Calls {@code action} with every taken id in increasing order (idr_for_each()). */
  void forEachId(IntConsumer action) {
    if (root != null) {
      forEachIn(root, height, 0, action);
    }
  }

  private int capacity() {
    return height == 0 ? 0 : 1 << (SHIFT * height);
  }

  private static int slotIndex(int id, int h) {
    return (id >>> (SHIFT * (h - 1))) & (FANOUT - 1);
  }

  private int allocRange(T value, int from, int max) {
    if (from < 0 || from > max) {
      return -1;
    }
    int cap = capacity();
    int id;
    if (from >= cap) {
      id = from; // beyond the tree every id is free
    } else {
      id = findFreeIn(root, height, 0, from);
      if (id < 0) {
        id = cap;
      }
    }
    if (id > max) {
      return -1;
    }
    insert(id, value);
    return id;
  }

  /** The lowest free id at or after {@code from} in the subtree covering [base, base+64^h). */
  private static int findFreeIn(Node node, int h, int base, int from) {
    int span = 1 << (SHIFT * (h - 1));
    int idx = (from - base) / span;
    while (idx < FANOUT) {
      long candidates = ~node.full & (ALL_FULL << idx);
      if (candidates == 0) {
        return -1;
      }
      int s = Long.numberOfTrailingZeros(candidates);
      int slotBase = base + s * span;
      int start = Math.max(from, slotBase);
      if (h == 1) {
        return start;
      }
      Node child = (Node) node.slots[s];
      if (child == null) {
        return start;
      }
      int found = findFreeIn(child, h - 1, slotBase, start);
      if (found >= 0) {
        return found;
      }
      idx = s + 1;
    }
    return -1;
  }

  private void insert(int id, T value) {
    while (id >= capacity()) {
      Node grown = newNode();
      if (root != null) {
        grown.slots[0] = root;
        grown.used = 1;
        if (root.full == ALL_FULL) {
          grown.full = 1L;
        }
      }
      root = grown;
      height++;
    }
    insertIn(root, height, id, value);
    count++;
  }

  /** Stores the value and returns whether {@code node} is now completely full. */
  private boolean insertIn(Node node, int h, int id, Object value) {
    int s = slotIndex(id, h);
    if (h == 1) {
      node.slots[s] = value;
      node.used++;
      node.full |= 1L << s;
    } else {
      Node child = (Node) node.slots[s];
      if (child == null) {
        child = newNode();
        node.slots[s] = child;
        node.used++;
      }
      if (insertIn(child, h - 1, id, value)) {
        node.full |= 1L << s;
      }
    }
    return node.full == ALL_FULL;
  }

  /** Clears {@code id} in one walk down; false if it was not taken. */
  private boolean removeIn(Node node, int h, int id) {
    int s = slotIndex(id, h);
    if (h == 1) {
      if (node.slots[s] == null) {
        return false;
      }
      node.slots[s] = null;
      node.used--;
      node.full &= ~(1L << s);
      return true;
    }
    Node child = (Node) node.slots[s];
    if (child == null || !removeIn(child, h - 1, id)) {
      return false;
    }
    node.full &= ~(1L << s);
    if (child.used == 0) {
      node.slots[s] = null; // free empty nodes: memory follows the ids held
      node.used--;
      recycle(child);
    }
    return true;
  }

  private static void forEachIn(Node node, int h, int base, IntConsumer action) {
    int span = 1 << (SHIFT * (h - 1));
    for (int s = 0; s < FANOUT; s++) {
      Object slot = node.slots[s];
      if (slot == null) {
        continue;
      }
      if (h == 1) {
        action.accept(base + s);
      } else {
        forEachIn((Node) slot, h - 1, base + s * span, action);
      }
    }
  }
}
