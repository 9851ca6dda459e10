package io.github.kongtranslator.translator.internal.incremental;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectChange;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.assembly.DeckGenerator;
import io.github.kongtranslator.translator.internal.assembly.TranslationRun;
import io.github.kongtranslator.translator.internal.certificates.CertificatePart;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.incremental.Merge.Placed;
import io.github.kongtranslator.translator.internal.incremental.Merge.Slot;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The TLS certificates stage ({@link CertificatePart}) over the whole snapshot, fed by the units'
 * accepted TLS Ingresses and client certificates, and run again only when those, a TLS Secret or a
 * Gateway changed. Its entities and failures are held by a unit of its own.
 */
final class CertificateStep {
  /** Translation order of Ingresses: creation time, then {@code namespace/name} bytes. */
  private record TlsKey(String created, String name) {}

  private static final Comparator<TlsKey> TLS_ORDER =
      Comparator.comparing(TlsKey::created, Context::compareTime)
          .thenComparing(TlsKey::name, Strs.BYTES);

  private static TlsKey tlsKey(K8sObject o) {
    return new TlsKey(
        o.metadata().creationTimestamp(), o.metadata().namespace() + "/" + o.metadata().name());
  }

  private final TranslatorOptions options;

  /** Holds the entities and failures of the step. */
  private final Unit unit = new Unit(-1);

  /** Accepted Ingresses and TCPIngresses with TLS, in translation order. */
  private final TreeMap<TlsKey, K8sObject> tlsIngresses = new TreeMap<>(TLS_ORDER);

  private final TreeMap<TlsKey, K8sObject> tlsTcpIngresses = new TreeMap<>(TLS_ORDER);
  private final Set<Unit> clientCertUnits = new LinkedHashSet<>();

  /** Inputs of the last run, to skip it when they did not change. */
  private List<K8sObject> lastTlsObjects = List.of();

  private Map<String, List<K8sObject>> lastClientCerts = Map.of();
  private int unitsWithClientCerts;
  private boolean dirty = true;

  CertificateStep(TranslatorOptions options) {
    this.options = options;
  }

  /** Forgets everything (a rebuild): the next {@link #run} runs the step. */
  void clear() {
    unit.placed = List.of();
    unit.failures = List.of();
    tlsIngresses.clear();
    tlsTcpIngresses.clear();
    clientCertUnits.clear();
    lastTlsObjects = List.of();
    lastClientCerts = Map.of();
    dirty = true;
  }

  /** Notes changes the step reads directly: Gateways, and Secrets' presence and TLS keys. */
  void changed(List<ObjectChange> changes) {
    for (ObjectChange c : changes) {
      if (c.kind() == Kind.GATEWAY
          || (c.kind() == Kind.SECRET
              && (c.before().isEmpty()
                  || c.after().isEmpty()
                  || holdsTls(c.before().get())
                  || holdsTls(c.after().get())))) {
        dirty = true;
      }
    }
  }

  private static boolean holdsTls(K8sObject secret) {
    Map<String, ?> data = ((Secret) secret).data();
    return data.containsKey("tls.crt") || data.containsKey("tls.key");
  }

  /** Records the unit's share of the step's inputs: the TLS claimants it owns. */
  void record(Unit u, CertificatePart.Inputs translated, Partition partition) {
    CertificatePart.Inputs mine =
        new CertificatePart.Inputs(
            translated.ingresses().stream().filter(i -> partition.owns(u, i)).toList(),
            translated.tcpIngresses().stream().filter(i -> partition.owns(u, i)).toList(),
            translated.clientCertSecrets());
    if (!mine.ingresses().isEmpty()
        || !mine.tcpIngresses().isEmpty()
        || !mine.clientCertSecrets().isEmpty()) {
      u.tls = mine;
      mine.ingresses().forEach(i -> tlsIngresses.put(tlsKey(i), i));
      mine.tcpIngresses().forEach(i -> tlsTcpIngresses.put(tlsKey(i), i));
      if (!mine.clientCertSecrets().isEmpty()) {
        clientCertUnits.add(u);
      }
    }
  }

  /** Takes a unit's share of the inputs back. */
  void forget(Unit u) {
    CertificatePart.Inputs tls = u.tls;
    if (tls != null) {
      tls.ingresses().forEach(i -> tlsIngresses.remove(tlsKey(i), i));
      tls.tcpIngresses().forEach(i -> tlsTcpIngresses.remove(tlsKey(i), i));
      clientCertUnits.remove(u);
      u.tls = null;
    }
  }

  private List<K8sObject> tlsObjects() {
    List<K8sObject> all = new ArrayList<>(tlsIngresses.size() + tlsTcpIngresses.size());
    all.addAll(tlsIngresses.values());
    all.addAll(tlsTcpIngresses.values());
    return all;
  }

  private Map<String, List<K8sObject>> clientCerts() {
    Map<String, List<K8sObject>> clientCerts = new LinkedHashMap<>();
    unitsWithClientCerts = 0;
    for (Unit u : clientCertUnits) {
      if (u.tls != null && !u.tls.clientCertSecrets().isEmpty()) {
        unitsWithClientCerts++;
        clientCerts.putAll(u.tls.clientCertSecrets());
      }
    }
    return clientCerts;
  }

  /** Whether the TLS claimants (same objects, same order) or client certificates changed. */
  private boolean inputsChanged() {
    List<K8sObject> now = tlsObjects();
    if (now.size() != lastTlsObjects.size()) {
      return true;
    }
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i) != lastTlsObjects.get(i)) {
        return true;
      }
    }
    return !clientCerts().equals(lastClientCerts);
  }

  /** Runs the step over the snapshot when its inputs changed, re-placing its entities. */
  void run(CacheStores snapshot, Merge merge) {
    if (!dirty && !inputsChanged()) {
      return;
    }
    dirty = false;
    merge.unplace(unit);
    lastTlsObjects = tlsObjects();
    Map<String, List<K8sObject>> clientCerts = clientCerts();
    lastClientCerts = clientCerts;
    if (unitsWithClientCerts > 1) {
      merge.conflict(); // their order is the translation order of services across units
      return;
    }
    Context ctx = new Context(snapshot, options);
    CertificatePart.Output out =
        CertificatePart.run(
            ctx,
            new CertificatePart.Inputs(
                tlsIngresses.values().stream().map(Ingress.class::cast).toList(),
                tlsTcpIngresses.values().stream().map(TcpIngress.class::cast).toList(),
                clientCerts));
    for (String key : clientCerts.keySet()) {
      int slash = key.indexOf('/');
      String uid =
          snapshot
              .get(Kind.SECRET, key.substring(0, slash), key.substring(slash + 1), Secret.class)
              .map(x -> x.metadata().uid())
              .orElse("");
      String to = out.idRewrites().get(uid);
      if (to != null && !to.equals(uid)) {
        merge.conflict(); // services' client certificate ids would change: take the full path
        return;
      }
    }
    List<Placed> placed = new ArrayList<>();
    Map<String, Integer> ranks = new HashMap<>();
    Entities.TagNodes tags = new Entities.TagNodes();
    for (Entities.KCertificate k : DeckGenerator.sortedCertificates(out.certificates())) {
      KongEntity c = k.toEntity(tags);
      String cert = Ownership.text(c, "cert").orElse("");
      int rank = ranks.merge(cert, 1, Integer::sum) - 1;
      placed.add(new Placed("certificates", new Slot(cert, "", 0, rank), c));
    }
    unit.placed = placed;
    unit.failures = TranslationRun.canonical(ctx.failures());
    merge.place(unit);
  }
}
