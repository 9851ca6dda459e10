package io.github.kongtranslator.translator.conformance;

import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One variant of one golden case directory: {@code in.yaml}, {@code <variant>_golden.yaml} and
 * the feature flags of {@code <variant>_settings.yaml} (empty when that file is absent).
 *
 * @param caseName the case directory's name
 * @param variant the variant name, e.g. {@code default} or {@code expression-routes-on}
 * @param input path of {@code in.yaml}
 * @param golden path of the expected configuration
 * @param featureFlags the variant's flags by KIC name, in file order
 */
public record GoldenCase(String caseName, String variant, Path input, Path golden,
    ImmutableMap<String, Boolean> featureFlags) {

  /** Validates the components. */
  public GoldenCase {
    Objects.requireNonNull(caseName);
    Objects.requireNonNull(variant);
    Objects.requireNonNull(input);
    Objects.requireNonNull(golden);
    featureFlags = ImmutableMap.copyOf(featureFlags);
  }

  /** {@code case/variant}, the name used in reports and known-failure lists. */
  public String id() {
    return caseName + "/" + variant;
  }

  /**
   * The translator options of KIC's golden harness for this variant: the defaults, the
   * variant's feature flags, and the custom entity schema the harness's mock gateway serves
   * ({@code degraphql_routes} with a foreign field {@code service}).
   *
   * @return the options
   * @throws IllegalArgumentException when the settings name an unknown flag
   */
  public TranslatorOptions options() {
    return TranslatorOptions.builder()
        .featureFlags(featureFlags)
        .customEntityForeignField("degraphql_routes", "service", "services")
        .build();
  }

  @Override
  public String toString() {
    return id();
  }
}
