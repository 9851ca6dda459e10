package io.github.kongtranslator.translator.conformance;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One variant of one golden case directory: {@code in.yaml}, {@code <variant>_golden.yaml} and the
 * feature flags of {@code <variant>_settings.yaml} (empty when that file is absent).
 *
 * @param caseName the case directory's name
 * @param variant the variant name, e.g. {@code default} or {@code expression-routes-on}
 * @param input path of {@code in.yaml}
 * @param golden path of the expected configuration
 * @param featureFlags the variant's flags by KIC name, in file order
 */
public record GoldenCase(
    String caseName,
    String variant,
    Path input,
    Path golden,
    ImmutableMap<String, Boolean> featureFlags) {

  /**
   * Validates the components.
   *
   * @param caseName the case directory's name
   * @param variant the variant name, e.g. {@code default} or {@code expression-routes-on}
   * @param input path of {@code in.yaml}
   * @param golden path of the expected configuration
   * @param featureFlags the variant's flags by KIC name, in file order
   */
  public GoldenCase {
    Objects.requireNonNull(caseName);
    Objects.requireNonNull(variant);
    Objects.requireNonNull(input);
    Objects.requireNonNull(golden);
    featureFlags = ImmutableMap.copyOf(featureFlags);
  }

  /** {@return {@code case/variant}, the name used in reports and known-failure lists} */
  public String id() {
    return caseName + "/" + variant;
  }

  /**
   * The translator options of KIC's golden harness for this variant: the defaults, the variant's
   * feature flags, and the custom entity schema the harness's mock gateway serves ({@code
   * degraphql_routes} with a foreign field {@code service}).
   *
   * <p>Flags this translator does not know (see {@link #unknownFlags()}) are ignored: KIC has flags
   * that do not change translation.
   *
   * @return the options
   */
  public TranslatorOptions options() {
    TranslatorOptions.Builder b =
        TranslatorOptions.builder()
            .customEntityForeignField("degraphql_routes", "service", "services");
    featureFlags.forEach(
        (name, value) -> FeatureFlag.byKicName(name).ifPresent(f -> b.flag(f, value)));
    return b.build();
  }

  /** {@return the variant's flags that are not {@link FeatureFlag}s, in file order} */
  public ImmutableList<String> unknownFlags() {
    return featureFlags.keySet().stream()
        .filter(n -> FeatureFlag.byKicName(n).isEmpty())
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return id();
  }
}
