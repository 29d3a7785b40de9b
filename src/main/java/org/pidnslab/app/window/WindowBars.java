package org.pidnslab.app.window;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.kernel.PidNamespace;

/** The window's two toolbars: the system calls, and how the picture is seen. */
final class WindowBars {
  private final MainWindow w;

  WindowBars(MainWindow w) {
    this.w = w;
  }

  /**
   * The top of the window: the menus, the system calls (a bar that wraps rather than hide a call)
   * and the view bar.
   */
  javafx.scene.layout.VBox top(javafx.scene.control.MenuBar menus) {
    javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(menus, callBar(), viewBar());
    top.setId("topBars");
    return top;
  }

  /** The system calls: a wrapping bar, so no call hides in an overflow menu at large type. */
  javafx.scene.layout.FlowPane callBar() {
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4);
    bar.setId("toolBar");
    bar.getStyleClass().add("calls-bar");
    bar.disableProperty().bind(w.experiment().busyProperty()); // calls wait for a long replay
    w.childLabel.setId("childLabel");
    w.childLabel.setPrefColumnCount(6);
    w.childLabel.setTooltip(
        new Tooltip(
            "The label of the next child (fork or clone); proposed automatically, editable"));
    Label childCaption = new Label("child:");
    bar.getChildren().addAll(childCaption, w.childLabel);
    for (Syscall s : Syscall.values()) {
      Button b = new Button(s.text());
      b.setId(s.name().toLowerCase() + "Button");
      b.setOnAction(e -> w.actions.invoke(s));
      // the keyboard reaches the calls through their one-key shortcuts and the Syscalls menu;
      // focus parked on a button would turn the arrows and Space into clicks
      b.setFocusTraversable(false);
      w.buttons.put(s, b);
      // a disabled control gets no mouse events, so its tooltip would never show: the holder
      // around it carries the "why disabled" tooltip instead
      StackPane holder = new StackPane(b);
      holder.setId(s.name().toLowerCase() + "Holder");
      w.buttonHolders.put(s, holder);
      bar.getChildren().add(holder);
      if (s == Syscall.SETNS || s == Syscall.KILL) {
        bar.getChildren().add(new Separator(Orientation.VERTICAL));
      }
    }
    return bar;
  }

  /** The second row: how the picture is seen (perspective, find, speed, zoom). */
  ToolBar viewBar() {
    ToolBar bar = new ToolBar();
    bar.setId("viewBar");
    w.perspective.setId("perspective");
    w.perspective.setTooltip(
        new Tooltip(
            "View from namespace N: what ps inside N would show; invisible tasks fade out"));
    w.perspective.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PidNamespace ns) {
            return ns == null ? "view: root (all)" : "view from " + ns.name();
          }

          @Override
          public PidNamespace fromString(String s) {
            return null;
          }
        });
    w.perspective.valueProperty().bindBidirectional(w.model().perspectiveProperty());
    TextField find = new TextField();
    find.setId("find");
    find.setPromptText("find: label or ns1:3");
    find.setPrefColumnCount(9);
    find.setTooltip(
        new Tooltip(
            "Find a task by label, or by a pid as seen from a namespace (ns1:3, root:7); Enter selects it"));
    find.setOnAction(e -> w.find(find.getText()));
    Button fit = new Button("Fit");
    fit.setId("fitButton");
    fit.setTooltip(new Tooltip("Fit the whole graph in the window  [Ctrl+0]"));
    fit.setOnAction(e -> w.graph().fit());
    Button zoomIn = new Button("+");
    zoomIn.setId("zoomInButton");
    zoomIn.setTooltip(new Tooltip("Zoom in  [Ctrl+=, or Ctrl+wheel]"));
    zoomIn.setOnAction(e -> w.graph().zoomIn());
    Button zoomOut = new Button("−");
    zoomOut.setId("zoomOutButton");
    zoomOut.setTooltip(new Tooltip("Zoom out  [Ctrl+-, or Ctrl+wheel]"));
    zoomOut.setOnAction(e -> w.graph().zoomOut());
    javafx.scene.control.MenuButton export = w.exports().button();
    for (javafx.scene.control.Control c : java.util.List.of(fit, zoomIn, zoomOut, export)) {
      c.setFocusTraversable(false); // arrows must not land here and open the Export menu
    }
    bar.getItems()
        .addAll(
            w.perspective,
            find,
            w.graph().speedControl(),
            new Separator(Orientation.VERTICAL),
            zoomOut,
            fit,
            zoomIn,
            export);
    return bar;
  }
}
