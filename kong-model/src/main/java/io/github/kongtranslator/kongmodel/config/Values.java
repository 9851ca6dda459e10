package io.github.kongtranslator.kongmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** JSON value normalisation shared by entities and the document. */
final class Values {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Values() {}

  /** An integer node of the narrowest of int/long. */
  static JsonNode number(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  /** A list of strings as an array node; null elements are rejected. */
  static ArrayNode strings(List<String> values) {
    ArrayNode a = NODES.arrayNode(values.size());
    for (String s : values) {
      a.add(Objects.requireNonNull(s, "list element"));
    }
    return a;
  }

  /**
   * A private deep copy in normal form: numbers with an integral value become int or long nodes (as
   * in the goldens, where every number went through a float64 and back), other numbers doubles;
   * objects keep their key order.
   *
   * @throws IllegalArgumentException for NaN or infinite numbers
   */
  static JsonNode normalize(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          o.set(e.getKey(), normalize(e.getValue()));
        }
        return o;
      }
      case ARRAY -> {
        ArrayNode a = NODES.arrayNode(node.size());
        for (JsonNode e : node) {
          a.add(normalize(e));
        }
        return a;
      }
      case NUMBER -> {
        return normalizeNumber(node);
      }
      case MISSING -> {
        return NODES.nullNode();
      }
      default -> {
        return node; // text, boolean, null, binary, pojo nodes are immutable
      }
    }
  }

  /**
   * {@link #normalize} for a tree the caller owns and gives away: containers are normalised in
   * place and returned, not copied; nodes already in normal form are left untouched (no write).
   */
  @SuppressWarnings("ReferenceEquality") // identity: an unchanged child comes back as itself
  static JsonNode normalizeOwned(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        ObjectNode o = (ObjectNode) node;
        for (Map.Entry<String, JsonNode> e : o.properties()) {
          JsonNode v = e.getValue();
          JsonNode n = normalizeOwned(v);
          if (n != v) {
            o.set(e.getKey(), n); // an existing key: not a structural change
          }
        }
        return o;
      }
      case ARRAY -> {
        ArrayNode a = (ArrayNode) node;
        for (int i = 0; i < a.size(); i++) {
          JsonNode v = a.get(i);
          JsonNode n = normalizeOwned(v);
          if (n != v) {
            a.set(i, n);
          }
        }
        return a;
      }
      case NUMBER -> {
        if (node instanceof IntNode
            || (node instanceof LongNode && node.longValue() != (int) node.longValue())) {
          return node;
        }
        return normalizeNumber(node);
      }
      case MISSING -> {
        return NODES.nullNode();
      }
      default -> {
        return node;
      }
    }
  }

  private static JsonNode normalizeNumber(JsonNode n) {
    if (n.isIntegralNumber()) {
      if (n.canConvertToLong()) {
        return number(n.longValue());
      }
      return NODES.numberNode(n.bigIntegerValue());
    }
    BigDecimal d;
    if (n.isBigDecimal()) {
      d = n.decimalValue();
    } else {
      double v = n.doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("NaN and infinities are not JSON numbers");
      }
      d = new BigDecimal(v);
    }
    if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
      BigInteger i = d.toBigIntegerExact();
      if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
        return number(i.longValue());
      }
      return NODES.numberNode(i);
    }
    return DoubleNode.valueOf(d.doubleValue());
  }

  /** A copy a caller may mutate without affecting the value it came from. */
  static JsonNode copy(JsonNode node) {
    return node.isContainerNode() ? node.deepCopy() : node;
  }
}
