package org.pidnslab.app.help;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Help → Kernel functions: each action of the Lab and the Linux functions it mirrors, linked to
 * their source in Linux v6.18 on elixir.bootlin.com, so a student can read what the simulation
 * imitates.
 */
public final class KernelFunctions {
  /** The kernel version the simulation was checked against. */
  static final String LINUX = "v6.18";

  /** A kernel function and the file that defines it. */
  public record Fn(String name, String file) {
    /** Elixir's cross-reference of the identifier: its definition and every use. */
    String identUrl() {
      return "https://elixir.bootlin.com/linux/" + LINUX + "/C/ident/" + name;
    }

    /** The file on Elixir. */
    String fileUrl() {
      return "https://elixir.bootlin.com/linux/" + LINUX + "/source/" + file;
    }
  }

  /** One action of the window (or statement of a script) and what it goes through. */
  public record Row(String action, String key, String call, List<Fn> functions, String note) {}

  private static final String FORK = "kernel/fork.c";
  private static final String PID = "kernel/pid.c";
  private static final String PIDNS = "kernel/pid_namespace.c";
  private static final String NSPROXY = "kernel/nsproxy.c";
  private static final String EXIT = "kernel/exit.c";
  private static final String SIGNAL = "kernel/signal.c";
  private static final String SYS = "kernel/sys.c";

  /** Every action, in the toolbar's order. */
  public static List<Row> rows() {
    return List.of(
        new Row(
            "Fork",
            "F",
            "fork()",
            List.of(new Fn("kernel_clone", FORK), new Fn("copy_process", FORK), fn("alloc_pid")),
            "alloc_pid() takes a number at every level, innermost first"),
        new Row(
            "Clone NEWPID",
            "C",
            "clone(CLONE_NEWPID)",
            List.of(
                new Fn("kernel_clone", FORK),
                new Fn("copy_namespaces", NSPROXY),
                new Fn("copy_pid_ns", PIDNS),
                new Fn("create_pid_namespace", PIDNS),
                fn("alloc_pid")),
            "the child is pid 1 (child_reaper) of the new namespace"),
        new Row(
            "Unshare NEWPID",
            "U",
            "unshare(CLONE_NEWPID)",
            List.of(
                new Fn("ksys_unshare", FORK),
                new Fn("unshare_nsproxy_namespaces", NSPROXY),
                new Fn("copy_pid_ns", PIDNS),
                new Fn("create_pid_namespace", PIDNS),
                new Fn("switch_task_namespaces", NSPROXY)),
            "copy_pid_ns() creates the namespace; switch_task_namespaces() installs it as"
                + " pid_ns_for_children; the caller stays"),
        new Row(
            "Setns…",
            "N",
            "setns(fd, CLONE_NEWPID)",
            List.of(
                new Fn("pidns_install", PIDNS),
                new Fn("pidns_get", PIDNS),
                new Fn("commit_nsset", NSPROXY)),
            "open(/proc/TARGET/ns/pid), then setns(): EINVAL unless the target is the caller's"
                + " namespace or below it; a zombie or E target still works (pidns_get() finds its"
                + " namespace through its pid, attached until release_task()); a reaped target has"
                + " no /proc entry: open() fails with ENOENT, reported as ESRCH. A pidfd would"
                + " differ: validate_nsset() refuses a zombie already (ESRCH), as do_exit()"
                + " cleared its nsproxy"),
        new Row(
            "Exit",
            "X",
            "_exit(0)",
            List.of(
                new Fn("do_exit", EXIT),
                new Fn("exit_notify", EXIT),
                new Fn("forget_original_parent", EXIT),
                new Fn("find_child_reaper", EXIT),
                new Fn("zap_pid_ns_processes", PIDNS),
                new Fn("find_new_reaper", EXIT)),
            "orphans go to the nearest living subreaper at the exiting parent's level, else to the"
                + " reaper of the exiting parent's namespace; find_child_reaper() calls the zap"
                + " when that reaper is the one exiting; root's init exiting panics a real machine"),
        new Row(
            "Wait",
            "W",
            "waitpid(-1, WNOHANG)",
            List.of(
                new Fn("do_wait", EXIT),
                new Fn("wait_task_zombie", EXIT),
                new Fn("release_task", EXIT),
                new Fn("free_pid", PID)),
            "reaping releases the zombie; free_pid() frees a number at every level once no task"
                + " uses it as PID, process group or session id"),
        new Row(
            "Kill…",
            "K",
            "kill(pid, sig)",
            List.of(
                new Fn("kill_something_info", SIGNAL),
                new Fn("kill_pid_info", SIGNAL),
                new Fn("__kill_pgrp_info", SIGNAL),
                new Fn("group_send_sig_info", SIGNAL),
                new Fn("send_signal_locked", SIGNAL),
                new Fn("prepare_signal", SIGNAL),
                new Fn("sig_ignored", SIGNAL),
                new Fn("sig_task_ignored", SIGNAL)),
            "sig_task_ignored() drops a default-action signal to an init unless it is forced"
                + " (SIGKILL or SIGSTOP from the kernel or an ancestor namespace); no handler is"
                + " installed here"),
        new Row(
            "Setsid",
            "S",
            "setsid()",
            List.of(new Fn("ksys_setsid", SYS)),
            "EPERM if a process group with the caller's id exists"),
        new Row(
            "Setpgid",
            "G",
            "setpgid(0, pgid)",
            List.of(new Fn("ksys_setpgid", SYS)),
            "the group must be in the caller's session"),
        new Row(
            "Subreaper",
            "R",
            "prctl(PR_SET_CHILD_SUBREAPER, 1)",
            List.of(new Fn("PR_SET_CHILD_SUBREAPER", SYS), new Fn("find_new_reaper", EXIT)),
            "find_new_reaper() picks the nearest living subreaper among the exiting task's"
                + " ancestors at its own pid level"),
        new Row(
            "Sysctl…",
            "Y",
            "write /proc/sys/kernel/ns_last_pid, pid_max",
            List.of(
                new Fn("pid_ns_ctl_handler", PIDNS), fn("pid_table"), fn("register_pidns_sysctls")),
            "ns_last_pid: pid_ns_ctl_handler() sets the IDR cursor to the value + 1; pid_max is per"
                + " namespace since 6.14 (pid_table)"));
  }

  private static Fn fn(String name) {
    return new Fn(name, PID);
  }

  /**
   * The table as a node: action, system call, linked functions, a note; and a link to the kernel
   * rules page ({@code showRules}).
   */
  static Node view(Consumer<String> links, Runnable showRules) {
    GridPane grid = new GridPane();
    grid.setId("kernelTable");
    grid.getStyleClass().add("md-table");
    double[] widths = {15, 22, 37, 26};
    for (double w : widths) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(w);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    String[] head = {"action [key]", "system call", "kernel functions (Linux " + LINUX + ")", ""};
    for (int c = 0; c < head.length; c++) {
      Label h = cell(head[c], "md-th");
      h.getStyleClass().add("md-strong-label");
      grid.add(h, c, 0);
    }
    int r = 1;
    for (Row row : rows()) {
      grid.add(cell(row.action() + "  [" + row.key() + "]", "md-td"), 0, r);
      Label call = cell(row.call(), "md-td");
      call.getStyleClass().add("md-code-label");
      grid.add(call, 1, r);
      FlowPane fns = new FlowPane(2, 0);
      fns.getStyleClass().add("md-td");
      fns.setMinWidth(0);
      for (Fn f : row.functions()) {
        Hyperlink h = new Hyperlink(f.name() + "()");
        if (f.name().equals(f.name().toUpperCase())) {
          h.setText(f.name());
        }
        h.setId("fn-" + f.name());
        h.getStyleClass().add("md-code-label");
        h.setTooltip(new Tooltip(f.file() + " in Linux " + LINUX + " — opens " + f.identUrl()));
        h.setOnAction(e -> links.accept(f.identUrl()));
        fns.getChildren().add(h);
      }
      grid.add(fns, 2, r);
      grid.add(cell(row.note(), "md-td"), 3, r);
      r++;
    }
    FlowPane files = new FlowPane(4, 0);
    files.getChildren().add(new Label("Whole files:"));
    for (String f : List.of(FORK, PID, PIDNS, NSPROXY, EXIT, SIGNAL, SYS)) {
      Fn file = new Fn("", f);
      Hyperlink h = new Hyperlink(f);
      h.setTooltip(new Tooltip("Opens " + file.fileUrl()));
      h.setOnAction(e -> links.accept(file.fileUrl()));
      files.getChildren().add(h);
    }
    Label intro =
        new Label(
            "Every click is a statement of the scenario language, and every statement is one"
                + " system call. These are the kernel functions each one goes through; the log"
                + " under the graph names them for every call you make. A link opens the"
                + " function's definition and uses in your browser.");
    intro.setWrapText(true);
    Hyperlink rules =
        new Hyperlink(
            "The kernel rules the Lab follows, function by function, and the source every text"
                + " was checked against…");
    rules.setId("kernelRulesLink");
    rules.setWrapText(true);
    rules.setOnAction(e -> showRules.run());
    VBox box = new VBox(10, intro, rules, grid, files);
    box.setPadding(new Insets(8));
    ScrollPane sp = new ScrollPane(box);
    sp.setFitToWidth(true);
    return sp;
  }

  private static Label cell(String text, String style) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add(style);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setMaxHeight(Double.MAX_VALUE);
    l.setMinHeight(Label.USE_PREF_SIZE);
    return l;
  }
}
