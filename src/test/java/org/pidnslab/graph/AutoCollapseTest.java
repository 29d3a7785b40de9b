package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pidnslab.export.Scenario;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/**
 * The automatic collapse planner: it reaches readable text on a big scene, leaves a small one
 * alone, and never hides a protected task.
 */
class AutoCollapseTest {
  private static final DrawingBuilder BUILDER = new DrawingBuilder();

  static Kernel containerHost() throws Exception {
    Path p = Path.of("assets/scenarios/container-host.pidns");
    return Scenario.of(p.toString(), Files.readString(p)).state();
  }

  @Test
  void theContainerHostFitsReadablyAtBothScreenSizes() throws Exception {
    Kernel k = containerHost();
    DrawingOptions compact = DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT);
    for (int[] screen : new int[][] {{1280, 800}, {1920, 1080}}) {
      Drawing all = BUILDER.build(k, compact.withAspect((double) screen[0] / screen[1]));
      assertTrue(AutoCollapse.fittedTextPx(all, screen[0], screen[1]) < 10, "too small unfolded");
      DrawingOptions plan = AutoCollapse.plan(k, compact, screen[0], screen[1], 10, Set.of());
      Drawing d = BUILDER.build(k, plan);
      assertTrue(
          AutoCollapse.fittedTextPx(d, screen[0], screen[1]) >= 10,
          d.width() + "x" + d.height() + " at " + screen[0] + "x" + screen[1]);
      assertEquals((double) screen[0] / screen[1], plan.aspect());
      assertFalse(d.cards().isEmpty());
      // the containers stay recognisable: every namespace of level 1 is a hull or a card
      for (var ns : NamespaceGraph.of(k).vertexSet()) {
        if (ns.level() == 1) {
          boolean shown =
              !d.hulls(ns.name()).isEmpty()
                  || d.card(SummaryCard.Kind.NAMESPACE, ns.serial()).isPresent();
          assertTrue(shown, ns.name());
        }
      }
    }
  }

  @Test
  void aSmallSceneIsLeftAlone() {
    Kernel k = Scenes.machine().k;
    DrawingOptions plan = AutoCollapse.plan(k, DrawingOptions.DEFAULT, 1280, 800, 10, Set.of());
    assertFalse(plan.collapsesAnything());
    assertEquals(DrawingOptions.DEFAULT.withAspect(1.6), plan);
  }

  @Test
  void protectedTasksAreNeverHidden() throws Exception {
    Random rnd = new Random(7);
    List<Kernel> machines =
        List.of(
            containerHost(),
            Machines.random(1, 2000, Machines.Shape.BUSHY),
            Machines.random(2, 2000, Machines.Shape.UNIFORM),
            Machines.random(3, 2000, Machines.Shape.DEEP));
    for (Kernel k : machines) {
      List<Task> tasks = k.tasks();
      for (int round = 0; round < 4; round++) {
        Set<Integer> guarded = new HashSet<>();
        int count = 1 + rnd.nextInt(20);
        for (int i = 0; i < count; i++) {
          guarded.add(tasks.get(rnd.nextInt(tasks.size())).serial());
        }
        guarded.add(tasks.get(tasks.size() - 1).serial()); // the newest, as a step's fork
        for (LayoutChoice layout : List.of(LayoutChoice.TREE, LayoutChoice.COMPACT)) {
          DrawingOptions plan =
              AutoCollapse.plan(
                  k, DrawingOptions.DEFAULT.withLayout(layout), 1280, 800, 10, guarded);
          Drawing d = BUILDER.build(k, plan);
          assertTrue(plan.collapsesAnything(), "a 2,000-task scene needs folding");
          for (int serial : guarded) {
            assertTrue(d.task(serial).isPresent(), "protected task " + serial + " hidden");
          }
        }
      }
    }
  }

  @Test
  void aCollapseTheOptionsAlreadyHadIsDroppedWhenItHidesAProtectedTask() throws Exception {
    Kernel k = containerHost();
    Task worker = k.tasks().stream().filter(t -> t.comm().equals("gunicorn.w7")).findFirst().get();
    Task gunicorn = worker.realParent();
    DrawingOptions mine =
        DrawingOptions.DEFAULT
            .withLayout(LayoutChoice.COMPACT)
            .withNamespaceCollapsed(worker.activeNs().serial(), true)
            .withSubtreeCollapsed(gunicorn.serial(), true);
    DrawingOptions plan = AutoCollapse.plan(k, mine, 1920, 1080, 10, Set.of(worker.serial()));
    assertFalse(plan.collapsedNamespaces().contains(worker.activeNs().serial()));
    assertFalse(plan.collapsedSubtrees().contains(gunicorn.serial()));
    assertTrue(BUILDER.build(k, plan).task(worker.serial()).isPresent());
  }

  /** What the planner gives with no goal it could reach: every candidate collapsed. */
  private static DrawingOptions allCollapsed(Kernel k, DrawingOptions o, double w, double h) {
    return AutoCollapse.plan(k, o, w, h, Double.POSITIVE_INFINITY, Set.of());
  }

  @Test
  void theForceDirectedPlanReachesTheGoalOrCollapsesAllItCan() throws Exception {
    // its rounds measure the boxes' frame instead of building while the frame is too big: the
    // plan still ends only on a built picture that reaches 10 px, or with nothing left to collapse
    DrawingOptions fr = DrawingOptions.DEFAULT.withLayout(LayoutChoice.FR);
    Map<String, Kernel> scenes = new LinkedHashMap<>();
    scenes.put("container host", containerHost());
    scenes.put("machine", Scenes.machine().k);
    scenes.put("uniform 100", Machines.random(100, 100, Machines.Shape.UNIFORM));
    scenes.put("deep 400", Machines.random(400, 400, Machines.Shape.DEEP));
    int metHalfway = 0;
    for (Map.Entry<String, Kernel> e : scenes.entrySet()) {
      Kernel k = e.getValue();
      for (int[] screen : new int[][] {{1280, 800}, {1920, 1080}}) {
        DrawingOptions plan = AutoCollapse.plan(k, fr, screen[0], screen[1], 10, Set.of());
        double px = AutoCollapse.fittedTextPx(BUILDER.build(k, plan), screen[0], screen[1]);
        boolean all = plan.equals(allCollapsed(k, fr, screen[0], screen[1]));
        String where = e.getKey() + " at " + screen[0] + "x" + screen[1] + ": " + px + " px";
        assertTrue(px >= 10 || all, where + " with more to collapse");
        if (px >= 10 && !all && plan.collapsesAnything()) {
          metHalfway++;
        }
      }
    }
    assertTrue(metHalfway > 0, "some plan checked a build and stopped before collapsing all");
    // the host's containers cannot all be open at 1920x1080 (its force-directed picture of the 15
    // host tasks and 8 cards is 1338x1319 px): every container folds into a card
    Kernel host = scenes.get("container host");
    DrawingOptions plan = AutoCollapse.plan(host, fr, 1920, 1080, 10, Set.of());
    Drawing d = BUILDER.build(host, plan);
    for (var ns : NamespaceGraph.of(host).vertexSet()) {
      if (ns.level() == 1) {
        assertTrue(d.card(SummaryCard.Kind.NAMESPACE, ns.serial()).isPresent(), ns.name());
      }
    }
  }

  @Test
  void theForceDirectedPlanAndItsPictureAreDeterministic() throws Exception {
    Kernel k = containerHost();
    DrawingOptions fr = DrawingOptions.DEFAULT.withLayout(LayoutChoice.FR);
    for (int[] screen : new int[][] {{1280, 800}, {1920, 1080}}) {
      DrawingOptions first = AutoCollapse.plan(k, fr, screen[0], screen[1], 10, Set.of());
      DrawingOptions again =
          AutoCollapse.plan(new DrawingBuilder(), k, fr, screen[0], screen[1], 10, Set.of());
      assertEquals(first, again);
      assertEquals(
          BUILDER.build(k, first).toString(), new DrawingBuilder().build(k, again).toString());
    }
  }

  @Test
  void theForceDirectedPlanNeverHidesAProtectedTask() throws Exception {
    Random rnd = new Random(11);
    DrawingOptions fr = DrawingOptions.DEFAULT.withLayout(LayoutChoice.FR);
    for (Kernel k : List.of(containerHost(), Machines.random(4, 2000, Machines.Shape.UNIFORM))) {
      List<Task> tasks = k.tasks();
      for (int round = 0; round < 4; round++) {
        Set<Integer> guarded = new HashSet<>();
        for (int i = 0, count = 1 + rnd.nextInt(20); i < count; i++) {
          guarded.add(tasks.get(rnd.nextInt(tasks.size())).serial());
        }
        DrawingOptions plan = AutoCollapse.plan(k, fr, 1280, 800, 10, guarded);
        assertTrue(plan.collapsesAnything(), "a big scene needs folding");
        // which tasks a picture shows depends on the collapsed parts alone, not on the layout:
        // the compact picture of the plan shows the same tasks, without a force-directed build
        Drawing d = BUILDER.build(k, plan.withLayout(LayoutChoice.COMPACT));
        for (int serial : guarded) {
          assertTrue(d.task(serial).isPresent(), "protected task " + serial + " hidden");
        }
      }
    }
  }

  @Test
  void theFittedTextSizeScalesDownButNeverUp() {
    Drawing d = BUILDER.build(Scenes.machine().k);
    assertEquals(11, AutoCollapse.fittedTextPx(d, 100_000, 100_000), 1e-9);
    // half the width, less the camera's margins on both sides
    double margins = 1 - 2 * ViewFit.MARGIN_FRACTION;
    assertEquals(5.5 * margins, AutoCollapse.fittedTextPx(d, d.width() / 2, 100_000), 1e-9);
  }
}
