package io.github.kongtranslator.translator.internal.incremental;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectChange;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.assembly.TranslationRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Incremental translation (not API; see {@code translator.incremental.IncrementalTranslator}).
 *
 * <p>Objects are grouped into <em>units</em> ({@link Partition}, by {@link Footprint}). A unit is
 * translated by the translator's own pipeline ({@link TranslationRun#beforeCertificates} and {@link
 * TranslationRun#assemble}) over a snapshot holding the unit, the objects it reads and the global
 * objects; the unit keeps only the entities it owns ({@link Ownership}). The configuration is the
 * ordered merge of every unit's entities ({@link Merge}). TLS certificates are one separate run of
 * the certificates stage over the whole snapshot ({@link CertificateStep}). On a change, only the
 * units whose members or read objects changed are translated again; a change to a global kind
 * (IngressClass, GatewayClass, ReferenceGrant, ...) rebuilds everything. When two units claim the
 * same position with different entities (an interaction the footprints did not foresee) the engine
 * returns a full translation instead. Equality with a full translation otherwise rests on the
 * footprints being complete, which the property tests (testkit) and the golden build-up test check.
 */
public final class IncrementalEngine {
  private final TranslatorOptions options;
  private final Partition partition;
  private final Ownership ownership;
  private final Merge merge = new Merge();
  private final CertificateStep certificates;
  private CacheStores snapshot = CacheStores.empty();
  private boolean started;
  private @Nullable TranslationResult last;
  private Stats stats = new Stats(0, 0, 0, 0, false, false);

  /**
   * Figures of one {@link #translate} call.
   *
   * @param objects objects in the snapshot
   * @param units units held after the call
   * @param unitsTranslated units translated by the call
   * @param objectsTranslated objects in the snapshots of the translated units (with repeats)
   * @param rebuilt whether the call partitioned the snapshot anew
   * @param fullTranslation whether the call fell back to a full translation
   */
  public record Stats(
      int objects,
      int units,
      int unitsTranslated,
      int objectsTranslated,
      boolean rebuilt,
      boolean fullTranslation) {}

  /**
   * An engine for the given options.
   *
   * @param options translation options
   */
  public IncrementalEngine(TranslatorOptions options) {
    this.options = options;
    this.partition = new Partition(options);
    this.ownership = new Ownership(partition);
    this.certificates = new CertificateStep(options);
  }

  /**
   * Figures of the last call to {@link #translate}.
   *
   * @return the figures, all zero before the first call
   */
  public Stats stats() {
    return stats;
  }

  /**
   * Number of units held.
   *
   * @return the number
   */
  int unitCount() {
    return partition.units().size();
  }

  /**
   * Translates a snapshot, reusing the work done for the previous one.
   *
   * @param next the snapshot
   * @return the same result a full translation gives
   */
  public TranslationResult translate(CacheStores next) {
    if (started && next == snapshot && last != null) {
      stats = new Stats(next.size(), partition.units().size(), 0, 0, false, false);
      return last;
    }
    Set<Unit> dirty;
    boolean rebuilt;
    List<ObjectChange> changes = started ? next.changesSince(snapshot) : List.of();
    if (!started || changes.stream().anyMatch(partition::global)) {
      rebuild(next);
      dirty = new TreeSet<>(partition.units());
      rebuilt = true;
    } else {
      snapshot = next;
      certificates.changed(changes);
      Partition.Applied applied = partition.apply(changes);
      applied.removed().forEach(this::unplace);
      dirty = applied.dirty();
      rebuilt = false;
    }
    started = true;
    int translated = 0;
    for (Unit u : dirty) {
      translated += translateUnit(u);
    }
    certificates.run(snapshot, merge);
    boolean fellBack = false;
    TranslationResult result;
    Optional<TranslationResult> merged = merge.merged();
    if (merged.isPresent()) {
      result = merged.get();
    } else {
      // positions are unreliable once two units disagreed: start over next time
      started = false;
      result = Translator.create(options).translate(snapshot);
      fellBack = true;
    }
    stats =
        new Stats(
            next.size(), partition.units().size(), dirty.size(), translated, rebuilt, fellBack);
    last = result;
    return result;
  }

  private void rebuild(CacheStores next) {
    snapshot = next;
    merge.clear();
    certificates.clear();
    Unit global = partition.globalUnit();
    global.placed = List.of();
    global.failures = List.of();
    global.tls = null;
    partition.rebuild(next);
  }

  /** Translates one unit with the pipeline's stages and places what it owns. */
  private int translateUnit(Unit u) {
    unplace(u);
    Map<String, K8sObject> objects = partition.snapshotOf(u);
    TranslationRun.BeforeCertificates stages =
        TranslationRun.beforeCertificates(snapshot.subset(objects.values()), options);
    TranslationRun.Output out = TranslationRun.assemble(stages, List.of());
    certificates.record(u, stages.tls(), partition);
    u.failures = out.failures();
    u.placed = ownership.own(u, out.config());
    merge.place(u);
    return objects.size();
  }

  /** Takes back everything a unit contributed. */
  private void unplace(Unit u) {
    certificates.forget(u);
    merge.unplace(u);
  }
}
