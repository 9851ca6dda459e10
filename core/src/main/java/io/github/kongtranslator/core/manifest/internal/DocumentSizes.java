package io.github.kongtranslator.core.manifest.internal;

import io.github.kongtranslator.core.manifest.ManifestException;
import java.nio.CharBuffer;

/**
 * The per-object size bound, checked on the raw text before the YAML parser sees it (SnakeYAML's
 * plain-scalar scanner is quadratic in the scalar's length: a 16 MB scalar took 75 s). A document
 * ends at a line starting with {@code ---} followed by a space, a tab or the end of the line (YAML
 * 1.2 §9.1.3: such a line cannot be content). Not API.
 */
public final class DocumentSizes {
  private DocumentSizes() {}

  /**
   * Checks every document of a text against the bound.
   *
   * @param text the whole source
   * @param source source name for messages
   * @param maxBytes the bound in UTF-8 bytes
   * @throws ManifestException naming the document and its first line when one is larger
   */
  public static void check(String text, String source, int maxBytes) {
    if (text.length() <= maxBytes / 3) {
      return; // at most 3 UTF-8 bytes per char: the whole text fits
    }
    int n = text.length();
    int docStart = 0;
    int docLine = 1;
    int line = 1;
    int markers = 0;
    boolean firstHasContent = false;
    int i = 0;
    while (i < n) {
      int eol = text.indexOf('\n', i);
      if (eol < 0) {
        eol = n;
      }
      if (isStartMarker(text, i, eol)) {
        checkOne(text, source, maxBytes, docStart, i, docLine, markers, firstHasContent);
        markers++;
        docStart = i;
        docLine = line;
      } else if (markers == 0 && !firstHasContent && !blankOrComment(text, i, eol)) {
        firstHasContent = true;
      }
      i = eol + 1;
      line++;
    }
    checkOne(text, source, maxBytes, docStart, n, docLine, markers, firstHasContent);
  }

  private static void checkOne(
      String text,
      String source,
      int maxBytes,
      int from,
      int to,
      int line,
      int markers,
      boolean firstHasContent) {
    if (to - from <= maxBytes / 3) {
      return;
    }
    long bytes = Utf8Text.length(CharBuffer.wrap(text, from, to), source);
    if (bytes > maxBytes) {
      int document = markers + (firstHasContent ? 1 : 0);
      throw new ManifestException(
          source,
          Math.max(document, 1),
          line,
          1,
          "",
          "document of "
              + bytes
              + " bytes is larger than "
              + maxBytes
              + " bytes, the most the API server stores for one object (limit maxObjectBytes)");
    }
  }

  private static boolean isStartMarker(String text, int from, int eol) {
    if (!text.startsWith("---", from)) {
      return false;
    }
    int after = from + 3;
    if (after >= eol) {
      return true;
    }
    char c = text.charAt(after);
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static boolean blankOrComment(String text, int from, int eol) {
    for (int i = from; i < eol; i++) {
      char c = text.charAt(i);
      if (c == '#') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
