package org.pidnslab.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.Upid;

/**
 * The inspector's rows: a task's struct pid and the task fields namespaces touch, or a namespace's
 * fields, as read-only ControlsFX PropertySheet items.
 */
final class Inspector {
  private Inspector() {}

  /** A read-only row of the property sheet. */
  record Item(String category, String name, String description, String value)
      implements PropertySheet.Item {
    @Override
    public Class<?> getType() {
      return String.class;
    }

    @Override
    public String getCategory() {
      return category;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getDescription() {
      return description;
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public void setValue(Object value) {}

    @Override
    public boolean isEditable() {
      return true; // "editable" only so the sheet does not grey the value out: its editor is a
      // label
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
      return Optional.empty();
    }
  }

  /** Shows a value as plain, selectable-looking text instead of a greyed-out disabled field. */
  static org.controlsfx.property.editor.PropertyEditor<?> readOnlyEditor(PropertySheet.Item item) {
    javafx.scene.control.Label label =
        new javafx.scene.control.Label(String.valueOf(item.getValue()));
    label.getStyleClass().add("inspector-value");
    label.setWrapText(true);
    return new org.controlsfx.property.editor.AbstractPropertyEditor<
        Object, javafx.scene.control.Label>(item, label, true) {
      @Override
      protected javafx.beans.value.ObservableValue<Object> getObservableValue() {
        return new javafx.beans.property.SimpleObjectProperty<>(item.getValue());
      }

      @Override
      public void setValue(Object value) {
        label.setText(String.valueOf(value));
      }
    };
  }

  /** The rows for a task. */
  static List<Item> of(Task t) {
    List<Item> items = new ArrayList<>();
    String task = "task_struct";
    String pid = "struct pid";
    items.add(new Item(task, "label (comm)", "The task's name in the scenario", t.comm()));
    items.add(
        new Item(
            task,
            "state",
            "R running, E exiting (the Lab's label: asleep in zap_pid_ns_processes, ps shows S),"
                + " Z zombie",
            t.state().letter()));
    items.add(
        new Item(
            pid,
            "level",
            "The level of the namespace the pid was allocated in",
            Integer.toString(t.pid().level())));
    for (Upid u : t.pid().numbers()) {
      items.add(
          new Item(
              pid,
              "numbers[" + u.ns().level() + "]",
              "struct upid {nr, ns}: the number in one namespace",
              "{nr "
                  + u.nr()
                  + ", ns "
                  + u.ns().name()
                  + "}"
                  + (u.ns() == t.activeNs() ? "  ← own" : "")));
    }
    items.add(
        new Item(
            task,
            "real_parent",
            "Who reaps it; getppid() is 0 when the parent is outside",
            t.realParent() == null
                ? "-"
                : t.realParent().comm() + " (getppid " + t.ppidNr(t.activeNs()) + ")"));
    items.add(
        new Item(
            task, "active namespace", "task_active_pid_ns(): never changes", t.activeNs().name()));
    items.add(
        new Item(
            task,
            "pid_ns_for_children",
            "nsproxy->pid_ns_for_children: where the next child is born (unshare/setns change it)",
            t.pidNsForChildren().name()));
    items.add(
        new Item(
            task,
            "pgid per level",
            "The process group as seen from each namespace, root first (NSpgid)",
            perLevel(t, t.pgrp())));
    items.add(
        new Item(
            task,
            "sid per level",
            "The session as seen from each namespace, root first (NSsid)",
            perLevel(t, t.session())));
    items.add(
        new Item(task, "session leader", "signal->leader", Boolean.toString(t.isSessionLeader())));
    items.add(
        new Item(
            task,
            "is_child_subreaper",
            "prctl(PR_SET_CHILD_SUBREAPER)",
            Boolean.toString(t.isChildSubreaper())));
    items.add(
        new Item(
            task,
            "has_child_subreaper",
            "An ancestor is a subreaper: find_new_reaper() searches upwards",
            Boolean.toString(t.hasChildSubreaper())));
    items.add(
        new Item(
            task,
            "namespace init",
            "child_reaper of its namespace, SIGNAL_UNKILLABLE",
            Boolean.toString(t.isNamespaceInit())));
    return items;
  }

  /** The rows for a namespace. */
  static List<Item> of(PidNamespace ns) {
    String c = "struct pid_namespace";
    List<Item> items = new ArrayList<>();
    items.add(new Item(c, "name", "Named in creation order", ns.name()));
    items.add(new Item(c, "level", "0 for root", Integer.toString(ns.level())));
    items.add(
        new Item(
            c,
            "parent",
            "The namespace it was created below",
            ns.parent() == null ? "-" : ns.parent().name()));
    items.add(
        new Item(
            c,
            "child_reaper",
            "Its init: pid 1, adopts orphans",
            ns.childReaper() == null ? "- (no task yet)" : ns.childReaper().comm()));
    items.add(
        new Item(
            c,
            "pid_allocated",
            "How many pids hold a number here",
            Integer.toString(ns.pidAllocated())));
    items.add(
        new Item(
            c,
            "PIDNS_ADDING",
            "Cleared when the init dies: forks give ENOMEM",
            Boolean.toString(ns.allocationEnabled())));
    items.add(
        new Item(
            c, "pid_max", "This namespace's own limit (6.14+)", Integer.toString(ns.pidMax())));
    items.add(
        new Item(
            c, "ns_last_pid", "The allocation cursor minus one", Integer.toString(ns.nsLastPid())));
    items.add(
        new Item(c, "life", "alive, dying (init in E) or dead", ns.life().name().toLowerCase()));
    return items;
  }

  private static String perLevel(Task t, Pid id) {
    StringBuilder sb = new StringBuilder();
    for (int level = 0; level <= t.activeNs().level(); level++) {
      sb.append(level == 0 ? "" : "/").append(Pid.pidNrNs(id, t.activeNs().ancestorAt(level)));
    }
    return sb.toString();
  }
}
