package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.script.ScriptParser;

/**
 * The automatic layout's choice ({@link SceneSize}), for a new scene and for a scene that grows
 * call by call.
 */
class AutomaticLayoutTest {
  private static final int TASKS = SceneSize.COMPACT_ABOVE_TASKS;
  private static final int WIDEST = SceneSize.COMPACT_ABOVE_WIDEST;

  private static Kernel run(String script) throws Exception {
    return org.pidnslab.export.Scenario.of("t", script).state();
  }

  @Test
  void theSizeCountsTasksAndTheMostAtOneDepth() throws Exception {
    // init; a, b under init; a1..a3 under a, b1 under b; a11 under a1
    Kernel k =
        run("fork init a\nfork init b\nfork a a1\nfork a a2\nfork a a3\nfork b b1\nfork a1 a11\n");
    assertEquals(new SceneSize(8, 4), SceneSize.of(k));
    assertEquals(new SceneSize(1, 1), SceneSize.of(run("")));
  }

  @Test
  void aNewSceneIsATreeUpToTheThresholdsAndCompactAboveEither() {
    assertEquals(LayoutChoice.TREE, new SceneSize(1, 1).automatic());
    assertEquals(LayoutChoice.TREE, new SceneSize(TASKS, WIDEST).automatic());
    assertEquals(LayoutChoice.COMPACT, new SceneSize(TASKS + 1, 2).automatic());
    assertEquals(LayoutChoice.COMPACT, new SceneSize(WIDEST + 2, WIDEST + 1).automatic());
    assertEquals(LayoutChoice.COMPACT, new SceneSize(1000, 500).automatic());
  }

  @Test
  void everyLessonIsATree() throws Exception {
    java.nio.file.Path lessons = java.nio.file.Path.of("assets/lessons");
    try (var files = java.nio.file.Files.list(lessons)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".pidns")).toList()) {
        String text = java.nio.file.Files.readString(f);
        int lines = ScriptParser.parse(text).size();
        for (int at = 1; at <= lines; at++) {
          Kernel k = org.pidnslab.export.Scenario.of("t", text).until(at).state();
          assertEquals(LayoutChoice.TREE, SceneSize.of(k).automatic(), f + " after line " + at);
        }
      }
    }
  }

  @Test
  void forksBackAndForthAroundTheThresholdsNeverChangeTheLayout() {
    for (LayoutChoice start : new LayoutChoice[] {LayoutChoice.TREE, LayoutChoice.COMPACT}) {
      LayoutChoice now = start;
      for (int i = 0; i < 200; i++) {
        SceneSize around = new SceneSize(TASKS - 3 + i % 7, WIDEST - 2 + i % 5);
        now = around.automatic(now);
        assertEquals(start, now, "at " + around);
      }
    }
  }

  @Test
  void aSessionGrowingPastTheBandTurnsCompactOnceAndShrinkingBackTurnsATreeOnce() {
    LayoutChoice now = LayoutChoice.TREE;
    int changes = 0;
    int grewAt = -1;
    for (int tasks = 1; tasks <= 400; tasks++) {
      LayoutChoice next = new SceneSize(tasks, 2).automatic(now);
      if (next != now) {
        changes++;
        grewAt = tasks;
      }
      now = next;
    }
    assertEquals(1, changes);
    assertEquals(LayoutChoice.COMPACT, now);
    assertEquals(TASKS + SceneSize.TASKS_HYSTERESIS + 1, grewAt);
    int shrankAt = -1;
    for (int tasks = 400; tasks >= 1; tasks--) {
      LayoutChoice next = new SceneSize(tasks, 2).automatic(now);
      if (next != now) {
        changes++;
        shrankAt = tasks;
      }
      now = next;
    }
    assertEquals(2, changes);
    assertEquals(LayoutChoice.TREE, now);
    assertEquals(TASKS - SceneSize.TASKS_HYSTERESIS, shrankAt);
  }

  @Test
  void aFanGrowingPastTheBandTurnsCompactAndShrinkingBackATree() {
    LayoutChoice now = LayoutChoice.TREE;
    int grewAt = -1;
    for (int kids = 1; kids <= 40 && grewAt < 0; kids++) {
      now = new SceneSize(kids + 2, kids).automatic(now);
      grewAt = now == LayoutChoice.COMPACT ? kids : -1;
    }
    assertEquals(WIDEST + SceneSize.WIDEST_HYSTERESIS + 1, grewAt);
    int shrankAt = -1;
    for (int kids = grewAt; kids >= 1 && shrankAt < 0; kids--) {
      now = new SceneSize(kids + 2, kids).automatic(now);
      shrankAt = now == LayoutChoice.TREE ? kids : -1;
    }
    assertEquals(WIDEST - SceneSize.WIDEST_HYSTERESIS, shrankAt);
  }

  @Test
  void anotherLayoutIsReplacedByTheNewScenesChoice() {
    assertEquals(LayoutChoice.TREE, new SceneSize(10, 3).automatic(LayoutChoice.CIRCULAR));
    assertEquals(LayoutChoice.COMPACT, new SceneSize(500, 3).automatic(LayoutChoice.FR));
  }
}
