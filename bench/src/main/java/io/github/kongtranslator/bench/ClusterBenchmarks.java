package io.github.kongtranslator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.json.CanonicalJson;
import io.github.kongtranslator.core.manifest.ManifestLimits;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.FallbackGenerator;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.testkit.cluster.SyntheticCluster;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Whole-cluster benchmarks at 1k, 10k and 100k objects, with the limits they are judged
 * against measured in the same run: copying the object list, and plain Jackson serialisation
 * plus SHA-256 of the same configuration.
 *
 * <p>Run forked ({@code -f 1}, the default here): every (benchmark, size) trial gets its own JVM
 * with the same fixed heap ({@code -Xms2g -Xmx2g}, the memory limit) and generates its
 * cluster in {@link #setUp()}, so that a 100k measurement does not share its heap with the
 * 1k/10k clusters and configurations of earlier trials (an unforked {@code -f 0} run does, and
 * so charges the 100k steps extra GC work). Ratios between sizes are only meaningful between
 * trials run with the same JVM options and iteration settings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
public class ClusterBenchmarks {
  @Param({"1000", "10000", "100000"})
  public int size;

  private String yaml = "";
  private List<K8sObject> objects = List.of();
  private CacheStores stores = CacheStores.empty();
  private ObjectCache cache = new ObjectCache();
  private Translator translator = Translator.create(TranslatorOptions.defaults());
  private KongConfig config = KongConfig.builder().build();
  private final ObjectMapper plainJackson = new ObjectMapper();
  private int flip;
  /** Clusters by size, shared by the trials of one JVM (only with {@code -f 0}; see above). */
  private static final java.util.Map<Integer, SyntheticCluster> CLUSTERS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private FallbackGenerator fallback = FallbackGenerator.create(translator);
  private List<ObjectRef> oneBroken = List.of();
  private List<ObjectRef> onePercentBroken = List.of();

  /** Generates the cluster and the derived inputs once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticCluster cluster = CLUSTERS.computeIfAbsent(size, n -> SyntheticCluster.generate(n, 42));
    yaml = cluster.yaml();
    objects = cluster.objects();
    stores = CacheStores.of(objects);
    cache = new ObjectCache();
    objects.forEach(cache::upsert);
    config = translator.translate(stores).config();
    fallback = FallbackGenerator.create(translator);
    List<K8sObject> services = stores.list(Kind.SERVICE);
    oneBroken = List.of(services.get(services.size() / 2).ref());
    List<ObjectRef> many = new ArrayList<>();
    for (int i = 0; i < objects.size(); i += 100) {
      many.add(objects.get(i).ref());
    }
    onePercentBroken = List.copyOf(many);
  }

  /** Parse the YAML stream into typed objects. */
  @Benchmark
  public Object loadManifests() {
    return Manifests.withLimits(ManifestLimits.defaults().withMaxStreamChars(Integer.MAX_VALUE))
        .read(new StringReader(yaml), "bench").objects();
  }

  /** Limit for snapshots: copy the object list. */
  @Benchmark
  public Object baselineCopyObjectList() {
    return new ArrayList<>(objects);
  }

  /** One upsert then a snapshot of the live cache (copies only the changed kind's index). */
  @Benchmark
  public Object snapshotAfterOneChange() {
    cache.upsert(objects.get(flip++ % objects.size()));
    return cache.snapshot();
  }

  /** Build an immutable snapshot from all objects (digests every object). */
  @Benchmark
  public Object buildSnapshot() {
    return CacheStores.of(objects);
  }

  /** Snapshot hash over precomputed per-object digests (fresh snapshot, hash not memoised). */
  @Benchmark
  public Object snapshotHash() {
    return stores.toBuilder().build().hash();
  }

  /** Full translation. */
  @Benchmark
  public Object translate() {
    return translator.translate(stores);
  }

  /** Write the configuration as YAML. */
  @Benchmark
  public Object writeYaml() {
    return KongConfigWriter.yaml().write(config);
  }

  /** Write the configuration as JSON. */
  @Benchmark
  public Object writeJson() {
    return KongConfigWriter.json().write(config);
  }

  /** Canonical JSON (RFC 8785) of the config tree plus SHA-256. */
  @Benchmark
  public Object canonicalSha() {
    return CanonicalJson.sha256(config.toJson());
  }

  /** The config SHA: SHA-256 over the RFC 8785 form of the written tree. */
  @Benchmark
  public Object configSha() {
    return ConfigSha.of(config);
  }

  /** Dependency graph of the whole snapshot. */
  @Benchmark
  public Object buildGraph() {
    return ConfigGraph.of(stores);
  }

  /** Fallback with one broken Service: graph, exclusion and translation of the rest. */
  @Benchmark
  public Object fallbackOneBroken() {
    return fallback.generate(stores, oneBroken);
  }

  /** Fallback with 1 % of the objects broken. */
  @Benchmark
  public Object fallbackOnePercentBroken() {
    return fallback.generate(stores, onePercentBroken);
  }

  /** Limit for the config SHA: plain Jackson serialisation of the same tree plus SHA-256. */
  @Benchmark
  public Object baselineJacksonSha() throws Exception {
    byte[] bytes = plainJackson.writeValueAsString(config.toJson()).getBytes(StandardCharsets.UTF_8);
    return CanonicalJson.sha256(bytes);
  }
}
