package io.github.kongtranslator.fabric8.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.convert.ObjectConverter;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
import io.github.kongtranslator.fallback.status.ConfigurationStatus;
import io.github.kongtranslator.fallback.status.ObjectStatus;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import io.github.kongtranslator.translator.gatewayapi.Condition;
import io.github.kongtranslator.translator.gatewayapi.GatewayStatus;
import io.github.kongtranslator.translator.gatewayapi.ListenerStatus;
import io.github.kongtranslator.translator.gatewayapi.ParentStatus;
import io.github.kongtranslator.translator.gatewayapi.RouteGroupKind;
import io.github.kongtranslator.translator.gatewayapi.RouteStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Status writes against fabric8's mock API server in CRUD mode: what {@code Statuses} and {@code
 * GatewayAttachment} compute lands on the objects, with {@code observedGeneration}, and is sent
 * only when it changes.
 */
@EnableKubernetesMockClient(crud = true)
class StatusWriterIT {
  static KubernetesClient client;

  private static final String CONTROLLER = AttachmentOptions.KIC_CONTROLLER_NAME;

  private static GenericKubernetesResource create(
      Kind kind, String ns, String name, Map<String, Object> fields) {
    var b =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(kind.apiVersion())
            .withKind(kind.kindName())
            .withNewMetadata()
            .withName(name)
            .withNamespace(kind.namespaced() ? ns : null)
            .withGeneration(3L)
            .addToAnnotations("kubernetes.io/ingress.class", "kong")
            .endMetadata();
    fields.forEach(b::addToAdditionalProperties);
    var op = client.genericKubernetesResources(KindResources.context(kind));
    return (kind.namespaced() ? op.inNamespace(ns) : op).resource(b.build()).create();
  }

  private static GenericKubernetesResource get(Kind kind, String ns, String name) {
    return client
        .genericKubernetesResources(KindResources.context(kind))
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource r) {
    return (Map<String, Object>) r.getAdditionalProperties().get("status");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String field) {
    return (List<Map<String, Object>>) m.get(field);
  }

  private static StatusWriter writerAt(String time) {
    return StatusWriter.create(client, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
  }

  private static ObjectStatus withConditions(
      ObjectRef ref, long generation, Condition... conditions) {
    return new ObjectStatus(
        ref,
        generation,
        ConfigurationStatus.SUCCEEDED,
        "Programmed",
        "",
        ImmutableList.copyOf(conditions),
        ImmutableList.of(),
        ImmutableList.of());
  }

  @Test
  void programmedCondition_landsOnTheObject_andAnUnchangedOneIsNotWrittenAgain() {
    create(Kind.KONG_CONSUMER, "st", "auth", Map.of("username", "auth"));
    ObjectRef ref = ObjectRef.of(Kind.KONG_CONSUMER, "st", "auth");
    ObjectStatus programmed =
        withConditions(ref, 3, new Condition("Programmed", "True", "Programmed", "", 3));

    assertThat(writerAt("2026-12-06T10:00:00Z").write(programmed))
        .isEqualTo(StatusWriter.Outcome.WRITTEN);
    String rv = get(Kind.KONG_CONSUMER, "st", "auth").getMetadata().getResourceVersion();
    assertThat(writerAt("2026-12-06T11:00:00Z").write(programmed))
        .isEqualTo(StatusWriter.Outcome.UNCHANGED);

    GenericKubernetesResource stored = get(Kind.KONG_CONSUMER, "st", "auth");
    assertThat(stored.getMetadata().getResourceVersion()).isEqualTo(rv);
    assertThat(list(status(stored), "conditions"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c)
                  .containsEntry("type", "Programmed")
                  .containsEntry("status", "True")
                  .containsEntry("reason", "Programmed")
                  .containsEntry("lastTransitionTime", "2026-12-06T10:00:00Z");
              assertThat(((Number) c.get("observedGeneration")).longValue()).isEqualTo(3);
            });
    assertThat(stored.getAdditionalProperties()).containsEntry("username", "auth");
  }

  @Test
  void aFlippedCondition_movesItsTransitionTime_andANewGenerationIsWritten_otherTypesKept() {
    create(Kind.KONG_CONSUMER, "st", "alice", Map.of("username", "alice"));
    ObjectRef ref = ObjectRef.of(Kind.KONG_CONSUMER, "st", "alice");
    writerAt("2026-12-06T10:00:00Z")
        .write(
            withConditions(
                ref,
                3,
                new Condition("Programmed", "True", "Programmed", "", 3),
                new Condition("Other", "True", "Fine", "", 3)));

    // same status, only a new generation: written (observedGeneration), transition time kept
    assertThat(
            writerAt("2026-12-06T11:00:00Z")
                .write(
                    withConditions(
                        ref, 4, new Condition("Programmed", "True", "Programmed", "", 4))))
        .isEqualTo(StatusWriter.Outcome.WRITTEN);
    StatusWriter.Outcome o =
        writerAt("2026-12-06T12:00:00Z")
            .write(
                withConditions(
                    ref,
                    4,
                    new Condition("Programmed", "False", "Invalid", "rejected by Kong", 4)));

    assertThat(o).isEqualTo(StatusWriter.Outcome.WRITTEN);
    assertThat(list(status(get(Kind.KONG_CONSUMER, "st", "alice")), "conditions"))
        .extracting(
            c ->
                c.get("type")
                    + "="
                    + c.get("status")
                    + "@"
                    + c.get("lastTransitionTime")
                    + "/g"
                    + c.get("observedGeneration"))
        .containsExactly(
            "Programmed=False@2026-12-06T12:00:00Z/g4", "Other=True@2026-12-06T10:00:00Z/g3");
  }

  @Test
  void routeParentStatus_landsUnderStatusParents_besideOtherControllers() {
    create(
        Kind.HTTP_ROUTE,
        "st",
        "r",
        Map.of(
            "spec", Map.of("parentRefs", List.of(Map.of("name", "kong"))),
            "status",
                Map.of(
                    "parents",
                    List.of(
                        Map.of(
                            "controllerName",
                            "example.com/other",
                            "parentRef",
                            Map.of("name", "kong"),
                            "conditions",
                            List.of())))));
    ObjectRef ref = ObjectRef.of(Kind.HTTP_ROUTE, "st", "r");
    RouteStatus accepted =
        new RouteStatus(
            ref,
            ImmutableList.of(
                new ParentStatus(
                    new GatewayApi.ParentReference(
                        GatewayApi.GROUP, "Gateway", null, "kong", null, null),
                    CONTROLLER,
                    ObjectRef.of(Kind.GATEWAY, "st", "kong"),
                    ImmutableList.of("http"),
                    ImmutableList.of(
                        new Condition("Accepted", "True", "Accepted", "", 3),
                        new Condition("ResolvedRefs", "True", "ResolvedRefs", "", 3)))));

    assertThat(writerAt("2026-12-06T10:00:00Z").write(accepted))
        .isEqualTo(StatusWriter.Outcome.WRITTEN);
    assertThat(writerAt("2026-12-06T10:05:00Z").write(accepted))
        .isEqualTo(StatusWriter.Outcome.UNCHANGED);

    List<Map<String, Object>> parents = list(status(get(Kind.HTTP_ROUTE, "st", "r")), "parents");
    assertThat(parents)
        .extracting(p -> p.get("controllerName"))
        .containsExactly("example.com/other", CONTROLLER);
    assertThat(parents.get(1).get("parentRef"))
        .isEqualTo(Map.of("group", GatewayApi.GROUP, "kind", "Gateway", "name", "kong"));
    assertThat(list(parents.get(1), "conditions"))
        .extracting(c -> c.get("type") + "=" + c.get("status"))
        .containsExactly("Accepted=True", "ResolvedRefs=True");
  }

  @Test
  void gatewayConditionsAndListeners_land_andOnlyAChangeIsWritten() {
    create(
        Kind.GATEWAY,
        "st",
        "kong",
        Map.of(
            "spec",
            Map.of(
                "gatewayClassName",
                "kong",
                "listeners",
                List.of(Map.of("name", "http", "port", 80, "protocol", "HTTP")))));
    ObjectRef ref = ObjectRef.of(Kind.GATEWAY, "st", "kong");
    ImmutableList<Condition> conditions =
        ImmutableList.of(
            new Condition("Accepted", "True", "Accepted", "", 3),
            new Condition("Programmed", "True", "Programmed", "", 3));
    ListenerStatus one =
        ListenerStatus.of(
            "http",
            List.of(new RouteGroupKind(GatewayApi.GROUP, "HTTPRoute")),
            1,
            List.of(new Condition("Programmed", "True", "Programmed", "", 3)));

    assertThat(
            writerAt("2026-12-06T10:00:00Z")
                .write(new GatewayStatus(ref, conditions, ImmutableList.of(one))))
        .isEqualTo(StatusWriter.Outcome.WRITTEN);
    assertThat(
            writerAt("2026-12-06T10:01:00Z")
                .write(new GatewayStatus(ref, conditions, ImmutableList.of(one))))
        .isEqualTo(StatusWriter.Outcome.UNCHANGED);
    ListenerStatus two = ListenerStatus.of("http", one.supportedKinds(), 2, one.conditions());
    assertThat(
            writerAt("2026-12-06T10:02:00Z")
                .write(new GatewayStatus(ref, conditions, ImmutableList.of(two))))
        .isEqualTo(StatusWriter.Outcome.WRITTEN);

    Map<String, Object> status = status(get(Kind.GATEWAY, "st", "kong"));
    assertThat(list(status, "conditions"))
        .extracting(c -> c.get("type"))
        .containsExactly("Accepted", "Programmed");
    assertThat(list(status, "listeners"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l)
                  .containsEntry("name", "http")
                  .containsEntry(
                      "supportedKinds",
                      List.of(Map.of("group", GatewayApi.GROUP, "kind", "HTTPRoute")));
              assertThat(((Number) l.get("attachedRoutes")).intValue()).isEqualTo(2);
              assertThat(list(l, "conditions"))
                  .singleElement()
                  .satisfies(
                      c ->
                          assertThat(c)
                              .containsEntry("lastTransitionTime", "2026-12-06T10:00:00Z"));
            });
  }

  @Test
  void whatStatusesComputes_forObjectsFromTheServer_landsOnThem_once() {
    create(Kind.GATEWAY_CLASS, "", "kong", Map.of("spec", Map.of("controllerName", CONTROLLER)));
    create(
        Kind.GATEWAY,
        "sx",
        "gw",
        Map.of(
            "spec",
            Map.of(
                "gatewayClassName",
                "kong",
                "listeners",
                List.of(Map.of("name", "http", "port", 80, "protocol", "HTTP")))));
    create(
        Kind.HTTP_ROUTE,
        "sx",
        "route",
        Map.of(
            "spec",
            Map.of(
                "parentRefs", List.of(Map.of("name", "gw")),
                "rules",
                    List.of(Map.of("backendRefs", List.of(Map.of("name", "echo", "port", 80)))))));
    create(Kind.KONG_CONSUMER, "sx", "bob", Map.of("username", "bob"));
    // the objects as a controller's informers would hold them
    ObjectConverter converter = ObjectConverter.using(client.getKubernetesSerialization());
    List<K8sObject> objects = new ArrayList<>();
    for (Kind k : List.of(Kind.GATEWAY_CLASS, Kind.GATEWAY, Kind.HTTP_ROUTE, Kind.KONG_CONSUMER)) {
      var op = client.genericKubernetesResources(KindResources.context(k));
      for (GenericKubernetesResource r :
          (k.namespaced() ? op.inNamespace("sx") : op).list().getItems()) {
        converter.toModel(r).ifPresent(objects::add);
      }
    }
    CacheStores snapshot = CacheStores.of(objects);
    StatusReport report =
        Statuses.ofTranslation(
            snapshot,
            Translator.create(TranslatorOptions.defaults()).translate(snapshot),
            AttachmentOptions.of(CONTROLLER));

    StatusWriter writer = writerAt("2026-12-06T10:00:00Z");
    List<StatusWriter.Outcome> first = new ArrayList<>();
    List<StatusWriter.Outcome> second = new ArrayList<>();
    report.objects().values().forEach(s -> first.add(writer.write(s)));
    report.objects().values().forEach(s -> second.add(writer.write(s)));

    assertThat(first).contains(StatusWriter.Outcome.WRITTEN);
    assertThat(second).containsOnly(StatusWriter.Outcome.UNCHANGED);
    GenericKubernetesResource route = get(Kind.HTTP_ROUTE, "sx", "route");
    long generation = route.getMetadata().getGeneration(); // as the server keeps it
    assertThat(list(status(route), "parents"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p).containsEntry("controllerName", CONTROLLER);
              assertThat(list(p, "conditions"))
                  .extracting(c -> c.get("type"))
                  .containsExactly("Accepted", "ResolvedRefs", "Programmed");
              assertThat(list(p, "conditions"))
                  .allSatisfy(
                      c ->
                          assertThat(((Number) c.get("observedGeneration")).longValue())
                              .isEqualTo(generation));
            });
    assertThat(list(status(get(Kind.GATEWAY, "sx", "gw")), "listeners"))
        .extracting(l -> l.get("name"))
        .containsExactly("http");
    assertThat(list(status(get(Kind.KONG_CONSUMER, "sx", "bob")), "conditions"))
        .extracting(c -> c.get("type") + "=" + c.get("status"))
        .containsExactly("Programmed=True");
  }

  @Test
  void missingObject_isNotFound_andUnreadKindIsATypedError() {
    assertThat(
            writerAt("2026-12-06T10:00:00Z")
                .write(
                    withConditions(
                        ObjectRef.of(Kind.KONG_CONSUMER, "st", "absent"),
                        1,
                        new Condition("Programmed", "True", "Programmed", "", 1))))
        .isEqualTo(StatusWriter.Outcome.NOT_FOUND);
    assertThatThrownBy(
            () ->
                writerAt("2026-12-06T10:00:00Z")
                    .write(
                        withConditions(
                            new ObjectRef("apps", "v1", "Deployment", "st", "d", ""), 1)))
        .isInstanceOf(StatusWriteException.class)
        .hasMessageStartingWith("cannot write status of Deployment st/d: kind Deployment");
  }
}
