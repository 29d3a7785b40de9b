package org.pidnslab.app.help;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * The project's Markdown as JavaFX nodes. commonmark-java (with its GFM tables extension) parses;
 * this class only renders the nodes the project's documents use: headings, paragraphs, bulleted and
 * numbered lists, code blocks, tables, and inline code, bold, emphasis and links. No WebView: every
 * block is a {@link TextFlow}, a {@link Label} or a {@link GridPane}, styled by the {@code md-*}
 * classes in {@code lab.css}, so it follows the theme.
 */
public final class MarkdownView extends VBox {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

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
    for (Node b = PARSER.parse(codePipesEscaped(markdown)).getFirstChild();
        b != null;
        b = b.getNext()) {
      block(b, 0);
    }
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

  // ---------------------------------------------------------------- blocks

  private void block(Node b, int depth) {
    if (b instanceof Heading h) {
      headings.add(textOf(h));
      TextFlow f = flow(h, "md-h" + Math.min(h.getLevel(), 3));
      f.getStyleClass().add("md-heading");
      getChildren().add(f);
    } else if (b instanceof Paragraph p) {
      getChildren().add(flow(p, "md-p"));
    } else if (b instanceof FencedCodeBlock c) {
      codeBlock(c.getLiteral());
    } else if (b instanceof IndentedCodeBlock c) {
      codeBlock(c.getLiteral());
    } else if (b instanceof ListBlock l) {
      list(l, depth);
    } else if (b instanceof TableBlock t) {
      table(t);
    } else {
      getChildren().add(flow(b, "md-p")); // a quote, a rule, HTML: its text as a paragraph
    }
  }

  private void codeBlock(String literal) {
    String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
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

  /** One line per item, a bullet or its number in front; nested lists indent further. */
  private void list(ListBlock l, int depth) {
    int number = l instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
    for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
      String bullet =
          l instanceof OrderedList o ? number++ + o.getMarkerDelimiter() + " " : "\u2022  ";
      TextFlow f = new TextFlow();
      f.getStyleClass().add("md-li");
      f.getChildren().add(text(bullet, "md-bullet"));
      plain.append(bullet);
      Node first = item.getFirstChild();
      if (first instanceof Paragraph) {
        inline(f, first, List.of());
      }
      plain.append('\n');
      f.setPadding(new javafx.geometry.Insets(0, 0, 0, 12 + depth * 2 * 8));
      getChildren().add(f);
      for (Node rest = first instanceof Paragraph ? first.getNext() : first;
          rest != null;
          rest = rest.getNext()) {
        block(rest, depth + 1);
      }
    }
  }

  private void table(TableBlock t) {
    List<List<Node>> cells = new ArrayList<>();
    int headRows = 0;
    for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        List<Node> r = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          r.add(cell);
        }
        cells.add(r);
        headRows += section instanceof TableHead ? 1 : 0;
      }
    }
    int cols = 0;
    for (List<Node> r : cells) {
      cols = Math.max(cols, r.size());
    }
    if (cols == 0) {
      return;
    }
    // columns share the width by their longest text, within bounds, so long cells wrap
    int[] weight = new int[cols];
    for (List<Node> r : cells) {
      for (int c = 0; c < r.size(); c++) {
        int len = textOf(r.get(c)).length();
        weight[c] = Math.max(weight[c], Math.min(70, Math.max(10, len)));
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
      List<Node> row = cells.get(r);
      boolean head = r < headRows;
      for (int c = 0; c < cols; c++) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add(head ? "md-th" : "md-td");
        f.setMinWidth(0);
        if (c < row.size()) {
          inline(f, row.get(c), head ? List.of("md-strong") : List.of());
        }
        plain.append(c == 0 ? "" : " | ");
        grid.add(f, c, r);
      }
      plain.append('\n');
    }
    getChildren().add(grid);
  }

  // ---------------------------------------------------------------- inline

  private TextFlow flow(Node block, String styleClass) {
    TextFlow f = new TextFlow();
    f.getStyleClass().add(styleClass);
    inline(f, block, List.of());
    plain.append('\n');
    return f;
  }

  /** Appends the inline children of {@code parent} to {@code f}; runs of text become one node. */
  private void inline(TextFlow f, Node parent, List<String> extra) {
    StringBuilder run = new StringBuilder();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof org.commonmark.node.Text t) {
        run.append(t.getLiteral());
      } else if (n instanceof SoftLineBreak) {
        run.append(' ');
      } else if (n instanceof HardLineBreak) {
        run.append('\n');
      } else if (n instanceof HtmlInline h) {
        run.append(h.getLiteral());
      } else {
        flush(f, run, extra);
        if (n instanceof Code c) {
          add(f, c.getLiteral(), extra, "md-code");
        } else if (n instanceof StrongEmphasis || n instanceof Emphasis) {
          List<String> styled = new ArrayList<>(extra);
          styled.add(n instanceof StrongEmphasis ? "md-strong" : "md-em");
          inline(f, n, styled);
        } else if (n instanceof Link l) {
          link(f, l, extra);
        } else {
          inline(f, n, extra); // an image or an unknown node: its text
        }
      }
    }
    flush(f, run, extra);
  }

  /** A web link opens in the browser; a link within the documents is shown as a reference. */
  private void link(TextFlow f, Link l, List<String> extra) {
    String label = textOf(l);
    String url = l.getDestination();
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

  /** The text a node shows, without markup: code spans without their backticks, links' labels. */
  private static String textOf(Node node) {
    StringBuilder sb = new StringBuilder();
    appendText(node, sb);
    return sb.toString().strip();
  }

  private static void appendText(Node node, StringBuilder sb) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof org.commonmark.node.Text t) {
        sb.append(t.getLiteral());
      } else if (n instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        sb.append(' ');
      } else {
        appendText(n, sb);
      }
    }
  }

  // ---------------------------------------------------------------- the documents' dialect

  /**
   * {@code markdown} with every table row's pipes inside code spans escaped: the project's
   * documents write {@code `a|b`} in a cell, where GFM would end the cell at the pipe.
   */
  static String codePipesEscaped(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.strip().startsWith("|") && line.contains("`")) {
        List<String> cells = new ArrayList<>();
        for (String cell : splitRow(line)) {
          cells.add(cell.replace("|", "\\|"));
        }
        line = "| " + String.join(" | ", cells) + " |";
      }
      out.append(out.length() == 0 ? "" : "\n").append(line);
    }
    return out.toString();
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

  /** {@code s} without inline markup: the text a heading of {@code s} shows. */
  public static String stripInline(String s) {
    return textOf(PARSER.parse(s));
  }
}
