package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The automatic layout's choice, for a new scene and for a scene that grows call by call. */
class AutomaticLayoutTest {

  @Test
  void aNewSceneIsATreeUpToTheThresholdAndCompactAboveIt() {
    assertEquals(LayoutChoice.TREE, LayoutChoice.automatic(1));
    assertEquals(LayoutChoice.TREE, LayoutChoice.automatic(LayoutChoice.COMPACT_ABOVE_TASKS));
    assertEquals(
        LayoutChoice.COMPACT, LayoutChoice.automatic(LayoutChoice.COMPACT_ABOVE_TASKS + 1));
    assertEquals(LayoutChoice.COMPACT, LayoutChoice.automatic(1000));
  }

  @Test
  void forksBackAndForthAroundTheThresholdNeverChangeTheLayout() {
    for (LayoutChoice start : new LayoutChoice[] {LayoutChoice.TREE, LayoutChoice.COMPACT}) {
      LayoutChoice now = start;
      for (int i = 0; i < 200; i++) {
        int tasks = LayoutChoice.COMPACT_ABOVE_TASKS - 3 + i % 7; // 147 .. 153
        now = LayoutChoice.automatic(tasks, now);
        assertEquals(start, now, "at " + tasks + " tasks");
      }
    }
  }

  @Test
  void aSessionGrowingPastTheBandTurnsCompactOnceAndShrinkingBackTurnsATreeOnce() {
    LayoutChoice now = LayoutChoice.TREE;
    int changes = 0;
    int grewAt = -1;
    for (int tasks = 1; tasks <= 400; tasks++) {
      LayoutChoice next = LayoutChoice.automatic(tasks, now);
      if (next != now) {
        changes++;
        grewAt = tasks;
      }
      now = next;
    }
    assertEquals(1, changes);
    assertEquals(LayoutChoice.COMPACT, now);
    assertEquals(LayoutChoice.COMPACT_ABOVE_TASKS + LayoutChoice.AUTOMATIC_HYSTERESIS + 1, grewAt);
    int shrankAt = -1;
    for (int tasks = 400; tasks >= 1; tasks--) {
      LayoutChoice next = LayoutChoice.automatic(tasks, now);
      if (next != now) {
        changes++;
        shrankAt = tasks;
      }
      now = next;
    }
    assertEquals(2, changes);
    assertEquals(LayoutChoice.TREE, now);
    assertEquals(LayoutChoice.COMPACT_ABOVE_TASKS - LayoutChoice.AUTOMATIC_HYSTERESIS, shrankAt);
  }

  @Test
  void anotherLayoutIsReplacedByTheNewScenesChoice() {
    assertEquals(LayoutChoice.TREE, LayoutChoice.automatic(10, LayoutChoice.CIRCULAR));
    assertEquals(LayoutChoice.COMPACT, LayoutChoice.automatic(500, LayoutChoice.FR));
  }
}
