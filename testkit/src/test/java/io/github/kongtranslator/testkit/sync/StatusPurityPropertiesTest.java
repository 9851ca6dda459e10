package io.github.kongtranslator.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.testkit.gateway.SimulatedGateway;
import io.github.kongtranslator.testkit.gen.ClusterGens;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Status is a pure function of the snapshot and the last sync result (issue 19): the same inputs,
 * with the snapshot's objects and the result's collections in any order, give the same status. The
 * snapshots come from the synthetic cluster generator; the result from a real tick against a
 * simulated gateway that rejects some of the objects.
 */
class StatusPurityPropertiesTest {
  static final AttachmentOptions OPTIONS =
      AttachmentOptions.of(AttachmentOptions.KIC_CONTROLLER_NAME);

  static <T> List<T> shuffled(List<T> in, Random rnd) {
    List<T> out = new ArrayList<>(in);
    Collections.shuffle(out, rnd);
    return out;
  }

  static SyncResult reordered(SyncResult r, Random rnd) {
    Map<ObjectRef, ExclusionReason> excluded = new LinkedHashMap<>();
    for (ObjectRef k : shuffled(new ArrayList<>(r.excluded().keySet()), rnd)) {
      excluded.put(k, r.excluded().get(k));
    }
    SyncResult.Builder b =
        SyncResult.builder(r.outcome(), r.snapshotHash())
            .translationFailures(shuffled(r.translationFailures(), rnd))
            .brokenObjects(shuffled(r.brokenObjects(), rnd))
            .excluded(excluded)
            .backfilled(new LinkedHashSet<>(shuffled(new ArrayList<>(r.backfilled()), rnd)))
            .configuredObjects(
                new LinkedHashSet<>(shuffled(new ArrayList<>(r.configuredObjects()), rnd)))
            .gateways(r.gateways());
    r.desiredSha().ifPresent(b::desiredSha);
    r.appliedSha().ifPresent(b::appliedSha);
    return b.build();
  }

  @Test
  void sameSnapshotAndResult_inAnyOrder_giveTheSameStatus() {
    qt().forAll(ClusterGens.snapshots(15), longs().all())
        .checkAssert(
            (snapshot, seed) -> {
              Random rnd = new Random(seed);
              List<ObjectRef> rejected = new ArrayList<>();
              for (K8sObject o : snapshot.all()) {
                if (rnd.nextInt(4) == 0) {
                  rejected.add(o.ref());
                }
              }
              SimulatedGateway kong =
                  SimulatedGateway.atomic("kong", SimulatedGateway.taggedByAny(rejected));
              SyncResult r =
                  ConfigSynchronizer.builder(Loop.TRANSLATOR).gateway(kong).build().sync(snapshot);
              StatusReport expected = Statuses.of(snapshot, r, OPTIONS);
              assertThat(expected.objects()).hasSize(snapshot.size());
              CacheStores again = CacheStores.of(shuffled(snapshot.all(), rnd));
              StatusReport actual = Statuses.of(again, reordered(r, rnd), OPTIONS);
              assertThat(actual).isEqualTo(expected);
              assertThat(List.copyOf(actual.objects().keySet()))
                  .isEqualTo(List.copyOf(expected.objects().keySet()));
              assertThat(actual.changesSince(expected)).isEmpty();
            });
  }
}
