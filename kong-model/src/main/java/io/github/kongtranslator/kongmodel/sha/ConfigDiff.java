package io.github.kongtranslator.kongmodel.sha;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The entity-level difference of two configurations: entities added, removed and changed, matched
 * by {@link EntityKey}, plus top-level keys that are not entity sections (e.g. {@code
 * _format_version}) whose value differs. A changed nested entity is reported itself; its parent is
 * reported only if the parent's own fields changed.
 *
 * <pre>{@code
 * ConfigDiff d = ConfigDiff.between(lastPushed, next);
 * if (!d.isEmpty()) log.info("changed: {}", d);
 * }</pre>
 */
public final class ConfigDiff {
  private final ImmutableList<EntityKey> added;
  private final ImmutableList<EntityKey> removed;
  private final ImmutableList<EntityKey> changed;
  private final ImmutableSortedSet<String> changedTopLevelKeys;

  private ConfigDiff(
      List<EntityKey> added,
      List<EntityKey> removed,
      List<EntityKey> changed,
      Set<String> changedTopLevelKeys) {
    this.added = ImmutableList.sortedCopyOf(added);
    this.removed = ImmutableList.sortedCopyOf(removed);
    this.changed = ImmutableList.sortedCopyOf(changed);
    this.changedTopLevelKeys = ImmutableSortedSet.copyOf(changedTopLevelKeys);
  }

  /**
   * Compares two configurations.
   *
   * @param before the old configuration
   * @param after the new configuration
   * @return the difference
   */
  public static ConfigDiff between(KongConfig before, KongConfig after) {
    ImmutableMap<EntityKey, ConfigSha> a = ConfigSha.entityDigests(before);
    ImmutableMap<EntityKey, ConfigSha> b = ConfigSha.entityDigests(after);
    List<EntityKey> added = new ArrayList<>();
    List<EntityKey> removed = new ArrayList<>();
    List<EntityKey> changed = new ArrayList<>();
    for (Map.Entry<EntityKey, ConfigSha> e : b.entrySet()) {
      ConfigSha old = a.get(e.getKey());
      if (old == null) {
        added.add(e.getKey());
      } else if (!old.equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }
    for (EntityKey k : a.keySet()) {
      if (!b.containsKey(k)) {
        removed.add(k);
      }
    }
    Set<String> top = new TreeSet<>();
    for (String k : before.fieldKeys()) {
      if (!Objects.equals(before.field(k), after.field(k))) {
        top.add(k);
      }
    }
    for (String k : after.fieldKeys()) {
      if (!before.fieldKeys().contains(k)) {
        top.add(k);
      }
    }
    for (String k : before.sections().keySet()) {
      if (!after.sections().containsKey(k)) {
        top.add(k); // present (possibly empty) before, absent after
      }
    }
    for (String k : after.sections().keySet()) {
      if (!before.sections().containsKey(k)) {
        top.add(k);
      }
    }
    return new ConfigDiff(added, removed, changed, top);
  }

  /**
   * Entities only in the new configuration.
   *
   * @return keys, sorted
   */
  public ImmutableList<EntityKey> added() {
    return added;
  }

  /**
   * Entities only in the old configuration.
   *
   * @return keys, sorted
   */
  public ImmutableList<EntityKey> removed() {
    return removed;
  }

  /**
   * Entities in both whose own fields differ.
   *
   * @return keys, sorted
   */
  public ImmutableList<EntityKey> changed() {
    return changed;
  }

  /**
   * Top-level keys that are not entities and differ, and sections that appeared or disappeared
   * (absent vs present).
   *
   * @return the keys, sorted
   */
  public ImmutableSortedSet<String> changedTopLevelKeys() {
    return changedTopLevelKeys;
  }

  /**
   * Whether nothing differs at entity level. Note that reordering entities in a list changes the
   * config SHA but, when their keys are stable, not this diff.
   *
   * @return true when no entity was added, removed or changed and no top-level key differs
   */
  public boolean isEmpty() {
    return added.isEmpty()
        && removed.isEmpty()
        && changed.isEmpty()
        && changedTopLevelKeys.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConfigDiff d
        && added.equals(d.added)
        && removed.equals(d.removed)
        && changed.equals(d.changed)
        && changedTopLevelKeys.equals(d.changedTopLevelKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(added, removed, changed, changedTopLevelKeys);
  }

  /** Lists the keys (entity paths), never values. */
  @Override
  public String toString() {
    return "ConfigDiff{added="
        + added
        + ", removed="
        + removed
        + ", changed="
        + changed
        + ", topLevel="
        + changedTopLevelKeys
        + "}";
  }
}
