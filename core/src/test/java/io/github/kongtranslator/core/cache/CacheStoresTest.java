package io.github.kongtranslator.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.ConfigMap;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheStoresTest {

  private static ConfigMap cm(String ns, String name, String uid, String rv) {
    return new ConfigMap(
        "v1", new ObjectMeta(name, ns, uid, rv, 0, Map.of(), Map.of(), ""), Map.of());
  }

  private static Secret secret(String ns, String name) {
    return new Secret("v1", ObjectMeta.of(ns, name), "Opaque", Map.of());
  }

  @Test
  void empty_hasAStoreForEveryKind() {
    CacheStores empty = CacheStores.empty();
    for (Kind k : Kind.values()) {
      assertThat(empty.list(k)).isEmpty();
      assertThat(empty.get(k, "ns", "x")).isEmpty();
    }
    assertThat(empty.all()).isEmpty();
    assertThat(empty.isEmpty()).isTrue();
  }

  @Test
  void of_laterObjectWithSameKeyReplacesEarlier() {
    CacheStores s = CacheStores.of(List.of(cm("n", "a", "u1", "1"), cm("n", "a", "u2", "2")));
    assertThat(s.list(Kind.CONFIG_MAP))
        .singleElement()
        .extracting(o -> o.metadata().uid())
        .isEqualTo("u2");
  }

  @Test
  void list_isInKeyOrder_andAllIsInStoreOrder() {
    Service svc =
        (Service)
            Manifests.parse(
                    "{apiVersion: v1, kind: Service, metadata: {name: s, namespace: n}}", "s")
                .objects()
                .get(0);
    CacheStores s =
        CacheStores.of(
            List.of(cm("z", "b", "", ""), svc, cm("a", "z", "", ""), cm("a", "b", "", "")));
    assertThat(s.list(Kind.CONFIG_MAP, ConfigMap.class))
        .extracting(K8sObject::key)
        .containsExactly("a/b", "a/z", "z/b");
    // Service (store 3) comes before ConfigMap (store 5)
    assertThat(s.all()).extracting(K8sObject::key).containsExactly("n/s", "a/b", "a/z", "z/b");
    assertThat(s.get(ObjectRef.of(Kind.SERVICE, "n", "s"))).contains(svc);
  }

  @Test
  void list_withWrongType_isRejected() {
    assertThatThrownBy(() -> CacheStores.empty().list(Kind.SERVICE, ConfigMap.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Service");
  }

  @Test
  void put_objectWithoutName_isRejectedNamingTheKind() {
    assertThatThrownBy(() -> CacheStores.builder().put(cm("n", "", "", "")))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("ConfigMap");
  }

  @Test
  void kicCompatHash_matchesSpecVectors() {
    assertThat(KicHash.of(CacheStores.empty()))
        .isEqualTo("4OYMIQUY7QOBJGX36TEJS35ZEQT24QPEMSNZGTFESWMRW6CSXBKQ====");
    assertThat(KicHash.of(CacheStores.of(List.of(cm("n", "x", "u1", "5")))))
        .isEqualTo("N7I3HYEBUUFCG2XQCFGGN55P7J6PJTIMMJ6MOEQDCUOSLIGE3GAA====");
    assertThat(
            KicHash.of(
                CacheStores.of(List.of(cm("n", "x", "b-uid", "7"), cm("n", "y", "a-uid", "12")))))
        .isEqualTo("NHPNHZXCCE4FO4QKZA32XO2HNSECPZIWCMZ2KNOPRGMZYBO66VXA====");
    assertThat(KicHash.of(CacheStores.of(List.of(cm("n", "x", "a-ui", "d12b-uid7")))))
        .isEqualTo("NHPNHZXCCE4FO4QKZA32XO2HNSECPZIWCMZ2KNOPRGMZYBO66VXA====");
  }

  @Test
  void hash_seesObjectsWithoutUidOrResourceVersion_unlikeKic() {
    CacheStores a = CacheStores.of(List.of(cm("n", "x", "", "")));
    CacheStores b = CacheStores.of(List.of(cm("n", "y", "", "")));
    assertThat(KicHash.of(a)).isEqualTo(KicHash.of(CacheStores.empty()));
    assertThat(a.hash()).isNotEqualTo(CacheStores.empty().hash()).isNotEqualTo(b.hash());
  }

  @Test
  void hash_distinguishesKicCollision() {
    CacheStores two =
        CacheStores.of(List.of(cm("n", "x", "b-uid", "7"), cm("n", "y", "a-uid", "12")));
    CacheStores one = CacheStores.of(List.of(cm("n", "x", "a-ui", "d12b-uid7")));
    assertThat(two.hash()).isNotEqualTo(one.hash()).hasSize(64);
  }

  @Test
  void hash_dependsOnTranslationEpoch() {
    CacheStores s = CacheStores.of(List.of(cm("n", "x", "", "")));
    assertThat(s.hash(new byte[] {1})).isNotEqualTo(s.hash()).isNotEqualTo(s.hash(new byte[] {2}));
    assertThat(s.hash(new byte[0])).isEqualTo(s.hash());
  }

  @Test
  void objectCache_snapshotIsImmutableAndCheapWhenUnchanged() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("n", "a", "", ""));
    CacheStores first = cache.snapshot();
    assertThat(cache.snapshot()).isSameAs(first);
    cache.upsert(cm("n", "b", "", ""));
    cache.delete(cm("n", "a", "", ""));
    CacheStores second = cache.snapshot();
    assertThat(first.list(Kind.CONFIG_MAP)).extracting(K8sObject::name).containsExactly("a");
    assertThat(second.list(Kind.CONFIG_MAP)).extracting(K8sObject::name).containsExactly("b");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void toBuilder_sharesTheStoresAndListsOfKindsItDoesNotChange() {
    CacheStores base = CacheStores.of(List.of(cm("n", "a", "", ""), secret("n", "s")));
    List<K8sObject> secrets = base.list(Kind.SECRET);
    List<K8sObject> maps = base.list(Kind.CONFIG_MAP);

    CacheStores changed =
        base.toBuilder().put(cm("n", "b", "", "")).remove(secret("n", "absent")).build();

    assertThat(changed.list(Kind.SECRET)).isSameAs(secrets);
    assertThat(changed.list(Kind.CONFIG_MAP))
        .isNotSameAs(maps)
        .extracting(K8sObject::name)
        .containsExactly("a", "b");
    assertThat(maps).extracting(K8sObject::name).containsExactly("a");
    assertThat(base.toBuilder().build().list(Kind.CONFIG_MAP)).isSameAs(maps);
  }

  @Test
  void objectCache_snapshotSharesTheListsOfUnchangedKinds() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("n", "a", "", ""));
    cache.upsert(secret("n", "s"));
    CacheStores first = cache.snapshot();
    List<K8sObject> secrets = first.list(Kind.SECRET);
    cache.upsert(cm("n", "b", "", ""));

    assertThat(cache.snapshot().list(Kind.SECRET)).isSameAs(secrets);
    assertThat(cache.snapshot().list(Kind.CONFIG_MAP)).hasSize(2);
  }

  @Test
  void objectCache_deleteOfMissingKey_isNoOp() {
    ObjectCache cache = new ObjectCache();
    CacheStores before = cache.snapshot();
    cache.delete(cm("n", "missing", "", ""));
    assertThat(cache.snapshot()).isSameAs(before);
  }

  @Test
  void toString_showsCountsOnly() {
    assertThat(CacheStores.of(List.of(cm("n", "a", "", ""))).toString())
        .isEqualTo("CacheStores[ConfigMap=1]");
  }
}
