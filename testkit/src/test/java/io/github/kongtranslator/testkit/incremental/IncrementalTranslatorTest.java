package io.github.kongtranslator.testkit.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.testkit.cluster.SyntheticCluster;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.incremental.IncrementalStats;
import io.github.kongtranslator.translator.incremental.IncrementalTranslator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How much an incremental translation redoes: one changed object re-translates its own unit (and
 * units that read it), not the cluster; global kinds rebuild everything. Work is counted, not timed
 * (timings are in the bench module).
 */
class IncrementalTranslatorTest {
  private static final int SIZE = 2000;
  private final Translator full = Translator.create(TranslatorOptions.defaults());
  private IncrementalTranslator inc = IncrementalTranslator.create(TranslatorOptions.defaults());
  private final ObjectCache cache = new ObjectCache();
  private final Map<String, K8sObject> namesakes = new HashMap<>();

  @BeforeEach
  void fill() {
    SyntheticCluster.generate(SIZE, 7).objects().forEach(cache::upsert);
    SyntheticCluster.generate(SIZE, 8)
        .objects()
        .forEach(o -> namesakes.put(o.kind() + "/" + o.key(), o));
    inc = IncrementalTranslator.create(TranslatorOptions.defaults());
    inc.translate(cache.snapshot());
    assertThat(inc.lastStats().rebuilt()).isTrue();
    assertThat(inc.lastStats().units()).isGreaterThan(SIZE / 10);
  }

  private IncrementalStats change(K8sObject o) {
    K8sObject other = namesakes.get(o.kind() + "/" + o.key());
    assertThat(other).as("namesake of %s", o.ref()).isNotNull().isNotEqualTo(o);
    cache.upsert(other);
    CacheStores s = cache.snapshot();
    same(s);
    return inc.lastStats();
  }

  private void same(CacheStores s) {
    var actual = inc.translate(s);
    var expected = full.translate(s);
    assertThat(actual.config()).isEqualTo(expected.config());
    assertThat(actual.failures()).isEqualTo(expected.failures());
  }

  private Ingress ingress(boolean tls) {
    return cache.snapshot().list(Kind.INGRESS, Ingress.class).stream()
        .filter(i -> i.spec().tls().isEmpty() != tls)
        .findFirst()
        .orElseThrow();
  }

  private K8sObject sliceOf(Ingress ing) {
    return cache.snapshot().list(Kind.ENDPOINT_SLICE).stream()
        .filter(
            e ->
                e.metadata().namespace().equals(ing.metadata().namespace())
                    && e.metadata().name().startsWith(ing.metadata().name() + "-x"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anEndpointSliceChange_retranslatesOneSmallUnit() {
    IncrementalStats s = change(sliceOf(ingress(false)));
    assertThat(s.rebuilt()).isFalse();
    assertThat(s.fullTranslation()).isFalse();
    assertThat(s.unitsTranslated()).isEqualTo(1);
    assertThat(s.objectsTranslated()).isLessThan(20);
  }

  @Test
  void applicationsSharingOneTlsCertificate_areNotTiedTogether() {
    // every TLS Secret of the synthetic cluster holds the same certificate
    IncrementalStats s = change(sliceOf(ingress(true)));
    assertThat(s.unitsTranslated()).isEqualTo(1);
    assertThat(s.objectsTranslated()).isLessThan(20);
    IncrementalStats t = change(ingress(true));
    assertThat(t.unitsTranslated()).isEqualTo(1);
    assertThat(t.objectsTranslated()).isLessThan(20);
  }

  @Test
  void aChangeToAGlobalKind_rebuildsEverything() {
    CacheStores s = cache.snapshot();
    cache.upsert(
        Manifests.parse(
                """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: kong}
        spec: {controller: ingress-controllers.konghq.com/kong}
        """,
                "class")
            .objects()
            .get(0));
    CacheStores next = cache.snapshot();
    same(next);
    assertThat(inc.lastStats().rebuilt()).isTrue();
    assertThat(inc.lastStats().unitsTranslated()).isEqualTo(inc.lastStats().units());
    assertThat(s.size()).isEqualTo(SIZE);
  }

  @Test
  void theSameSnapshotAgain_translatesNothing() {
    CacheStores s = cache.snapshot();
    inc.translate(s);
    assertThat(inc.lastStats().unitsTranslated()).isZero();
    List<K8sObject> all = s.all();
    cache.upsert(all.get(all.size() / 2)); // same content
    inc.translate(cache.snapshot());
    assertThat(inc.lastStats().unitsTranslated()).isZero();
  }
}
