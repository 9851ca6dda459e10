package io.github.kongtranslator.kongmodel.io;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongModelException;
import io.github.kongtranslator.kongmodel.io.internal.JsonTrees;
import io.github.kongtranslator.kongmodel.io.internal.ParsedTree;
import io.github.kongtranslator.kongmodel.io.internal.YamlTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads Kong declarative configurations from YAML (YAML 1.1 scalar resolution, as go-yaml v2) or
 * JSON. Every field is kept, known or not; see {@link KongConfig#fromJson}.
 *
 * <pre>{@code
 * KongConfig c = KongConfigReader.yaml().read(text, "golden.yaml");
 * KongConfig d = KongConfigReader.read(Path.of("config.json")); // format from the extension
 * }</pre>
 */
public final class KongConfigReader {
  private static final KongConfigReader YAML = new KongConfigReader(ConfigFormat.YAML);
  private static final KongConfigReader JSON = new KongConfigReader(ConfigFormat.JSON);

  private final ConfigFormat format;

  private KongConfigReader(ConfigFormat format) {
    this.format = format;
  }

  /**
   * The YAML reader.
   *
   * @return the reader
   */
  public static KongConfigReader yaml() {
    return YAML;
  }

  /**
   * The JSON reader.
   *
   * @return the reader
   */
  public static KongConfigReader json() {
    return JSON;
  }

  /**
   * The reader of a format.
   *
   * @param format the format
   * @return the reader
   */
  public static KongConfigReader of(ConfigFormat format) {
    return format == ConfigFormat.JSON ? JSON : YAML;
  }

  /**
   * Reads a file, choosing the format by its extension ({@link ConfigFormat#of(Path)}).
   *
   * @param file the file
   * @return the configuration
   * @throws KongConfigReadException when the file cannot be read or is not a valid configuration
   */
  public static KongConfig read(Path file) {
    return of(ConfigFormat.of(file)).readFile(file);
  }

  /**
   * Reads a file in this reader's format.
   *
   * @param file the file
   * @return the configuration
   * @throws KongConfigReadException when the file cannot be read or is not a valid configuration
   */
  public KongConfig readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KongConfigReadException(
          file.toString(), 0, 0, "", "cannot read: " + e.getClass().getSimpleName(), e);
    }
    return read(text, file.toString());
  }

  /**
   * Reads a configuration from text.
   *
   * @param text the YAML or JSON text
   * @param source a name for the text used in error messages, e.g. a file name
   * @return the configuration
   * @throws KongConfigReadException with source, line and column when the text is not a valid
   *     configuration
   */
  public KongConfig read(String text, String source) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    ParsedTree parsed;
    try {
      parsed = format == ConfigFormat.JSON ? JsonTrees.parse(text) : YamlTrees.parse(text);
    } catch (ParsedTree.SyntaxError e) {
      throw new KongConfigReadException(
          source, e.line(), e.column(), "", String.valueOf(e.getMessage()), e);
    }
    try {
      return KongConfig.fromJson(parsed.tree());
    } catch (KongModelException e) {
      ParsedTree.Location l =
          parsed.locator().apply(e.pointer()).orElse(new ParsedTree.Location(0, 0));
      throw new KongConfigReadException(source, l.line(), l.column(), e.pointer(), e.problem(), e);
    }
  }

  /**
   * The format this reader reads.
   *
   * @return the format
   */
  public ConfigFormat format() {
    return format;
  }
}
