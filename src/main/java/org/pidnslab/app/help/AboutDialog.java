package org.pidnslab.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pidnslab.app.common.Icons;

/**
 * Help → About: the Lab's version, the Java and JavaFX it runs on, its main libraries, its licence,
 * and every bundled library with its licence.
 */
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
    Label licence = new Label(LICENCE_LINE);
    licence.setId("aboutLicenceLine");
    licence.setWrapText(true);
    licence.setPrefWidth(420);
    VBox text = new VBox(10, name, what, grid, licence, credits);
    HBox box = new HBox(18, icon, text);
    Accordion notices =
        new Accordion(
            notice("aboutThirdParty", "Bundled libraries and their licences", thirdPartyNotice()),
            notice("aboutLicence", "GNU General Public License, version 3", licenceText()));
    VBox all = new VBox(12, box, notices);
    all.setPadding(new Insets(8));
    for (Label l : new Label[] {what, licence, credits}) {
      l.setMinHeight(Region.USE_PREF_SIZE); // an open notice scrolls the dialog, never cuts text
    }
    ScrollPane scroll = new ScrollPane(all);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  /** The project's licence, in one line. */
  static final String LICENCE_LINE =
      "Free software under the GNU General Public License, version 3 or (at your option) any"
          + " later version (GPL-3.0-or-later); it comes with no warranty. The libraries it"
          + " bundles keep their own licences, listed below.";

  /**
   * The notice the build generates of every library in the jar with its licence
   * (license-maven-plugin, see pom.xml), as the packages ship it.
   */
  public static String thirdPartyNotice() {
    return text(THIRD_PARTY, "The list of bundled libraries is not in this build.");
  }

  /** The full text of the GPL, version 3, as in the repository's LICENSE. */
  public static String licenceText() {
    return text(LICENCE, "The licence text is not in this build: see the LICENSE file.");
  }

  static final String THIRD_PARTY = "/META-INF/pidns-lab/THIRD-PARTY.txt";
  static final String LICENCE = "/META-INF/pidns-lab/LICENSE";

  /** A collapsed pane showing a long text, read-only. */
  private static TitledPane notice(String id, String title, String body) {
    TextArea area = new TextArea(body);
    area.setId(id + "Text");
    area.setEditable(false);
    area.setWrapText(false);
    area.setPrefRowCount(12);
    area.getStyleClass().add("about-notice");
    TitledPane pane = new TitledPane(title, area);
    pane.setId(id);
    pane.setExpanded(false);
    return pane;
  }

  private static String text(String resource, String missing) {
    try (InputStream in = AboutDialog.class.getResourceAsStream(resource)) {
      return in == null ? missing : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return missing;
    }
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
