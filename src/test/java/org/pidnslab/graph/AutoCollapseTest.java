package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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

  @Test
  void theFittedTextSizeScalesDownButNeverUp() {
    Drawing d = BUILDER.build(Scenes.machine().k);
    assertEquals(11, AutoCollapse.fittedTextPx(d, 100_000, 100_000), 1e-9);
    // half the width, less the camera's margins on both sides
    double margins = 1 - 2 * ViewFit.MARGIN_FRACTION;
    assertEquals(5.5 * margins, AutoCollapse.fittedTextPx(d, d.width() / 2, 100_000), 1e-9);
  }
}
