package org.pidnslab.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.pidnslab.app.common.Icons;

/** Help → About: the Lab's version, the Java and JavaFX it runs on, and its main libraries. */
public final class AboutDialog {
  private AboutDialog() {}

  /** The Lab's version, as {@code pidns-lab --version} prints it. */
  public static String labVersion() {
    return property("/org/pidnslab/version.properties", "version");
  }

  /** The versions to show, in order: name → version ("unknown" if this build cannot tell). */
  public static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("PID Namespace Lab", labVersion());
    v.put(
        "Java",
        System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor", "?")
            + ", "
            + System.getProperty("os.name", "?")
            + " "
            + System.getProperty("os.arch", "?")
            + ")");
    v.put("JavaFX", System.getProperty("javafx.runtime.version", "unknown"));
    v.put("JGraphT", maven("org.jgrapht", "jgrapht-core"));
    v.put("RichTextFX", maven("org.fxmisc.richtext", "richtextfx"));
    v.put("ControlsFX", maven("org.controlsfx", "controlsfx"));
    v.put("AtlantaFX", maven("io.github.mkpaz", "atlantafx-base"));
    v.put("Simulated kernel", "Linux 6.18 (scenario language version 1)");
    return v;
  }

  /** The dialog's content. */
  static Node content() {
    ImageView icon = new ImageView();
    if (!Icons.all().isEmpty()) {
      icon.setImage(Icons.all().get(Math.min(5, Icons.all().size() - 1)));
      icon.setFitWidth(96);
      icon.setFitHeight(96);
    }
    Label name = new Label("PID Namespace Lab " + labVersion());
    name.setId("aboutTitle");
    name.getStyleClass().add("welcome-title");
    Label what =
        new Label(
            "Teaches and explores Linux PID namespaces: a simulation of the kernel's hierarchical"
                + " pid allocator and of the system calls around it, checked against a real Linux"
                + " 6.18 kernel.");
    what.setWrapText(true);
    what.setPrefWidth(420);
    GridPane grid = new GridPane();
    grid.setId("aboutVersions");
    grid.setHgap(12);
    grid.setVgap(4);
    int r = 0;
    for (Map.Entry<String, String> e : versions().entrySet()) {
      Label k = new Label(e.getKey());
      k.getStyleClass().add("about-key");
      Label val = new Label(e.getValue());
      val.setWrapText(true);
      grid.addRow(r++, k, val);
    }
    Label credits =
        new Label(
            "Made by the PID Namespace Lab project. Kernel function names and links refer to"
                + " the Linux kernel sources (GPL-2.0), read at elixir.bootlin.com. Icons: Material"
                + " Design Icons through Ikonli.");
    credits.setWrapText(true);
    credits.setPrefWidth(420);
    credits.getStyleClass().add("welcome-hint");
    VBox text = new VBox(10, name, what, grid, credits);
    HBox box = new HBox(18, icon, text);
    box.setPadding(new Insets(8));
    return box;
  }

  /** The version in a library's {@code META-INF/maven/.../pom.properties} (kept by the fat jar). */
  static String maven(String group, String artifact) {
    return property("/META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
  }

  private static String property(String resource, String key) {
    try (InputStream in = AboutDialog.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
