package io.github.kongtranslator.testkit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.testkit.gateway.KongDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a gateway serves, as sorted lines such as {@code route r1 @ service s1} or {@code target u1
 * 10.0.0.1:80}: read from a {@link KongDatabase} (the entities with or without the select tag) or
 * from a configuration (what should be there). Two independent readings of the same facts, so that
 * a test compares the gateway with the pushed configuration without trusting the client.
 */
final class GatewayContents {
  private GatewayContents() {}

  static final String TAG = KongAdminClient.DEFAULT_SELECT_TAG;

  /** The entities of the database that carry the select tag. */
  static List<String> ours(KongDatabase db) {
    return of(db, e -> hasOurTag(e));
  }

  /** The entities of the database without the select tag (another team's). */
  static List<String> foreign(KongDatabase db) {
    return of(db, e -> !hasOurTag(e));
  }

  private static boolean hasOurTag(JsonNode e) {
    for (JsonNode t : e.path("tags")) {
      if (t.asText().equals(TAG)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> of(KongDatabase db, Predicate<JsonNode> which) {
    Map<String, String> names = new HashMap<>();
    for (String c : List.of("services", "routes", "upstreams", "consumers")) {
      for (ObjectNode e : db.entities(c)) {
        names.put(
            e.get("id").asText(),
            e.has("username") ? e.path("username").asText() : e.path("name").asText());
      }
    }
    List<String> out = new ArrayList<>();
    for (ObjectNode e : db.entities("services")) {
      if (which.test(e)) {
        out.add("service " + e.path("name").asText());
      }
    }
    for (ObjectNode e : db.entities("routes")) {
      if (which.test(e)) {
        out.add(
            "route "
                + e.path("name").asText()
                + " @ "
                + names.getOrDefault(e.path("service").path("id").asText(), "-"));
      }
    }
    for (ObjectNode e : db.entities("upstreams")) {
      if (which.test(e)) {
        out.add("upstream " + e.path("name").asText());
      }
    }
    for (ObjectNode e : db.entities("targets")) {
      if (which.test(e)) {
        out.add(
            "target "
                + names.get(e.path("upstream").path("id").asText())
                + " "
                + e.path("target").asText());
      }
    }
    for (ObjectNode e : db.entities("plugins")) {
      if (which.test(e)) {
        String scope = "global";
        for (String f : List.of("route", "service", "consumer")) {
          if (e.path(f).hasNonNull("id")) {
            scope = names.getOrDefault(e.path(f).path("id").asText(), "?");
          }
        }
        out.add("plugin " + e.path("name").asText() + " @ " + scope);
      }
    }
    for (ObjectNode e : db.entities("consumers")) {
      if (which.test(e)) {
        out.add("consumer " + e.path("username").asText());
      }
    }
    for (ObjectNode e : db.entities("key-auths")) {
      if (which.test(e)) {
        out.add("key-auth @ " + names.get(e.path("consumer").path("id").asText()));
      }
    }
    out.sort(null);
    return out;
  }

  /** What a configuration asks for, in the same lines. */
  static List<String> expected(KongConfig config) {
    JsonNode root = config.toJson();
    Map<String, String> names = new HashMap<>();
    collectNames(root, names);
    List<String> out = new ArrayList<>();
    walk(root, "", "", names, out);
    out.sort(null);
    return out;
  }

  private static void collectNames(JsonNode node, Map<String, String> names) {
    if (node.isObject()) {
      if (node.hasNonNull("id") && (node.hasNonNull("name") || node.hasNonNull("username"))) {
        names.put(
            node.get("id").asText(),
            node.has("username") ? node.path("username").asText() : node.path("name").asText());
      }
      node.fields().forEachRemaining(f -> collectNames(f.getValue(), names));
    } else if (node.isArray()) {
      node.forEach(n -> collectNames(n, names));
    }
  }

  private static String ref(JsonNode r, Map<String, String> names) {
    if (r.isTextual()) {
      return names.getOrDefault(r.asText(), r.asText());
    }
    if (r.hasNonNull("id")) {
      return names.getOrDefault(r.get("id").asText(), "?");
    }
    return r.path("name").asText(r.path("username").asText("?"));
  }

  private static void walk(
      JsonNode obj,
      String parentSection,
      String parentName,
      Map<String, String> names,
      List<String> out) {
    obj.fields()
        .forEachRemaining(
            f -> {
              if (!f.getValue().isArray() || f.getKey().equals("tags")) {
                return;
              }
              for (JsonNode e : f.getValue()) {
                if (!e.isObject()) {
                  continue;
                }
                String name =
                    e.has("username") ? e.path("username").asText() : e.path("name").asText();
                switch (f.getKey()) {
                  case "services" -> out.add("service " + name);
                  case "routes" ->
                      out.add(
                          "route "
                              + name
                              + " @ "
                              + (parentSection.equals("services")
                                  ? parentName
                                  : e.has("service") ? ref(e.get("service"), names) : "-"));
                  case "upstreams" -> out.add("upstream " + name);
                  case "targets" -> {
                    String t = e.path("target").asText();
                    out.add(
                        "target "
                            + (parentSection.equals("upstreams")
                                ? parentName
                                : ref(e.path("upstream"), names))
                            + " "
                            + (t.contains(":") ? t : t + ":8000"));
                  }
                  case "plugins" -> {
                    String scope = parentSection.isEmpty() ? "global" : parentName;
                    for (String r : List.of("route", "service", "consumer")) {
                      if (e.hasNonNull(r)) {
                        scope = ref(e.get(r), names);
                      }
                    }
                    out.add("plugin " + name + " @ " + scope);
                  }
                  case "consumers" -> out.add("consumer " + name);
                  case "keyauth_credentials" ->
                      out.add(
                          "key-auth @ "
                              + (parentSection.equals("consumers")
                                  ? parentName
                                  : ref(e.path("consumer"), names)));
                  default -> out.add(f.getKey() + " " + name);
                }
                walk(e, f.getKey(), name, names, out);
              }
            });
  }
}
