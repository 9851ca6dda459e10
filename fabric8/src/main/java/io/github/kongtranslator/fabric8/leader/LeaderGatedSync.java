package io.github.kongtranslator.fabric8.leader;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncResult;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Syncs only while this replica leads. Each time it starts leading it builds a <em>new</em> {@link
 * ConfigSynchronizer} from the factory, so every gateway starts {@code UNKNOWN} on a new leader and
 * its first tick always pushes: another replica may have pushed something else while this one
 * followed, so nothing this replica remembered about the gateways still holds. Followers keep their
 * caches warm (the informers run regardless) but never push and never write status.
 *
 * <p>Thread-safe: the election's callbacks and the controller's sync loop may run on different
 * threads.
 */
public final class LeaderGatedSync {
  private final Supplier<ConfigSynchronizer> factory;
  private @Nullable ConfigSynchronizer current;
  private long terms;

  /**
   * A gate that builds a synchronizer per leadership term.
   *
   * @param factory builds a fresh synchronizer (e.g. {@code () ->
   *     ConfigSynchronizer.builder(translator).gateway(kong).build()})
   */
  public LeaderGatedSync(Supplier<ConfigSynchronizer> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** Starts a leadership term with a fresh synchronizer (every gateway {@code UNKNOWN}). */
  public synchronized void startLeading() {
    current = factory.get();
    terms++;
  }

  /** Ends the term: later ticks do nothing until the next {@link #startLeading()}. */
  public synchronized void stopLeading() {
    current = null;
  }

  /** {@return whether a term is running} */
  public synchronized boolean isLeading() {
    return current != null;
  }

  /** {@return how many terms started (for metrics and tests)} */
  public synchronized long terms() {
    return terms;
  }

  /**
   * The synchronizer of the running term.
   *
   * @return it, or empty while following
   */
  public synchronized Optional<ConfigSynchronizer> synchronizer() {
    return Optional.ofNullable(current);
  }

  /**
   * Runs one tick if leading.
   *
   * @param snapshot the cache's snapshot
   * @return the tick's result, or empty while following (nothing was pushed)
   */
  public Optional<SyncResult> sync(CacheStores snapshot) {
    ConfigSynchronizer s;
    synchronized (this) {
      s = current;
    }
    return s == null ? Optional.empty() : Optional.of(s.sync(snapshot));
  }
}
