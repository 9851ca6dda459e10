package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Structural-schema defaulting as the Kubernetes API server does it for custom resources.
 *
 * <p>Follows {@code k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/algorithm.go}
 * ({@code Default}) and {@code prunenulls.go} ({@code PruneNonNullableNullsWithoutDefaults}), which
 * the API server runs on every create and update:
 *
 * <ul>
 *   <li>First, a {@code null} map value whose schema is neither nullable nor defaulted is removed
 *       (a YAML {@code matches:} with nothing after it is absent, not null).
 *   <li>Then, for an object, every property with a {@code default} that is absent, or null while
 *       its schema is not nullable, gets a deep copy of the default; then every field present
 *       (including the ones just defaulted) is defaulted recursively with its property schema, or
 *       with {@code additionalProperties} (whose non-nullable nulls also take its default).
 *   <li>For a list, every non-nullable null item takes the {@code items} default, and every item is
 *       defaulted recursively.
 *   <li>Scalars are left alone. A default is itself defaulted, because recursion runs after it is
 *       placed.
 * </ul>
 */
final class Defaulting {
  private Defaulting() {}

  /**
   * {@code PruneNonNullableNullsWithoutDefaults}: drops non-nullable, non-defaulted null fields.
   */
  static void pruneNulls(JsonNode x, @Nullable SchemaNode s) {
    if (s == null) {
      return; // prunenulls.go recurses with a nil schema, which never deletes anything
    }
    if (x instanceof ObjectNode obj) {
      List<String> drop = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        SchemaNode field = s.field(e.getKey());
        if (e.getValue().isNull()
            && field != null
            && !field.nullable
            && field.defaultValue == null) {
          if (drop == null) {
            drop = new ArrayList<>();
          }
          drop.add(e.getKey());
        } else {
          pruneNulls(e.getValue(), field);
        }
      }
      if (drop != null) {
        obj.remove(drop);
      }
    } else if (x instanceof ArrayNode arr) {
      SchemaNode items = s.items;
      for (JsonNode item : arr) {
        pruneNulls(item, items);
      }
    }
  }

  /**
   * {@code Default}: applies the defaults of {@code s} to {@code x} in place.
   *
   * @param pointer JSON pointer of {@code x}
   * @param out receives the pointers of defaulted fields, in document order
   */
  static void apply(JsonNode x, @Nullable SchemaNode s, String pointer, List<String> out) {
    if (s == null || !s.hasDefaultsBelow) {
      return;
    }
    if (x instanceof ObjectNode obj) {
      Set<String> added = null;
      for (Map.Entry<String, SchemaNode> p : s.properties.entrySet()) {
        SchemaNode prop = p.getValue();
        if (prop.defaultValue == null) {
          continue;
        }
        JsonNode v = obj.get(p.getKey());
        if (v == null || (v.isNull() && !prop.nullable)) {
          obj.set(p.getKey(), prop.defaultValue.deepCopy());
          if (added == null) {
            added = new HashSet<>();
          }
          added.add(p.getKey());
        }
      }
      List<String> names = new ArrayList<>(obj.size());
      obj.fieldNames().forEachRemaining(names::add);
      for (String k : names) {
        String ptr = pointer + "/" + escape(k);
        SchemaNode prop = s.properties.get(k);
        if (prop != null) {
          if (added != null && added.contains(k)) {
            out.add(ptr);
          }
          apply(obj.get(k), prop, ptr, out);
        } else if (s.additionalProperties != null) {
          SchemaNode ap = s.additionalProperties;
          if (obj.get(k).isNull() && !ap.nullable && ap.defaultValue != null) {
            obj.set(k, ap.defaultValue.deepCopy());
            out.add(ptr);
          }
          apply(obj.get(k), ap, ptr, out);
        }
      }
    } else if (x instanceof ArrayNode arr) {
      SchemaNode items = s.items;
      if (items == null) {
        return;
      }
      for (int i = 0; i < arr.size(); i++) {
        String ptr = pointer + "/" + i;
        if (arr.get(i).isNull() && !items.nullable && items.defaultValue != null) {
          arr.set(i, items.defaultValue.deepCopy());
          out.add(ptr);
        }
        apply(arr.get(i), items, ptr, out);
      }
    }
  }

  /** JSON pointer escaping of one reference token (RFC 6901). */
  static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
