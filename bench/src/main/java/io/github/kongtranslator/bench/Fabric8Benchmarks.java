package io.github.kongtranslator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.manifest.ManifestLimits;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.fabric8.convert.ObjectConverter;
import io.github.kongtranslator.testkit.cluster.SyntheticCluster;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.IOException;
import java.io.StringReader;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Embedding costs (issue 22), judged against limits measured in the same run:
 *
 * <ul>
 *   <li>{@link #convertFabric8Objects} (fabric8 objects, typed and generic, into the model
 *       without text) must cost at most half of {@link #translate} of the same objects;
 *       {@link #convertFabric8ViaYamlText} is the way in before: each object as YAML text, read
 *       again by {@code Manifests}.
 *   <li>{@link #loadManifests} (YAML text into the model) against {@link
 *       #baselineYamlToPlainTrees} (the same text into plain Jackson trees); the limit is
 *       2x (also in {@code ClusterBenchmarks}, at 1k, 10k and 100k objects).
 * </ul>
 *
 * <p>The fabric8 objects are what fabric8's own deserializer makes of the synthetic cluster's
 * objects: typed classes for core, networking, discovery and Gateway API kinds, {@code
 * GenericKubernetesResource} for Kong's CRDs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
public class Fabric8Benchmarks {
  @Param({"10000"})
  public int size;

  private List<HasMetadata> fabric8 = List.of();
  private CacheStores stores = CacheStores.empty();
  private String yaml = "";
  private final ObjectConverter converter = ObjectConverter.create();
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final Translator translator = Translator.create(TranslatorOptions.defaults());
  private final YAMLMapper yamlMapper = new YAMLMapper();

  /**
   * Builds the inputs of the benchmark being run.
   *
   * @param params names the benchmark
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    SyntheticCluster cluster = SyntheticCluster.generate(size, 42);
    switch (method) {
      case "convertFabric8Objects", "convertFabric8ViaYamlText" -> {
        List<HasMetadata> out = new ArrayList<>();
        for (K8sObject o : cluster.objects()) {
          out.add(serialization.unmarshal(ModelJson.toTree(o).toString(), HasMetadata.class));
        }
        fabric8 = out;
      }
      case "translate" -> stores = CacheStores.of(cluster.objects());
      default -> yaml = cluster.yaml();
    }
    System.gc();
  }

  /**
   * fabric8 objects into the model without text: typed ones through their getters, generic ones
   * (Kong's CRDs) through the loader's map entry point.
   */
  @Benchmark
  public Object convertFabric8Objects() {
    List<K8sObject> out = new ArrayList<>(fabric8.size());
    for (HasMetadata r : fabric8) {
      converter.toModel(r).ifPresent(out::add);
    }
    return out;
  }

  /** The way in before: each fabric8 object as YAML text, parsed again by Manifests. */
  @Benchmark
  public Object convertFabric8ViaYamlText() {
    List<K8sObject> out = new ArrayList<>(fabric8.size());
    for (HasMetadata r : fabric8) {
      out.addAll(Manifests.parse(serialization.asYaml(r), "fabric8").objects());
    }
    return out;
  }

  /** Translating the same objects (the limit: conversion at most half of this). */
  @Benchmark
  public Object translate() {
    return translator.translate(stores);
  }

  /** YAML text into the model. */
  @Benchmark
  public Object loadManifests() {
    return Manifests.withLimits(ManifestLimits.defaults().withMaxStreamChars(Integer.MAX_VALUE))
        .read(new StringReader(yaml), "bench").objects();
  }

  /**
   * The same text into plain Jackson trees (jackson-dataformat-yaml), the loading limit's base.
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
}
