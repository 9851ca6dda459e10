package io.github.kongtranslator.fallback.sync;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.BackfillRefusal;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.TranslationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The immutable report of one {@link ConfigSynchronizer#sync tick}: what was pushed, which objects
 * were blamed and excluded and why, the translation failures, and every gateway's pushes and state
 * afterwards. Collections are never null and empty when nothing happened.
 *
 * <p>Read {@link #isSuccess()} first: whether the desired configuration runs on every gateway.
 * {@link #outcome()} and {@link #applied()} say which configuration runs everywhere otherwise, and
 * {@link GatewayReport#running()} says it per gateway. Every result tells what the gateways run
 * after it, whether or not the tick pushed anything: while they run a fallback configuration, every
 * tick's result is {@link SyncOutcome#FALLBACK_APPLIED} and carries the broken and excluded objects
 * with their reasons, also when nothing was sent.
 */
public final class SyncResult {
  private final SyncOutcome outcome;
  private final String snapshotHash;
  private final @Nullable ConfigSha desiredSha;
  private final @Nullable ConfigSha appliedSha;
  private final ImmutableList<TranslationFailure> translationFailures;
  private final ImmutableList<TranslationFailure> fallbackTranslationFailures;
  private final ImmutableList<ObjectRef> brokenObjects;
  private final ImmutableSet<ObjectRef> unknownBrokenObjects;
  private final ImmutableMap<ObjectRef, ExclusionReason> excluded;
  private final ImmutableSet<ObjectRef> backfilled;
  private final ImmutableList<BackfillRefusal> backfillRefusals;
  private final ImmutableList<GatewayReport> gateways;
  private final ImmutableList<String> problems;
  private final Duration duration;
  private final boolean desiredWithheld;
  private final ImmutableSet<ObjectRef> configuredObjects;
  private final boolean desiredRetried;
  private final ImmutableMap<ObjectRef, ExclusionReason> translationExcluded;

  private SyncResult(Builder b) {
    this.outcome = Objects.requireNonNull(b.outcome, "outcome");
    this.snapshotHash = Objects.requireNonNull(b.snapshotHash, "snapshotHash");
    this.desiredSha = b.desiredSha;
    this.appliedSha = b.appliedSha;
    this.translationFailures = b.translationFailures;
    this.fallbackTranslationFailures = b.fallbackTranslationFailures;
    this.brokenObjects = b.brokenObjects;
    this.unknownBrokenObjects = b.unknownBrokenObjects;
    this.excluded = b.excluded;
    this.backfilled = b.backfilled;
    this.backfillRefusals = b.backfillRefusals;
    this.gateways = b.gateways;
    this.problems = b.problems.build();
    this.duration = b.duration;
    this.desiredWithheld = b.desiredWithheld;
    this.configuredObjects = b.configuredObjects;
    this.desiredRetried = b.desiredRetried;
    this.translationExcluded = b.translationExcluded;
  }

  /**
   * A builder; used by the loop's implementation and by tests of listeners.
   *
   * @param outcome the outcome
   * @param snapshotHash the hash of the tick's snapshot
   * @return a builder with empty collections
   */
  public static Builder builder(SyncOutcome outcome, String snapshotHash) {
    return new Builder(outcome, snapshotHash);
  }

  /**
   * What the gateways run after the tick.
   *
   * @return the outcome
   */
  public SyncOutcome outcome() {
    return outcome;
  }

  /**
   * Whether the desired configuration of the tick's snapshot runs on every gateway: the outcome is
   * a success and every gateway report says {@link RunningConfig#DESIRED}. A tick without gateways
   * is vacuously a success.
   *
   * @return true only when every gateway serves the desired configuration
   */
  public boolean isSuccess() {
    return outcome.isSuccess() && gateways.stream().allMatch(g -> g.running().isDesired());
  }

  /**
   * The objects that have entities (by their {@code k8s-*} tags) in the configuration every gateway
   * runs after the tick.
   *
   * @return the refs without version and uid, empty when the gateways do not all run one
   *     configuration of this snapshot (outcome {@link SyncOutcome#FAILED})
   */
  public ImmutableSet<ObjectRef> configuredObjects() {
    return configuredObjects;
  }

  /**
   * Whether this tick tried the desired configuration again while the gateways ran a fallback or
   * the last valid configuration of the same snapshot ({@link
   * ConfigSynchronizer.Builder#retryDesiredAfter}, {@link ConfigSynchronizer#retryDesired()}).
   *
   * @return true when the desired configuration was retried
   */
  public boolean desiredRetried() {
    return desiredRetried;
  }

  /**
   * The {@link io.github.kongtranslator.core.cache.CacheStores#hash() hash} of the tick's snapshot.
   *
   * @return the snapshot hash
   */
  public String snapshotHash() {
    return snapshotHash;
  }

  /**
   * The SHA of the desired configuration.
   *
   * @return the SHA (also when nothing was pushed: the SHA of the tick that settled this snapshot),
   *     empty when translation failed as a whole or no tick translated it yet
   */
  public Optional<ConfigSha> desiredSha() {
    return Optional.ofNullable(desiredSha);
  }

  /**
   * Which configuration every gateway runs after the tick.
   *
   * @return the kind, empty for {@link SyncOutcome#FAILED}
   */
  public Optional<PushKind> applied() {
    return switch (outcome) {
      case IN_SYNC, DESIRED_APPLIED -> Optional.of(PushKind.DESIRED);
      case FALLBACK_APPLIED -> Optional.of(PushKind.FALLBACK);
      case LAST_VALID_APPLIED -> Optional.of(PushKind.LAST_VALID);
      case FAILED -> Optional.empty();
    };
  }

  /**
   * The SHA of the configuration every gateway runs after the tick.
   *
   * @return the SHA, empty for {@link SyncOutcome#FAILED} (and for a tick without gateways)
   */
  public Optional<ConfigSha> appliedSha() {
    return Optional.ofNullable(appliedSha);
  }

  /**
   * The failures of translating the tick's snapshot (objects left out by the translator).
   *
   * @return the failures
   */
  public ImmutableList<TranslationFailure> translationFailures() {
    return translationFailures;
  }

  /**
   * The failures of translating the fallback snapshot.
   *
   * @return the failures, empty when no fallback was translated
   */
  public ImmutableList<TranslationFailure> fallbackTranslationFailures() {
    return fallbackTranslationFailures;
  }

  /**
   * The objects the gateways blamed, deduplicated, in first-occurrence order.
   *
   * @return the broken objects
   */
  public ImmutableList<ObjectRef> brokenObjects() {
    return brokenObjects;
  }

  /**
   * Blamed refs that name no object of the snapshot.
   *
   * @return the unknown broken refs
   */
  public ImmutableSet<ObjectRef> unknownBrokenObjects() {
    return unknownBrokenObjects;
  }

  /**
   * The objects left out of the fallback configuration, each with the dependency path to the broken
   * object that excluded it, in snapshot order.
   *
   * @return the excluded objects
   */
  public ImmutableMap<ObjectRef, ExclusionReason> excluded() {
    return excluded;
  }

  /**
   * The objects left out of the tick's configurations because their translation failed closed
   * (issue 18: e.g. a route whose authentication plugin cannot be translated), each with its reason
   * path and the failures that blamed its cause ({@link ExclusionReason#failures()}), in snapshot
   * order: those of the desired configuration, then any more of the fallback's. While this is not
   * empty a tick that pushed the desired configuration reports {@link
   * SyncOutcome#FALLBACK_APPLIED}, never a success. Empty with {@link
   * io.github.kongtranslator.fallback.TranslationFailurePolicy#KIC_COMPATIBLE}.
   *
   * @return the objects left out for translation failures
   */
  public ImmutableMap<ObjectRef, ExclusionReason> translationExcluded() {
    return translationExcluded;
  }

  /**
   * Excluded objects restored from the last valid snapshot ({@link FallbackMode#BACKFILL}).
   *
   * @return the backfilled objects
   */
  public ImmutableSet<ObjectRef> backfilled() {
    return backfilled;
  }

  /**
   * Why excluded objects were not restored from the last valid snapshot ({@link
   * FallbackMode#BACKFILL}), one entry per refused object, in snapshot order. Each names the object
   * and, where there is one, the object that blocked the restore; never any data.
   *
   * @return the refusals, empty when no backfill ran or every excluded object was restored
   */
  public ImmutableList<BackfillRefusal> backfillRefusals() {
    return backfillRefusals;
  }

  /**
   * One report per gateway of the tick, in the order the gateways were given.
   *
   * @return the gateway reports
   */
  public ImmutableList<GatewayReport> gateways() {
    return gateways;
  }

  /**
   * Problems that are neither gateway outcomes nor translation failures (e.g. the translator
   * threw), as messages that name objects only.
   *
   * @return the problems
   */
  public ImmutableList<String> problems() {
    return problems;
  }

  /**
   * Whether the desired configuration was withheld from partial gateways because the broken objects
   * of the last fallback are unchanged (fallback-spec §5.9 D7): pushing it would re-create their
   * unprotected entities until the fallback push removed them again.
   *
   * @return true when withheld
   */
  public boolean desiredWithheld() {
    return desiredWithheld;
  }

  /**
   * How long the tick took.
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  /**
   * The number of requests sent to gateways during the tick.
   *
   * @return the number of sent pushes
   */
  public int sentCount() {
    return gateways.stream().mapToInt(GatewayReport::sentCount).sum();
  }

  /** A one-line summary naming objects only. */
  @Override
  public String toString() {
    return "SyncResult["
        + outcome
        + (desiredRetried ? " (retried)" : "")
        + ", snapshot="
        + snapshotHash
        + ", desired="
        + (desiredSha == null ? "-" : desiredSha.hex())
        + ", broken="
        + brokenObjects
        + ", excluded="
        + excluded.keySet()
        + (translationExcluded.isEmpty()
            ? ""
            : ", leftOutForTranslationFailures=" + translationExcluded.keySet())
        + (backfilled.isEmpty() && backfillRefusals.isEmpty()
            ? ""
            : ", backfilled=" + backfilled.size() + ", refused=" + backfillRefusals.size())
        + ", gateways="
        + gateways.size()
        + ", sent="
        + sentCount()
        + "]";
  }

  /** Builds a {@link SyncResult}. */
  public static final class Builder {
    private SyncOutcome outcome;
    private final String snapshotHash;
    private @Nullable ConfigSha desiredSha;
    private @Nullable ConfigSha appliedSha;
    private ImmutableList<TranslationFailure> translationFailures = ImmutableList.of();
    private ImmutableList<TranslationFailure> fallbackTranslationFailures = ImmutableList.of();
    private ImmutableList<ObjectRef> brokenObjects = ImmutableList.of();
    private ImmutableSet<ObjectRef> unknownBrokenObjects = ImmutableSet.of();
    private ImmutableMap<ObjectRef, ExclusionReason> excluded = ImmutableMap.of();
    private ImmutableSet<ObjectRef> backfilled = ImmutableSet.of();
    private ImmutableList<BackfillRefusal> backfillRefusals = ImmutableList.of();
    private ImmutableList<GatewayReport> gateways = ImmutableList.of();
    private final ImmutableList.Builder<String> problems = ImmutableList.builder();
    private Duration duration = Duration.ZERO;
    private boolean desiredWithheld;
    private ImmutableSet<ObjectRef> configuredObjects = ImmutableSet.of();
    private boolean desiredRetried;
    private ImmutableMap<ObjectRef, ExclusionReason> translationExcluded = ImmutableMap.of();

    private Builder(SyncOutcome outcome, String snapshotHash) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      this.snapshotHash = Objects.requireNonNull(snapshotHash, "snapshotHash");
    }

    /**
     * Sets the outcome.
     *
     * @param value the outcome
     * @return this
     */
    public Builder outcome(SyncOutcome value) {
      this.outcome = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the desired configuration's SHA.
     *
     * @param value the SHA
     * @return this
     */
    public Builder desiredSha(ConfigSha value) {
      this.desiredSha = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the SHA every gateway runs.
     *
     * @param value the SHA
     * @return this
     */
    public Builder appliedSha(ConfigSha value) {
      this.appliedSha = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the translation failures of the snapshot.
     *
     * @param value the failures
     * @return this
     */
    public Builder translationFailures(List<TranslationFailure> value) {
      this.translationFailures = ImmutableList.copyOf(value);
      return this;
    }

    /**
     * Sets the translation failures of the fallback snapshot.
     *
     * @param value the failures
     * @return this
     */
    public Builder fallbackTranslationFailures(List<TranslationFailure> value) {
      this.fallbackTranslationFailures = ImmutableList.copyOf(value);
      return this;
    }

    /**
     * Sets the blamed objects.
     *
     * @param value the broken objects
     * @return this
     */
    public Builder brokenObjects(List<ObjectRef> value) {
      this.brokenObjects = ImmutableList.copyOf(value);
      return this;
    }

    /**
     * Sets the blamed refs that name nothing in the snapshot.
     *
     * @param value the unknown refs
     * @return this
     */
    public Builder unknownBrokenObjects(Set<ObjectRef> value) {
      this.unknownBrokenObjects = ImmutableSet.copyOf(value);
      return this;
    }

    /**
     * Sets the excluded objects.
     *
     * @param value the excluded objects with reasons
     * @return this
     */
    public Builder excluded(Map<ObjectRef, ExclusionReason> value) {
      this.excluded = ImmutableMap.copyOf(value);
      return this;
    }

    /**
     * Sets the objects left out because their translation failed closed.
     *
     * @param value the objects with their reasons
     * @return this
     */
    public Builder translationExcluded(Map<ObjectRef, ExclusionReason> value) {
      this.translationExcluded = ImmutableMap.copyOf(value);
      return this;
    }

    /**
     * The objects left out for translation failures set so far.
     *
     * @return the objects with their reasons
     */
    public ImmutableMap<ObjectRef, ExclusionReason> translationExcluded() {
      return translationExcluded;
    }

    /**
     * Sets the backfilled objects.
     *
     * @param value the backfilled objects
     * @return this
     */
    public Builder backfilled(Set<ObjectRef> value) {
      this.backfilled = ImmutableSet.copyOf(value);
      return this;
    }

    /**
     * Sets the backfill refusals.
     *
     * @param value the refusals, in snapshot order
     * @return this
     * @throws NullPointerException when the list or an element is null
     */
    public Builder backfillRefusals(List<BackfillRefusal> value) {
      this.backfillRefusals = ImmutableList.copyOf(value);
      return this;
    }

    /**
     * Sets the gateway reports.
     *
     * @param value the reports
     * @return this
     */
    public Builder gateways(List<GatewayReport> value) {
      this.gateways = ImmutableList.copyOf(value);
      return this;
    }

    /**
     * Adds a problem message (naming objects only).
     *
     * @param message the message
     * @return this
     */
    public Builder addProblem(String message) {
      this.problems.add(message);
      return this;
    }

    /**
     * Sets whether the desired configuration was withheld from partial gateways (D7).
     *
     * @param value true when withheld
     * @return this
     */
    public Builder desiredWithheld(boolean value) {
      this.desiredWithheld = value;
      return this;
    }

    /**
     * Sets the objects with entities in the configuration every gateway runs.
     *
     * @param value the refs
     * @return this
     */
    public Builder configuredObjects(Set<ObjectRef> value) {
      this.configuredObjects = ImmutableSet.copyOf(value);
      return this;
    }

    /**
     * Sets whether the desired configuration was retried while on a fallback.
     *
     * @param value true when retried
     * @return this
     */
    public Builder desiredRetried(boolean value) {
      this.desiredRetried = value;
      return this;
    }

    /**
     * Sets the duration.
     *
     * @param value the duration
     * @return this
     */
    public Builder duration(Duration value) {
      this.duration = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Builds the result.
     *
     * @return the result
     */
    public SyncResult build() {
      return new SyncResult(this);
    }
  }
}
