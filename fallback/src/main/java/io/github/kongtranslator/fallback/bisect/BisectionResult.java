package io.github.kongtranslator.fallback.bisect;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Bisection} found.
 *
 * @param broken the objects found broken, in the order found; empty when the full configuration was
 *     accepted or when no exclusion made the gateway accept
 * @param validations how many times the validation callback was called
 * @param exclusion the exclusion of {@code broken} (with reasons), when a configuration was
 *     accepted, else null
 * @param accepted the configuration the gateway accepted, null if none
 */
public record BisectionResult(
    List<ObjectRef> broken,
    int validations,
    @Nullable ExclusionResult exclusion,
    @Nullable KongConfig accepted) {
  /**
   * Freezes the list.
   *
   * @param broken the objects found broken, in the order found; empty when the full configuration
   *     was accepted or when no exclusion made the gateway accept
   * @param validations how many times the validation callback was called
   * @param exclusion the exclusion of {@code broken} (with reasons), when a configuration was
   *     accepted, else null
   * @param accepted the configuration the gateway accepted, null if none
   */
  public BisectionResult {
    broken = ImmutableList.copyOf(broken);
  }
}
