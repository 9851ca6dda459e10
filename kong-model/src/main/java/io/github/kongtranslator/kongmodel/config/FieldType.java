package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type a known entity field must have; unknown fields accept any JSON value. */
enum FieldType {
  STRING("a string"),
  INTEGER("an integer"),
  BOOLEAN("a boolean"),
  STRING_LIST("a list of strings"),
  OBJECT("an object"),
  ARRAY("a list"),
  /** A string naming another entity, or an object such as {@code {id: ...}}. */
  REFERENCE("a string or an object"),
  ANY("any value");

  private final String description;

  FieldType(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** Whether a value fits; an explicit {@code null} fits every type (Kong accepts it). */
  boolean accepts(JsonNode node) {
    if (node.isNull()) {
      return true;
    }
    return switch (this) {
      case STRING -> node.isTextual();
      case INTEGER -> node.isIntegralNumber();
      case BOOLEAN -> node.isBoolean();
      case STRING_LIST -> {
        if (!node.isArray()) {
          yield false;
        }
        for (int i = 0, n = node.size(); i < n; i++) {
          if (!node.get(i).isTextual()) {
            yield false;
          }
        }
        yield true;
      }
      case OBJECT -> node.isObject();
      case ARRAY -> node.isArray();
      case REFERENCE -> node.isTextual() || node.isObject();
      case ANY -> true;
    };
  }

  /** Describes a JSON value's type (never its content, which may be secret). */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT, POJO -> "an object";
      case STRING, BINARY -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a non-integral number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
    };
  }
}
