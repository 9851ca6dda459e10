package io.github.kongtranslator.kongmodel.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.io.internal.GoYamlEmitter;
import io.github.kongtranslator.kongmodel.io.internal.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes Kong declarative configurations as YAML or JSON. Both serialize exactly {@link
 * KongConfig#toJson()}, the tree the config SHA hashes.
 *
 * <p>YAML follows KIC's golden serialization (go-yaml v2: keys in go-yaml order, two-space
 * indentation, sequences at their key's indentation, literal blocks for multi-line strings, {@code
 * _format_version: "3.0"}). JSON has keys sorted by code unit order and two-space indentation.
 * Output is deterministic: the same configuration always gives the same text, whatever order its
 * fields were set in.
 */
public final class KongConfigWriter {
  private static final KongConfigWriter YAML = new KongConfigWriter(ConfigFormat.YAML);
  private static final KongConfigWriter JSON = new KongConfigWriter(ConfigFormat.JSON);

  private final ConfigFormat format;

  private KongConfigWriter(ConfigFormat format) {
    this.format = format;
  }

  /**
   * The YAML writer.
   *
   * @return the writer
   */
  public static KongConfigWriter yaml() {
    return YAML;
  }

  /**
   * The JSON writer.
   *
   * @return the writer
   */
  public static KongConfigWriter json() {
    return JSON;
  }

  /**
   * The writer of a format.
   *
   * @param format the format
   * @return the writer
   */
  public static KongConfigWriter of(ConfigFormat format) {
    return format == ConfigFormat.JSON ? JSON : YAML;
  }

  /**
   * Serializes a configuration.
   *
   * @param config the configuration
   * @return the text, ending with a newline
   */
  public String write(KongConfig config) {
    if (format == ConfigFormat.YAML) {
      return writeTree(config.toJson());
    }
    // the same text as writeTree(config.toJson()), without a tree of the whole configuration:
    // one entity's tree at a time
    return writeJson(
        g -> {
          List<String> keys = new ArrayList<>(config.fieldKeys());
          keys.addAll(config.sections().keySet());
          keys.sort(null);
          g.writeStartObject();
          for (String k : keys) {
            g.writeFieldName(k);
            ImmutableList<KongEntity> section = config.sections().get(k);
            if (section == null) {
              writeSorted(g, config.field(k).orElseThrow());
              continue;
            }
            g.writeStartArray(section, section.size());
            for (KongEntity e : section) {
              writeSorted(g, e.toJson());
            }
            g.writeEndArray();
          }
          g.writeEndObject();
        });
  }

  /** Writes with a generator for this writer's JSON layout; the text ends with a newline. */
  private static String writeJson(JsonBody body) {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    ObjectWriter writer = JsonTrees.mapper().writer(pp);
    SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
    try {
      try (JsonGenerator g = writer.createGenerator(out)) {
        body.write(g);
      }
      out.write('\n');
      return out.getAndClear();
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** What {@link #writeJson} writes. */
  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Serializes a configuration to a file (UTF-8), replacing it.
   *
   * @param config the configuration
   * @param file the file
   * @throws UncheckedIOException when the file cannot be written
   */
  public void write(KongConfig config, Path file) {
    try {
      Files.writeString(file, write(config), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Serializes any JSON tree in this writer's format (used for documents that are not
   * configurations, e.g. custom entity lists).
   *
   * @param tree the tree
   * @return the text, ending with a newline
   */
  public String writeTree(JsonNode tree) {
    if (format == ConfigFormat.YAML) {
      return GoYamlEmitter.emit(tree);
    }
    return writeJson(g -> writeSorted(g, tree));
  }

  /**
   * Writes a tree with object keys sorted by code unit order, without building a sorted copy; the
   * same text as serializing {@code sorted(tree)}. Leaves other than strings, ints, longs, booleans
   * and nulls are written by the node's own serialization.
   */
  private static void writeSorted(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>(n.size());
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          keys.add(it.next());
        }
        keys.sort(null);
        g.writeStartObject(n);
        for (String k : keys) {
          g.writeFieldName(k);
          writeSorted(g, n.get(k));
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray(n, n.size());
        for (JsonNode e : n) {
          writeSorted(g, e);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.textValue());
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL -> g.writeNull();
      default -> {
        if (n instanceof IntNode) {
          g.writeNumber(n.intValue());
        } else if (n instanceof LongNode) {
          g.writeNumber(n.longValue());
        } else {
          // the node's own serialization, as the mapper does for trees (not writer.writeValue,
          // which would reconfigure the generator and reset the pretty printer's indentation)
          ((JsonSerializable) n).serialize(g, JsonTrees.mapper().getSerializerProviderInstance());
        }
      }
    }
  }

  /**
   * The format this writer writes.
   *
   * @return the format
   */
  public ConfigFormat format() {
    return format;
  }
}
