package io.github.kongtranslator.translator.internal.assembly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.kongmodel.config.CaCertificate;
import io.github.kongtranslator.kongmodel.config.ConsumerGroupConsumer;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.kongmodel.config.Vault;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Entities.KCertificate;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumer;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumerGroup;
import io.github.kongtranslator.translator.internal.entities.Entities.KPlugin;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Entities.KUpstream;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * FillIDs, deck defaults, list ordering and the DB-less document (translator-spec §12, §14, §15).
 */
public final class DeckGenerator {
  private final Context ctx;
  private final Stages stages;

  /**
   * A generator for the outputs of one run's stages.
   *
   * @param ctx the run
   * @param stages what the stages produced
   */
  DeckGenerator(Context ctx, Stages stages) {
    this.ctx = ctx;
    this.stages = stages;
  }

  /**
   * Everything the stages produced, as the assembly reads it.
   *
   * @param services Kong services by name (backends stage)
   * @param upstreams upstreams by name (backends stage)
   * @param certificates TLS certificates (certificates stage)
   * @param caCertificates CA certificates (CA certificates stage)
   * @param consumers consumers (consumers stage)
   * @param consumerGroups consumer groups (consumers stage)
   * @param vaults vaults (vaults stage)
   * @param plugins plugin instances (plugins stage)
   * @param customEntities custom entity type → entities (custom entities stage)
   */
  record Stages(
      ImmutableMap<String, KService> services,
      ImmutableMap<String, KUpstream> upstreams,
      ImmutableList<KCertificate> certificates,
      ImmutableList<CaCertificate> caCertificates,
      ImmutableList<KConsumer> consumers,
      ImmutableList<KConsumerGroup> consumerGroups,
      ImmutableList<Vault> vaults,
      ImmutableList<KPlugin> plugins,
      ImmutableMap<String, ImmutableList<ObjectNode>> customEntities) {}

  void fillIds() {
    for (KService s : stages.services().values()) {
      if (s.id == null) {
        s.id = ctx.id("services", s.name);
      }
      for (KRoute r : s.routes) {
        if (r.id == null) {
          r.id = ctx.id("routes", r.name);
        }
      }
    }
    for (KConsumer c : stages.consumers()) {
      if (c.id == null && c.username != null) {
        c.id = ctx.id("consumers", c.username);
      }
    }
    for (KConsumerGroup g : stages.consumerGroups()) {
      if (g.id == null) {
        g.id = ctx.id("consumergroups", g.name);
      }
    }
    for (KPlugin p : stages.plugins()) {
      if (p.id == null) {
        p.id = ctx.id("plugins", p.idKey());
      }
    }
  }

  private static <T> Comparator<T> desc(java.util.function.Function<T, String> key) {
    return (a, b) -> Strs.compareBytes(key.apply(b), key.apply(a));
  }

  /** The certificates of a run in document order. */
  public static List<KCertificate> sortedCertificates(List<KCertificate> certificates) {
    List<KCertificate> certs = new ArrayList<>(certificates);
    certs.sort(desc(c -> c.cert));
    return certs;
  }

  /** The configuration; the nodes the run built (plugins, credentials, ...) are given to it. */
  KongConfig config() {
    boolean expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
    KongConfig.Builder doc = KongConfig.builder().formatVersion("3.0");
    boolean empty = true;
    Entities.TagNodes shared = new Entities.TagNodes();

    List<KService> services = new ArrayList<>(stages.services().values());
    services.sort(desc(s -> s.name));
    if (!services.isEmpty()) {
      List<Service> out = new ArrayList<>(services.size());
      for (KService s : services) {
        s.routes.sort(desc(r -> r.name));
        for (KRoute r : s.routes) {
          if (r.httpsRedirectStatusCode == null) {
            r.httpsRedirectStatusCode = 426;
          }
          if (r.pathHandling == null && !expressions) {
            r.pathHandling = "v0";
          }
          r.plugins.sort(desc(p -> p.name().orElse("")));
        }
        s.plugins.sort(desc(p -> p.name().orElse("")));
        out.add(s.toEntity(shared));
      }
      doc.services(out);
      empty = false;
    }

    List<KUpstream> upstreams = new ArrayList<>(stages.upstreams().values());
    upstreams.sort(desc(u -> u.name));
    for (KUpstream u : upstreams) {
      if (!u.overrides.has("algorithm")) { // a read: the builder has no typed "is set"
        u.overrides.algorithm("round-robin");
      }
    }
    if (!upstreams.isEmpty()) {
      doc.upstreams(upstreams.stream().map(x -> x.toEntity(shared)).toList());
      empty = false;
    }

    List<KCertificate> certs = sortedCertificates(stages.certificates());
    if (!certs.isEmpty()) {
      doc.certificates(certs.stream().map(x -> x.toEntity(shared)).toList());
      empty = false;
    }

    List<CaCertificate> cas = new ArrayList<>(stages.caCertificates());
    cas.sort(desc(c -> c.cert().orElse("")));
    if (!cas.isEmpty()) {
      doc.caCertificates(cas);
      empty = false;
    }

    List<KConsumer> consumers = new ArrayList<>(stages.consumers());
    consumers.sort(
        Comparator.comparing((KConsumer c) -> c.username != null)
            .thenComparing(c -> Strs.nz(c.username), Strs.BYTES)
            .thenComparing(c -> c.customId != null)
            .thenComparing(c -> Strs.nz(c.customId), Strs.BYTES));
    if (!consumers.isEmpty()) {
      doc.consumers(consumers.stream().map(x -> x.toEntity(shared)).toList());
      empty = false;
    }

    List<KConsumerGroup> groups = new ArrayList<>(stages.consumerGroups());
    groups.sort(desc(g -> g.name));
    if (!groups.isEmpty()) {
      doc.consumerGroups(groups.stream().map(x -> x.toEntity(shared)).toList());
      empty = false;
    }

    List<ConsumerGroupConsumer> members = new ArrayList<>();
    for (KConsumer c : consumers) {
      for (String g : c.groups) {
        ConsumerGroupConsumer.Builder m = ConsumerGroupConsumer.builder();
        m.consumer(c.username != null ? c.username : c.id != null ? c.id : "");
        m.consumerGroup(g);
        members.add(m.build());
      }
    }
    if (!members.isEmpty()) {
      doc.consumerGroupConsumers(members);
      empty = false;
    }

    List<Vault> vaults = new ArrayList<>(stages.vaults());
    vaults.sort(desc(v -> v.prefix().orElse("")));
    if (!vaults.isEmpty()) {
      doc.vaults(vaults);
      empty = false;
    }

    // KIC's key, then (for the same plugin type twice on one entity, which Kong would refuse
    // anyway) the source's tags, so the order never depends on the order parts ran in; each
    // key built once, not once per comparison
    List<Map.Entry<String, KPlugin>> keyed = new ArrayList<>(stages.plugins().size());
    for (KPlugin p : stages.plugins()) {
      keyed.add(Map.entry(p.sortKey(), p));
    }
    keyed.sort(
        (a, b) -> {
          int c = Strs.compareBytes(b.getKey(), a.getKey());
          return c != 0
              ? c
              : Strs.compareBytes(
                  String.join(",", a.getValue().tags), String.join(",", b.getValue().tags));
        });
    List<KPlugin> plugins = new ArrayList<>(keyed.size());
    keyed.forEach(e -> plugins.add(e.getValue()));
    if (!plugins.isEmpty()) {
      doc.plugins(plugins.stream().map(x -> x.toEntity(shared)).toList());
      empty = false;
    }

    if (empty) {
      doc.upstreams(List.of(Upstream.builder().name("kong").build()));
    }
    for (Map.Entry<String, ImmutableList<ObjectNode>> e : stages.customEntities().entrySet()) {
      // KongCustomEntity sections are named by the user's spec.type: no typed setter can exist
      doc.adopt(e.getKey(), Entities.array(e.getValue()));
    }
    return doc.build();
  }
}
