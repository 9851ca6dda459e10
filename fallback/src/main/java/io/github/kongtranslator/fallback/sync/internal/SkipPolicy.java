package io.github.kongtranslator.fallback.sync.internal;

import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.sync.PushKind;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a push is skipped. The library uses {@link #TARGET}; tests implement KIC's rules
 * (fallback-spec §5.3, §5.7) to show that the loop's properties catch the bugs they cause.
 */
public interface SkipPolicy {

  /**
   * Whether to skip pushing {@code sha} to a gateway.
   *
   * @param state the loop's belief about the gateway
   * @param lastAccepted the SHA of the last push the gateway accepted, as KIC remembers it; null
   *     when none was
   * @param atomic whether the gateway is atomic
   * @param reportsEmpty whether the gateway reports an empty configuration while a non-empty one is
   *     believed applied
   * @param sha the SHA to push
   * @param kind what is pushed
   * @return true to skip
   */
  boolean skip(
      GatewayState state,
      @Nullable ConfigSha lastAccepted,
      boolean atomic,
      boolean reportsEmpty,
      ConfigSha sha,
      PushKind kind);

  /**
   * fallback-spec §5.9 D4: skip iff the gateway is {@code KNOWN(sha)} (and does not report empty).
   */
  SkipPolicy TARGET = (state, last, atomic, empty, sha, kind) -> state.isKnown(sha) && !empty;
}
