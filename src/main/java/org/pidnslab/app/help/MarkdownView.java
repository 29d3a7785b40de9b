package org.pidnslab.app.help;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A small Markdown renderer to JavaFX nodes, enough for the project's own documents: headings,
 * paragraphs, bulleted and numbered lists (with indented continuation lines), fenced code blocks,
 * pipe tables, and inline {@code `code`}, {@code **bold**} and {@code [links](https://...)}. No
 * WebView: every block is a {@link TextFlow}, a {@link Label} or a {@link GridPane}, styled by the
 * {@code md-*} classes in {@code lab.css}, so it follows the theme.
 */
public final class MarkdownView extends VBox {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^(\\s*)([-*]|\\d+\\.)\\s+(.*)$");
  private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}.*$");

  private final Consumer<String> links;
  private final List<String> headings = new ArrayList<>();
  private final StringBuilder plain = new StringBuilder();

  /**
   * @param links opens an absolute link (the desktop's browser in the app)
   */
  MarkdownView(String markdown, Consumer<String> links) {
    super(8);
    this.links = links;
    getStyleClass().add("md");
    render(markdown.replace("\r\n", "\n").split("\n", -1));
  }

  /** The view in a scroll pane that wraps its text to the pane's width. */
  ScrollPane scrolling() {
    ScrollPane sp = new ScrollPane(this);
    sp.setFitToWidth(true);
    sp.getStyleClass().add("md-scroll");
    return sp;
  }

  /** Scrolls the enclosing scroll pane so the heading {@code text} is at the top (after layout). */
  public void scrollTo(String text) {
    int i = headings.indexOf(text);
    javafx.scene.Node p = getParent();
    while (p != null && !(p instanceof ScrollPane)) {
      p = p.getParent();
    }
    if (i < 0 || p == null) {
      return;
    }
    ScrollPane sp = (ScrollPane) p;
    for (javafx.scene.Node n : getChildren()) {
      if (n.getStyleClass().contains("md-heading") && i-- == 0) {
        double room = getHeight() - sp.getViewportBounds().getHeight();
        sp.setVvalue(room <= 0 ? 0 : Math.min(1, n.getBoundsInParent().getMinY() / room));
        return;
      }
    }
  }

  /** The headings' text, in order (for tests and a table of contents). */
  public List<String> headings() {
    return List.copyOf(headings);
  }

  /** Everything the view shows, as plain text. */
  String plainText() {
    return plain.toString();
  }

  private void render(String[] lines) {
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isBlank()) {
        i++;
      } else if (line.strip().startsWith("```")) {
        StringBuilder code = new StringBuilder();
        i++;
        while (i < lines.length && !lines[i].strip().startsWith("```")) {
          code.append(code.length() == 0 ? "" : "\n").append(lines[i]);
          i++;
        }
        i++; // the closing fence
        codeBlock(code.toString());
      } else if (HEADING.matcher(line).matches()) {
        Matcher m = HEADING.matcher(line);
        m.matches();
        heading(m.group(1).length(), m.group(2).strip());
        i++;
      } else if (line.strip().startsWith("|")) {
        List<String> rows = new ArrayList<>();
        while (i < lines.length && lines[i].strip().startsWith("|")) {
          rows.add(lines[i].strip());
          i++;
        }
        table(rows);
      } else if (BULLET.matcher(line).matches()) {
        Matcher m = BULLET.matcher(line);
        m.matches();
        int indent = m.group(1).length();
        String marker = m.group(2);
        StringBuilder item = new StringBuilder(m.group(3).strip());
        i++;
        while (i < lines.length
            && !lines[i].isBlank()
            && Character.isWhitespace(lines[i].charAt(0))
            && !BULLET.matcher(lines[i]).matches()) {
          item.append(' ').append(lines[i].strip());
          i++;
        }
        listItem(indent, marker, item.toString());
      } else {
        StringBuilder para = new StringBuilder(line.strip());
        i++;
        while (i < lines.length
            && !lines[i].isBlank()
            && !lines[i].strip().startsWith("```")
            && !lines[i].strip().startsWith("|")
            && !HEADING.matcher(lines[i]).matches()
            && !BULLET.matcher(lines[i]).matches()) {
          para.append(' ').append(lines[i].strip());
          i++;
        }
        TextFlow p = flow(para.toString(), "md-p");
        getChildren().add(p);
      }
    }
  }

  private void heading(int level, String text) {
    headings.add(stripInline(text));
    TextFlow h = flow(text, "md-h" + Math.min(level, 3));
    h.getStyleClass().add("md-heading");
    getChildren().add(h);
  }

  private void codeBlock(String code) {
    Label l = new Label(code);
    l.getStyleClass().add("md-code-block");
    l.setMinWidth(Label.USE_PREF_SIZE);
    l.setMinHeight(Label.USE_PREF_SIZE);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setTooltip(
        new Tooltip("Select and copy from the .md file, or type it in the statement field"));
    plain.append(code).append('\n');
    getChildren().add(l);
  }

  private void listItem(int indent, String marker, String text) {
    String bullet = marker.endsWith(".") ? marker + " " : "•  ";
    TextFlow f = new TextFlow();
    f.getStyleClass().add("md-li");
    f.getChildren().add(text(bullet, "md-bullet"));
    plain.append(bullet);
    inline(f, text, List.of());
    plain.append('\n');
    f.setPadding(new javafx.geometry.Insets(0, 0, 0, 12 + indent * 8));
    getChildren().add(f);
  }

  private void table(List<String> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (String r : rows) {
      if (!TABLE_RULE.matcher(r).matches()) {
        cells.add(splitRow(r));
      }
    }
    if (cells.isEmpty()) {
      return;
    }
    int cols = 0;
    for (List<String> r : cells) {
      cols = Math.max(cols, r.size());
    }
    int[] weight = new int[cols];
    for (List<String> r : cells) {
      for (int c = 0; c < r.size(); c++) {
        weight[c] = Math.max(weight[c], Math.min(70, Math.max(10, stripInline(r.get(c)).length())));
      }
    }
    int total = 0;
    for (int w : weight) {
      total += w;
    }
    GridPane grid = new GridPane();
    grid.getStyleClass().add("md-table");
    grid.setMinWidth(0);
    for (int c = 0; c < cols; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100.0 * weight[c] / total);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < cells.size(); r++) {
      List<String> row = cells.get(r);
      for (int c = 0; c < cols; c++) {
        String cell = c < row.size() ? row.get(c) : "";
        TextFlow f = new TextFlow();
        f.getStyleClass().add(r == 0 ? "md-th" : "md-td");
        f.setMinWidth(0);
        inline(f, cell, r == 0 ? List.of("md-strong") : List.of());
        plain.append(c == 0 ? "" : " | ");
        grid.add(f, c, r);
      }
      plain.append('\n');
    }
    getChildren().add(grid);
  }

  /** The cells of a {@code | a | b |} row; a pipe inside backticks belongs to the cell. */
  public static List<String> splitRow(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|")) {
      r = r.substring(0, r.length() - 1);
    }
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean code = false;
    for (char ch : r.toCharArray()) {
      if (ch == '`') {
        code = !code;
      }
      if (ch == '|' && !code) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }

  private TextFlow flow(String text, String styleClass) {
    TextFlow f = new TextFlow();
    f.getStyleClass().add(styleClass);
    inline(f, text, List.of());
    plain.append('\n');
    return f;
  }

  /** Appends {@code s} to {@code f}: code spans, bold, links, plain text. */
  private void inline(TextFlow f, String s, List<String> extra) {
    int i = 0;
    StringBuilder run = new StringBuilder();
    while (i < s.length()) {
      char ch = s.charAt(i);
      int close;
      if (ch == '`' && (close = s.indexOf('`', i + 1)) > i) {
        flush(f, run, extra);
        add(f, s.substring(i + 1, close), extra, "md-code");
        i = close + 1;
      } else if (s.startsWith("**", i) && (close = s.indexOf("**", i + 2)) > i) {
        flush(f, run, extra);
        List<String> bold = new ArrayList<>(extra);
        bold.add("md-strong");
        inline(f, s.substring(i + 2, close), bold);
        i = close + 2;
      } else if (ch == '[' && link(s, i) != null) {
        flush(f, run, extra);
        String[] l = link(s, i);
        String label = l[0];
        String url = l[1];
        if (url.startsWith("http://") || url.startsWith("https://")) {
          Hyperlink h = new Hyperlink(label);
          h.getStyleClass().add("md-link");
          h.setTooltip(new Tooltip(url));
          h.setOnAction(e -> links.accept(url));
          f.getChildren().add(h);
          plain.append(label);
        } else {
          add(f, label, extra, "md-ref");
        }
        i = Integer.parseInt(l[2]);
      } else {
        run.append(ch);
        i++;
      }
    }
    flush(f, run, extra);
  }

  /** {label, url, index after the link} of a {@code [label](url)} at {@code i}, or null. */
  private static String[] link(String s, int i) {
    int mid = s.indexOf("](", i);
    if (mid < 0 || s.substring(i, mid).contains("]")) {
      return null;
    }
    int end = s.indexOf(')', mid);
    if (end < 0) {
      return null;
    }
    return new String[] {s.substring(i + 1, mid), s.substring(mid + 2, end), "" + (end + 1)};
  }

  private void flush(TextFlow f, StringBuilder run, List<String> extra) {
    if (run.length() > 0) {
      add(f, run.toString(), extra, null);
      run.setLength(0);
    }
  }

  private void add(TextFlow f, String s, List<String> extra, String style) {
    Text t = text(s, style);
    t.getStyleClass().addAll(extra);
    f.getChildren().add(t);
    plain.append(s);
  }

  private static Text text(String s, String style) {
    Text t = new Text(s);
    t.getStyleClass().add("md-text");
    if (style != null) {
      t.getStyleClass().add(style);
    }
    return t;
  }

  /** {@code s} without inline markup. */
  public static String stripInline(String s) {
    return s.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("**", "");
  }
}
