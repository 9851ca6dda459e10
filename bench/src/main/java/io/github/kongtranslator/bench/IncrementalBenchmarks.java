package io.github.kongtranslator.bench;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.testkit.cluster.SyntheticCluster;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.incremental.IncrementalTranslator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One object changed in a synthetic cluster: incremental translation of the new snapshot
 * against a full translation of the same cluster, in the same run. Each invocation really
 * changes the object (it alternates between two versions: the cluster's own and its namesake
 * from the same cluster generated with another seed), takes an {@link ObjectCache} snapshot and
 * translates it. {@code change} picks the object: an EndpointSlice (the most frequent change in
 * a real cluster), an Ingress, a KongConsumer's key-auth credential Secret, or the EndpointSlice of an application whose
 * Ingress has TLS.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IncrementalBenchmarks {
  @Param({"10000", "100000"})
  public int size;

  @Param({"endpointSlice", "ingress", "credentialSecret", "tlsAppEndpointSlice"})
  public String change;

  private ObjectCache cache = new ObjectCache();
  private CacheStores stores = CacheStores.empty();
  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private IncrementalTranslator incremental = IncrementalTranslator.create(TranslatorOptions.defaults());
  private K8sObject[] versions = new K8sObject[2];
  private int flip;

  /** Generates the cluster, fills the cache and makes the first (full) incremental translation. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticCluster cluster = SyntheticCluster.generate(size, 42);
    SyntheticCluster other = SyntheticCluster.generate(size, 4242);
    Map<String, K8sObject> namesakes = new HashMap<>();
    other.objects().forEach(o -> namesakes.put(o.kind() + "/" + o.key(), o));
    cache = new ObjectCache();
    cluster.objects().forEach(cache::upsert);
    stores = cache.snapshot();
    K8sObject target = pick(stores, namesakes);
    K8sObject alt = namesakes.get(target.kind() + "/" + target.key());
    if (alt == null || alt.equals(target)) {
      throw new IllegalStateException("no distinct namesake for " + target.ref());
    }
    versions = new K8sObject[] {target, alt};
    long before = usedHeap();
    TranslationResult plain = translator.translate(stores);
    long withConfig = usedHeap();
    incremental = IncrementalTranslator.create(TranslatorOptions.defaults());
    TranslationResult first = incremental.translate(stores);
    boolean same = first.config().equals(plain.config());
    plain = null;
    long withIncremental = usedHeap();
    first.config().services().forEach(e -> e.canonicalJson());
    first.config().sections().values().forEach(l -> l.forEach(e -> e.canonicalJson()));
    long withSha = usedHeap();
    System.err.printf("%n[incremental] size=%d units=%d; heap: config of a full translation"
        + " %d MiB; incremental translator holding its config %d MiB (so %d MiB for reuse);"
        + " plus memoised canonical bytes for the SHA %d MiB%n", size,
        incremental.lastStats().units(), (withConfig - before) >> 20,
        (withIncremental - before) >> 20, (withIncremental - withConfig) >> 20,
        (withSha - withIncremental) >> 20);
    if (!same) {
      throw new IllegalStateException("incremental result differs from full translation");
    }
  }

  private K8sObject pick(CacheStores s, Map<String, K8sObject> namesakes) {
    List<K8sObject> ingresses = s.list(Kind.INGRESS);
    switch (change) {
      case "credentialSecret" -> {
        // the middle consumer whose key-auth Secret has a different namesake in the other cluster
        List<K8sObject> consumers = s.list(Kind.KONG_CONSUMER);
        for (int i = consumers.size() / 2; i < consumers.size(); i++) {
          K8sObject c = consumers.get(i);
          K8sObject key = s.get(Kind.SECRET, c.metadata().namespace(),
              c.metadata().name() + "-key").orElseThrow();
          K8sObject alt = namesakes.get(key.kind() + "/" + key.key());
          if (alt != null && !alt.equals(key)) {
            return key;
          }
        }
        throw new IllegalStateException("no credential Secret with a distinct namesake");
      }
      case "ingress", "endpointSlice", "tlsAppEndpointSlice" -> {
        boolean tls = change.equals("tlsAppEndpointSlice");
        for (int i = ingresses.size() / 2; i < ingresses.size(); i++) {
          Ingress ing = (Ingress) ingresses.get(i);
          if (ing.spec().tls().isEmpty() == tls) {
            continue;
          }
          if (change.equals("ingress")) {
            return ing;
          }
          String app = ing.metadata().name();
          return s.list(Kind.ENDPOINT_SLICE).stream()
              .filter(e -> e.metadata().namespace().equals(ing.metadata().namespace())
                  && e.metadata().name().startsWith(app + "-x"))
              .findFirst().orElseThrow();
        }
        throw new IllegalStateException("no Ingress for " + change);
      }
      default -> throw new IllegalArgumentException(change);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** The limit: a full translation of the (current) cluster. */
  @Benchmark
  public TranslationResult fullTranslate() {
    return translator.translate(stores);
  }

  /** Full translation plus the config SHA. */
  @Benchmark
  public ConfigSha fullTranslateAndSha() {
    return ConfigSha.of(translator.translate(stores).config());
  }

  /** One object changed: upsert, snapshot, incremental translation. */
  @Benchmark
  public TranslationResult incrementalOneChange() {
    cache.upsert(versions[flip++ & 1]);
    return incremental.translate(cache.snapshot());
  }

  /** One object changed, plus the config SHA of the result. */
  @Benchmark
  public ConfigSha incrementalOneChangeAndSha() {
    cache.upsert(versions[flip++ & 1]);
    return ConfigSha.of(incremental.translate(cache.snapshot()).config());
  }
}
