package io.github.kongtranslator.translator.internal.backends;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.KongUpstreamPolicy;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.translator.internal.entities.Json;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** KongUpstreamPolicy spec → upstream fields (translator-spec §8.3). */
final class UpstreamPolicies {
  private UpstreamPolicies() {}

  static void apply(Upstream.Builder f, KongUpstreamPolicy.Spec spec) {
    text(f::algorithm, spec.algorithm());
    Integer slots = spec.slots();
    if (slots != null) {
      f.slots(slots);
    }
    KongUpstreamPolicy.HashOn on = spec.hashOn();
    KongUpstreamPolicy.HashOn fb = spec.hashOnFallback();
    if (on != null) {
      if (on.input() != null) {
        text(f::hashOn, on.input());
      }
      if (on.header() != null) {
        text(f::hashOn, "header");
        text(f::hashOnHeader, on.header());
      }
      if (on.cookie() != null) {
        text(f::hashOn, "cookie");
        text(f::hashOnCookie, on.cookie());
      }
      if (on.cookiePath() != null) {
        text(f::hashOnCookiePath, on.cookiePath());
      }
      if (on.queryArg() != null) {
        text(f::hashOn, "query_arg");
        text(f::hashOnQueryArg, on.queryArg());
      }
      if (on.uriCapture() != null) {
        text(f::hashOn, "uri_capture");
        text(f::hashOnUriCapture, on.uriCapture());
      }
    }
    if (fb != null) {
      if (fb.input() != null) {
        text(f::hashFallback, fb.input());
      }
      if (fb.header() != null) {
        text(f::hashFallback, "header");
        text(f::hashFallbackHeader, fb.header());
      }
      if (fb.cookie() != null) {
        text(f::hashFallback, "cookie");
        if (on == null || on.cookie() == null) {
          text(f::hashOnCookie, fb.cookie());
        }
      }
      if (fb.cookiePath() != null && (on == null || on.cookiePath() == null)) {
        text(f::hashOnCookiePath, fb.cookiePath());
      }
      if (fb.queryArg() != null) {
        text(f::hashFallback, "query_arg");
        text(f::hashFallbackQueryArg, fb.queryArg());
      }
      if (fb.uriCapture() != null) {
        text(f::hashFallback, "uri_capture");
        text(f::hashFallbackUriCapture, fb.uriCapture());
      }
    }
    if (spec.healthchecks() != null && spec.healthchecks().toNode().isObject()) {
      f.adoptHealthchecks((ObjectNode) Json.snakeKeys(spec.healthchecks().toNode()));
    }
    KongUpstreamPolicy.StickySessions ss = spec.stickySessions();
    if (ss != null) {
      if (ss.cookie() != null) {
        text(f::stickySessionsCookie, ss.cookie());
      }
      if (ss.cookiePath() != null) {
        text(f::stickySessionsCookiePath, ss.cookiePath());
      }
    }
  }

  private static void text(Consumer<String> setter, @Nullable String v) {
    if (v != null) {
      setter.accept(v);
    }
  }
}
