package io.github.kongtranslator.translator.internal.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** JSON tree helpers. */
public final class Json {
  private Json() {}

  /**
   * A copy in which every floating-point number with an integral value is an integer, as after
   * KIC's JSON → float64 → YAML chain (translator-spec §15.4).
   */
  public static JsonNode normalizeNumbers(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = Entities.JSON.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), normalizeNumbers(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = Entities.JSON.arrayNode();
      n.forEach(x -> a.add(normalizeNumbers(x)));
      return a;
    }
    if (n.isNumber() && !n.isIntegralNumber()) {
      BigDecimal d = n.decimalValue();
      if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
        try {
          return Entities.JSON.numberNode(d.longValueExact());
        } catch (ArithmeticException e) {
          return Entities.JSON.numberNode(d.toBigInteger());
        }
      }
      return Entities.JSON.numberNode(n.doubleValue());
    }
    return n.deepCopy();
  }

  /** camelCase → snake_case. */
  static String snake(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Copies a tree renaming object keys to snake_case, except below a {@code headers} key. */
  public static JsonNode snakeKeys(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = Entities.JSON.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          continue;
        }
        o.set(
            snake(e.getKey()),
            e.getKey().equals("headers")
                ? normalizeNumbers(e.getValue())
                : snakeKeys(e.getValue()));
      }
      return o;
    }
    return normalizeNumbers(n);
  }
}
