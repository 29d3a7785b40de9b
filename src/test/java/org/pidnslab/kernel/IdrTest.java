package org.pidnslab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IDR allocator behaves like lib/idr.c's idr_alloc_cyclic(), checked against a plain model. */
class IdrTest {

  @Test
  void cyclicAllocationHandsOutIncreasingIdsFromTheCursor() {
    Idr<String> idr = new Idr<>();
    assertEquals(1, idr.allocCyclic("a", 1, 10));
    assertEquals(2, idr.allocCyclic("b", 1, 10));
    idr.remove(1);
    assertEquals(3, idr.allocCyclic("c", 1, 10), "freed ids wait for the cursor to come round");
    assertEquals("b", idr.find(2));
    assertNull(idr.find(1));
  }

  @Test
  void theSearchWrapsToStartAndFailsOnlyWhenTheWholeRangeIsTaken() {
    Idr<String> idr = new Idr<>();
    idr.setCursor(8);
    assertEquals(8, idr.allocCyclic("x", 5, 10));
    assertEquals(9, idr.allocCyclic("x", 5, 10));
    assertEquals(5, idr.allocCyclic("x", 5, 10));
    assertEquals(6, idr.allocCyclic("x", 5, 10));
    assertEquals(7, idr.allocCyclic("x", 5, 10));
    assertEquals(-1, idr.allocCyclic("x", 5, 10));
    assertEquals(5, idr.size());
  }

  @Test
  void aCursorPastTheEndWrapsAtOnce() {
    Idr<String> idr = new Idr<>();
    idr.setCursor(401);
    assertEquals(300, idr.allocCyclic("x", 300, 400));
  }

  @Test
  void sparseHighIdsAndIterationInOrder() {
    Idr<Integer> idr = new Idr<>();
    int[] ids = {4194303, 1, 70000, 64, 63, 262144};
    for (int id : ids) {
      idr.setCursor(id);
      assertEquals(id, idr.allocCyclic(id, 1, 4194304));
    }
    List<Integer> seen = new ArrayList<>();
    idr.forEachId(seen::add);
    assertEquals(List.of(1, 63, 64, 70000, 262144, 4194303), seen);
    for (int id : ids) {
      assertEquals(id, idr.find(id));
      idr.remove(id);
    }
    assertEquals(0, idr.size());
    idr.setCursor(0);
    assertEquals(1, idr.allocCyclic(1, 1, 4194304), "empty again: the lowest id is free");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomOperationsAgreeWithAReferenceModel(long seed) {
    Random rnd = new Random(seed);
    int end = 50 + rnd.nextInt(5000);
    int start = rnd.nextInt(20);
    Idr<Integer> idr = new Idr<>();
    TreeSet<Integer> taken = new TreeSet<>();
    int cursor = 0;
    for (int step = 0; step < 10000; step++) {
      int op = rnd.nextInt(10);
      if (op < 6) {
        int from = Math.max(cursor, start);
        Integer expect = firstFree(taken, from, end - 1);
        if (expect == null && from > start) {
          expect = firstFree(taken, start, end - 1);
        }
        int got = idr.allocCyclic(step, start, end);
        assertEquals(expect == null ? -1 : expect, got, "step " + step);
        if (expect != null) {
          taken.add(expect);
          cursor = expect + 1;
        }
      } else if (op < 9 && !taken.isEmpty()) {
        Integer victim = taken.ceiling(rnd.nextInt(end));
        if (victim == null) {
          victim = taken.first();
        }
        idr.remove(victim);
        taken.remove(victim);
      } else {
        cursor = rnd.nextInt(end + 5);
        idr.setCursor(cursor);
      }
      assertEquals(taken.size(), idr.size());
    }
  }

  private static Integer firstFree(TreeSet<Integer> taken, int from, int max) {
    for (int id = from; id <= max; id++) {
      if (!taken.contains(id)) {
        return id;
      }
    }
    return null;
  }
}
