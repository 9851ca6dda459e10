package io.github.kongtranslator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Whole-cluster benchmarks at 1k, 10k and 100k objects, with the limits they are judged
 * against measured in the same run: copying the object list, plain Jackson serialisation plus
 * SHA-256 of the same configuration, and reading the same YAML text into plain Jackson trees
 * (loading at most 2x that).
 *
 * <p>Run forked ({@code -f 1}, the default here): every (benchmark, size) trial gets its own JVM
 * with the same fixed heap ({@code -Xms2g -Xmx2g}, the memory limit) and generates its
 * cluster in {@link #setUp}, so that a 100k measurement does not share its heap with the
 * 1k/10k clusters and configurations of earlier trials (an unforked {@code -f 0} run does, and
 * so charges the 100k steps extra GC work).
 *
 * <p>Each trial keeps alive only the inputs its benchmark reads (see {@link Input}): the
 * translation benchmarks hold the snapshot, the writers the configuration, manifest loading
 * the YAML text, and so on, as a controller holds its cache while it translates. Everything
 * else the setup derived (the cluster's YAML, the other benchmarks' inputs) is dropped before
 * measuring, so it does not add to the old generation that the collector works around during
 * the measured operations. Ratios between sizes are only meaningful between trials run with
 * the same JVM options and iteration settings.
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

  /** The inputs a benchmark reads; {@link #setUp} builds only those of the running one. */
  enum Input {
    YAML, OBJECTS, CACHE, STORES, CONFIG, BROKEN
  }

  private static final Map<String, Set<Input>> INPUTS = Map.ofEntries(
      Map.entry("loadManifests", EnumSet.of(Input.YAML)),
      Map.entry("baselineYamlToPlainTrees", EnumSet.of(Input.YAML)),
      Map.entry("baselineCopyObjectList", EnumSet.of(Input.OBJECTS)),
      Map.entry("snapshotAfterOneChange", EnumSet.of(Input.OBJECTS, Input.CACHE)),
      Map.entry("buildSnapshot", EnumSet.of(Input.OBJECTS)),
      Map.entry("snapshotHash", EnumSet.of(Input.STORES)),
      Map.entry("translate", EnumSet.of(Input.STORES)),
      Map.entry("writeYaml", EnumSet.of(Input.CONFIG)),
      Map.entry("writeJson", EnumSet.of(Input.CONFIG)),
      Map.entry("canonicalSha", EnumSet.of(Input.CONFIG)),
      Map.entry("configSha", EnumSet.of(Input.CONFIG)),
      Map.entry("baselineJacksonSha", EnumSet.of(Input.CONFIG)),
      Map.entry("buildGraph", EnumSet.of(Input.STORES)),
      Map.entry("baselineVisitObjects", EnumSet.of(Input.STORES)),
      Map.entry("fallbackOneBroken", EnumSet.of(Input.STORES, Input.BROKEN)),
      Map.entry("fallbackOnePercentBroken", EnumSet.of(Input.STORES, Input.BROKEN)));

  private String yaml = "";
  private List<K8sObject> objects = List.of();
  private CacheStores stores = CacheStores.empty();
  private ObjectCache cache = new ObjectCache();
  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private KongConfig config = KongConfig.builder().build();
  private final ObjectMapper plainJackson = new ObjectMapper();
  private final YAMLMapper yamlMapper = new YAMLMapper();
  private int flip;
  private final FallbackGenerator fallback = FallbackGenerator.create(translator);
  private List<ObjectRef> oneBroken = List.of();
  private List<ObjectRef> onePercentBroken = List.of();

  /**
   * Generates the cluster and keeps the inputs of the benchmark being run, once per trial.
   *
   * @param params the trial's parameters, naming the benchmark
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    Set<Input> needs = INPUTS.getOrDefault(method, EnumSet.allOf(Input.class));
    SyntheticCluster cluster = SyntheticCluster.generate(size, 42);
    if (needs.contains(Input.YAML)) {
      yaml = cluster.yaml();
    }
    List<K8sObject> all = cluster.objects();
    if (needs.contains(Input.OBJECTS)) {
      objects = all;
    }
    if (needs.contains(Input.CACHE)) {
      cache = new ObjectCache();
      all.forEach(cache::upsert);
    }
    CacheStores snapshot = CacheStores.of(all);
    if (needs.contains(Input.STORES)) {
      stores = snapshot;
    }
    if (needs.contains(Input.CONFIG)) {
      config = translator.translate(snapshot).config();
    }
    if (needs.contains(Input.BROKEN)) {
      List<K8sObject> services = snapshot.list(Kind.SERVICE);
      oneBroken = List.of(services.get(services.size() / 2).ref());
      List<ObjectRef> many = new ArrayList<>();
      for (int i = 0; i < all.size(); i += 100) {
        many.add(all.get(i).ref());
      }
      onePercentBroken = List.copyOf(many);
    }
    System.gc(); // start measuring from the inputs alone, not the setup's garbage
  }

  /**
   * Parse the YAML stream into typed objects: defaults, validation against the bundled CRD
   * schemas, binding. Limit (issue 22): at most 2x {@link #baselineYamlToPlainTrees} of the same
   * text at 100k objects.
   */
  @Benchmark
  public Object loadManifests() {
    return Manifests.withLimits(ManifestLimits.bulk())
        .read(new StringReader(yaml), "bench").objects();
  }

  /**
   * Limit for {@link #loadManifests} (at most 2x this, issue 22): the same text into plain
   * Jackson trees (jackson-dataformat-yaml, which reads with the same SnakeYAML scanner and
   * parser), one per document.
   *
   * @return the trees
   * @throws IOException never for the generated text
   */
  @Benchmark
  public Object baselineYamlToPlainTrees() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = yamlMapper.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
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

  /**
   * Limit for every step that reads each object of a snapshot once (graph, translation): visit
   * the snapshot's objects in its order and read what naming each one takes (kind, namespace,
   * name, uid), no other work. Its 10k → 100k ratio is the scaling a linear pass over the
   * objects gets on this machine.
   */
  @Benchmark
  public long baselineVisitObjects() {
    long h = 0;
    for (K8sObject o : stores.all()) {
      h = 31 * h + o.kind().ordinal();
      h = 31 * h + o.namespace().hashCode();
      h = 31 * h + o.metadata().name().hashCode();
      h = 31 * h + o.metadata().uid().hashCode();
    }
    return h;
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
