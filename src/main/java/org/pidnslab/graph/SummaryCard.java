package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A collapsed part of the picture, drawn in place of the tasks it stands for.
 *
 * <p>A {@link Kind#NAMESPACE} card replaces one subtree of a collapsed namespace's tasks (a
 * namespace whose tasks form several subtrees gets one card per subtree, {@code part} 0, 1, ...,
 * left to right as its hull parts would be); it names the namespace, the first task of the part
 * (its init for part 0, as a rule) with that task's pid in the namespace, the number of tasks in
 * each state, the range of their pids in the namespace, and the namespaces nested directly in it as
 * smaller cards inside ({@code nested}, themselves with no text lines and no nested cards).
 *
 * <p>A {@link Kind#SUBTREE} card is the "+41" badge drawn below a collapsed subtree's root task,
 * which stays on show; it counts the root's descendants, their states and their pids in the root's
 * namespace.
 *
 * <p>Paint cards after the tasks: {@code link} first (the line from the visible parent task, empty
 * for a card without one), then the box (filled with the namespace's {@link Palette} colour), the
 * nested cards' boxes, then {@code text}.
 *
 * @param kind what the card stands for
 * @param serial the namespace's serial ({@link Kind#NAMESPACE}) or the root task's serial ({@link
 *     Kind#SUBTREE}): what {@link DrawingOptions} names to expand it again
 * @param part which subtree of the namespace's tasks this card stands for, from 0 (0 for a subtree)
 * @param box the card
 * @param name the namespace's name, also for a subtree card (the root task's namespace)
 * @param colorIndex that namespace's {@link Palette} index
 * @param level that namespace's level
 * @param rootSerial the serial of the first task the card stands for (a subtree card: the root,
 *     which stays on show)
 * @param rootLabel that task's name (comm)
 * @param rootPid that task's pid in the card's namespace
 * @param tasks how many tasks the card hides
 * @param running of those, how many are running (R)
 * @param exiting how many are stuck in exit (E)
 * @param zombies how many are zombies (Z)
 * @param minPid the smallest of their pids in the card's namespace (0 when it hides no task)
 * @param maxPid the largest
 * @param nested namespaces nested directly in this one, as smaller cards inside this one's box
 * @param text the lines written on the card, placed
 * @param link the line from the visible parent's box to this card, or empty
 * @param faded whether the perspective cannot see the namespace
 * @param tooltip several lines with the whole summary
 */
public record SummaryCard(
    Kind kind,
    int serial,
    int part,
    Box box,
    String name,
    int colorIndex,
    int level,
    int rootSerial,
    String rootLabel,
    int rootPid,
    int tasks,
    int running,
    int exiting,
    int zombies,
    int minPid,
    int maxPid,
    List<SummaryCard> nested,
    List<TextItem> text,
    List<Point> link,
    boolean faded,
    String tooltip) {

  /** What a card stands for. */
  public enum Kind {
    /** One subtree of a collapsed namespace's tasks. */
    NAMESPACE,
    /** The descendants of a collapsed subtree's root task. */
    SUBTREE
  }

  /** Checks the arguments and freezes the lists. */
  public SummaryCard {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(box);
    Objects.requireNonNull(name);
    Objects.requireNonNull(rootLabel);
    nested = List.copyOf(nested);
    text = List.copyOf(text);
    link = List.copyOf(link);
    Objects.requireNonNull(tooltip);
  }

  /** The badge's text of a subtree card: "+41". */
  public String badge() {
    return "+" + tasks;
  }

  /** Style classes: {@code summary-card}, {@code namespace} or {@code subtree}, the colour. */
  public List<String> styleClasses() {
    List<String> out = new ArrayList<>(4);
    out.add("summary-card");
    out.add(kind == Kind.NAMESPACE ? "namespace" : "subtree");
    out.add("ns-color-" + colorIndex);
    if (faded) {
      out.add("faded");
    }
    return out;
  }

  /** This card moved by {@code dx, dy}. */
  public SummaryCard translate(double dx, double dy) {
    List<SummaryCard> movedNested = new ArrayList<>(nested.size());
    for (SummaryCard c : nested) {
      movedNested.add(c.translate(dx, dy));
    }
    List<TextItem> movedText = new ArrayList<>(text.size());
    for (TextItem t : text) {
      movedText.add(t.translate(dx, dy));
    }
    return new SummaryCard(
        kind,
        serial,
        part,
        box.translate(dx, dy),
        name,
        colorIndex,
        level,
        rootSerial,
        rootLabel,
        rootPid,
        tasks,
        running,
        exiting,
        zombies,
        minPid,
        maxPid,
        movedNested,
        movedText,
        TreeEdge.translate(link, dx, dy),
        faded,
        tooltip);
  }

  /**
   * The text of a card's counts, "412 tasks: 410 R · 1 E · 1 Z", states no task is in left out; the
   * exports' cards and the window's namespace cards both say it this way.
   */
  public static String countsText(int tasks, int running, int exiting, int zombies) {
    StringBuilder sb = new StringBuilder();
    sb.append(tasks).append(tasks == 1 ? " task" : " tasks");
    String sep = ": ";
    int[] counts = {running, exiting, zombies};
    String[] letters = {"R", "E", "Z"};
    for (int i = 0; i < 3; i++) {
      if (counts[i] > 0) {
        sb.append(sep).append(counts[i]).append(' ').append(letters[i]);
        sep = " \u00b7 ";
      }
    }
    return sb.toString();
  }
}
