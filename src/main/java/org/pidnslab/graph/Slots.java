package org.pidnslab.graph;

import java.util.List;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * The first step of a build: what the layout will place, measured. Every task left visible by the
 * collapsed parts gets its box; a collapsed part takes its anchor's place (a namespace card instead
 * of the task's box, a subtree's badge below its root's box: the two as one slot while the layout
 * runs). Kept apart from the build so that {@link DrawingBuilder#leastArea} can measure without
 * laying out.
 */
final class Slots {
  final List<Task> visible;
  final TaskForest forest;
  final TaskBoxes boxes;
  final TaskNodes taskNodes;
  final SummaryCards cardMaker;
  final String[][] chipTexts;

  /** The namespace each slot's hulls count it in (a namespace card: its namespace's parent). */
  final PidNamespace[] nsOf;

  final Folds.Fold[] foldAt;
  final double[][] cardSize;

  /** A folded anchor's own box, before the slot widened it. */
  final double[] taskW;

  final double[] taskH;

  Slots(DrawingBuilder builder, List<Task> allTasks, DrawingOptions options) {
    PidNamespace view = options.perspective();
    Folds folds =
        options.collapsesAnything()
            ? Folds.of(new TaskForest(allTasks), options)
            : Folds.none(allTasks);
    visible = folds.visible;
    forest = new TaskForest(visible);
    Task[] tasks = forest.tasks;
    int n = tasks.length;
    boxes = new TaskBoxes(n);
    taskNodes = new TaskNodes(builder);
    chipTexts = new String[n][];
    nsOf = new PidNamespace[n];
    for (int i = 0; i < n; i++) {
      chipTexts[i] = taskNodes.measure(tasks[i], view, boxes, i);
      nsOf[i] = tasks[i].activeNs();
    }
    cardMaker = new SummaryCards(builder);
    foldAt = new Folds.Fold[n];
    cardSize = new double[n][];
    taskW = new double[n];
    taskH = new double[n];
    for (int i = 0; i < n && !folds.byAnchor.isEmpty(); i++) {
      Folds.Fold f = folds.byAnchor.get(tasks[i]);
      if (f == null) {
        continue;
      }
      foldAt[i] = f;
      cardSize[i] = cardMaker.measure(f);
      taskW[i] = boxes.w[i];
      taskH[i] = boxes.h[i];
      if (f.kind() == SummaryCard.Kind.NAMESPACE) {
        boxes.w[i] = cardSize[i][0];
        boxes.h[i] = cardSize[i][1];
        nsOf[i] = f.ns().parent(); // the card is in the hulls around the namespace, not in its own
      } else {
        boxes.w[i] = Math.max(boxes.w[i], cardSize[i][0]);
        boxes.h[i] += cardMaker.badgeGap() + cardSize[i][1];
      }
    }
  }

  /** The summed area of the slots, each grown by {@code gap} in width and in height. */
  double area(double gap) {
    double sum = 0;
    for (int i = 0; i < boxes.w.length; i++) {
      sum += (boxes.w[i] + gap) * (boxes.h[i] + gap);
    }
    return sum;
  }
}
