package io.github.kongtranslator.translator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.Entities.KRoute;
import io.github.kongtranslator.translator.internal.Entities.KService;
import java.util.List;
import java.util.Map;

/** One translation: runs every part in KIC's order (translator-spec §1). Not API. */
public final class TranslationRun {
  private TranslationRun() {}

  /**
   * The output of a run: the DB-less document as a JSON tree, and the failures.
   *
   * @param document the document, with {@code _format_version} and every non-empty section
   * @param failures failures in the order they were found
   */
  public record Output(ObjectNode document, ImmutableList<TranslationFailure> failures) {}

  /**
   * Translates a snapshot.
   *
   * @param stores the snapshot
   * @param options the options
   * @return the document and failures
   */
  public static Output run(CacheStores stores, TranslatorOptions options) {
    Context ctx = new Context(stores, options);
    boolean expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);

    IngressPart ingress = new IngressPart(ctx);
    Map<String, KService> fromIngress = ingress.run();
    L4IngressPart l4 = new L4IngressPart(ctx);
    Map<String, KService> fromTcp = l4.tcp();
    Map<String, KService> fromUdp = l4.udp();
    ctx.services.putAll(fromIngress);
    ctx.services.putAll(fromTcp);
    ctx.services.putAll(fromUdp);
    GatewayL4Part l4Routes = new GatewayL4Part(ctx);
    ctx.services.putAll(new HttpRoutePart(ctx).run());
    ctx.services.putAll(l4Routes.udp());
    ctx.services.putAll(l4Routes.tcp());
    ctx.services.putAll(l4Routes.tls());
    ctx.services.putAll(new GrpcRoutePart(ctx).run());

    ServicePart services = new ServicePart(ctx);
    services.populate();
    services.upstreams();
    ctx.services.values().removeIf(s -> s.dropped);
    services.serviceAnnotations();
    for (KService s : ctx.services.values()) {
      for (KRoute r : s.routes) {
        RouteOverrides.apply(r, r.source.metadata().annotations(), expressions);
      }
    }
    services.upstreamOverrides();

    ConsumerPart consumers = new ConsumerPart(ctx);
    consumers.consumers();
    new VaultPart(ctx).run();
    consumers.consumerGroups();

    PluginPart plugins = new PluginPart(ctx);
    plugins.run();
    if (ctx.flag(FeatureFlag.KONG_CUSTOM_ENTITY)) {
      new CustomEntityPart(ctx, plugins).run();
    }

    CertificatePart certs = new CertificatePart(ctx);
    certs.run(ingress.acceptedIngresses(), l4.acceptedTcp(), services.clientCertSecrets);
    certs.caCertificates();

    DeckGenerator deck = new DeckGenerator(ctx);
    if (ctx.flag(FeatureFlag.FILL_IDS)) {
      deck.fillIds();
    }
    return new Output(deck.document(), canonical(ctx.failures));
  }

  /**
   * Failures without repeats, in a canonical order: by the blamed objects, then by reason. The
   * order does not depend on the order in which parts of the translation ran, so incremental
   * and full translations report the same list.
   *
   * @param failures failures as found
   * @return the canonical list
   */
  public static ImmutableList<TranslationFailure> canonical(List<TranslationFailure> failures) {
    return failures.stream().distinct()
        .sorted(java.util.Comparator.comparing((TranslationFailure f) -> f.causingObjects().toString())
            .thenComparing(TranslationFailure::reason))
        .collect(ImmutableList.toImmutableList());
  }
}
