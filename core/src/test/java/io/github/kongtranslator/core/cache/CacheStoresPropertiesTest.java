package io.github.kongtranslator.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.CorpusObjects;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Snapshot-hash and snapshot-isolation invariants of fallback-spec §6.1 and §1.6. */
class CacheStoresPropertiesTest {

  @Test
  void hashIsIndependentOfInsertionOrder() {
    qt().forAll(CorpusObjects.objectLists(), CorpusObjects.seeds())
        .checkAssert(
            (objects, seed) -> {
              List<K8sObject> shuffled = new ArrayList<>(objects);
              Collections.shuffle(shuffled, new Random(seed));
              assertThat(CacheStores.of(shuffled).hash()).isEqualTo(CacheStores.of(objects).hash());
            });
  }

  @Test
  void hashChangesWhenAnySingleFieldOfAnyObjectChanges() {
    qt().forAll(CorpusObjects.objectLists(), CorpusObjects.seeds())
        .checkAssert(
            (objects, seed) -> {
              Random rnd = new Random(seed);
              int i = rnd.nextInt(objects.size());
              K8sObject original = objects.get(i);
              JsonNode tree = ModelJson.toTree(original);
              JsonNode mutatedTree = CorpusObjects.mutateOneLeaf(tree, rnd);
              K8sObject mutated = CorpusObjects.bind(mutatedTree, original);
              assertThat(mutated).as("mutated %s", original.ref()).isNotEqualTo(original);
              List<K8sObject> changed = new ArrayList<>(objects);
              changed.set(i, mutated);
              assertThat(CacheStores.of(changed).hash())
                  .isNotEqualTo(CacheStores.of(objects).hash());
            });
  }

  @Test
  void editingThroughToBuilderEqualsBuildingTheResultAfresh_andLeavesTheBaseAlone() {
    qt().forAll(CorpusObjects.objectLists(), CorpusObjects.seeds())
        .checkAssert(
            (objects, seed) -> {
              Random rnd = new Random(seed);
              int cut = rnd.nextInt(objects.size() + 1);
              CacheStores base = CacheStores.of(objects.subList(0, cut));
              List<K8sObject> baseAll = List.copyOf(base.all());
              base.list(objects.get(0).kind()); // memos of the base may be shared or not
              CacheStores.Builder edited = base.toBuilder();
              java.util.Map<String, K8sObject> model = new java.util.LinkedHashMap<>();
              objects.subList(0, cut).forEach(o -> model.put(o.kind() + " " + o.key(), o));
              for (K8sObject o : objects.subList(cut, objects.size())) {
                edited.put(o);
                model.put(o.kind() + " " + o.key(), o);
              }
              for (K8sObject o : objects) {
                if (rnd.nextInt(4) == 0) {
                  edited.remove(o);
                  model.remove(o.kind() + " " + o.key());
                }
              }
              CacheStores result = edited.build();
              CacheStores fresh = CacheStores.of(model.values());
              assertThat(result.all()).isEqualTo(fresh.all());
              assertThat(result.hash()).isEqualTo(fresh.hash());
              for (K8sObject o : objects) {
                assertThat(result.get(o.ref())).isEqualTo(fresh.get(o.ref()));
                assertThat(result.list(o.kind())).isEqualTo(fresh.list(o.kind()));
              }
              assertThat(base.all()).isEqualTo(baseAll);
            });
  }

  @Test
  void loadingThenReserializingAnObjectGivesAnEqualObject() {
    qt().forAll(CorpusObjects.objectLists())
        .checkAssert(
            objects -> {
              for (K8sObject o : objects) {
                ObjectNode tree = (ObjectNode) ModelJson.toTree(o);
                assertThat(CorpusObjects.reparse(tree)).isEqualTo(o);
              }
            });
  }

  @Test
  void snapshotsStayUnchangedWhileOtherThreadsKeepWriting() throws Exception {
    qt().withExamples(20)
        .forAll(CorpusObjects.objectLists())
        .checkAssert(
            objects -> {
              ObjectCache cache = new ObjectCache();
              objects.forEach(cache::upsert);
              CacheStores snap = cache.snapshot();
              String hash = snap.hash();
              List<K8sObject> listed = snap.all();
              AtomicBoolean stop = new AtomicBoolean();
              CountDownLatch started = new CountDownLatch(2);
              List<Thread> writers = new ArrayList<>();
              for (int t = 0; t < 2; t++) {
                int id = t;
                Thread w =
                    new Thread(
                        () -> {
                          started.countDown();
                          Random rnd = new Random(id);
                          while (!stop.get()) {
                            K8sObject o = objects.get(rnd.nextInt(objects.size()));
                            if (rnd.nextBoolean()) {
                              cache.delete(o);
                            } else {
                              cache.upsert(CorpusObjects.renamed(o, "w" + rnd.nextInt(50)));
                            }
                          }
                        });
                w.start();
                writers.add(w);
              }
              try {
                started.await();
                for (int k = 0; k < 50; k++) {
                  CacheStores other = cache.snapshot();
                  assertThat(other.size()).isGreaterThanOrEqualTo(0);
                  assertThat(snap.all()).isEqualTo(listed);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                stop.set(true);
                writers.forEach(
                    w -> {
                      try {
                        w.join();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              }
              assertThat(CacheStores.of(snap.all()).hash()).isEqualTo(hash);
              assertThat(snap.hash()).isEqualTo(hash);
            });
  }
}
