package io.github.kongtranslator.translator.internal.assembly;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import java.util.List;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.TcpIngress;
import org.jspecify.annotations.Nullable;
import java.util.Map;
import io.github.kongtranslator.translator.internal.backends.ServicePart;
import io.github.kongtranslator.translator.internal.certificates.CertificatePart;
import io.github.kongtranslator.translator.internal.certificates.IdRewrites;
import io.github.kongtranslator.translator.internal.consumers.ConsumerPart;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.gatewayapi.GatewayL4Part;
import io.github.kongtranslator.translator.internal.gatewayapi.GrpcRoutePart;
import io.github.kongtranslator.translator.internal.gatewayapi.HttpRoutePart;
import io.github.kongtranslator.translator.internal.ingress.IngressPart;
import io.github.kongtranslator.translator.internal.ingress.L4IngressPart;
import io.github.kongtranslator.translator.internal.plugins.CustomEntityPart;
import io.github.kongtranslator.translator.internal.plugins.PluginPart;
import io.github.kongtranslator.translator.internal.routes.RouteOverrides;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.vaults.VaultPart;

/** One translation: runs every part in KIC's order (translator-spec §1). Not API. */
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
   * Translates a snapshot.
   *
   * @param stores the snapshot
   * @param options the options
   * @return the document and failures
   */
  public static Output run(CacheStores stores, TranslatorOptions options) {
    return run(stores, options, null);
  }

  /**
   * What the certificate step reads from a translation, for running it separately over a whole
   * snapshot ({@link #certificates}).
   *
   * @param ingresses accepted Ingresses with a TLS section, in translation order
   * @param tcpIngresses accepted TCPIngresses with a TLS section, in translation order
   * @param clientCertSecrets client certificate Secret keys with the objects naming them
   */
  public record TlsInputs(List<Ingress> ingresses, List<TcpIngress> tcpIngresses,
      Map<String, List<K8sObject>> clientCertSecrets) {}

  /**
   * A translation without the certificate step, and what that step would have read.
   *
   * @param output the document (no {@code certificates}) and failures
   * @param tls the certificate step's inputs from this snapshot
   */
  public record WithoutCertificates(Output output, TlsInputs tls) {}

  /**
   * Translates a snapshot without the TLS certificate step (CA certificates are kept),
   * reporting what that step would read instead.
   *
   * @param stores the snapshot
   * @param options the options
   * @return the output and the certificate step's inputs
   */
  public static WithoutCertificates runWithoutCertificates(CacheStores stores,
      TranslatorOptions options) {
    TlsInputs[] tls = new TlsInputs[1];
    Output out = run(stores, options, t -> tls[0] = t);
    return new WithoutCertificates(out, java.util.Objects.requireNonNull(tls[0]));
  }

  /**
   * The certificate step's output.
   *
   * @param output the {@code certificates} entries in document order, and the step's failures
   * @param clientCertificateIdsRewritten whether the step rewrote a client certificate's id
   *     (a Service's {@code client_certificate} would then change too)
   */
  public record Certificates(Output output, boolean clientCertificateIdsRewritten) {}

  /**
   * The certificate step alone over a whole snapshot. Equal to the section a full translation
   * gives when {@code inputs} are those of the whole snapshot, in translation order.
   *
   * @param stores the whole snapshot
   * @param options the options
   * @param inputs what the step reads
   * @return the entries, failures and whether client certificate ids were rewritten
   */
  public static Certificates certificates(CacheStores stores, TranslatorOptions options,
      TlsInputs inputs) {
    Context ctx = new Context(stores, options);
    CertificatePart certs = new CertificatePart(ctx);
    IdRewrites rewrites =
        certs.run(inputs.ingresses(), inputs.tcpIngresses(), inputs.clientCertSecrets());
    boolean rewritten = false;
    for (String key : inputs.clientCertSecrets().keySet()) {
      int slash = key.indexOf('/');
      String uid = stores.get(Kind.SECRET, key.substring(0, slash), key.substring(slash + 1),
          Secret.class).map(x -> x.metadata().uid()).orElse("");
      String to = rewrites.get(uid);
      rewritten |= to != null && !to.equals(uid);
    }
    KongConfig doc = KongConfig.builder()
        .certificates(DeckGenerator.sortedCertificates(ctx).stream()
            .map(c -> c.toEntity(new Entities.TagNodes())).toList())
        .build();
    return new Certificates(new Output(doc, canonical(ctx.failures)), rewritten);
  }

  private static Output run(CacheStores stores, TranslatorOptions options,
      java.util.function.@Nullable Consumer<TlsInputs> tls) {
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
    if (tls == null) {
      certs.run(ingress.acceptedIngresses(), l4.acceptedTcp(), services.clientCertSecrets);
    } else {
      tls.accept(new TlsInputs(
          ingress.acceptedIngresses().stream().filter(i -> !i.spec().tls().isEmpty()).toList(),
          l4.acceptedTcp().stream().filter(i -> !i.spec().tls().isEmpty()).toList(),
          new java.util.LinkedHashMap<>(services.clientCertSecrets)));
    }
    certs.caCertificates();

    DeckGenerator deck = new DeckGenerator(ctx);
    if (ctx.flag(FeatureFlag.FILL_IDS)) {
      deck.fillIds();
    }
    return new Output(deck.config(), canonical(ctx.failures));
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
