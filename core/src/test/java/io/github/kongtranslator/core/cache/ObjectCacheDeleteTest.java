package io.github.kongtranslator.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.model.ConfigMap;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectCacheDeleteTest {

  private static ConfigMap cm(String ns, String name, String uid) {
    return new ConfigMap(
        "v1", new ObjectMeta(name, ns, uid, "7", 0, Map.of(), Map.of(), ""), Map.of());
  }

  private static KongClusterPlugin kcp(String name) {
    return new KongClusterPlugin(
        "configuration.konghq.com/v1",
        ObjectMeta.of("", name),
        "cors",
        null,
        null,
        List.of(),
        false,
        List.of(),
        null,
        null,
        null,
        null);
  }

  @Test
  void deleteByRef_removesOnlyThatKindNamespaceAndName() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("a", "x", "u1"));
    cache.upsert(cm("b", "x", "u2"));
    cache.upsert(cm("a", "y", "u3"));

    boolean removed = cache.delete(ObjectRef.of(Kind.CONFIG_MAP, "a", "x"));

    assertThat(removed).isTrue();
    assertThat(cache.snapshot().list(Kind.CONFIG_MAP))
        .extracting(K8sObject::key)
        .containsExactly("a/y", "b/x");
  }

  @Test
  void deleteByRef_ignoresVersionAndUid_likeATombstoneKey() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("a", "x", "uid-1"));

    boolean removed = cache.delete(new ObjectRef("", "v9", "ConfigMap", "a", "x", "other-uid"));

    assertThat(removed).isTrue();
    assertThat(cache.size()).isZero();
  }

  @Test
  void deleteByRef_ofAbsentObject_isANoOpAndKeepsTheSnapshot() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("a", "x", ""));
    CacheStores before = cache.snapshot();

    assertThat(cache.delete(ObjectRef.of(Kind.CONFIG_MAP, "a", "missing"))).isFalse();
    assertThat(cache.delete(ObjectRef.of(Kind.SECRET, "a", "x"))).isFalse();

    assertThat(cache.snapshot()).isSameAs(before);
  }

  @Test
  void deleteByRef_ofUnreadKind_returnsFalse() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("a", "x", ""));

    assertThat(cache.delete(new ObjectRef("apps", "v1", "Deployment", "a", "x", ""))).isFalse();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void deleteByRef_ofClusterScopedKind_ignoresANamespace() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(kcp("global-cors"));

    boolean removed =
        cache.delete(
            new ObjectRef(
                Kind.KONG_GROUP, "v1", "KongClusterPlugin", "some-ns", "global-cors", ""));

    assertThat(removed).isTrue();
    assertThat(cache.snapshot().list(Kind.KONG_CLUSTER_PLUGIN)).isEmpty();
  }

  @Test
  void get_findsTheLiveObjectByRef() {
    ObjectCache cache = new ObjectCache();
    ConfigMap x = cm("a", "x", "u1");
    cache.upsert(x);

    assertThat(cache.get(ObjectRef.of(Kind.CONFIG_MAP, "a", "x"))).containsSame(x);
    assertThat(cache.get(ObjectRef.of(Kind.CONFIG_MAP, "b", "x"))).isEmpty();
    cache.delete(x.ref());
    assertThat(cache.get(ObjectRef.of(Kind.CONFIG_MAP, "a", "x"))).isEmpty();
  }
}
