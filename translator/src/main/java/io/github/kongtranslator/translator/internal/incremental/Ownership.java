package io.github.kongtranslator.translator.internal.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.translator.internal.incremental.Merge.Placed;
import io.github.kongtranslator.translator.internal.incremental.Merge.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which entities of a unit's translation the unit owns, and their positions in the merge: by their
 * {@code k8s-*} tags, or for plugin instances by what they are attached to. Entities of unknown
 * source are shared (every unit that produces them holds them).
 */
final class Ownership {
  private final Partition partition;

  Ownership(Partition partition) {
    this.partition = partition;
  }

  /** The entities of a unit's translation that the unit owns, with their positions. */
  List<Placed> own(Unit u, KongConfig config) {
    Map<String, Boolean> services = new HashMap<>();
    Map<String, Boolean> routes = new HashMap<>();
    Map<String, Boolean> consumers = new HashMap<>();
    Map<String, Boolean> groups = new HashMap<>();
    Map<String, Slot> consumerSlots = new HashMap<>();
    for (KongEntity s : config.services()) {
      boolean mine = owned(u, s);
      text(s, "name").ifPresent(n -> services.put(n, mine));
      text(s, "id").ifPresent(n -> services.put(n, mine));
      for (KongEntity r : s.nested("routes")) {
        text(r, "name").ifPresent(n -> routes.put(n, mine));
        text(r, "id").ifPresent(n -> routes.put(n, mine));
      }
    }
    for (KongEntity c : config.consumers()) {
      boolean mine = owned(u, c);
      text(c, "username").ifPresent(n -> consumers.put(n, mine));
      text(c, "id").ifPresent(n -> consumers.put(n, mine));
    }
    for (KongEntity g : config.consumerGroups()) {
      boolean mine = owned(u, g);
      text(g, "name").ifPresent(n -> groups.put(n, mine));
      text(g, "id").ifPresent(n -> groups.put(n, mine));
    }
    for (KongEntity c : config.consumers()) {
      Optional<String> user = text(c, "username");
      Optional<String> custom = text(c, "custom_id");
      Slot slot =
          new Slot(
              user.orElse(""),
              custom.orElse(""),
              (user.isPresent() ? 2 : 0) | (custom.isPresent() ? 1 : 0),
              0);
      user.or(() -> text(c, "id")).ifPresent(k -> consumerSlots.putIfAbsent(k, slot));
    }
    List<Placed> out = new ArrayList<>();
    Map<String, Integer> ranks = new HashMap<>();
    for (Map.Entry<String, ImmutableList<KongEntity>> e : config.sections().entrySet()) {
      String section = e.getKey();
      for (KongEntity entity : e.getValue()) {
        boolean mine;
        Slot slot;
        switch (section) {
          case "plugins" -> {
            mine = attachedOwned(u, entity, services, routes, consumers, groups);
            slot =
                new Slot(
                    text(entity, "name").orElse("")
                        + text(entity, "consumer").orElse("")
                        + text(entity, "consumer_group").orElse("")
                        + text(entity, "route").orElse("")
                        + text(entity, "service").orElse(""),
                    tags(entity),
                    0,
                    0);
          }
          case "consumer_group_consumers" -> {
            String consumer = text(entity, "consumer").orElse("");
            mine = consumers.getOrDefault(consumer, true);
            Slot cs = consumerSlots.get(consumer);
            slot = cs == null ? new Slot("", consumer, 0, 0) : cs;
          }
          case "upstreams" -> {
            if (isStub(entity)) {
              continue;
            }
            mine = owned(u, entity);
            slot = new Slot(text(entity, "name").orElse(""), "", 0, 0);
          }
          case "consumers" -> {
            mine = owned(u, entity);
            Optional<String> user = text(entity, "username");
            Optional<String> custom = text(entity, "custom_id");
            slot =
                new Slot(
                    user.orElse(""),
                    custom.orElse(""),
                    (user.isPresent() ? 2 : 0) | (custom.isPresent() ? 1 : 0),
                    0);
          }
          case "services", "consumer_groups" -> {
            mine = owned(u, entity);
            slot = new Slot(text(entity, "name").orElse(""), "", 0, 0);
          }
          case "ca_certificates" -> {
            mine = owned(u, entity);
            slot = new Slot(text(entity, "cert").orElse(""), "", 0, 0);
          }
          case "vaults" -> {
            mine = owned(u, entity);
            slot = new Slot(text(entity, "prefix").orElse(""), "", 0, 0);
          }
          default -> {
            mine = owned(u, entity);
            slot = new Slot("", "", 0, 0);
          }
        }
        if (!mine) {
          continue;
        }
        String rankKey = section + '\u0000' + slot;
        int rank = ranks.merge(rankKey, 1, Integer::sum) - 1;
        out.add(new Placed(section, new Slot(slot.k1(), slot.k2(), slot.flags(), rank), entity));
      }
    }
    return out;
  }

  private static boolean isStub(KongEntity e) {
    return e.keys().size() == 1 && text(e, "name").filter("kong"::equals).isPresent();
  }

  private boolean attachedOwned(
      Unit u,
      KongEntity plugin,
      Map<String, Boolean> services,
      Map<String, Boolean> routes,
      Map<String, Boolean> consumers,
      Map<String, Boolean> groups) {
    Boolean verdict = null;
    for (var a :
        List.of(
            Map.entry("service", services),
            Map.entry("route", routes),
            Map.entry("consumer", consumers),
            Map.entry("consumer_group", groups))) {
      Optional<String> ref = text(plugin, a.getKey());
      if (ref.isEmpty()) {
        continue;
      }
      Boolean mine = a.getValue().get(ref.get());
      if (mine != null) {
        verdict = (verdict == null || verdict) && mine;
      }
    }
    return verdict != null ? verdict : owned(u, plugin);
  }

  /** Whether the unit owns an entity by its {@code k8s-*} tags; unknown sources are shared. */
  private boolean owned(Unit u, KongEntity e) {
    List<String> tags = e.tagsView();
    if (tags.isEmpty()) {
      return true;
    }
    String name = null;
    String ns = null;
    String kind = null;
    String group = null;
    for (String s : tags) {
      if (name == null && s.startsWith("k8s-name:")) {
        name = s.substring(9);
      } else if (ns == null && s.startsWith("k8s-namespace:")) {
        ns = s.substring(14);
      } else if (kind == null && s.startsWith("k8s-kind:")) {
        kind = s.substring(9);
      } else if (group == null && s.startsWith("k8s-group:")) {
        group = s.substring(10);
      }
    }
    if (name == null || kind == null) {
      return true;
    }
    String g = group == null || group.equals("core") ? "" : group;
    Optional<Kind> k = Kind.find(g, kind);
    if (k.isEmpty()) {
      return true;
    }
    return partition.ownsKey(u, Footprint.objectKey(k.get(), ns == null ? "" : ns, name));
  }

  private static String tags(KongEntity e) {
    return String.join(",", e.tagsView());
  }

  static Optional<String> text(KongEntity e, String field) {
    return e.field(field).filter(JsonNode::isTextual).map(JsonNode::asText);
  }
}
