package io.github.kongtranslator.translator.internal.certificates;

import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GatewayClass;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.translator.internal.entities.Entities.KCertificate;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.gatewayapi.GatewayBackends;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Certificates from the TLS listeners of managed Gateways, merged after the Ingress-derived ones
 * (gateway-api-spec §1.4). A Gateway is managed when its GatewayClass names the configured
 * controller; with the default empty controller name (KIC's golden harness) none is.
 */
final class GatewayCertificates {
  static final String UNMANAGED_ANNOTATION = "konghq.com/gatewayclass-unmanaged";

  private final Context ctx;
  private final GatewayBackends grants;

  GatewayCertificates(Context ctx) {
    this.ctx = ctx;
    this.grants = new GatewayBackends(ctx);
  }

  /** A listener certificate: the Secret, its PEM pair and the listener's SNI. */
  private record ListenerCert(Secret secret, String cert, String key, String sni) {}

  /**
   * Merges listener certificates into {@code certs}: an identical cert/key pair joins the existing
   * certificate ({@code byPair} indexes {@code certs}; the oldest Secret's id wins, recorded in
   * {@code idRewrites}); an SNI some certificate already serves is dropped, so Ingress SNIs win.
   */
  void mergeInto(
      List<KCertificate> certs,
      Map<CertificatePart.CertPair, KCertificate> byPair,
      IdRewrites idRewrites) {
    Set<String> seen = new HashSet<>();
    certs.forEach(c -> seen.addAll(c.snis));
    for (Gateway gw : ctx.sorted(Kind.GATEWAY, Gateway.class)) {
      ctx.guard(
          gw,
          () -> {
            for (ListenerCert lc : listenerCerts(gw)) {
              merge(lc, certs, byPair, idRewrites, seen);
            }
          });
    }
  }

  private static void merge(
      ListenerCert lc,
      List<KCertificate> certs,
      Map<CertificatePart.CertPair, KCertificate> byPair,
      IdRewrites idRewrites,
      Set<String> seen) {
    String uid = lc.secret().metadata().uid();
    String ts = lc.secret().metadata().creationTimestamp();
    CertificatePart.CertPair pair = new CertificatePart.CertPair(lc.cert(), lc.key());
    KCertificate existing = byPair.get(pair);
    if (existing == null) {
      existing = new KCertificate(uid, lc.cert(), lc.key(), Tags.of(lc.secret()), ts);
      certs.add(existing);
      byPair.put(pair, existing);
      idRewrites.putIfAbsent(uid, uid);
    } else if (ts.compareTo(existing.creationTimestamp) < 0
        || (ts.equals(existing.creationTimestamp) && uid.compareTo(existing.id) < 0)) {
      String old = existing.id;
      idRewrites.replaceValue(old, uid);
      idRewrites.put(uid, uid);
      existing.id = uid;
    } else {
      idRewrites.putIfAbsent(uid, existing.id);
    }
    if (seen.add(lc.sni())) {
      existing.snis.add(lc.sni());
    }
  }

  private List<ListenerCert> listenerCerts(Gateway gw) {
    String className = gw.spec().gatewayClassName();
    if (className == null || className.isEmpty()) {
      return List.of();
    }
    Optional<GatewayClass> gwc =
        ctx.stores.get(Kind.GATEWAY_CLASS, "", className, GatewayClass.class);
    if (gwc.isEmpty()
        || !Strs.nz(gwc.get().spec().controllerName())
            .equals(ctx.options.gatewayControllerName())) {
      return List.of();
    }
    boolean unmanaged = !Strs.isEmpty(gwc.get().metadata().annotation(UNMANAGED_ANNOTATION));
    Map<String, Gateway.ListenerStatus> statuses = new LinkedHashMap<>();
    if (gw.status() != null) {
      gw.status().listeners().forEach(s -> statuses.putIfAbsent(Strs.nz(s.name()), s));
    }
    List<ListenerCert> out = new ArrayList<>();
    for (Gateway.Listener l : gw.spec().listeners()) {
      Gateway.ListenerStatus st = statuses.get(Strs.nz(l.name()));
      if (st == null || (unmanaged && !programmed(st, gw.metadata().generation()))) {
        continue;
      }
      if (l.tls() == null || l.tls().certificateRefs().isEmpty()) {
        continue;
      }
      if (l.tls().certificateRefs().size() > 1) {
        ctx.fail(
            "listener '"
                + Strs.nz(l.name())
                + "' has more than one certificateRef, it's"
                + " not supported",
            gw);
        continue;
      }
      GatewayApi.ObjectReference ref = l.tls().certificateRefs().get(0);
      String group = Strs.nz(ref.group());
      if ((!group.isEmpty() && !group.equals("core"))
          || (ref.kind() != null && !"Secret".equals(ref.kind()))) {
        continue;
      }
      String ns = Strs.orElse(ref.namespace(), gw.metadata().namespace());
      String name = Strs.nz(ref.name());
      if (!grants.granted(gw, ns, "", "Secret", name)) {
        continue;
      }
      Optional<Secret> secret = ctx.stores.get(Kind.SECRET, ns, name, Secret.class);
      if (secret.isEmpty()) {
        continue;
      }
      String cert = secret.get().value("tls.crt").map(v -> v.utf8().strip()).orElse("");
      String key = secret.get().value("tls.key").map(v -> v.utf8().strip()).orElse("");
      if (!KeyPairs.valid(cert, key)) {
        ctx.fail(
            "Secret "
                + ns
                + "/"
                + name
                + " of listener '"
                + Strs.nz(l.name())
                + "' does not hold a valid TLS key pair",
            secret.get(),
            gw);
        continue;
      }
      String sni = Strs.orElse(l.hostname(), "*");
      out.add(new ListenerCert(secret.get(), cert, key, sni));
    }
    return out;
  }

  private static boolean programmed(Gateway.ListenerStatus st, long generation) {
    return st.conditions().stream()
        .anyMatch(
            c ->
                "Programmed".equals(c.type())
                    && "True".equals(c.status())
                    && "Programmed".equals(c.reason())
                    && c.observedGeneration() != null
                    && c.observedGeneration() == generation);
  }
}
