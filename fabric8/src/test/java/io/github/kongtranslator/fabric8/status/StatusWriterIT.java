package io.github.kongtranslator.fabric8.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status writes against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class StatusWriterIT {
  static KubernetesClient client;

  private static final String CONTROLLER = "konghq.com/kic-gateway-controller";

  private static GenericKubernetesResource create(Kind kind, String ns, String name, Map<String, Object> fields) {
    var b = new GenericKubernetesResourceBuilder().withApiVersion(kind.apiVersion()).withKind(kind.kindName())
        .withNewMetadata().withName(name).withNamespace(ns).withGeneration(3L).endMetadata();
    fields.forEach(b::addToAdditionalProperties);
    return client.genericKubernetesResources(KindResources.context(kind)).inNamespace(ns)
        .resource(b.build()).create();
  }

  private static GenericKubernetesResource get(Kind kind, String ns, String name) {
    return client.genericKubernetesResources(KindResources.context(kind)).inNamespace(ns).withName(name).get();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> conditions(GenericKubernetesResource r) {
    return (List<Map<String, Object>>) ((Map<String, Object>) r.getAdditionalProperties().get("status")).get("conditions");
  }

  private static StatusWriter writerAt(String time) {
    return StatusWriter.create(client, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
  }

  @Test
  void programmedCondition_landsOnTheObject_andAnUnchangedOneIsNotWrittenAgain() {
    create(Kind.KONG_PLUGIN, "st", "auth", Map.of("plugin", "key-auth"));
    ObjectRef ref = ObjectRef.of(Kind.KONG_PLUGIN, "st", "auth");
    ObjectStatus programmed = ObjectStatus.of(ref, 3,
        List.of(new StatusCondition("Programmed", "True", "Programmed", "")));

    assertThat(writerAt("2026-12-06T10:00:00Z").write(programmed)).isEqualTo(StatusWriter.Outcome.WRITTEN);
    String rv = get(Kind.KONG_PLUGIN, "st", "auth").getMetadata().getResourceVersion();
    assertThat(writerAt("2026-12-06T11:00:00Z").write(programmed)).isEqualTo(StatusWriter.Outcome.UNCHANGED);

    GenericKubernetesResource stored = get(Kind.KONG_PLUGIN, "st", "auth");
    assertThat(stored.getMetadata().getResourceVersion()).isEqualTo(rv);
    assertThat(conditions(stored)).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("type", "Programmed").containsEntry("status", "True")
          .containsEntry("reason", "Programmed").containsEntry("lastTransitionTime", "2026-12-06T10:00:00Z");
      assertThat(((Number) c.get("observedGeneration")).longValue()).isEqualTo(3);
    });
    assertThat(stored.getAdditionalProperties()).containsEntry("plugin", "key-auth");
  }

  @Test
  void aFlippedCondition_movesItsTransitionTime_andKeepsOtherTypes() {
    create(Kind.KONG_CONSUMER, "st", "alice", Map.of("username", "alice"));
    ObjectRef ref = ObjectRef.of(Kind.KONG_CONSUMER, "st", "alice");
    writerAt("2026-12-06T10:00:00Z").write(ObjectStatus.of(ref, 3, List.of(
        new StatusCondition("Programmed", "True", "Programmed", ""),
        new StatusCondition("Other", "True", "Fine", ""))));

    StatusWriter.Outcome o = writerAt("2026-12-06T12:00:00Z").write(ObjectStatus.of(ref, 4, List.of(
        new StatusCondition("Programmed", "False", "Invalid", "rejected by Kong"))));

    assertThat(o).isEqualTo(StatusWriter.Outcome.WRITTEN);
    assertThat(conditions(get(Kind.KONG_CONSUMER, "st", "alice")))
        .extracting(c -> c.get("type") + "=" + c.get("status") + "@" + c.get("lastTransitionTime"))
        .containsExactly("Programmed=False@2026-12-06T12:00:00Z", "Other=True@2026-12-06T10:00:00Z");
  }

  @Test
  @SuppressWarnings("unchecked")
  void routeParentStatus_landsUnderStatusParents_besideOtherControllers() {
    create(Kind.HTTP_ROUTE, "st", "r", Map.of(
        "spec", Map.of("parentRefs", List.of(Map.of("name", "kong"))),
        "status", Map.of("parents", List.of(Map.of("controllerName", "example.com/other",
            "parentRef", Map.of("name", "kong"), "conditions", List.of())))));
    ObjectRef ref = ObjectRef.of(Kind.HTTP_ROUTE, "st", "r");
    ObjectStatus accepted = new ObjectStatus() {
      @Override
      public ObjectRef ref() {
        return ref;
      }

      @Override
      public long observedGeneration() {
        return 3;
      }

      @Override
      public List<StatusCondition> conditions() {
        return List.of();
      }

      @Override
      public List<ParentStatus> parents() {
        return List.of(new ParentStatus("gateway.networking.k8s.io", "Gateway", "st", "kong", "",
            CONTROLLER, List.of(new StatusCondition("Accepted", "True", "Accepted", ""))));
      }
    };

    assertThat(writerAt("2026-12-06T10:00:00Z").write(accepted)).isEqualTo(StatusWriter.Outcome.WRITTEN);
    assertThat(writerAt("2026-12-06T10:05:00Z").write(accepted)).isEqualTo(StatusWriter.Outcome.UNCHANGED);

    var status = (Map<String, Object>) get(Kind.HTTP_ROUTE, "st", "r").getAdditionalProperties().get("status");
    assertThat((List<Map<String, Object>>) status.get("parents"))
        .extracting(p -> p.get("controllerName")).containsExactly("example.com/other", CONTROLLER);
  }

  @Test
  void missingObject_isNotFound_andUnreadKindIsATypedError() {
    assertThat(writerAt("2026-12-06T10:00:00Z").write(ObjectStatus.of(
        ObjectRef.of(Kind.KONG_PLUGIN, "st", "absent"), 1, List.of(new StatusCondition("Programmed", "True", "Programmed", "")))))
        .isEqualTo(StatusWriter.Outcome.NOT_FOUND);
    assertThatThrownBy(() -> writerAt("2026-12-06T10:00:00Z").write(ObjectStatus.of(
        new ObjectRef("apps", "v1", "Deployment", "st", "d", ""), 1, List.of())))
        .isInstanceOf(StatusWriteException.class)
        .hasMessageStartingWith("cannot write status of Deployment st/d: kind Deployment");
  }
}
