package io.github.kongtranslator.translator.internal.incremental;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.kongmodel.config.CustomEntity;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.internal.assembly.TranslationRun;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ordered merge of the units' entities and failures. Each section is kept sorted with the
 * translator's own order (a sorted array per section: binary search and a block move per entity),
 * so that the merged list is a plain copy. Two units placing different entities at one position is
 * a conflict: the merge then has no result, and the engine translates in full.
 */
final class Merge {
  /** An entity a unit put into a section. */
  record Placed(String section, Slot slot, KongEntity entity) {}

  /** Position of an entity in its section. */
  record Slot(String k1, String k2, int flags, int rank) {}

  /** An entity in a section and the units that contributed it. */
  private static final class Held {
    final Slot slot;
    final KongEntity entity;
    final Set<Integer> units = new HashSet<>(2);

    Held(Slot slot, KongEntity entity) {
      this.slot = slot;
      this.entity = entity;
    }
  }

  /** One section's entities, sorted by slot. */
  private static final class Section {
    final Comparator<Slot> order;
    final ArrayList<Held> held = new ArrayList<>();

    Section(Comparator<Slot> order) {
      this.order = order;
    }

    int find(Slot slot) {
      int lo = 0;
      int hi = held.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = order.compare(held.get(mid).slot, slot);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }

    boolean isEmpty() {
      return held.isEmpty();
    }
  }

  private static final Comparator<String> DESC = (a, b) -> Strs.compareBytes(b, a);

  /** The translator's order of a section ({@code DeckGenerator}), on slots. */
  private static Comparator<Slot> order(String section) {
    Comparator<Slot> byRank = Comparator.comparingInt(Slot::rank);
    return switch (section) {
      case "consumers" ->
          Comparator.comparingInt((Slot s) -> (s.flags() >> 1) & 1)
              .thenComparing(Slot::k1, Strs.BYTES)
              .thenComparingInt(s -> s.flags() & 1)
              .thenComparing(Slot::k2, Strs.BYTES)
              .thenComparing(byRank);
      case "consumer_group_consumers" -> order("consumers");
      case "plugins" ->
          Comparator.comparing(Slot::k1, DESC)
              .thenComparing(Slot::k2, Strs.BYTES)
              .thenComparing(byRank);
      default -> Comparator.comparing(Slot::k1, DESC).thenComparing(byRank);
    };
  }

  private final Map<String, Section> sections = new LinkedHashMap<>();

  /** Sections whose merged list must be rebuilt; the others reuse {@link #lists}. */
  private final Set<String> dirtySections = new HashSet<>();

  private final Map<String, List<KongEntity>> lists = new HashMap<>();

  /** Every failure with the number of units reporting it. */
  private final Map<TranslationFailure, Integer> failureCounts = new HashMap<>();

  private @Nullable ImmutableList<TranslationFailure> failureList;
  private boolean conflict;

  /** Forgets everything. */
  void clear() {
    sections.clear();
    lists.clear();
    dirtySections.clear();
    failureCounts.clear();
    failureList = null;
    conflict = false;
  }

  /** Marks the merge as unreliable (an interaction the units cannot express). */
  void conflict() {
    conflict = true;
  }

  /** Adds a unit's entities and failures. */
  void place(Unit u) {
    for (TranslationFailure f : u.failures) {
      if (failureCounts.merge(f, 1, Integer::sum) == 1) {
        failureList = null;
      }
    }
    for (Placed p : u.placed) {
      dirtySections.add(p.section());
      Section s = sections.computeIfAbsent(p.section(), k -> new Section(order(k)));
      int i = s.find(p.slot());
      Held h;
      if (i < 0) {
        h = new Held(p.slot(), p.entity());
        s.held.add(-i - 1, h);
      } else {
        h = s.held.get(i);
        if (!h.entity.equals(p.entity())) {
          conflict = true;
        }
      }
      h.units.add(u.id);
    }
  }

  /** Takes a unit's entities and failures back. */
  void unplace(Unit u) {
    for (TranslationFailure f : u.failures) {
      Integer n = failureCounts.get(f);
      if (n != null && n <= 1) {
        failureCounts.remove(f);
        failureList = null;
      } else if (n != null) {
        failureCounts.put(f, n - 1);
      }
    }
    u.failures = List.of();
    for (Placed p : u.placed) {
      dirtySections.add(p.section());
      Section s = sections.get(p.section());
      if (s == null) {
        continue;
      }
      int i = s.find(p.slot());
      if (i >= 0 && s.held.get(i).units.remove(u.id) && s.held.get(i).units.isEmpty()) {
        s.held.remove(i);
      }
    }
    u.placed = List.of();
  }

  /** The merged configuration and failures; empty after a conflict (which it then forgets). */
  Optional<TranslationResult> merged() {
    if (conflict) {
      conflict = false;
      return Optional.empty();
    }
    KongConfig.Builder b = KongConfig.emptyBuilder().formatVersion(KongConfig.FORMAT_VERSION);
    boolean empty = true;
    Map<String, List<KongEntity>> custom = new LinkedHashMap<>();
    for (Map.Entry<String, Section> e : sections.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<KongEntity> list = lists.get(e.getKey());
      if (list == null || dirtySections.contains(e.getKey())) {
        KongEntity[] fresh = new KongEntity[e.getValue().held.size()];
        for (int i = 0; i < fresh.length; i++) {
          fresh[i] = e.getValue().held.get(i).entity;
        }
        list = ImmutableList.copyOf(fresh);
        lists.put(e.getKey(), list);
      }
      Optional<EntityKind> kind = EntityKind.forSection(e.getKey());
      if (kind.isEmpty()) {
        custom.put(e.getKey(), list);
        continue;
      }
      empty = false;
      set(b, kind.get(), list);
    }
    if (empty) {
      // the translator's stub for an empty configuration (DeckGenerator)
      b.upstreams(List.of(Upstream.builder().name("kong").build()));
    }
    custom.forEach(
        (type, list) ->
            b.customEntities(type, list.stream().map(CustomEntity.class::cast).toList()));
    dirtySections.clear();
    if (failureList == null) {
      failureList = TranslationRun.canonical(new ArrayList<>(failureCounts.keySet()));
    }
    return Optional.of(new TranslationResult(b.build(), failureList));
  }

  @SuppressWarnings("unchecked")
  private static void set(KongConfig.Builder b, EntityKind kind, List<KongEntity> list) {
    List<?> l = list;
    switch (kind) {
      case SERVICE -> b.services((List<io.github.kongtranslator.kongmodel.config.Service>) l);
      case UPSTREAM -> b.upstreams((List<io.github.kongtranslator.kongmodel.config.Upstream>) l);
      case CERTIFICATE ->
          b.certificates((List<io.github.kongtranslator.kongmodel.config.Certificate>) l);
      case CA_CERTIFICATE ->
          b.caCertificates((List<io.github.kongtranslator.kongmodel.config.CaCertificate>) l);
      case CONSUMER -> b.consumers((List<io.github.kongtranslator.kongmodel.config.Consumer>) l);
      case CONSUMER_GROUP ->
          b.consumerGroups((List<io.github.kongtranslator.kongmodel.config.ConsumerGroup>) l);
      case CONSUMER_GROUP_CONSUMER ->
          b.consumerGroupConsumers(
              (List<io.github.kongtranslator.kongmodel.config.ConsumerGroupConsumer>) l);
      case PLUGIN -> b.plugins((List<io.github.kongtranslator.kongmodel.config.Plugin>) l);
      case VAULT -> b.vaults((List<io.github.kongtranslator.kongmodel.config.Vault>) l);
      case ROUTE -> b.routes((List<io.github.kongtranslator.kongmodel.config.Route>) l);
      case TARGET -> b.targets((List<io.github.kongtranslator.kongmodel.config.Target>) l);
      case SNI -> b.snis((List<io.github.kongtranslator.kongmodel.config.Sni>) l);
      case LICENSE -> b.licenses((List<io.github.kongtranslator.kongmodel.config.License>) l);
      case KEY_AUTH, BASIC_AUTH, HMAC_AUTH, JWT_SECRET, OAUTH2, ACL, MTLS_AUTH, CUSTOM_ENTITY ->
          throw new IllegalStateException("unexpected top-level section " + kind);
    }
  }
}
