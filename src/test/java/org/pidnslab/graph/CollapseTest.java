package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * Collapsed namespaces and subtrees: a collapse hides exactly the tasks it stands for and counts
 * them on its card, the picture keeps its invariants, and expanding again gives back the very
 * drawing of before.
 */
class CollapseTest {
  private static final DrawingBuilder BUILDER = new DrawingBuilder();

  private static List<Kernel> machines() {
    List<Kernel> out = new ArrayList<>();
    out.add(Scenes.machine().k);
    out.add(Scenes.deepNesting().k);
    for (long seed = 1; seed <= 6; seed++) {
      out.add(Scenes.random(seed, 150));
    }
    out.add(Machines.random(3, 1500, Machines.Shape.UNIFORM));
    return out;
  }

  /** Tasks drawn plus tasks counted on the top-level cards: every task exactly once. */
  private static int accounted(Drawing d) {
    int n = d.tasks().size();
    for (SummaryCard c : d.cards()) {
      n += c.tasks();
    }
    return n;
  }

  @ParameterizedTest
  @EnumSource(
      value = LayoutChoice.class,
      names = {"TREE", "COMPACT"})
  void collapsingANamespaceAndExpandingItGivesTheSameDrawingBack(LayoutChoice layout) {
    for (Kernel k : machines()) {
      DrawingOptions open = DrawingOptions.DEFAULT.withLayout(layout);
      Drawing before = BUILDER.build(k, open);
      int tried = 0;
      for (PidNamespace ns : NamespaceGraph.of(k).vertexSet()) {
        if (ns.level() == 0 || tried++ >= 12) {
          continue;
        }
        DrawingOptions shut = open.withNamespaceCollapsed(ns.serial(), true);
        Drawing collapsed = BUILDER.build(k, shut);
        assertEquals(k.taskCount(), accounted(collapsed), ns.name());
        if (members(k, ns) > 0) {
          assertTrue(collapsed.card(SummaryCard.Kind.NAMESPACE, ns.serial()).isPresent());
        }
        for (Task t : k.tasks()) {
          boolean inside = t.activeNs().isSameOrDescendantOf(ns);
          assertEquals(!inside, collapsed.task(t.serial()).isPresent(), t + " vs " + ns);
        }
        assertTrue(collapsed.hulls(ns.name()).isEmpty(), "no hull of a collapsed namespace");
        CompactLayoutTest.assertNoOverlap(CompactLayoutTest.boxes(collapsed));
        assertCardsInsideTheirOuterHulls(collapsed, ns);
        Drawing again = BUILDER.build(k, shut.withNamespaceCollapsed(ns.serial(), false));
        assertEquals(before, again, "expanded " + ns.name());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = LayoutChoice.class,
      names = {"TREE", "COMPACT"})
  void collapsingASubtreeKeepsItsRootWithABadgeAndExpandingGivesTheSameDrawingBack(
      LayoutChoice layout) {
    for (Kernel k : machines()) {
      DrawingOptions open = DrawingOptions.DEFAULT.withLayout(layout);
      Drawing before = BUILDER.build(k, open);
      int tried = 0;
      for (Task root : k.tasks()) {
        int below = descendants(root);
        if (below == 0 || tried++ >= 12) {
          continue;
        }
        DrawingOptions shut = open.withSubtreeCollapsed(root.serial(), true);
        Drawing collapsed = BUILDER.build(k, shut);
        SummaryCard badge = collapsed.card(SummaryCard.Kind.SUBTREE, root.serial()).orElseThrow();
        assertEquals(below, badge.tasks());
        assertEquals("+" + below, badge.text().get(0).text());
        TaskNode node = collapsed.task(root.serial()).orElseThrow();
        assertTrue(badge.box().y() >= node.box().maxY(), "the badge is below its task");
        assertEquals(k.taskCount() - below, collapsed.tasks().size());
        assertEquals(k.taskCount(), accounted(collapsed));
        CompactLayoutTest.assertNoOverlap(CompactLayoutTest.boxes(collapsed));
        CompactLayoutTest.assertHullsHoldTheirTasksOnly(collapsed, k, false);
        assertEquals(before, BUILDER.build(k, shut.withSubtreeCollapsed(root.serial(), false)));
      }
      assertTrue(tried > 0);
    }
  }

  @Test
  void aNamespaceCardSumsUpItsTasks() {
    Scenes s =
        new Scenes()
            .fork("init", "shell")
            .clone("shell", "c")
            .fork("c", "a")
            .fork("c", "b")
            .clone("a", "inner")
            .fork("inner", "x")
            .exit("b");
    PidNamespace ns1 = s.ns("c");
    Drawing d =
        BUILDER.build(s.k, DrawingOptions.DEFAULT.withNamespaceCollapsed(ns1.serial(), true));
    SummaryCard card = d.card(SummaryCard.Kind.NAMESPACE, ns1.serial()).orElseThrow();
    assertEquals("ns1", card.name());
    assertEquals(1, card.level());
    assertEquals("c", card.rootLabel());
    assertEquals(1, card.rootPid());
    assertEquals(5, card.tasks()); // c, a, b, inner, x
    assertEquals(4, card.running());
    assertEquals(1, card.zombies());
    assertEquals(0, card.exiting());
    assertEquals(1, card.minPid());
    assertEquals(5, card.maxPid());
    List<String> lines = card.text().stream().map(TextItem::text).toList();
    assertEquals(
        List.of("ns1 \u00b7 level 1", "init c, pid 1", "5 tasks: 4 R \u00b7 1 Z", "pids 1\u20135"),
        lines);
    assertEquals(1, card.nested().size());
    assertEquals("ns2", card.nested().get(0).name());
    assertEquals(2, card.nested().get(0).tasks()); // inner and x
    assertTrue(card.box().contains(card.nested().get(0).box()));
    for (TextItem t : card.text()) {
      assertTrue(card.box().contains(t.box()), t.text());
    }
    // the card hangs on the shell by a line from the shell's box to the card
    TaskNode shell = d.task(s.t("shell").serial()).orElseThrow();
    assertTrue(shell.box().grow(1e-6).contains(card.link().get(0)));
    assertTrue(card.box().grow(1e-6).contains(card.link().get(card.link().size() - 1)));
    assertEquals(List.of("init", "shell"), d.tasks().stream().map(TaskNode::label).toList());
  }

  @Test
  void theOutermostCollapseWinsAndUnknownSerialsAreIgnored() {
    Scenes s = new Scenes().clone("init", "c").fork("c", "a").clone("a", "d").fork("d", "e");
    int outer = s.ns("c").serial();
    int inner = s.ns("d").serial();
    Drawing both =
        BUILDER.build(
            s.k,
            DrawingOptions.DEFAULT.withCollapsed(Set.of(outer, inner), Set.of(s.t("a").serial())));
    assertEquals(1, both.cards().size());
    assertEquals(outer, both.cards().get(0).serial());
    assertEquals(4, both.cards().get(0).tasks());
    Drawing none =
        BUILDER.build(s.k, DrawingOptions.DEFAULT.withCollapsed(Set.of(9999), Set.of(8888)));
    assertEquals(BUILDER.build(s.k), none);
    // a subtree with nothing below its root has nothing to fold
    Drawing leaf =
        BUILDER.build(s.k, DrawingOptions.DEFAULT.withSubtreeCollapsed(s.t("e").serial(), true));
    assertEquals(BUILDER.build(s.k), leaf);
  }

  @Test
  void aSubtreeFoldedAroundACollapsedNamespaceCountsItsTasks() {
    Scenes s = new Scenes().fork("init", "d").clone("d", "c").fork("c", "a").fork("d", "b");
    DrawingOptions o =
        DrawingOptions.DEFAULT
            .withNamespaceCollapsed(s.ns("c").serial(), true)
            .withSubtreeCollapsed(s.t("d").serial(), true);
    Drawing d = BUILDER.build(s.k, o);
    assertEquals(1, d.cards().size());
    assertEquals(SummaryCard.Kind.SUBTREE, d.cards().get(0).kind());
    assertEquals(3, d.cards().get(0).tasks());
    assertNotEquals(BUILDER.build(s.k), d);
    assertFalse(d.task(s.t("b").serial()).isPresent());
  }

  /** Every namespace card lies inside a hull part of each namespace around its own. */
  private static void assertCardsInsideTheirOuterHulls(Drawing d, PidNamespace collapsed) {
    for (SummaryCard c : d.cards()) {
      for (int level = 1; level < collapsed.level(); level++) {
        String outer = collapsed.ancestorAt(level).name();
        assertTrue(
            d.hulls(outer).stream().anyMatch(h -> h.contains(c.box())),
            c.name() + " card in " + outer);
      }
    }
  }

  private static int members(Kernel k, PidNamespace ns) {
    int n = 0;
    for (Task t : k.tasks()) {
      if (t.activeNs().isSameOrDescendantOf(ns)) {
        n++;
      }
    }
    return n;
  }

  private static int descendants(Task t) {
    int n = 0;
    for (Task c : t.children()) {
      if (c.state() != TaskState.DEAD) {
        n += 1 + descendants(c);
      }
    }
    return n;
  }
}
