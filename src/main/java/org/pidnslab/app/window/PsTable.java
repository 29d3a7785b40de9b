package org.pidnslab.app.window;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.pidnslab.app.model.PsListing;

/**
 * The side panel's {@code ps} listing: PID, PPID, PGID, SID, STAT and CMD last, each column as wide
 * as its title and its widest value, so a narrow panel scrolls sideways instead of squeezing the
 * titles to "P…" (which the table's constrained policy did at 1280x800).
 */
final class PsTable {
  private final TableView<PsListing.Row> table = new TableView<>();
  private final List<Function<PsListing.Row, Object>> values =
      List.of(
          PsListing.Row::pid,
          PsListing.Row::ppid,
          PsListing.Row::pgid,
          PsListing.Row::sid,
          PsListing.Row::stat,
          PsListing.Row::label);

  PsTable() {
    table.setId("psTable");
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    List<String> titles = List.of("PID", "PPID", "PGID", "SID", "STAT", "CMD");
    for (int i = 0; i < titles.size(); i++) {
      Function<PsListing.Row, Object> value = values.get(i);
      TableColumn<PsListing.Row, Object> col = new TableColumn<>(titles.get(i));
      col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
      table.getColumns().add(col);
    }
    table.getItems().addListener((ListChangeListener<PsListing.Row>) c -> fit());
    // the theme's font arrives with the skin and with every change of stylesheet
    table.skinProperty().addListener((o, a, b) -> fit());
  }

  TableView<PsListing.Row> table() {
    return table;
  }

  /** Sizes every column to its title and its longest value, in the font the table shows. */
  void fit() {
    Label title = (Label) table.lookup(".column-header .label");
    Font font = title == null ? Font.getDefault() : title.getFont();
    // the cell and header paddings: about one character (no column is sorted)
    double padding = Math.ceil(font.getSize() * 1.2);
    for (int i = 0; i < values.size(); i++) {
      TableColumn<PsListing.Row, ?> col = table.getColumns().get(i);
      String longest = "";
      for (PsListing.Row r : table.getItems()) {
        String s = String.valueOf(values.get(i).apply(r));
        if (s.length() > longest.length()) {
          longest = s; // measuring one value per column keeps 10,000 rows cheap
        }
      }
      double w = Math.max(width(col.getText(), font), width(longest, font));
      col.setPrefWidth(Math.ceil(w + padding));
    }
  }

  /** The width the table needs to show every column whole, with room for a vertical scroll bar. */
  double wholeWidth() {
    double w = table.snappedLeftInset() + table.snappedRightInset() + 16;
    for (TableColumn<PsListing.Row, ?> c : table.getColumns()) {
      w += c.getPrefWidth();
    }
    return Math.ceil(w);
  }

  private static double width(String s, Font font) {
    Text probe = new Text(s);
    probe.setFont(font);
    return probe.getLayoutBounds().getWidth();
  }
}
