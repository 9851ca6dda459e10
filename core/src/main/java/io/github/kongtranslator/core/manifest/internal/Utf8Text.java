package io.github.kongtranslator.core.manifest.internal;

import com.google.common.base.Utf8;
import io.github.kongtranslator.core.manifest.ManifestException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of manifest bytes: invalid input is an error naming the line. Not API. */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * Decodes UTF-8, dropping a leading byte order mark.
   *
   * @param bytes the bytes
   * @param source source name for messages
   * @return the text
   * @throws ManifestException naming the line and column (in bytes) of the first invalid byte
   */
  public static String decode(byte[] bytes, String source) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new ManifestException(
          source,
          0,
          line,
          at - lineStart + 1,
          "",
          "invalid UTF-8 (byte offset " + at + "); manifests must be UTF-8");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The UTF-8 length of a text.
   *
   * @param text the text
   * @param source source name for messages
   * @return its length in UTF-8 bytes
   * @throws ManifestException when the text has an unpaired surrogate (not encodable)
   */
  public static long length(CharSequence text, String source) {
    try {
      return Utf8.encodedLength(text);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(source, 0, 0, 0, "", "text with an unpaired UTF-16 surrogate");
    }
  }
}
