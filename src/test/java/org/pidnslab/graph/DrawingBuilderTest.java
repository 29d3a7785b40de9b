package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

class DrawingBuilderTest {
  private static final DrawingBuilder BUILDER = new DrawingBuilder();

  private static TaskNode node(Drawing d, Scenes s, String label) {
    return d.task(s.t(label).serial()).orElseThrow(() -> new AssertionError("no node " + label));
  }

  private static List<String> texts(TaskNode n) {
    return n.chips().stream().map(PidChip::text).toList();
  }

  @Test
  void chipsAreListedOutermostFirstWithTheOwnLevelEmphasised() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k);
    TaskNode sleep = node(d, s, "sleep");
    assertEquals(List.of("9", "7", "2"), texts(sleep)); // NSpid 9 7 2
    assertEquals(
        List.of("root", "ns1", "ns2"), sleep.chips().stream().map(PidChip::namespace).toList());
    assertEquals(List.of(0, 1, 2), sleep.chips().stream().map(PidChip::level).toList());
    assertEquals(
        List.of(false, false, true), sleep.chips().stream().map(PidChip::emphasised).toList());
    assertEquals(
        List.of(0, Palette.colorIndex(s.ns("container")), Palette.colorIndex(s.ns("inner"))),
        sleep.chips().stream().map(PidChip::colorIndex).toList());
    assertEquals(List.of("1"), texts(node(d, s, "init")));
    assertTrue(node(d, s, "init").chips().get(0).emphasised());
  }

  @Test
  void chipsSitInOneRowUnderTheLabelFromLeftToRight() {
    Scenes s = Scenes.machine();
    TaskNode sleep = node(BUILDER.build(s.k), s, "sleep");
    List<PidChip> chips = sleep.chips();
    for (int i = 1; i < chips.size(); i++) {
      assertEquals(chips.get(0).box().y(), chips.get(i).box().y(), 1e-9);
      assertTrue(chips.get(i).box().x() >= chips.get(i - 1).box().maxX());
    }
    assertTrue(chips.get(0).box().y() >= sleep.labelText().box().maxY());
  }

  @Test
  void aTaskThirtyTwoLevelsDeepWrapsItsChipsIntoRowsOfEight() {
    Scenes s = Scenes.deepNesting();
    Drawing d = BUILDER.build(s.k);
    TaskNode leaf = node(d, s, "leaf");
    assertEquals(33, leaf.chips().size());
    long rows = leaf.chips().stream().mapToDouble(c -> c.box().y()).distinct().count();
    assertEquals(5, rows);
    long firstRow =
        leaf.chips().stream().filter(c -> c.box().y() == leaf.chips().get(0).box().y()).count();
    assertEquals(DrawingBuilder.CHIPS_PER_ROW, firstRow);
    // compact: no wider than eight chips and the paddings
    PidChip c = leaf.chips().get(0);
    assertTrue(leaf.box().w() <= 8 * c.box().w() + 7 * 3 + 2 * 8 + 1e-6, "width " + leaf.box().w());
    assertTrue(leaf.chips().get(32).emphasised());
    assertEquals("ns32", leaf.chips().get(32).namespace());
  }

  @Test
  void perspectiveShowsOnlyNumbersInTheChosenNamespace() {
    Scenes s = Scenes.machine();
    PidNamespace ns1 = s.ns("container");
    Drawing d = BUILDER.build(s.k, DrawingOptions.DEFAULT.withPerspective(ns1));
    assertEquals("ns1", d.perspective());
    TaskNode container = node(d, s, "container");
    assertEquals(List.of("1"), texts(container));
    assertTrue(container.chips().get(0).emphasised()); // its own namespace
    TaskNode sleep = node(d, s, "sleep");
    assertEquals(List.of("7"), texts(sleep)); // ps inside ns1 shows sleep as 7
    assertFalse(sleep.chips().get(0).emphasised()); // sleep lives in ns2
    assertEquals("ns1", sleep.chips().get(0).namespace());
    assertEquals(List.of("8"), texts(node(d, s, "entered")));
    for (TaskNode n : d.tasks()) {
      assertEquals(1, n.chips().size(), n.label());
    }
  }

  @Test
  void tasksInvisibleFromThePerspectiveAreFaded() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k, DrawingOptions.DEFAULT.withPerspective(s.ns("inner")));
    for (String outside : List.of("init", "sshd", "container", "bash", "nginx", "job", "zombie")) {
      TaskNode n = node(d, s, outside);
      assertTrue(n.faded(), outside);
      assertEquals(List.of("0"), texts(n), outside); // ids across the boundary read 0
      assertTrue(n.styleClasses().contains("faded"));
    }
    for (String inside : List.of("inner", "sleep", "entered")) {
      assertFalse(node(d, s, inside).faded(), inside);
    }
    assertEquals(List.of("1"), texts(node(d, s, "inner")));
    // the edge into ns2 from outside is faded: getppid() of inner reads 0 there
    TreeEdge into =
        d.edges().stream()
            .filter(e -> e.toSerial() == s.t("inner").serial())
            .findFirst()
            .orElseThrow();
    assertTrue(into.faded());
    assertTrue(d.hulls("ns1").stream().allMatch(NamespaceHull::faded));
    assertTrue(d.hulls("ns2").stream().noneMatch(NamespaceHull::faded));
  }

  @Test
  void withoutPerspectiveNothingIsFaded() {
    Drawing d = BUILDER.build(Scenes.machine().k);
    assertNull(d.perspective());
    assertTrue(d.tasks().stream().noneMatch(TaskNode::faded));
    assertTrue(d.edges().stream().noneMatch(TreeEdge::faded));
  }

  @Test
  void hullOfANamespaceEnclosesItsNestedTasks() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k);
    List<NamespaceHull> ns1 = d.hulls("ns1");
    // the container's subtree, and "entered", which joined ns2 (inside ns1) by setns from outside
    assertEquals(2, ns1.size());
    for (String member :
        List.of("container", "bash", "nginx", "worker1", "worker2", "inner", "sleep", "entered")) {
      Box box = node(d, s, member).box();
      assertTrue(ns1.stream().anyMatch(h -> h.contains(box)), member);
    }
    assertTrue(d.hulls("root").isEmpty()); // root holds everything: no hull
  }

  @Test
  void nestedHullSitsInsideItsParentHull() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k);
    assertNestedHullsInsideParents(d, s.k);
    Scenes deep = Scenes.deepNesting();
    assertNestedHullsInsideParents(BUILDER.build(deep.k), deep.k);
  }

  private static void assertNestedHullsInsideParents(Drawing d, Kernel k) {
    Map<String, PidNamespace> byName =
        k.namespaces().stream().collect(Collectors.toMap(PidNamespace::name, ns -> ns));
    for (NamespaceHull inner : d.hulls()) {
      PidNamespace parent = byName.get(inner.namespace()).parent();
      if (parent.level() == 0) {
        continue;
      }
      boolean inside = false;
      for (NamespaceHull outer : d.hulls(parent.name())) {
        boolean all = true;
        for (Box b : inner.bands()) {
          all &= outer.contains(b);
        }
        for (Point p : inner.outline()) {
          all &= outer.contains(p);
        }
        inside |= all;
      }
      assertTrue(inside, inner.namespace() + " part " + inner.part() + " outside " + parent);
    }
  }

  @Test
  void hullsAreDrawnOuterNamespacesFirst() {
    Drawing d = BUILDER.build(Scenes.deepNesting().k);
    for (int i = 1; i < d.hulls().size(); i++) {
      assertTrue(d.hulls().get(i - 1).level() <= d.hulls().get(i).level());
    }
    assertEquals(32, d.hulls().stream().map(NamespaceHull::namespace).distinct().count());
    assertTrue(d.hulls().stream().allMatch(h -> h.fillWeight() > 0 && h.fillWeight() <= 1));
  }

  @Test
  void hullsCoverNoTaskOutsideTheirNamespace() {
    for (long seed = 1; seed <= 20; seed++) {
      Kernel k = Scenes.random(seed, 160);
      Drawing d = BUILDER.build(k);
      Map<Integer, Task> bySerial =
          k.tasks().stream().collect(Collectors.toMap(Task::serial, t -> t));
      for (NamespaceHull h : d.hulls()) {
        for (TaskNode n : d.tasks()) {
          PidNamespace own = bySerial.get(n.serial()).activeNs();
          boolean member =
              own.level() >= h.level() && own.ancestorAt(h.level()).serial() == h.namespaceSerial();
          if (!member) {
            assertFalse(h.overlaps(n.box()), "seed " + seed + ": " + h.namespace() + " " + n);
          }
        }
      }
      assertNestedHullsInsideParents(d, k);
      assertEveryMemberInsideItsHull(d, k);
    }
  }

  private static void assertEveryMemberInsideItsHull(Drawing d, Kernel k) {
    for (Task t : k.tasks()) {
      Box box = d.task(t.serial()).orElseThrow().box();
      for (int level = 1; level <= t.activeNs().level(); level++) {
        String name = t.activeNs().ancestorAt(level).name();
        assertTrue(d.hulls(name).stream().anyMatch(h -> h.contains(box)), t + " in " + name);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(LayoutChoice.class)
  void noTwoTaskBoxesIntersectAndEveryChipLiesInsideItsBox(LayoutChoice layout) {
    for (long seed = 1; seed <= 8; seed++) {
      Kernel k = Scenes.random(seed, 80);
      Drawing d = BUILDER.build(k, DrawingOptions.DEFAULT.withLayout(layout));
      assertEquals(k.taskCount(), d.tasks().size());
      assertNoOverlapAndContentInside(d);
    }
    assertNoOverlapAndContentInside(
        BUILDER.build(Scenes.deepNesting().k, DrawingOptions.DEFAULT.withLayout(layout)));
  }

  private static void assertNoOverlapAndContentInside(Drawing d) {
    List<TaskNode> ts = d.tasks();
    for (int i = 0; i < ts.size(); i++) {
      TaskNode a = ts.get(i);
      for (int j = i + 1; j < ts.size(); j++) {
        assertFalse(a.box().intersects(ts.get(j).box()), a + " and " + ts.get(j));
      }
      for (PidChip c : a.chips()) {
        assertTrue(a.box().contains(c.box()), "chip " + c + " of " + a.label());
        assertTrue(c.baseline() > c.box().y() && c.baseline() < c.box().maxY());
      }
      for (int x = 0; x < a.chips().size(); x++) {
        for (int y = x + 1; y < a.chips().size(); y++) {
          assertFalse(a.chips().get(x).box().intersects(a.chips().get(y).box()));
        }
      }
      assertTrue(a.box().contains(a.labelText().box()), "label of " + a.label());
      assertTrue(a.box().contains(a.stateText().box()), "state of " + a.label());
      assertFalse(a.labelText().box().intersects(a.stateText().box()), "label hits state");
      Box inside = new Box(0, 0, d.width(), d.height());
      assertTrue(inside.contains(a.box()), "outside the picture: " + a.label());
    }
    for (NamespaceHull h : d.hulls()) {
      assertTrue(new Box(0, 0, d.width(), d.height()).contains(h.bounds()));
    }
  }

  @Test
  void boxesFitTheirTextAtAnyFontScale() {
    Scenes s = Scenes.machine();
    for (Theme theme : Theme.all()) {
      DrawingBuilder b = new DrawingBuilder(new AwtTextMetrics(theme.typography()));
      Drawing d = b.build(s.k);
      assertNoOverlapAndContentInside(d);
      TaskNode systemd = node(d, s, "systemd-user");
      double labelWidth = b.metrics().width("systemd-user", TextRole.TASK_LABEL);
      assertTrue(systemd.box().w() >= labelWidth + systemd.stateText().box().w());
      assertEquals(theme.typography(), d.typography());
    }
    Drawing small = BUILDER.build(s.k);
    Drawing big = new DrawingBuilder(new AwtTextMetrics(Typography.DEFAULT.scaled(1.5))).build(s.k);
    assertTrue(node(big, s, "sshd").box().w() > node(small, s, "sshd").box().w() * 1.3);
    assertTrue(big.width() > small.width() * 1.3);
  }

  @Test
  void treeEdgesRunFromParentBottomToChildTopAndMissEveryOtherBox() {
    for (long seed = 1; seed <= 10; seed++) {
      Drawing d = BUILDER.build(Scenes.random(seed, 120));
      Map<Integer, TaskNode> nodes = d.tasksBySerial();
      for (TreeEdge e : d.edges()) {
        Box p = nodes.get(e.fromSerial()).box();
        Box c = nodes.get(e.toSerial()).box();
        Point first = e.points().get(0);
        Point last = e.points().get(e.points().size() - 1);
        assertEquals(p.centerX(), first.x(), 1e-9);
        assertEquals(p.maxY(), first.y(), 1e-9);
        assertEquals(c.centerX(), last.x(), 1e-9);
        assertEquals(c.y(), last.y(), 1e-9);
        for (int i = 1; i < e.points().size(); i++) {
          Point a = e.points().get(i - 1);
          Point b = e.points().get(i);
          assertTrue(a.x() == b.x() || a.y() == b.y(), "orthogonal");
          for (TaskNode n : d.tasks()) {
            assertFalse(
                segmentHitsInterior(a, b, n.box()),
                "seed " + seed + " edge " + e + " " + n.label());
          }
        }
      }
    }
  }

  @Test
  void edgesStayInsideTheHullOfTheirNamespaceAndOutsideEveryOther() {
    for (long seed = 1; seed <= 12; seed++) {
      Kernel k = Scenes.random(seed, 140);
      Drawing d = BUILDER.build(k);
      Map<Integer, Task> bySerial =
          k.tasks().stream().collect(Collectors.toMap(Task::serial, t -> t));
      for (NamespaceHull h : d.hulls()) {
        for (TreeEdge e : d.edges()) {
          boolean from = isMember(bySerial.get(e.fromSerial()), h);
          boolean to = isMember(bySerial.get(e.toSerial()), h);
          for (int i = 1; i < e.points().size(); i++) {
            Point a = e.points().get(i - 1);
            Point b = e.points().get(i);
            if (from && to && h.contains(d.task(e.fromSerial()).orElseThrow().box())) {
              for (int j = 0; j <= 10; j++) {
                Point p =
                    new Point(a.x() + (b.x() - a.x()) * j / 10, a.y() + (b.y() - a.y()) * j / 10);
                assertTrue(h.contains(p), "seed " + seed + ": " + e + " leaves " + h.namespace());
              }
            }
            if (!from && !to) {
              for (Box band : h.bands()) {
                assertFalse(
                    segmentHitsInterior(a, b, band),
                    "seed " + seed + ": " + e + " crosses " + h.namespace());
              }
            }
          }
        }
      }
    }
  }

  private static boolean isMember(Task t, NamespaceHull h) {
    PidNamespace own = t.activeNs();
    return own.level() >= h.level() && own.ancestorAt(h.level()).serial() == h.namespaceSerial();
  }

  /** Whether the segment enters the open interior of the box (Liang–Barsky clipping). */
  private static boolean segmentHitsInterior(Point a, Point b, Box box) {
    Box in = box.grow(-1e-6);
    double t0 = 0;
    double t1 = 1;
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {a.x() - in.x(), in.maxX() - a.x(), a.y() - in.y(), in.maxY() - a.y()};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] <= 0) {
          return false;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    return t0 < t1;
  }

  @Test
  void anEdgeIntoAnotherNamespaceIsMarkedAsCrossing() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k);
    assertTrue(edge(d, s, "sshd", "container").crossesNamespace());
    assertTrue(edge(d, s, "bash", "inner").crossesNamespace());
    assertTrue(edge(d, s, "systemd-user", "entered").crossesNamespace());
    assertTrue(edge(d, s, "cron", "job").crossesNamespace());
    assertFalse(edge(d, s, "container", "bash").crossesNamespace());
    assertTrue(edge(d, s, "sshd", "container").styleClasses().contains("cross-ns"));
    assertEquals(s.k.taskCount() - 1, d.edges().size());
  }

  private static TreeEdge edge(Drawing d, Scenes s, String from, String to) {
    return d.edges().stream()
        .filter(e -> e.fromSerial() == s.t(from).serial() && e.toSerial() == s.t(to).serial())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to));
  }

  @Test
  void childrenAreDrawnInTheKernelsChildOrder() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k);
    List<Task> children = s.t("init").children();
    for (int i = 1; i < children.size(); i++) {
      double left = d.task(children.get(i - 1).serial()).orElseThrow().box().x();
      double right = d.task(children.get(i).serial()).orElseThrow().box().x();
      assertTrue(left < right);
    }
    assertEquals(1, node(d, s, "sshd").depth());
    assertEquals(0, node(d, s, "init").depth());
  }

  @Test
  void aZombieIsAGhostAndAnInitStuckInExitIsMarkedExiting() {
    // kernel-replay/hand/init-E-outside-zombie.pidns
    Scenes s =
        new Scenes()
            .fork("init", "p")
            .clone("init", "c")
            .fork("c", "c1")
            .setns("p", "c")
            .fork("p", "q")
            .exit("c");
    Drawing d = BUILDER.build(s.k);
    TaskNode c = node(d, s, "c");
    assertEquals("E", c.state());
    assertTrue(c.exiting());
    assertFalse(c.ghost());
    assertTrue(c.namespaceInit());
    assertTrue(c.styleClasses().containsAll(List.of("exiting", "ns-init")));
    TaskNode q = node(d, s, "q");
    assertEquals("Z", q.state());
    assertTrue(q.ghost());
    assertTrue(q.styleClasses().contains("ghost"));
    assertTrue(d.task(s.t("c1").serial()).isEmpty()); // reaped
    NamespaceNode ns1 = d.namespaces().node("ns1").orElseThrow();
    assertEquals(PidNamespace.Life.DYING, ns1.life());
    assertTrue(ns1.styleClasses().contains("dying"));
  }

  @Test
  void subreaperAndTooltipTellTheWholeStory() {
    Scenes s = Scenes.machine();
    Drawing d = BUILDER.build(s.k);
    TaskNode sd = node(d, s, "systemd-user");
    assertTrue(sd.subreaper());
    assertTrue(sd.tooltip().contains("child subreaper"));
    assertTrue(sd.tooltip().contains("children go to ns2"));
    TaskNode sleep = node(d, s, "sleep");
    assertTrue(sleep.tooltip().contains("NSpid: 9 7 2"), sleep.tooltip());
    assertTrue(sleep.tooltip().contains("in ns2: pid 2, ppid 1"), sleep.tooltip());
  }

  @Test
  void namespaceTreeShowsInitCountsAllocatorAndLife() {
    Scenes s = Scenes.machine();
    NamespaceDrawing nd = BUILDER.build(s.k).namespaces();
    assertEquals(
        List.of("root", "ns1", "ns2", "ns3"),
        nd.nodes().stream().map(NamespaceNode::name).toList());
    NamespaceNode ns1 = nd.node("ns1").orElseThrow();
    assertEquals("container", ns1.initLabel());
    assertEquals(1, ns1.level());
    assertEquals(5, ns1.taskCount()); // container, bash, nginx, worker1, worker2
    assertEquals(8, ns1.pidAllocated()); // and the three of ns2
    assertEquals(PidNamespace.PID_MAX_LIMIT, ns1.pidMax());
    assertEquals(8, ns1.nsLastPid());
    assertEquals(PidNamespace.Life.ALIVE, ns1.life());
    assertEquals(Palette.colorIndex(s.ns("container")), ns1.colorIndex());
    NamespaceNode root = nd.node("root").orElseThrow();
    assertEquals(PidNamespace.PID_MAX_DEFAULT, root.pidMax());
    assertEquals(0, root.colorIndex());
    assertEquals(3, nd.edges().size());
    assertTrue(
        nd.nodes().stream()
            .allMatch(n -> n.lines().stream().allMatch(l -> n.box().contains(l.box()))));
    for (int i = 0; i < nd.nodes().size(); i++) {
      for (int j = i + 1; j < nd.nodes().size(); j++) {
        assertFalse(nd.nodes().get(i).box().intersects(nd.nodes().get(j).box()));
      }
    }
    // ns2's parent edge ends on ns2's top
    NamespaceEdge e =
        nd.edges().stream().filter(x -> x.toSerial() == s.ns("inner").serial()).findFirst().get();
    Box ns2 = nd.node("ns2").orElseThrow().box();
    assertEquals(ns2.y(), e.points().get(e.points().size() - 1).y(), 1e-9);
  }

  @Test
  void aNamespaceWhoseTasksAreAllReapedLeavesTheTree() {
    Scenes s = new Scenes().clone("init", "c").fork("c", "d").exit("c");
    assertTrue(BUILDER.build(s.k).namespaces().node("ns1").isPresent()); // c is a zombie
    s.waitFor("init", "c");
    Drawing d = BUILDER.build(s.k);
    assertTrue(d.namespaces().node("ns1").isEmpty());
    assertTrue(d.hulls().isEmpty());
  }

  @Test
  void perspectiveMarksItsNamespaceNodeAndFadesTheOutside() {
    Scenes s = Scenes.machine();
    NamespaceDrawing nd = BUILDER.buildNamespaces(s.k, s.ns("container"));
    assertTrue(nd.node("ns1").orElseThrow().perspective());
    assertFalse(nd.node("ns1").orElseThrow().faded());
    assertFalse(nd.node("ns2").orElseThrow().faded());
    assertTrue(nd.node("root").orElseThrow().faded());
    assertTrue(nd.node("ns3").orElseThrow().faded());
  }

  @ParameterizedTest
  @EnumSource(LayoutChoice.class)
  void theSameStateGivesTheSameDrawing(LayoutChoice layout) {
    DrawingOptions o = DrawingOptions.DEFAULT.withLayout(layout);
    Drawing a = BUILDER.build(Scenes.random(99, 80), o);
    Drawing b = new DrawingBuilder().build(Scenes.random(99, 80), o);
    assertEquals(a, b);
    assertEquals(layout, a.layout());
  }

  @Test
  void aFreshMachineIsOneBox() {
    Drawing d = BUILDER.build(new Kernel());
    assertEquals(1, d.tasks().size());
    assertTrue(d.edges().isEmpty());
    assertTrue(d.hulls().isEmpty());
    assertEquals(1, d.namespaces().nodes().size());
    TaskNode init = d.tasks().get(0);
    assertEquals("init", init.label());
    assertEquals("R", init.state());
    assertTrue(init.namespaceInit());
  }

  @Test
  void aForkChainOf10000TasksIsDrawn() {
    Kernel k = new Kernel();
    Task t = k.init();
    for (int i = 0; i < 10_000; i++) {
      t = k.fork(t, "t" + i).child();
    }
    Drawing d = BUILDER.build(k);
    assertEquals(10_001, d.tasks().size());
    assertEquals(10_000, d.tasks().get(10_000).depth());
  }

  @Test
  void bigMachinesAreDrawnAndTimed() {
    // not a benchmark (no assertion on time); the numbers go to the report
    for (int n : new int[] {2_000, 10_000}) {
      Kernel k = bigMachine(n);
      BUILDER.build(k); // warm up
      long start = System.nanoTime();
      Drawing d = BUILDER.build(k);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(n, d.tasks().size());
      System.out.println("DrawingBuilder " + n + " tasks: " + ms + " ms");
    }
  }

  /** {@code n} tasks: a random tree with a namespace every twentieth fork or so. */
  static Kernel bigMachine(int n) {
    Kernel k = new Kernel();
    Random rnd = new Random(n);
    List<Task> all = new ArrayList<>(List.of(k.init()));
    while (k.taskCount() < n) {
      Task p = all.get(rnd.nextInt(all.size()));
      boolean nest = rnd.nextInt(20) == 0 && p.activeNs().level() < 6;
      var r = nest ? k.cloneNewPid(p, "c" + all.size()) : k.fork(p, "t" + all.size());
      if (r.failed()) {
        fail("fork failed: " + r);
      }
      all.add(r.child());
    }
    return k;
  }
}
