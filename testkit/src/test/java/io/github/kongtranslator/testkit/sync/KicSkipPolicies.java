package io.github.kongtranslator.testkit.sync;

import io.github.kongtranslator.fallback.sync.PushKind;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;

/**
 * KIC's skip rules (fallback-spec §5.3, §5.7), so that tests can show that the loop's properties
 * catch the bugs they cause. Test code only: the library skips with {@link SkipPolicy#TARGET}.
 */
final class KicSkipPolicies {
  private KicSkipPolicies() {}

  /** KIC before #7380: skip when the SHA equals the last accepted one. */
  static final SkipPolicy SHA_ONLY =
      (state, last, atomic, empty, sha, kind) -> sha.equals(last) && !empty;

  /**
   * KIC after #7380: as {@link #SHA_ONLY}, but never skip non-desired pushes to partial gateways.
   */
  static final SkipPolicy KIC_7380 =
      (state, last, atomic, empty, sha, kind) ->
          (atomic || kind == PushKind.DESIRED) && sha.equals(last) && !empty;
}
