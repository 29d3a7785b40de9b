package org.pidnslab.app.lessons;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pidnslab.script.Lesson;

/**
 * The built-in lessons: a list with each lesson's title and one-line summary, and buttons to step
 * through one or to take it as a quiz. The same lessons fill the Lessons menu.
 */
public final class LessonsPane extends VBox {
  private final ListView<Lesson> list = new ListView<>();

  /**
   * @param start opens a lesson; its flag says whether to start the quiz on it
   */
  public LessonsPane(List<Lesson> lessons, BiConsumer<Lesson, Boolean> start) {
    super(6);
    setId("lessonsPane");
    setPadding(new Insets(6));
    list.setId("lessonList");
    list.getItems().setAll(lessons);
    list.setCellFactory(v -> new LessonCell());
    list.setTooltip(
        new Tooltip(
            "Select a lesson, then Step through or Take as a quiz; a double-click opens it"));
    list.setOnMouseClicked(
        e -> {
          Lesson l = list.getSelectionModel().getSelectedItem();
          if (l != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            start.accept(l, false);
          }
        });
    VBox.setVgrow(list, Priority.ALWAYS);
    Button open = new Button("Step through");
    open.setId("startLesson");
    open.setTooltip(
        new Tooltip(
            "Open the lesson at its title card; Page Down asks each step's question, then runs it"));
    open.setOnAction(e -> selected(start, false));
    Button quiz = new Button("Take as a quiz");
    quiz.setId("quizLesson");
    quiz.setTooltip(
        new Tooltip("Open the lesson in quiz mode: predict each call's result, then reveal it"));
    quiz.setOnAction(e -> selected(start, true));
    open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    quiz.disableProperty().bind(open.disableProperty());
    HBox buttons = new HBox(6, open, quiz);
    buttons.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(list, buttons);
  }

  /** The Lessons menu: one item a lesson. */
  public static Menu menu(List<Lesson> lessons, BiConsumer<Lesson, Boolean> start) {
    Menu m = new Menu("_Lessons");
    m.setId("lessonsMenu");
    for (Lesson l : lessons) {
      MenuItem i = new MenuItem(l.number() + ". " + l.title());
      i.setId("lesson-" + l.id());
      i.setMnemonicParsing(false);
      i.setOnAction(e -> start.accept(l, false));
      m.getItems().add(i);
    }
    if (lessons.isEmpty()) {
      MenuItem none = new MenuItem("(no lessons found in this build)");
      none.setDisable(true);
      m.getItems().add(none);
    }
    return m;
  }

  private void selected(BiConsumer<Lesson, Boolean> start, boolean quiz) {
    Lesson l = list.getSelectionModel().getSelectedItem();
    if (l != null) {
      start.accept(l, quiz);
    }
  }

  /** Title in bold, the summary below it, wrapped. */
  private static final class LessonCell extends ListCell<Lesson> {
    @Override
    protected void updateItem(Lesson l, boolean empty) {
      super.updateItem(l, empty);
      if (empty || l == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label title = new Label(l.number() + ". " + l.title());
      title.getStyleClass().add("lesson-title");
      Label summary = new Label(l.summary());
      summary.getStyleClass().add("lesson-summary");
      summary.setWrapText(true);
      summary.maxWidthProperty().bind(widthProperty().subtract(24));
      VBox box = new VBox(2, title, summary);
      setGraphic(box);
      setText(null);
      setId("lessonCell-" + l.id());
    }
  }
}
