package io.github.kongtranslator.fabric8.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.convert.ConversionException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge's handler driven directly, event by event, as an informer would. */
class InformerBridgeTest {
  private final ObjectCache cache = new ObjectCache();
  private final List<ObjectRef> changed = new ArrayList<>();
  private final List<ConversionException> failed = new ArrayList<>();
  private final BridgeListener listener =
      new BridgeListener() {
        @Override
        public void changed(ObjectRef ref) {
          changed.add(ref);
        }

        @Override
        public void conversionFailed(ConversionException error) {
          failed.add(error);
        }
      };

  private ResourceEventHandler<HasMetadata> handler(InformerBridge.Builder b) {
    return b.listener(listener).build().handler();
  }

  private static Service service(String name, int port, String resourceVersion) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .withNewSpec()
        .addNewPort()
        .withPort(port)
        .endPort()
        .endSpec()
        .build();
  }

  private static Ingress ingress(String name, String className, String annotation) {
    var b =
        new IngressBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("ns")
            .addToAnnotations(
                annotation.isEmpty()
                    ? java.util.Map.of()
                    : java.util.Map.of("kubernetes.io/ingress.class", annotation))
            .endMetadata()
            .withNewSpec()
            .withIngressClassName(className.isEmpty() ? null : className)
            .withNewDefaultBackend()
            .withNewService()
            .withName("s")
            .withNewPort()
            .withNumber(80)
            .endPort()
            .endService()
            .endDefaultBackend()
            .endSpec();
    return b.build();
  }

  private static int portOf(ObjectCache cache, String name) {
    var svc =
        (io.github.kongtranslator.core.model.Service)
            cache.get(ObjectRef.of(Kind.SERVICE, "ns", name)).orElseThrow();
    return svc.spec().ports().get(0).port();
  }

  @Test
  void addUpdateDelete_keepTheCacheInStep() {
    var h = handler(InformerBridge.builder(cache));
    h.onAdd(service("a", 80, "1"));
    h.onUpdate(service("a", 80, "1"), service("a", 81, "2"));
    assertThat(portOf(cache, "a")).isEqualTo(81);

    h.onDelete(service("a", 81, "2"), false);

    assertThat(cache.size()).isZero();
    assertThat(changed)
        .containsExactly(
            ObjectRef.of(Kind.SERVICE, "ns", "a"),
            ObjectRef.of(Kind.SERVICE, "ns", "a"),
            ObjectRef.of(Kind.SERVICE, "ns", "a"));
  }

  @Test
  void tombstoneWithStaleState_stillDeletesByKey() {
    var h = handler(InformerBridge.builder(cache));
    h.onAdd(service("a", 80, "1"));
    // the informer missed later updates: the tombstone carries an old version of the object
    h.onDelete(service("a", 9999, "0"), true);

    assertThat(cache.size()).isZero();
  }

  @Test
  void resyncOfAnUnchangedObject_isNotAChange() {
    var h = handler(InformerBridge.builder(cache));
    h.onAdd(service("a", 80, "1"));
    var snapshot = cache.snapshot();

    h.onUpdate(service("a", 80, "1"), service("a", 80, "1"));

    assertThat(changed).hasSize(1);
    assertThat(cache.snapshot()).isSameAs(snapshot);
  }

  @Test
  void kindsNotWatched_areIgnored() {
    var h = handler(InformerBridge.builder(cache).kinds(EnumSet.of(Kind.INGRESS)));
    h.onAdd(service("a", 80, "1"));
    assertThat(cache.size()).isZero();
    assertThat(changed).isEmpty();
  }

  @Test
  void ingressOfAnotherClass_staysOut_andLeavesWhenItMovesThere() {
    var h = handler(InformerBridge.builder(cache).ingressClass("kong"));
    h.onAdd(ingress("mine", "kong", ""));
    h.onAdd(ingress("theirs", "nginx", ""));
    h.onAdd(ingress("annotated-theirs", "kong", "nginx"));
    h.onAdd(ingress("classless", "", ""));
    assertThat(cache.snapshot().list(Kind.INGRESS))
        .extracting(o -> o.name())
        .containsExactly("classless", "mine");

    h.onUpdate(ingress("mine", "kong", ""), ingress("mine", "nginx", ""));

    assertThat(cache.snapshot().list(Kind.INGRESS))
        .extracting(o -> o.name())
        .containsExactly("classless");
  }

  @Test
  void anUnreadableUpdate_isReported_andKeepsTheLastGoodVersion() {
    var h = handler(InformerBridge.builder(cache));
    GenericKubernetesResource good =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("configuration.konghq.com/v1")
            .withKind("KongPlugin")
            .withNewMetadata()
            .withName("p")
            .withNamespace("ns")
            .endMetadata()
            .addToAdditionalProperties("plugin", "key-auth")
            .build();
    GenericKubernetesResource bad =
        new GenericKubernetesResourceBuilder(good)
            .addToAdditionalProperties("disabled", "not-a-boolean")
            .build();
    h.onAdd(good);

    h.onUpdate(good, bad);

    assertThat(failed)
        .singleElement()
        .extracting(ConversionException::object)
        .isEqualTo("KongPlugin ns/p");
    assertThat(cache.get(ObjectRef.of(Kind.KONG_PLUGIN, "ns", "p"))).isPresent();
  }
}
