package org.pidnslab.app.common;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The application icon in every size the build puts on the class path ({@code
 * /org/pidnslab/icons/pidns-lab-SIZE.png}), for the window and its dialogs.
 */
public final class Icons {
  /** The sizes rendered from {@code assets/icons/pidns-lab.svg}. */
  public static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};

  private static List<Image> images;

  private Icons() {}

  /** Every size found; empty if this build lost them (the window then has the default icon). */
  public static synchronized List<Image> all() {
    if (images == null) {
      List<Image> out = new ArrayList<>();
      for (int size : SIZES) {
        try (InputStream in =
            Icons.class.getResourceAsStream("/org/pidnslab/icons/pidns-lab-" + size + ".png")) {
          if (in != null) {
            out.add(new Image(in));
          }
        } catch (java.io.IOException e) {
          // an icon is a nicety: a missing one must never stop the Lab
        }
      }
      images = List.copyOf(out);
    }
    return images;
  }

  /** Gives {@code stage} the Lab's icon. */
  public static void apply(Stage stage) {
    stage.getIcons().setAll(all());
  }

  /** Gives the dialog's window the Lab's icon (call after the dialog's owner is set). */
  public static void apply(Dialog<?> dialog) {
    Window w = dialog.getDialogPane().getScene().getWindow();
    if (w instanceof Stage s) {
      apply(s);
    }
  }
}
