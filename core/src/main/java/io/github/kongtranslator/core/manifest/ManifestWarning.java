package io.github.kongtranslator.core.manifest;

/**
 * Something in the input was skipped, e.g. a kind this library does not read.
 *
 * @param source file name or source label
 * @param document 1-based document number
 * @param line 1-based line of the document's start
 * @param message what was skipped and why, naming the object
 */
public record ManifestWarning(String source, int document, int line, String message) {
  /** Renders {@code source: document N, line L: message}. */
  @Override
  public String toString() {
    return source + ": document " + document + ", line " + line + ": " + message;
  }
}
