package io.github.kongtranslator.core.manifest.internal;

import java.util.Set;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's implicit tag resolution of plain scalars (YAML 1.1: bool, int, float, null,
 * timestamp, merge), giving exactly the tags of {@link Resolver} without running a regular
 * expression for scalars that cannot be numbers or timestamps. Not API.
 *
 * <p>{@code org/yaml/snakeyaml/resolver/Resolver.java} (SnakeYAML 2.5) picks candidate patterns by
 * the first character, then tries {@code NULL} and {@code EMPTY} (registered for every first
 * character) on every scalar, so every plain scalar, keys included, ran at least two regular
 * expressions. Their patterns are fixed word lists except the numeric ones: here the word lists are
 * set lookups and only a scalar starting with a digit, a sign or a dot goes to {@link Resolver}
 * itself. The list of tags a first character can give is Resolver's {@code addImplicitResolvers}:
 *
 * <ul>
 *   <li>{@code yYnNtTfFoO}: {@code BOOL} (yes, no, true, false, on, off in three spellings);
 *   <li>{@code -+0123456789}: {@code INT}; {@code -+0123456789.}: {@code FLOAT}; {@code
 *       0123456789}: {@code TIMESTAMP};
 *   <li>{@code <}: {@code MERGE} ({@code <<});
 *   <li>{@code ~nN} and every character: {@code NULL} ({@code ~}, null, Null, NULL, one space);
 *       every character: {@code NULL} for the empty scalar;
 *   <li>{@code !&*}: {@code YAML} (the character alone).
 * </ul>
 */
final class ImplicitTags extends Resolver {
  /** {@link Resolver#BOOL}. */
  private static final Set<String> BOOLS =
      Set.of(
          "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
          "on", "On", "ON", "off", "Off", "OFF");

  /** {@link Resolver#NULL} without its one-character words ({@code ~} and a space). */
  private static final Set<String> NULLS = Set.of("null", "Null", "NULL");

  /** The one instance; stateless and thread-safe. */
  static final ImplicitTags INSTANCE = new ImplicitTags();

  private ImplicitTags() {}

  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind != NodeId.scalar || !implicit) {
      return super.resolve(kind, value, implicit);
    }
    if (value.isEmpty()) {
      return Tag.NULL;
    }
    char first = value.charAt(0);
    switch (first) {
      case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '+', '.' -> {
        return super.resolve(kind, value, true);
      }
      case 'y', 'Y', 't', 'T', 'f', 'F', 'o', 'O' -> {
        return value.length() <= 5 && BOOLS.contains(value) ? Tag.BOOL : Tag.STR;
      }
      case 'n', 'N' -> {
        if (value.length() == 2 && BOOLS.contains(value)) {
          return Tag.BOOL;
        }
        return value.length() == 4 && NULLS.contains(value) ? Tag.NULL : Tag.STR;
      }
      case '~', ' ' -> {
        return value.length() == 1 ? Tag.NULL : Tag.STR;
      }
      case '<' -> {
        return value.equals("<<") ? Tag.MERGE : Tag.STR;
      }
      case '!', '&', '*' -> {
        return value.length() == 1 ? Tag.YAML : Tag.STR;
      }
      default -> {
        return Tag.STR;
      }
    }
  }
}
