package io.github.kongtranslator.translator.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes label selectors ({@code metav1.LabelSelector}: {@code matchLabels} and {@code
 * matchExpressions} with {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}), as
 * {@code metav1.LabelSelectorAsSelector} reads them.
 */
final class LabelSelectors {
  private LabelSelectors() {}

  /**
   * Whether a selector matches labels: an absent selector matches nothing, an empty one everything,
   * an invalid one (unknown operator) nothing.
   */
  static boolean matches(JsonNode selector, Map<String, String> labels) {
    if (selector == null || selector.isMissingNode() || selector.isNull() || !selector.isObject()) {
      return false;
    }
    JsonNode ml = selector.path("matchLabels");
    if (ml.isObject()) {
      var it = ml.properties().iterator();
      while (it.hasNext()) {
        var e = it.next();
        if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (JsonNode ex : selector.path("matchExpressions")) {
      String key = ex.path("key").asText("");
      String op = ex.path("operator").asText("");
      Set<String> values = new HashSet<>();
      ex.path("values").forEach(v -> values.add(v.asText()));
      boolean has = labels.containsKey(key);
      boolean ok =
          switch (op) {
            case "In" -> has && values.contains(labels.get(key));
            case "NotIn" -> !has || !values.contains(labels.get(key));
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
