package io.github.kongtranslator.core.cache;

import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One object that differs between two snapshots: added (no {@link #before()}), deleted (no {@link
 * #after()}) or updated (both, with different content digests). Produced by {@link
 * CacheStores#changesSince(CacheStores)}.
 *
 * <p>{@link #toString()} names the object only; it never shows content.
 */
public final class ObjectChange {
  private final Kind kind;
  private final String key;
  private final @Nullable K8sObject before;
  private final @Nullable K8sObject after;

  ObjectChange(Kind kind, String key, @Nullable K8sObject before, @Nullable K8sObject after) {
    if (before == null && after == null) {
      throw new IllegalArgumentException("a change needs a before or an after state: " + key);
    }
    this.kind = kind;
    this.key = key;
    this.before = before;
    this.after = after;
  }

  /** {@return the kind of the changed object} */
  public Kind kind() {
    return kind;
  }

  /** {@return the store key ({@code namespace/name}, or {@code name} for cluster-scoped kinds)} */
  public String key() {
    return key;
  }

  /** {@return the object in the earlier snapshot; empty when it was added} */
  public Optional<K8sObject> before() {
    return Optional.ofNullable(before);
  }

  /** {@return the object in the later snapshot; empty when it was deleted} */
  public Optional<K8sObject> after() {
    return Optional.ofNullable(after);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ObjectChange c
        && kind == c.kind
        && key.equals(c.key)
        && Objects.equals(before, c.before)
        && Objects.equals(after, c.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key);
  }

  /** Renders {@code added|deleted|updated Kind key}. */
  @Override
  public String toString() {
    String what = before == null ? "added" : after == null ? "deleted" : "updated";
    return what + " " + kind.kindName() + " " + key;
  }
}
