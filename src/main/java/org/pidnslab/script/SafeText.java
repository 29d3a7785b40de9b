package org.pidnslab.script;

/**
 * Text from a script or a command line made safe to show: a script's bytes must not reach a
 * terminal or a label as commands (an ESC sequence that sets the window title or clears the screen,
 * a right-to-left override that reorders the line, a newline that forges a second error line). Used
 * for every error line the command line prints and every error text the window shows.
 */
public final class SafeText {
  private SafeText() {}

  /**
   * {@code text} with its control characters written out: C0, DEL and C1 as {@code \x1b}, and
   * invisible format characters (bidi overrides, zero-width spaces, line and paragraph separators)
   * and unpaired surrogates as {@code \u202e}. Everything else, backslashes included, is kept.
   */
  public static String escapeControls(CharSequence text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escape(text, i, c);
      if (escaped == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(escaped);
    }
    return out == null ? text.toString() : out.toString();
  }

  /** How the character at {@code i} is shown, or null to show it as it is. */
  private static String escape(CharSequence text, int i, char c) {
    if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      return paired ? null : unicode(c);
    }
    if (Character.isLowSurrogate(c)) {
      boolean paired = i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
      return paired ? null : unicode(c);
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL -> String.format("\\x%02x", (int) c);
      case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> unicode(c);
      default -> null;
    };
  }

  private static String unicode(char c) {
    return String.format("\\u%04x", (int) c);
  }
}
