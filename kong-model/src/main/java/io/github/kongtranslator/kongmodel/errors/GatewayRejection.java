package io.github.kongtranslator.kongmodel.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed Kong {@code POST /config} rejection body (fallback-spec §4.2).
 *
 * <p>{@link #entries()} holds every {@code flattened_errors} entry, including those whose tags name
 * no object. {@link #rawBody()} keeps the body for diagnostics; it is never part of {@link
 * #toString()} because Kong echoes rejected entities, which may hold secrets.
 */
public final class GatewayRejection {
  private final @Nullable Long code;
  private final String name;
  private final String message;
  private final @Nullable JsonNode fields;
  private final boolean hasFlattenedErrors;
  private final ImmutableList<FlattenedError> entries;
  private final String rawBody;

  GatewayRejection(
      @Nullable Long code,
      String name,
      String message,
      @Nullable JsonNode fields,
      boolean hasFlattenedErrors,
      ImmutableList<FlattenedError> entries,
      String rawBody) {
    this.code = code;
    this.name = name;
    this.message = message;
    this.fields = fields;
    this.hasFlattenedErrors = hasFlattenedErrors;
    this.entries = entries;
    this.rawBody = rawBody;
  }

  /**
   * Kong's error code (14 for an invalid declarative configuration).
   *
   * @return the code, empty when absent
   */
  public OptionalLong code() {
    return code == null ? OptionalLong.empty() : OptionalLong.of(code);
  }

  /**
   * The error name, e.g. {@code invalid declarative configuration}.
   *
   * @return the name, empty when absent
   */
  public String name() {
    return name;
  }

  /**
   * The top-level message.
   *
   * @return the message, empty when absent
   */
  public String message() {
    return message;
  }

  /**
   * The nested {@code fields} tree (unused by the fallback logic).
   *
   * @return a copy of the tree, empty when absent or null
   */
  public Optional<JsonNode> fields() {
    return fields == null ? Optional.empty() : Optional.of(fields.deepCopy());
  }

  /**
   * Whether the body had a {@code flattened_errors} list (KIC logs bodies without one and treats
   * them as a rejection naming nothing).
   *
   * @return true when present
   */
  public boolean hasFlattenedErrors() {
    return hasFlattenedErrors;
  }

  /**
   * Every flattened-errors entry, in body order.
   *
   * @return the entries
   */
  public ImmutableList<FlattenedError> entries() {
    return entries;
  }

  /**
   * The objects blamed under the target rules: every entry whose tags identify an object
   * (fallback-spec §4.10), with or without problems; deduplicated, in first-occurrence order.
   *
   * @return the blamed objects
   */
  public ImmutableList<ObjectRef> targetBrokenObjects() {
    Set<ObjectRef> out = new LinkedHashSet<>();
    for (FlattenedError e : entries) {
      e.targetRef().ifPresent(out::add);
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The body as received.
   *
   * @return the raw body
   */
  public String rawBody() {
    return rawBody;
  }

  /** Code, name and entries; never the message or body. */
  @Override
  public String toString() {
    return "GatewayRejection{code=" + code + ", name=" + name + ", entries=" + entries + "}";
  }
}
