package io.github.kongtranslator.translator.internal.assembly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.kongmodel.config.CaCertificate;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Vault;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.backends.ServicePart;
import io.github.kongtranslator.translator.internal.certificates.CertificatePart;
import io.github.kongtranslator.translator.internal.consumers.ConsumerPart;
import io.github.kongtranslator.translator.internal.entities.Entities.KCertificate;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.gatewayapi.GatewayApiStage;
import io.github.kongtranslator.translator.internal.ingress.IngressStage;
import io.github.kongtranslator.translator.internal.plugins.CustomEntityPart;
import io.github.kongtranslator.translator.internal.plugins.PluginPart;
import io.github.kongtranslator.translator.internal.routes.RouteOverrides;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.vaults.VaultPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The translation pipeline: the one place that states the order of the stages (KIC's order,
 * translator-spec §1). Each stage takes what it reads and returns what it produced; the {@link
 * Context} holds only the run's inputs and its failure log. Not API.
 *
 * <ol>
 *   <li>routing: {@code ingress.IngressStage} (Ingress, TCPIngress, UDPIngress), then {@code
 *       gatewayapi.GatewayApiStage} (HTTPRoute, UDPRoute, TCPRoute, TLSRoute, GRPCRoute)
 *   <li>{@code backends.ServicePart}: targets, upstreams, Service annotations
 *   <li>{@code routes.RouteOverrides}: route annotations
 *   <li>{@code consumers.ConsumerPart}, {@code vaults.VaultPart}
 *   <li>{@code plugins.PluginPart}, {@code plugins.CustomEntityPart}
 *   <li>{@code certificates.CertificatePart}: CA certificates
 *   <li>{@code certificates.CertificatePart}: TLS certificates (the incremental engine runs this
 *       stage once over the whole snapshot: {@link #beforeCertificates} and {@link #assemble})
 *   <li>{@code DeckGenerator}: ids, defaults, order, the document
 * </ol>
 */
public final class TranslationRun {
  private TranslationRun() {}

  /**
   * The output of a run: the DB-less configuration, and the failures.
   *
   * @param config the configuration, with {@code _format_version} and every non-empty section
   * @param failures failures in their canonical order ({@link #canonical})
   */
  public record Output(KongConfig config, ImmutableList<TranslationFailure> failures) {}

  /**
   * Translates a snapshot: every stage, in order.
   *
   * @param stores the snapshot
   * @param options the options
   * @return the document and failures
   */
  public static Output run(CacheStores stores, TranslatorOptions options) {
    BeforeCertificates stages = beforeCertificates(stores, options);
    // 7. TLS certificates, and the services' client certificates pointed at them
    CertificatePart.Output certs = CertificatePart.run(stages.ctx(), stages.tls());
    CertificatePart.rewriteClientCertificates(stages.services().values(), certs.idRewrites());
    return assemble(stages, certs.certificates());
  }

  /**
   * The outputs of every stage before the TLS certificates (the incremental engine runs those once
   * over the whole snapshot instead of per unit).
   *
   * @param ctx the run (inputs, options, failure log)
   * @param services the Kong services, completed by the backends and route annotation stages
   * @param backends the backends stage's output (upstreams)
   * @param consumers the consumers stage's output
   * @param vaults the vaults stage's output
   * @param plugins the plugins stage's output
   * @param customEntities the custom entities stage's output
   * @param caCertificates the CA certificates stage's output
   * @param tls what the TLS certificates stage reads
   */
  public record BeforeCertificates(
      Context ctx,
      ImmutableMap<String, KService> services,
      ServicePart.Output backends,
      ConsumerPart.Output consumers,
      ImmutableList<Vault> vaults,
      PluginPart.Output plugins,
      ImmutableMap<String, ImmutableList<ObjectNode>> customEntities,
      ImmutableList<CaCertificate> caCertificates,
      CertificatePart.Inputs tls) {}

  /**
   * The stages before the TLS certificates, in their order (KIC's, translator-spec §1).
   *
   * @param stores the snapshot
   * @param options the options
   * @return every stage's output
   */
  public static BeforeCertificates beforeCertificates(
      CacheStores stores, TranslatorOptions options) {
    Context ctx = new Context(stores, options);
    // 1. routing: Kong services with their routes, from Ingresses then from Gateway API routes
    IngressStage.Output ingress = IngressStage.run(ctx);
    Map<String, KService> routing = new LinkedHashMap<>(ingress.services());
    routing.putAll(GatewayApiStage.run(ctx));
    // 2. backends: targets, upstreams, Service annotations; inconsistent services dropped
    ServicePart.Output backends = ServicePart.run(ctx, routing);
    // 3. route annotations onto every kept route
    boolean expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
    for (KService s : backends.services().values()) {
      for (KRoute r : s.routes) {
        RouteOverrides.apply(r, r.source.metadata().annotations(), expressions);
      }
    }
    // 4. consumers and consumer groups, vaults
    ConsumerPart.Output consumers = ConsumerPart.run(ctx);
    ImmutableList<Vault> vaults = VaultPart.run(ctx);
    // 5. plugins bound to services, routes, consumers and groups; custom entities through them
    PluginPart.Output plugins =
        PluginPart.run(ctx, backends.services(), consumers.consumers(), consumers.consumerGroups());
    ImmutableMap<String, ImmutableList<ObjectNode>> customEntities =
        ctx.flag(FeatureFlag.KONG_CUSTOM_ENTITY)
            ? CustomEntityPart.run(ctx, plugins.relations(), backends.services())
            : ImmutableMap.of();
    // 6. CA certificates
    ImmutableList<CaCertificate> caCertificates = CertificatePart.caCertificates(ctx);
    CertificatePart.Inputs tls =
        new CertificatePart.Inputs(
            ingress.tlsIngresses(), ingress.tlsTcpIngresses(), backends.clientCertSecrets());
    return new BeforeCertificates(
        ctx,
        backends.services(),
        backends,
        consumers,
        vaults,
        plugins,
        customEntities,
        caCertificates,
        tls);
  }

  /**
   * 8. Assembly: ids (FillIDs), defaults, order, the document; then the failures.
   *
   * @param stages the stages before the TLS certificates
   * @param certificates the TLS certificates stage's certificates (none to leave them out)
   * @return the document and the run's failures
   */
  public static Output assemble(BeforeCertificates stages, List<KCertificate> certificates) {
    Context ctx = stages.ctx();
    DeckGenerator deck =
        new DeckGenerator(
            ctx,
            new DeckGenerator.Stages(
                stages.services(),
                stages.backends().upstreams(),
                ImmutableList.copyOf(certificates),
                stages.caCertificates(),
                stages.consumers().consumers(),
                stages.consumers().consumerGroups(),
                stages.vaults(),
                stages.plugins().plugins(),
                stages.customEntities()));
    if (ctx.flag(FeatureFlag.FILL_IDS)) {
      deck.fillIds();
    }
    return new Output(deck.config(), canonical(ctx.failures()));
  }

  /**
   * Failures without repeats, in a canonical order: by the blamed objects, then by reason. The
   * order does not depend on the order in which parts of the translation ran, so incremental and
   * full translations report the same list.
   *
   * @param failures failures as found
   * @return the canonical list
   */
  public static ImmutableList<TranslationFailure> canonical(List<TranslationFailure> failures) {
    return failures.stream()
        .distinct()
        .sorted(
            java.util.Comparator.comparing((TranslationFailure f) -> f.causingObjects().toString())
                .thenComparing(TranslationFailure::reason))
        .collect(ImmutableList.toImmutableList());
  }
}
