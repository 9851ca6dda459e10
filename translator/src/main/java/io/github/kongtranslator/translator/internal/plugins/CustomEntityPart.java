package io.github.kongtranslator.translator.internal.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongCustomEntity;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumer;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Json;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * KongCustomEntity → custom entities attached to what their plugin is bound to (gateway-api-spec
 * §9).
 */
public final class CustomEntityPart {
  static final Set<String> KNOWN_TYPES =
      Set.of(
          "services", "routes", "upstreams", "targets", "consumers", "consumer_groups", "plugins");

  private final Context ctx;
  private final Map<String, PluginPart.Relations> relations;
  private final Map<String, KService> services;
  private final Map<String, ImmutableList<ObjectNode>> out = new java.util.LinkedHashMap<>();

  private CustomEntityPart(
      Context ctx, Map<String, PluginPart.Relations> relations, Map<String, KService> services) {
    this.ctx = ctx;
    this.relations = relations;
    this.services = services;
  }

  /**
   * The custom entities stage.
   *
   * @param ctx the run
   * @param relations the plugins stage's relations
   * @param services the Kong services (backends stage)
   * @return custom entity type → entities, sorted per §9 of the Gateway API spec
   */
  public static ImmutableMap<String, ImmutableList<ObjectNode>> run(
      Context ctx, Map<String, PluginPart.Relations> relations, Map<String, KService> services) {
    CustomEntityPart part = new CustomEntityPart(ctx, relations, services);
    part.entities();
    return ImmutableMap.copyOf(part.out);
  }

  /** One emitted entity with its sort keys. */
  private record Out(String namespace, String name, String refs, ObjectNode entity) {}

  private void entities() {
    Map<String, List<Out>> byType = new java.util.LinkedHashMap<>();
    for (KongCustomEntity ce : ctx.stores.list(Kind.KONG_CUSTOM_ENTITY, KongCustomEntity.class)) {
      ctx.guard(ce, () -> entity(ce, byType));
    }
    byType.forEach(
        (type, outs) -> {
          outs.sort(
              Comparator.comparing(Out::namespace, Strs.BYTES)
                  .thenComparing(Out::name, Strs.BYTES)
                  .thenComparing(Out::refs, Strs.BYTES));
          if (!outs.isEmpty()) {
            out.put(type, ImmutableList.copyOf(outs.stream().map(Out::entity).toList()));
          }
        });
  }

  private void entity(KongCustomEntity ce, Map<String, List<Out>> byType) {
    String controller = Strs.nz(ce.spec().controllerName());
    if (!(controller.equals(ctx.options.ingressClass())
        || (controller.isEmpty() && ctx.defaultClass))) {
      return;
    }
    String type = Strs.nz(ce.spec().type());
    if (type.isEmpty() || KNOWN_TYPES.contains(type)) {
      ctx.fail("cannot use known entity type " + type + " in KongCustomEntity", ce);
      return;
    }
    JsonNode fieldsNode = ce.spec().fields() == null ? null : ce.spec().fields().toNode();
    ObjectNode fields =
        fieldsNode != null && fieldsNode.isObject()
            ? (ObjectNode) Json.normalizeNumbers(fieldsNode)
            : Entities.JSON.objectNode();
    Map<String, String> foreign =
        ctx.options
            .customEntityForeignFields()
            .getOrDefault(type, com.google.common.collect.ImmutableMap.of());
    List<Out> outs = byType.computeIfAbsent(type, k -> new ArrayList<>());
    String ns = ce.metadata().namespace();
    String name = ce.metadata().name();
    PluginPart.Relations rel = null;
    KongCustomEntity.ParentRef pr = ce.spec().parentRef();
    if (pr != null && !foreign.isEmpty()) {
      K8sObject plugin = parentPlugin(ce, pr);
      if (plugin == null) {
        return;
      }
      rel = relations.get(PluginPart.pluginKey(plugin));
    }
    List<String[]> targets = new ArrayList<>();
    List<String> consumerIds = new ArrayList<>();
    String consumerField = null;
    if (rel != null) {
      for (Map.Entry<String, String> f : foreign.entrySet()) {
        switch (f.getValue()) {
          case "services" -> {
            Set<KService> svcs = new LinkedHashSet<>(rel.boundServices);
            if (svcs.isEmpty()) {
              for (KRoute r : rel.boundRoutes) {
                services.values().stream()
                    .filter(s -> s.routes.contains(r))
                    .findFirst()
                    .ifPresent(svcs::add);
              }
            }
            for (KService s : svcs) {
              if (s.id == null) {
                s.id = ctx.id("services", s.name);
              }
              targets.add(new String[] {f.getKey(), s.id});
            }
          }
          case "routes" -> {
            for (KRoute r : new LinkedHashSet<>(rel.boundRoutes)) {
              if (r.id == null) {
                r.id = ctx.id("routes", r.name);
              }
              targets.add(new String[] {f.getKey(), r.id});
            }
          }
          case "consumers" -> {
            consumerField = f.getKey();
            for (KConsumer c : new LinkedHashSet<>(rel.boundConsumers)) {
              if (c.username == null) {
                continue;
              }
              if (c.id == null) {
                c.id = ctx.id("consumers", c.username);
              }
              consumerIds.add(c.id);
            }
          }
          default -> {}
        }
      }
    }
    if (targets.isEmpty() && consumerIds.isEmpty()) {
      outs.add(new Out(ns, name, "", fields));
      return;
    }
    // {"id": ...} references keyed by the user's field names: a CustomEntity has no typed setters
    if (consumerIds.isEmpty()) {
      for (String[] t : targets) {
        ObjectNode e = fields.deepCopy();
        e.putObject(t[0]).put("id", t[1]);
        outs.add(new Out(ns, name, t[1], e));
      }
      return;
    }
    for (String cid : consumerIds) {
      if (targets.isEmpty()) {
        ObjectNode e = fields.deepCopy();
        e.putObject(consumerField).put("id", cid);
        outs.add(new Out(ns, name, cid, e));
      }
      for (String[] t : targets) {
        ObjectNode e = fields.deepCopy();
        e.putObject(t[0]).put("id", t[1]);
        e.putObject(consumerField).put("id", cid);
        outs.add(new Out(ns, name, t[1] + cid, e));
      }
    }
  }

  /** The plugin a parentRef names; null after a failure (a missing plugin is one too). */
  private @Nullable K8sObject parentPlugin(KongCustomEntity ce, KongCustomEntity.ParentRef pr) {
    if (!Kind.KONG_GROUP.equals(pr.group())) {
      ctx.fail("unsupported parentRef group " + Strs.nz(pr.group()) + " in KongCustomEntity", ce);
      return null;
    }
    String ns = ce.metadata().namespace();
    if ("KongPlugin".equals(pr.kind())) {
      String pns = Strs.orElse(pr.namespace(), ns);
      if (!pns.equals(ns) && !granted(ce, pns, Strs.nz(pr.name()))) {
        ctx.fail("no grant found to referenced KongPlugin " + pns + "/" + Strs.nz(pr.name()), ce);
        return null;
      }
      return found(ce, ctx.stores.get(Kind.KONG_PLUGIN, pns, Strs.nz(pr.name())).orElse(null));
    }
    if ("KongClusterPlugin".equals(pr.kind())) {
      return found(
          ce, ctx.stores.get(Kind.KONG_CLUSTER_PLUGIN, "", Strs.nz(pr.name())).orElse(null));
    }
    ctx.fail("unsupported parentRef kind " + Strs.nz(pr.kind()) + " in KongCustomEntity", ce);
    return null;
  }

  private @Nullable K8sObject found(KongCustomEntity ce, @Nullable K8sObject plugin) {
    if (plugin == null) {
      ctx.fail(
          "failed to get plugin referenced by KongCustomEntity "
              + ce.metadata().namespace()
              + "/"
              + ce.metadata().name(),
          ce);
      return null;
    }
    return plugin;
  }

  private boolean granted(KongCustomEntity ce, String ns, String name) {
    for (ReferenceGrant g : ctx.stores.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      if (!g.metadata().namespace().equals(ns)) {
        continue;
      }
      boolean from =
          g.spec().from().stream()
              .anyMatch(
                  f ->
                      Kind.KONG_GROUP.equals(f.group())
                          && "KongCustomEntity".equals(f.kind())
                          && ce.metadata().namespace().equals(f.namespace()));
      boolean to =
          g.spec().to().stream()
              .anyMatch(
                  t ->
                      Kind.KONG_GROUP.equals(t.group())
                          && "KongPlugin".equals(t.kind())
                          && (Strs.isEmpty(t.name()) || name.equals(t.name())));
      if (from && to) {
        return true;
      }
    }
    return false;
  }
}
