package io.github.kongtranslator.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticClusterTest {

  private static Map<Kind, Long> kinds(SyntheticCluster c) {
    return c.objects().stream()
        .collect(Collectors.groupingBy(K8sObject::kind, TreeMap::new, Collectors.counting()));
  }

  private static Set<String> keys(SyntheticCluster c, Kind kind) {
    Set<String> out = new HashSet<>();
    c.objects().stream().filter(o -> o.kind() == kind).forEach(o -> out.add(o.key()));
    return out;
  }

  @Test
  void generate_hasExactSizeAndIsReproducible() {
    SyntheticCluster a = SyntheticCluster.generate(1000, 7);
    assertThat(a.objects()).hasSize(1000);
    SyntheticCluster again = SyntheticCluster.generate(1000, 7);
    assertThat(again.yaml()).isEqualTo(a.yaml());
    assertThat(again.objects()).isEqualTo(a.objects());
    assertThat(SyntheticCluster.generate(1000, 8).yaml()).isNotEqualTo(a.yaml());
    assertThat(CacheStores.of(a.objects()).size()).isEqualTo(1000);
    // the objects are the stream's documents, one each, in order
    Matcher m = Pattern.compile("(?m)^kind: (\\w+)$").matcher(a.yaml());
    List<String> streamKinds = new ArrayList<>();
    while (m.find()) {
      streamKinds.add(m.group(1));
    }
    assertThat(a.objects().stream().map(K8sObject::kindName).toList()).isEqualTo(streamKinds);
  }

  @Test
  void generate_hasARealisticMix() {
    SyntheticCluster c = SyntheticCluster.generate(2000, 1);
    Map<Kind, Long> kinds = kinds(c);
    assertThat(kinds)
        .containsOnlyKeys(
            Kind.GATEWAY_CLASS,
            Kind.GATEWAY,
            Kind.SERVICE,
            Kind.ENDPOINT_SLICE,
            Kind.INGRESS,
            Kind.SECRET,
            Kind.KONG_PLUGIN,
            Kind.KONG_CONSUMER,
            Kind.KONG_CONSUMER_GROUP,
            Kind.HTTP_ROUTE);
    // one namespace per 2,000 objects, each with one Gateway, consumer group and key-auth plugin
    assertThat(kinds.get(Kind.GATEWAY_CLASS)).isEqualTo(1);
    assertThat(kinds.get(Kind.GATEWAY)).isEqualTo(1);
    assertThat(kinds.get(Kind.KONG_CONSUMER_GROUP)).isEqualTo(1);
    // one EndpointSlice per Service (the last unit may be cut off after its Service)
    assertThat(kinds.get(Kind.ENDPOINT_SLICE))
        .isBetween(kinds.get(Kind.SERVICE) - 1, kinds.get(Kind.SERVICE));
    // units: 60 % Ingress, 20 % HTTPRoute, 20 % consumer; each kind well represented
    long units = kinds.get(Kind.SERVICE);
    assertThat(kinds.get(Kind.INGRESS)).isBetween(units * 4 / 10, units * 8 / 10);
    assertThat(kinds.get(Kind.HTTP_ROUTE)).isBetween(units / 10, units * 3 / 10);
    assertThat(kinds.get(Kind.KONG_CONSUMER)).isBetween(units / 10, units * 3 / 10);
  }

  @Test
  void generate_everyReferenceResolves() {
    SyntheticCluster c = SyntheticCluster.generate(2000, 5);
    Set<String> services = keys(c, Kind.SERVICE);
    Set<String> secrets = keys(c, Kind.SECRET);
    Set<String> plugins = keys(c, Kind.KONG_PLUGIN);
    Set<String> groups = keys(c, Kind.KONG_CONSUMER_GROUP);
    Set<String> gateways = keys(c, Kind.GATEWAY);
    int refs = 0;
    for (K8sObject o : c.objects()) {
      String ns = o.namespace() + "/";
      String annotated = o.metadata().annotations().get("konghq.com/plugins");
      if (annotated != null) {
        for (String p : annotated.split(",")) {
          assertThat(plugins).as("%s plugin", o.ref()).contains(ns + p.trim());
          refs++;
        }
      }
      if (o instanceof Ingress i) {
        for (Ingress.Rule rule : i.spec().rules()) {
          for (Ingress.Path p : rule.http().paths()) {
            assertThat(services)
                .as("%s backend", o.ref())
                .contains(ns + p.backend().service().name());
            refs++;
          }
        }
        for (Ingress.Tls tls : i.spec().tls()) {
          assertThat(secrets).as("%s tls", o.ref()).contains(ns + tls.secretName());
          refs++;
        }
      } else if (o instanceof HttpRoute h) {
        for (GatewayApi.ParentReference p : h.spec().parentRefs()) {
          assertThat(gateways).as("%s parent", o.ref()).contains(ns + p.name());
          refs++;
        }
        for (HttpRoute.Rule rule : h.spec().rules()) {
          for (GatewayApi.BackendRef b : rule.backendRefs()) {
            assertThat(services).as("%s backendRef", o.ref()).contains(ns + b.name());
            refs++;
          }
        }
      } else if (o instanceof KongConsumer k) {
        for (String s : k.credentials()) {
          assertThat(secrets).as("%s credential", o.ref()).contains(ns + s);
          refs++;
        }
        for (String g : k.consumerGroups()) {
          assertThat(groups).as("%s group", o.ref()).contains(ns + g);
          refs++;
        }
      }
    }
    assertThat(refs).isGreaterThan(1000);
  }

  @Test
  void translate_syntheticCluster_givesOneEntityPerObject_andTheSameBytesInAnyInputOrder() {
    SyntheticCluster c = SyntheticCluster.generate(1000, 3);
    TranslationResult r =
        Translator.create(TranslatorOptions.defaults()).translate(CacheStores.of(c.objects()));
    assertThat(r.failures()).isEmpty();
    JsonNode json = r.config().toJson();
    Map<Kind, Long> kinds = kinds(c);
    // every Service is the backend of exactly one Ingress or HTTPRoute, unless its unit is
    // a consumer's: a Kong service and upstream per referenced Service and port
    Set<String> backends = new HashSet<>();
    for (K8sObject o : c.objects()) {
      if (o instanceof Ingress i) {
        i.spec()
            .rules()
            .forEach(
                rule ->
                    rule.http()
                        .paths()
                        .forEach(
                            p -> backends.add(o.namespace() + "/" + p.backend().service().name())));
      } else if (o instanceof HttpRoute h) {
        h.spec()
            .rules()
            .forEach(
                rule ->
                    rule.backendRefs().forEach(b -> backends.add(o.namespace() + "/" + b.name())));
      }
    }
    assertThat(json.path("services")).hasSize(backends.size());
    assertThat(json.path("upstreams")).hasSize(backends.size());
    int routes = 0;
    for (JsonNode s : json.path("services")) {
      assertThat(s.path("routes")).as("routes of %s", s.path("name")).isNotEmpty();
      routes += s.path("routes").size();
    }
    assertThat(routes).isGreaterThanOrEqualTo(backends.size());
    assertThat(json.path("consumers")).hasSize(kinds.get(Kind.KONG_CONSUMER).intValue());
    for (JsonNode consumer : json.path("consumers")) {
      assertThat(consumer.path("keyauth_credentials"))
          .as("%s", consumer.path("username"))
          .hasSize(1);
      assertThat(consumer.path("basicauth_credentials"))
          .as("%s", consumer.path("username"))
          .hasSize(1);
    }
    // a rate-limiting plugin per Service that asks for one and is a backend
    long rateLimits =
        c.objects().stream()
            .filter(
                o ->
                    o.kind() == Kind.SERVICE
                        && backends.contains(o.key())
                        && o.metadata().annotations().containsKey("konghq.com/plugins"))
            .count();
    long written = 0;
    for (JsonNode plugins : json.findValues("plugins")) {
      for (JsonNode p : plugins) {
        written += p.path("name").asText().equals("rate-limiting") ? 1 : 0;
      }
    }
    assertThat(written).isEqualTo(rateLimits).isPositive();

    // the same objects in another order, through another translator: the same bytes
    List<K8sObject> shuffled = new ArrayList<>(c.objects());
    Collections.shuffle(shuffled, new Random(11));
    TranslationResult again =
        Translator.create(TranslatorOptions.defaults()).translate(CacheStores.of(shuffled));
    assertThat(KongConfigWriter.yaml().write(again.config()))
        .isEqualTo(KongConfigWriter.yaml().write(r.config()));
    assertThat(KongConfigWriter.json().write(again.config()))
        .isEqualTo(KongConfigWriter.json().write(r.config()));
  }
}
