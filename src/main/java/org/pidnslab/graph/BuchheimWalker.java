package org.pidnslab.graph;

/**
 * One run of the algorithm of Buchheim, Jünger and Leipert over an {@link IndexTree}, as given or
 * mirrored: the breadth-wise position of every node (see {@link TidyTreeLayout} for the paper and
 * the extensions). Each method names the procedure of the paper it implements.
 */
final class BuchheimWalker<V> {
  private final TidyTreeLayout.Separation<V> separation; // null: the sibling or subtree gap
  private final double siblingGap;
  private final double subtreeGap;
  private final IndexTree<V> t;
  private final double[] breadth;
  private final int size;
  private final int[] parent; // with the forest's roots linked to the virtual root
  private boolean mirrored;
  private double[] prelim;
  private double[] mod;
  private double[] shift;
  private double[] change;
  private int[] thread;
  private int[] ancestor;
  private int[] number; // 0-based position among the siblings, in this run's order

  BuchheimWalker(
      IndexTree<V> t,
      double[] breadth,
      TidyTreeLayout.Separation<V> separation,
      double siblingGap,
      double subtreeGap) {
    this.separation = separation;
    this.siblingGap = siblingGap;
    this.subtreeGap = subtreeGap;
    this.t = t;
    this.breadth = breadth;
    this.size = t.vertices.size() + 1;
    this.parent = t.parent.clone();
    if (t.root == t.vertices.size()) {
      for (int r : t.roots) {
        parent[r] = t.root;
      }
    }
  }

  /** The i-th child of v in this run's order. */
  private int child(int v, int i) {
    int c = t.childCount[v];
    return t.kids[t.childStart[v] + (mirrored ? c - 1 - i : i)];
  }

  /** Runs FIRSTWALK and SECONDWALK; returns the centre of every node along the level. */
  double[] place(boolean mirrored) {
    this.mirrored = mirrored;
    prelim = new double[size];
    mod = new double[size];
    shift = new double[size];
    change = new double[size];
    thread = new int[size];
    ancestor = new int[size];
    number = new int[size];
    for (int v = 0; v < size; v++) {
      thread[v] = -1;
      ancestor[v] = v; // paper: ancestor(v) = v initially
    }
    for (int v = 0; v < size; v++) {
      for (int i = 0; i < t.childCount[v]; i++) {
        number[child(v, i)] = i;
      }
    }
    firstWalk(t.root);
    return secondWalk(t.root);
  }

  /**
   * FIRSTWALK(v), iterative in post-order. For each child w of v, left to right: FIRSTWALK(w), then
   * APPORTION(w, defaultAncestor). Then for v: a leaf goes right next to its left sibling (or to
   * 0); an inner node gets EXECUTESHIFTS(v) and is centred over its first and last child
   * ("midpoint"), and if it has a left sibling w it is placed next to w with mod(v) = prelim(v) -
   * midpoint.
   */
  private void firstWalk(int root) {
    int[] stack = new int[size];
    int[] next = new int[size];
    int[] defaultAncestor = new int[size];
    int sp = 0;
    stack[sp++] = root;
    defaultAncestor[root] = t.childCount[root] > 0 ? child(root, 0) : -1;
    while (sp > 0) {
      int v = stack[sp - 1];
      if (next[v] < t.childCount[v]) {
        int w = child(v, next[v]++);
        defaultAncestor[w] = t.childCount[w] > 0 ? child(w, 0) : -1;
        stack[sp++] = w;
        continue;
      }
      sp--;
      int left = number[v] > 0 ? child(parent[v], number[v] - 1) : -1;
      if (t.childCount[v] == 0) {
        prelim[v] = left >= 0 ? prelim[left] + distance(left, v) : 0;
      } else {
        executeShifts(v);
        double midpoint = (prelim[child(v, 0)] + prelim[child(v, t.childCount[v] - 1)]) / 2;
        if (left >= 0) {
          prelim[v] = prelim[left] + distance(left, v);
          mod[v] = prelim[v] - midpoint;
        } else {
          prelim[v] = midpoint;
        }
      }
      int p = parent[v];
      if (p >= 0) {
        defaultAncestor[p] = apportion(v, defaultAncestor[p]);
      }
    }
  }

  /**
   * APPORTION(v, defaultAncestor): walks down the inner and outer contours of v's subtree (vip,
   * vop) and of the forest of its left siblings (vim, vom) at the same time, pushes v's subtree
   * right wherever the contours come closer than the wanted distance (via ANCESTOR and
   * MOVESUBTREE), and at the end threads the shorter contour to the longer one.
   */
  private int apportion(int v, int defaultAncestor) {
    if (number[v] == 0) {
      return defaultAncestor;
    }
    int w = child(parent[v], number[v] - 1);
    int vip = v;
    int vop = v;
    int vim = w;
    int vom = child(parent[v], 0);
    double sip = mod[vip];
    double sop = mod[vop];
    double sim = mod[vim];
    double som = mod[vom];
    int nr = nextRight(vim);
    int nl = nextLeft(vip);
    while (nr >= 0 && nl >= 0) {
      vim = nr;
      vip = nl;
      vom = nextLeft(vom);
      vop = nextRight(vop);
      ancestor[vop] = v;
      double s = (prelim[vim] + sim) - (prelim[vip] + sip) + distance(vim, vip);
      if (s > 0) {
        moveSubtree(ancestorOf(vim, v, defaultAncestor), v, s);
        sip += s;
        sop += s;
      }
      sim += mod[vim];
      sip += mod[vip];
      som += mod[vom];
      sop += mod[vop];
      nr = nextRight(vim);
      nl = nextLeft(vip);
    }
    if (nr >= 0 && nextRight(vop) < 0) {
      thread[vop] = nr;
      mod[vop] += sim - sop;
    }
    if (nl >= 0 && nextLeft(vom) < 0) {
      thread[vom] = nl;
      mod[vom] += sip - som;
      defaultAncestor = v;
    }
    return defaultAncestor;
  }

  /** NEXTLEFT(v): the leftmost child, else the thread. */
  private int nextLeft(int v) {
    return t.childCount[v] > 0 ? child(v, 0) : thread[v];
  }

  /** NEXTRIGHT(v): the rightmost child, else the thread. */
  private int nextRight(int v) {
    return t.childCount[v] > 0 ? child(v, t.childCount[v] - 1) : thread[v];
  }

  /**
   * MOVESUBTREE(wm, wp, shift): shifts the subtree of wp right by {@code s} and records, with
   * change and shift, that the siblings between wm and wp move by equal fractions of it (applied
   * later by EXECUTESHIFTS).
   */
  private void moveSubtree(int wm, int wp, double s) {
    double subtrees = number[wp] - number[wm];
    change[wp] -= s / subtrees;
    shift[wp] += s;
    change[wm] += s / subtrees;
    prelim[wp] += s;
    mod[wp] += s;
  }

  /**
   * EXECUTESHIFTS(v): one right-to-left pass over v's children that applies all the shifts recorded
   * by MOVESUBTREE.
   */
  private void executeShifts(int v) {
    double s = 0;
    double c = 0;
    for (int i = t.childCount[v] - 1; i >= 0; i--) {
      int w = child(v, i);
      prelim[w] += s;
      mod[w] += s;
      c += change[w];
      s += shift[w] + c;
    }
  }

  /**
   * ANCESTOR(vim, v, defaultAncestor): the greatest distinct ancestors of vim and v are siblings;
   * this returns vim's one if ancestor(vim) still points at a sibling of v, else the default.
   */
  private int ancestorOf(int vim, int v, int defaultAncestor) {
    int a = ancestor[vim];
    return parent[a] == parent[v] ? a : defaultAncestor;
  }

  /**
   * SECONDWALK(v, m): the final position is prelim(v) plus the sum of the mod fields of v's
   * ancestors; iterative, in breadth-first order, starting with m = -prelim(root).
   */
  private double[] secondWalk(int root) {
    double[] x = new double[size];
    double[] m = new double[size];
    int[] queue = new int[size];
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    m[root] = -prelim[root];
    while (head < tail) {
      int v = queue[head++];
      x[v] = prelim[v] + m[v];
      for (int i = 0; i < t.childCount[v]; i++) {
        int w = child(v, i);
        m[w] = m[v] + mod[v];
        queue[tail++] = w;
      }
    }
    return x;
  }

  /** The wanted distance of the centres of two neighbours, {@code a} left of {@code b}. */
  private double distance(int a, int b) {
    // in the mirrored run the left node is the right one of the real tree
    int l = mirrored ? b : a;
    int r = mirrored ? a : b;
    boolean siblings = parent[a] == parent[b] && parent[a] != t.vertices.size();
    double gap;
    if (separation != null && l < t.vertices.size() && r < t.vertices.size()) {
      gap = separation.gap(t.vertices.get(l), t.vertices.get(r), siblings);
    } else {
      gap = siblings ? siblingGap : subtreeGap;
    }
    return (breadth[a] + breadth[b]) / 2 + gap;
  }
}
