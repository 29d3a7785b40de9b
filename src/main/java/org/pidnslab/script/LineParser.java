package org.pidnslab.script;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@link ScriptParser#stream}: reads a script line by line and parses each line when it is asked
 * for, holding one line at most {@link ScriptParser#MAX_LINE_CHARS} long; a longer line becomes a
 * {@code line too long} error.
 */
final class LineParser implements Iterator<ScriptParser.ParsedLine> {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int end;
  private boolean eof;
  private boolean first = true;
  private boolean skipping;
  private int lineNo;
  private ScriptParser.ParsedLine next;

  LineParser(Reader in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null && !(eof && pos >= end)) {
        next = readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return next != null;
  }

  @Override
  public ScriptParser.ParsedLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ScriptParser.ParsedLine p = next;
    next = null;
    return p;
  }

  /**
   * Reads one line and parses it: null for a blank one or at the end of the script. A line over the
   * limit is reported as soon as the limit is passed, without reading its end (an endless line of
   * {@code /dev/zero} has none); its rest is skipped only if another line is asked for.
   */
  private ScriptParser.ParsedLine readLine() throws IOException {
    if (skipping && !skipRestOfLine()) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    boolean any = false;
    while (fill()) {
      any = true;
      int nl = pos;
      while (nl < end && buf[nl] != '\n') {
        nl++;
      }
      if (line.length() + (nl - pos) > ScriptParser.MAX_LINE_CHARS) {
        skipping = true;
        return parsed(null);
      }
      line.append(buf, pos, nl - pos);
      if (nl < end) {
        pos = nl + 1;
        return parsed(line);
      }
      pos = end;
    }
    return any ? parsed(line) : null;
  }

  /** Skips to the start of the next line; false at the end of the script. */
  private boolean skipRestOfLine() throws IOException {
    while (fill()) {
      int nl = pos;
      while (nl < end && buf[nl] != '\n') {
        nl++;
      }
      if (nl < end) {
        pos = nl + 1;
        skipping = false;
        return true;
      }
      pos = end;
    }
    return false;
  }

  /** The parsed line {@code line}, or a {@code line too long} error for null. */
  private ScriptParser.ParsedLine parsed(StringBuilder line) {
    lineNo++;
    boolean atStart = first;
    first = false;
    if (line == null) {
      return new ScriptParser.ParsedLine(lineNo, null, ScriptParser.tooLong(lineNo));
    }
    if (atStart && line.length() > 0 && line.charAt(0) == '\uFEFF') {
      line.deleteCharAt(0); // a UTF-8 byte-order mark some editors write
    }
    return ScriptParser.parseLine(lineNo, line.toString());
  }

  /** Whether unread characters are in the buffer, reading more if needed. */
  private boolean fill() throws IOException {
    if (pos < end) {
      return true;
    }
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
