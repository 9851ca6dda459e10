package io.github.kongtranslator.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.core.model.ConfigMap;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CacheStores#changesSince} and {@link CacheStores#subset}. */
class CacheStoresChangesTest {

  private static ConfigMap cm(String ns, String name, String value) {
    return new ConfigMap("v1", ObjectMeta.of(ns, name), Map.of("k", value));
  }

  @Test
  void changesSince_reportsAddedUpdatedAndDeleted_inKeyOrder() {
    ObjectCache cache = new ObjectCache();
    cache.upsert(cm("a", "keep", "1"));
    cache.upsert(cm("a", "edit", "1"));
    cache.upsert(cm("a", "gone", "1"));
    CacheStores before = cache.snapshot();
    cache.upsert(cm("a", "edit", "2"));
    cache.delete(cm("a", "gone", "1"));
    cache.upsert(cm("b", "new", "1"));
    cache.upsert(cm("a", "keep", "1")); // same content again: no change
    CacheStores after = cache.snapshot();

    List<ObjectChange> changes = after.changesSince(before);

    assertThat(changes)
        .extracting(ObjectChange::toString)
        .containsExactly(
            "updated ConfigMap a/edit", "deleted ConfigMap a/gone", "added ConfigMap b/new");
    assertThat(changes.get(0).before()).contains(cm("a", "edit", "1"));
    assertThat(changes.get(0).after()).contains(cm("a", "edit", "2"));
    assertThat(changes.get(1).after()).isEmpty();
    assertThat(changes.get(2).before()).isEmpty();
    assertThat(before.changesSince(after))
        .extracting(ObjectChange::toString)
        .containsExactly(
            "updated ConfigMap a/edit", "added ConfigMap a/gone", "deleted ConfigMap b/new");
  }

  @Test
  void changesSince_isEmptyForEqualContent_evenAcrossUnrelatedSnapshots() {
    CacheStores one = CacheStores.of(List.of(cm("a", "x", "1"), cm("a", "y", "2")));
    CacheStores two = CacheStores.of(List.of(cm("a", "y", "2"), cm("a", "x", "1")));
    assertThat(two.changesSince(one)).isEmpty();
    assertThat(one.changesSince(one)).isEmpty();
    assertThat(one.changesSince(CacheStores.empty())).hasSize(2);
  }

  @Test
  void changesSince_neverShowsContentInToString() {
    ObjectChange c =
        CacheStores.of(List.of(cm("a", "x", "s3cr3t-value")))
            .changesSince(CacheStores.empty())
            .get(0);
    assertThat(c.toString()).doesNotContain("s3cr3t").isEqualTo("added ConfigMap a/x");
  }

  @Test
  void subset_holdsExactlyTheGivenObjects_withTheSameHash() {
    ConfigMap x = cm("a", "x", "1");
    ConfigMap y = cm("a", "y", "2");
    CacheStores all = CacheStores.of(List.of(x, y, cm("b", "z", "3")));
    CacheStores sub = all.subset(List.of(y, x));
    assertThat(sub.list(Kind.CONFIG_MAP)).containsExactly(x, y);
    assertThat(sub.size()).isEqualTo(2);
    assertThat(sub.hash()).isEqualTo(CacheStores.of(List.of(x, y)).hash());
    for (Kind k : Kind.values()) {
      assertThat(sub.list(k)).isNotNull();
    }
  }

  @Test
  void subset_rejectsAnObjectTheSnapshotDoesNotHold() {
    CacheStores all = CacheStores.of(List.of(cm("a", "x", "1")));
    assertThatThrownBy(() -> all.subset(List.of(cm("a", "other", "1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/other");
  }
}
