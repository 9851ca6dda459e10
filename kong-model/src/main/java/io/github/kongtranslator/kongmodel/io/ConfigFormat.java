package io.github.kongtranslator.kongmodel.io;

import java.nio.file.Path;
import java.util.Locale;

/** Serialization formats of a Kong declarative configuration. */
public enum ConfigFormat {
  /** YAML, written as KIC's goldens are (go-yaml v2 emission). */
  YAML,
  /** JSON, keys sorted, two-space indentation. */
  JSON;

  /**
   * The format of a file by its extension: {@code .json} is JSON, anything else YAML.
   *
   * @param file the file
   * @return the format
   */
  public static ConfigFormat of(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
  }
}
