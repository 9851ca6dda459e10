package io.github.kongtranslator.testkit.fallback;

import static io.github.kongtranslator.testkit.fallback.QtProfiles.qt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.fallback.FailClosedResult;
import io.github.kongtranslator.fallback.FailClosedTranslator;
import io.github.kongtranslator.fallback.TranslationFailurePolicy;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failing closed on translation failures (issue 18) over generated clusters: no route of a
 * fail-closed translation lacks a plugin that its object's {@code konghq.com/plugins} annotation or
 * ExtensionRef filters ask for. The same check over the KIC-compatible translation must find
 * violations in some clusters, so the property is not vacuous.
 */
class FailClosedPropertiesTest {
  /** Ingress class {@code x}: the generators' class names are {@code x} and {@code y}. */
  private static final Translator TRANSLATOR =
      Translator.create(TranslatorOptions.builder().ingressClass("x").build());

  /** A plugin name asked for by a route's object: namespace and name of the plugin object. */
  private record Asked(String namespace, String name) {}

  private static Map<String, String> tags(KongEntity e) {
    Map<String, String> out = new HashMap<>();
    e.field("tags")
        .ifPresent(
            t ->
                t.forEach(
                    v -> {
                      String s = v.asText();
                      int colon = s.indexOf(':');
                      if (s.startsWith("k8s-") && colon > 0) {
                        out.put(s.substring(0, colon), s.substring(colon + 1));
                      }
                    }));
    return out;
  }

  private static Optional<K8sObject> source(CacheStores s, KongEntity route) {
    Map<String, String> t = tags(route);
    if (!t.containsKey("k8s-kind") || !t.containsKey("k8s-name")) {
      return Optional.empty();
    }
    return Kind.find(t.getOrDefault("k8s-group", ""), t.get("k8s-kind"))
        .flatMap(k -> s.get(k, t.getOrDefault("k8s-namespace", ""), t.get("k8s-name")));
  }

  /** What the object asks for, read independently of the translator. */
  private static List<Asked> asked(K8sObject o) {
    List<Asked> out = new ArrayList<>();
    String ns = o.metadata().namespace();
    String ann = o.metadata().annotation("konghq.com/plugins");
    if (ann != null) {
      for (String raw : ann.split(",")) {
        String t = raw.trim();
        if (t.isEmpty() || t.startsWith(":") || t.endsWith(":")) {
          continue;
        }
        int colon = t.indexOf(':');
        out.add(
            colon < 0
                ? new Asked(ns, t)
                : new Asked(t.substring(0, colon), t.substring(colon + 1)));
      }
    }
    List<GatewayApi.Filter> filters = new ArrayList<>();
    if (o instanceof HttpRoute r) {
      r.spec().rules().forEach(rule -> filters.addAll(rule.filters()));
    } else if (o instanceof GrpcRoute r) {
      r.spec().rules().forEach(rule -> filters.addAll(rule.filters()));
    }
    for (GatewayApi.Filter f : filters) {
      if ("ExtensionRef".equals(f.type())
          && f.extensionRef() != null
          && Kind.KONG_GROUP.equals(f.extensionRef().group())
          && "KongPlugin".equals(f.extensionRef().kind())) {
        out.add(new Asked(ns, f.extensionRef().name()));
      }
    }
    return out;
  }

  /** Whether a plugin entity of the config, bound to the route, comes from the asked plugin. */
  private static boolean bound(KongConfig c, String route, Asked a) {
    for (Plugin p : c.plugins()) {
      Optional<JsonNode> r = p.field("route");
      if (r.isEmpty() || !r.get().asText().equals(route)) {
        continue;
      }
      Map<String, String> t = tags(p);
      boolean cluster = "KongClusterPlugin".equals(t.get("k8s-kind"));
      if (a.name().equals(t.get("k8s-name"))
          && (cluster || a.namespace().equals(t.get("k8s-namespace")))) {
        return true;
      }
    }
    return false;
  }

  /** The routes of a configuration that lack a plugin their object asks for. */
  static List<String> unprotectedRoutes(CacheStores s, KongConfig c, AtomicInteger routesAsking) {
    List<String> out = new ArrayList<>();
    for (Service svc : c.services()) {
      for (KongEntity route : svc.nested("routes")) {
        Optional<K8sObject> src = source(s, route);
        if (src.isEmpty()) {
          continue;
        }
        List<Asked> asked = asked(src.get());
        if (!asked.isEmpty()) {
          routesAsking.incrementAndGet();
        }
        String name = route.field("name").map(JsonNode::asText).orElse("");
        for (Asked a : asked) {
          if (!bound(c, name, a)) {
            out.add(name + " of " + src.get().ref() + " lacks " + a);
          }
        }
      }
    }
    return out;
  }

  @Test
  void noRouteOfAFailClosedTranslationLacksAPluginItsObjectAsksFor() {
    AtomicInteger routesAsking = new AtomicInteger();
    AtomicInteger excludedSomething = new AtomicInteger();
    AtomicInteger kicViolations = new AtomicInteger();
    FailClosedTranslator closed = FailClosedTranslator.create(TRANSLATOR);
    FailClosedTranslator kic =
        FailClosedTranslator.create(TRANSLATOR, TranslationFailurePolicy.KIC_COMPATIBLE);

    qt().forAll(ClusterGens.snapshots())
        .checkAssert(
            s -> {
              FailClosedResult r = closed.translate(s);
              if (r.excludedSomething()) {
                excludedSomething.incrementAndGet();
              }

              assertThat(unprotectedRoutes(s, r.config(), new AtomicInteger()))
                  .as("routes without a plugin they ask for; excluded: %s", r.excluded().values())
                  .isEmpty();
              // Routes that ask for plugins are counted in KIC's translation: the fail-closed one
              // may
              // have excluded all of them in a run, which says nothing about the generator.
              if (!unprotectedRoutes(s, kic.translate(s).config(), routesAsking).isEmpty()) {
                kicViolations.incrementAndGet();
              }
            });

    assertThat(routesAsking.get()).as("routes asking for plugins, over all examples").isPositive();
    assertThat(excludedSomething.get()).as("examples where something failed closed").isPositive();
    assertThat(kicViolations.get())
        .as("examples where KIC's translation serves a route without its plugin")
        .isPositive();
  }
}
