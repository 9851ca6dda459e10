package io.github.kongtranslator.translator.internal.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.model.KongUpstreamPolicy;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Json;

/** KongUpstreamPolicy spec → upstream fields (translator-spec §8.3). */
final class UpstreamPolicies {
  private UpstreamPolicies() {}

  static void apply(Map<String, JsonNode> f, KongUpstreamPolicy.Spec spec) {
    if (spec.algorithm() != null) {
      text(f, "algorithm", spec.algorithm());
    }
    if (spec.slots() != null) {
      f.put("slots", Entities.JSON.numberNode(spec.slots()));
    }
    KongUpstreamPolicy.HashOn on = spec.hashOn();
    KongUpstreamPolicy.HashOn fb = spec.hashOnFallback();
    if (on != null) {
      if (on.input() != null) {
        text(f, "hash_on", on.input());
      }
      if (on.header() != null) {
        text(f, "hash_on", "header");
        text(f, "hash_on_header", on.header());
      }
      if (on.cookie() != null) {
        text(f, "hash_on", "cookie");
        text(f, "hash_on_cookie", on.cookie());
      }
      if (on.cookiePath() != null) {
        text(f, "hash_on_cookie_path", on.cookiePath());
      }
      if (on.queryArg() != null) {
        text(f, "hash_on", "query_arg");
        text(f, "hash_on_query_arg", on.queryArg());
      }
      if (on.uriCapture() != null) {
        text(f, "hash_on", "uri_capture");
        text(f, "hash_on_uri_capture", on.uriCapture());
      }
    }
    if (fb != null) {
      if (fb.input() != null) {
        text(f, "hash_fallback", fb.input());
      }
      if (fb.header() != null) {
        text(f, "hash_fallback", "header");
        text(f, "hash_fallback_header", fb.header());
      }
      if (fb.cookie() != null) {
        text(f, "hash_fallback", "cookie");
        if (on == null || on.cookie() == null) {
          text(f, "hash_on_cookie", fb.cookie());
        }
      }
      if (fb.cookiePath() != null && (on == null || on.cookiePath() == null)) {
        text(f, "hash_on_cookie_path", fb.cookiePath());
      }
      if (fb.queryArg() != null) {
        text(f, "hash_fallback", "query_arg");
        text(f, "hash_fallback_query_arg", fb.queryArg());
      }
      if (fb.uriCapture() != null) {
        text(f, "hash_fallback", "uri_capture");
        text(f, "hash_fallback_uri_capture", fb.uriCapture());
      }
    }
    if (spec.healthchecks() != null && spec.healthchecks().toNode().isObject()) {
      f.put("healthchecks", Json.snakeKeys(spec.healthchecks().toNode()));
    }
    KongUpstreamPolicy.StickySessions ss = spec.stickySessions();
    if (ss != null) {
      if (ss.cookie() != null) {
        text(f, "sticky_sessions_cookie", ss.cookie());
      }
      if (ss.cookiePath() != null) {
        text(f, "sticky_sessions_cookie_path", ss.cookiePath());
      }
    }
  }

  private static void text(Map<String, JsonNode> f, String k, @Nullable String v) {
    if (v != null) {
      f.put(k, Entities.JSON.textNode(v));
    }
  }
}
