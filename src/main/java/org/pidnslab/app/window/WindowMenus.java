package org.pidnslab.app.window;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.lessons.LessonsPane;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.graph.LayoutChoice;

/** The window's menu bar: File, Edit, Syscalls, Play, Lessons, View, Help. */
final class WindowMenus {
  private final MainWindow w;

  WindowMenus(MainWindow w) {
    this.w = w;
  }

  MenuBar menuBar() {
    Menu file = new Menu("_File");
    file.setId("fileMenu");
    MenuItem quit = new MenuItem("_Quit");
    quit.setId("quitItem");
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(
        e -> {
          if (w.confirmClose()) {
            w.root.getScene().getWindow().hide();
          }
        });
    file.getItems().addAll(w.workbench().fileItems());
    file.getItems().addAll(w.exports().menu(), new SeparatorMenuItem(), quit);

    Menu calls = new Menu("_Syscalls");
    calls.setId("syscallsMenu");
    for (Syscall s : Syscall.values()) {
      // menu items show no tooltips: the text names the system call and the key
      MenuItem item = new MenuItem(s.text() + " — " + s.call() + "   [" + s.key() + "]");
      item.setMnemonicParsing(false);
      item.setId(s.name().toLowerCase() + "Item");
      item.setOnAction(e -> w.actions.invoke(s));
      w.menuItems.put(s, item);
      calls.getItems().add(item);
    }

    Menu view = viewMenu();
    MenuBar bar =
        new MenuBar(
            file,
            w.workbench().editMenu(),
            calls,
            w.workbench().playMenu(),
            w.hostWindows.runMenu(),
            LessonsPane.menu(w.workbench().lessons(), w.workbench()::startLesson),
            view,
            w.help().menu());
    bar.setId("menuBar");
    return bar;
  }

  /** View: theme, layout, zoom, presentation mode. */
  Menu viewMenu() {
    Menu view = new Menu("_View");
    view.setId("viewMenu");
    Menu themes = new Menu("Theme");
    themes.setId("themeMenu");
    ToggleGroup tg = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem item = new RadioMenuItem(t.title());
      item.setId("theme" + t.name());
      item.setToggleGroup(tg);
      item.setSelected(t == w.theme);
      item.setOnAction(e -> w.setTheme(t));
      themes.getItems().add(item);
    }
    Menu layouts = new Menu("Layout");
    layouts.setId("layoutMenu");
    ToggleGroup lg = new ToggleGroup();
    layouts.getItems().add(automaticItem(lg));
    for (LayoutChoice c : LayoutChoice.values()) {
      RadioMenuItem item = new RadioMenuItem(layoutTitle(c));
      item.setId("layout" + c.name());
      item.setToggleGroup(lg);
      item.setSelected(c == parseLayout(w.settings.layout()));
      item.setOnAction(e -> w.setLayout(c));
      layouts.getItems().add(item);
    }
    MenuItem zoomIn = new MenuItem("Zoom in");
    zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+EQUALS"));
    zoomIn.setOnAction(e -> w.graph().zoomIn());
    MenuItem zoomOut = new MenuItem("Zoom out");
    zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+MINUS"));
    zoomOut.setOnAction(e -> w.graph().zoomOut());
    MenuItem fit = new MenuItem("Fit to window");
    fit.setId("fitItem");
    fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
    fit.setOnAction(e -> w.graph().fit());
    MenuItem expandAll = new MenuItem("Expand all collapsed");
    expandAll.setId("expandAllItem");
    expandAll.setOnAction(e -> w.graph().expandAll());
    javafx.scene.control.CheckMenuItem sidePanel =
        new javafx.scene.control.CheckMenuItem("Side panel");
    sidePanel.setId("sidePanelItem");
    sidePanel.selectedProperty().bindBidirectional(w.panes().sideShownProperty());
    javafx.scene.control.CheckMenuItem logPane = new javafx.scene.control.CheckMenuItem("Log");
    logPane.setId("logItem");
    logPane.selectedProperty().bindBidirectional(w.panes().logShownProperty());
    MenuItem present = new MenuItem("_Present (full screen)");
    present.setId("presentItem");
    present.setAccelerator(KeyCombination.keyCombination("F5"));
    present.setOnAction(e -> w.togglePresenting());
    view.getItems()
        .addAll(
            themes,
            layouts,
            new SeparatorMenuItem(),
            zoomIn,
            zoomOut,
            fit,
            expandAll,
            new SeparatorMenuItem(),
            sidePanel,
            logPane,
            new SeparatorMenuItem(),
            w.hostWindows.thisMachineItem(),
            present,
            w.workbench().wholeScriptItem());

    return view;
  }

  /** The settings' name of View → Layout → Automatic. */
  static final String AUTOMATIC = "AUTO";

  /**
   * View → Layout → Automatic, the default; it names the layout it picked for the scene on show,
   * "Automatic (compact)".
   */
  private RadioMenuItem automaticItem(ToggleGroup group) {
    RadioMenuItem item = new RadioMenuItem();
    item.setId("layoutAUTO");
    item.setToggleGroup(group);
    item.setSelected(parseLayout(w.settings.layout()) == null);
    item.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> automaticTitle(item.isSelected(), w.graph().layoutChoice()),
                w.graph().layoutProperty(),
                item.selectedProperty()));
    item.setOnAction(e -> w.setAutomaticLayout());
    return item;
  }

  /** "Automatic (tidy tree)" while it chooses, plain "Automatic" while another layout is on. */
  static String automaticTitle(boolean on, LayoutChoice picked) {
    if (!on) {
      return "Automatic";
    }
    return "Automatic ("
        + switch (picked) {
          case TREE -> "tidy tree";
          case COMPACT -> "compact";
          case FR -> "force-directed";
          case CIRCULAR -> "circular";
        }
        + ")";
  }

  /** The layout a settings name stands for; null for Automatic (also the default of a bad name). */
  static LayoutChoice parseLayout(String name) {
    try {
      return AUTOMATIC.equals(name) ? null : LayoutChoice.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private static String layoutTitle(LayoutChoice c) {
    return switch (c) {
      case TREE -> "Tidy tree (Buchheim–Walker)";
      case FR -> "Force-directed (Fruchterman–Reingold)";
      case COMPACT -> "Compact (blocks and grids)";
      case CIRCULAR -> "Circular";
    };
  }
}
