package io.github.kongtranslator.translator.internal.certificates;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ConfigMap;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.kongmodel.config.CaCertificate;
import io.github.kongtranslator.translator.internal.entities.Entities.KCertificate;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Certificates and SNIs from TLS sections and client certificates; CA certificates (§10). */
public final class CertificatePart {
  public static final String CA_CERT_LABEL = "konghq.com/ca-cert";
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private final Context ctx;

  private CertificatePart(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * What the TLS certificates stage produced.
   *
   * @param certificates the certificates, by id in creation order (a later one with the same id
   *     replaced an earlier one)
   * @param idRewrites the certificate id each Secret uid was rewritten to
   */
  public record Output(ImmutableList<KCertificate> certificates, IdRewrites idRewrites) {}

  /**
   * What the TLS certificates stage reads from the other stages.
   *
   * @param ingresses accepted Ingresses with a TLS section, in translation order
   * @param tcpIngresses accepted TCPIngresses with a TLS section, in translation order
   * @param clientCertSecrets client certificate Secret keys with the objects naming them
   */
  public record Inputs(
      List<Ingress> ingresses,
      List<TcpIngress> tcpIngresses,
      Map<String, ? extends List<K8sObject>> clientCertSecrets) {}

  /**
   * The TLS certificates stage: certificates and SNIs from the TLS sections of the accepted
   * Ingresses and TCPIngresses (in translation order), the client certificate Secrets and the
   * Gateway listeners.
   *
   * @param ctx the run
   * @param inputs what the stage reads
   * @return the certificates and the id rewrites
   */
  public static Output run(Context ctx, Inputs inputs) {
    return new CertificatePart(ctx)
        .certificates(inputs.ingresses(), inputs.tcpIngresses(), inputs.clientCertSecrets());
  }

  /**
   * Points the services' client certificates at the certificate their Secret became.
   *
   * @param services the Kong services
   * @param idRewrites the certificate stage's id rewrites
   */
  public static void rewriteClientCertificates(
      Collection<KService> services, IdRewrites idRewrites) {
    for (KService svc : services) {
      if (svc.clientCertificate != null && idRewrites.containsKey(svc.clientCertificate)) {
        svc.clientCertificate = idRewrites.get(svc.clientCertificate);
      }
    }
  }

  /**
   * The CA certificates stage.
   *
   * @param ctx the run
   * @return the {@code ca_certificates} entries
   */
  public static ImmutableList<CaCertificate> caCertificates(Context ctx) {
    return new CertificatePart(ctx).caCertificates();
  }

  /** Secret key → hosts (first claim wins) and parents. */
  private final Map<String, List<String>> secretHosts = new LinkedHashMap<>();

  private final Map<String, List<K8sObject>> secretParents = new LinkedHashMap<>();
  private final Set<String> claimed = new HashSet<>();

  private Output certificates(
      List<Ingress> ingresses,
      List<TcpIngress> tcpIngresses,
      Map<String, ? extends List<K8sObject>> clientCertSecrets) {
    for (Ingress ing : ingresses) {
      claim(ing, ing.spec().tls());
    }
    for (TcpIngress ing : tcpIngresses) {
      claim(ing, ing.spec().tls());
    }
    clientCertSecrets.forEach(
        (key, users) -> {
          secretHosts.computeIfAbsent(key, k -> new ArrayList<>());
          secretParents.computeIfAbsent(key, k -> new ArrayList<>()).addAll(users);
        });
    List<KCertificate> certs = new ArrayList<>();
    Map<CertPair, KCertificate> byPair = new HashMap<>();
    IdentityHashMap<KCertificate, Set<String>> sniSets = new IdentityHashMap<>();
    IdentityHashMap<KCertificate, Secret> sourceOf = new IdentityHashMap<>();
    IdRewrites idRewrites = new IdRewrites();
    for (Map.Entry<String, List<String>> e : secretHosts.entrySet()) {
      String key = e.getKey();
      // claim() and the client-certificate loop above fill both maps with the same keys
      List<K8sObject> parents = Objects.requireNonNull(secretParents.get(key), key);
      int slash = key.indexOf('/');
      Optional<Secret> s =
          ctx.stores.get(
              Kind.SECRET, key.substring(0, slash), key.substring(slash + 1), Secret.class);
      if (s.isEmpty()) {
        ctx.fail("Failed to fetch the secret (" + key + ")", parents);
        continue;
      }
      String cert = s.get().value("tls.crt").map(v -> v.utf8().strip()).orElse("");
      String pkey = s.get().value("tls.key").map(v -> v.utf8().strip()).orElse("");
      if (!KeyPairs.valid(cert, pkey)) {
        List<K8sObject> blamed = new ArrayList<>(parents);
        blamed.add(s.get());
        ctx.fail("Secret " + key + " does not hold a valid TLS key pair", blamed);
        continue;
      }
      CertPair pair = new CertPair(cert, pkey);
      KCertificate existing = byPair.get(pair);
      String uid = s.get().metadata().uid();
      String ts = s.get().metadata().creationTimestamp();
      if (existing == null) {
        KCertificate c = new KCertificate(uid, cert, pkey, ctx.tags(s.get()), ts);
        c.snis.addAll(e.getValue());
        certs.add(c);
        sourceOf.put(c, s.get());
        byPair.put(pair, c);
        idRewrites.put(uid, uid);
      } else {
        boolean older =
            ts.compareTo(existing.creationTimestamp) < 0
                || (ts.equals(existing.creationTimestamp) && uid.compareTo(existing.id) < 0);
        if (older) {
          idRewrites.replaceValue(existing.id, uid);
          existing.id = uid;
        }
        idRewrites.put(uid, existing.id);
        Set<String> snis = sniSets.computeIfAbsent(existing, k -> new HashSet<>(k.snis));
        for (String h : e.getValue()) {
          if (snis.add(h)) {
            existing.snis.add(h);
          }
        }
      }
    }
    new GatewayCertificates(ctx).mergeInto(certs, byPair, idRewrites);
    Map<String, KCertificate> byId = new LinkedHashMap<>();
    for (KCertificate c : certs) {
      KCertificate dropped = byId.put(c.id, c);
      if (dropped != null && dropped != c) {
        reportCollapsed(dropped, c, sourceOf);
      }
    }
    return new Output(ImmutableList.copyOf(byId.values()), idRewrites);
  }

  /**
   * Certificates are keyed by id (KIC's behaviour, kept): a later certificate with the same id
   * replaces an earlier one, whose SNIs are then not served. Output stays KIC's; the loss is
   * reported (effect PARTIAL) naming both Secrets and the field that collided.
   */
  private void reportCollapsed(
      KCertificate dropped, KCertificate kept, Map<KCertificate, Secret> sourceOf) {
    Secret lost = sourceOf.get(dropped);
    Secret winner = sourceOf.get(kept);
    List<K8sObject> blamed = new ArrayList<>();
    if (lost != null) {
      blamed.add(lost);
    }
    if (winner != null) {
      blamed.add(winner);
    }
    if (blamed.isEmpty()) {
      return;
    }
    ctx.fail(
        "certificate of "
            + (lost == null ? "a Gateway listener" : lost.ref().toString())
            + " dropped: "
            + (winner == null ? "a Gateway listener certificate" : winner.ref().toString())
            + " has the same certificate id '"
            + kept.id
            + "' (field metadata.uid); SNIs "
            + dropped.snis
            + " are not served",
        blamed);
  }

  /** A certificate's identity for merging: its PEM certificate and key. */
  record CertPair(String cert, String key) {}

  private void claim(K8sObject parent, List<Ingress.Tls> tls) {
    for (Ingress.Tls t : tls) {
      if (Strs.isEmpty(t.secretName()) || t.hosts().isEmpty()) {
        continue;
      }
      String key = parent.metadata().namespace() + "/" + t.secretName();
      List<String> hosts = secretHosts.computeIfAbsent(key, k -> new ArrayList<>());
      for (String h : t.hosts()) {
        if (claimed.add(h)) {
          hosts.add(h);
        }
      }
      List<K8sObject> ps = secretParents.computeIfAbsent(key, k -> new ArrayList<>());
      if (!ps.contains(parent)) {
        ps.add(parent);
      }
    }
  }

  /** CA certificates from Secrets and ConfigMaps labelled {@code konghq.com/ca-cert: "true"}. */
  private ImmutableList<CaCertificate> caCertificates() {
    List<CaCertificate> out = new ArrayList<>();
    record Candidate(K8sObject obj, String id, String cert) {}
    List<Candidate> candidates = new ArrayList<>();
    List<K8sObject> objects = new ArrayList<>();
    objects.addAll(ctx.stores.list(Kind.SECRET, Secret.class));
    objects.addAll(ctx.stores.list(Kind.CONFIG_MAP, ConfigMap.class));
    for (K8sObject o : objects) {
      if (!"true".equals(o.metadata().labels().get(CA_CERT_LABEL))) {
        continue;
      }
      String id;
      String cert;
      if (o instanceof Secret s) {
        id = s.value("id").map(v -> v.utf8()).orElse("");
        cert = s.value("cert").or(() -> s.value("ca.crt")).map(v -> v.utf8()).orElse(null);
      } else {
        ConfigMap m = (ConfigMap) o;
        id = Strs.nz(m.data().get("id"));
        cert = m.data().containsKey("cert") ? m.data().get("cert") : m.data().get("ca.crt");
      }
      if (id.isEmpty()) {
        ctx.fail("invalid CA certificate " + o.ref() + ": missing 'id' field in data", o);
        continue;
      }
      if (cert == null) {
        ctx.fail(
            "invalid CA certificate " + o.ref() + ": missing 'cert' or 'ca.crt' field in data", o);
        continue;
      }
      candidates.add(new Candidate(o, id, cert));
    }
    candidates.sort(
        Comparator.comparing((Candidate c) -> c.obj().metadata().creationTimestamp())
            .thenComparing(c -> c.obj().metadata().namespace(), Strs.BYTES)
            .thenComparing(c -> c.obj().metadata().name(), Strs.BYTES));
    Set<String> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!seen.add(c.id())) {
        ctx.fail("invalid CA certificate " + c.obj().ref() + ": duplicate id " + c.id(), c.obj());
        continue;
      }
      String pem = validCa(c.cert());
      if (pem == null) {
        List<K8sObject> blamed = new ArrayList<>();
        blamed.add(c.obj());
        blamed.addAll(pluginsUsingCa(c.id()));
        ctx.fail(
            "invalid CA certificate "
                + c.obj().ref()
                + ": not exactly one valid, unexpired CA certificate",
            blamed);
        continue;
      }
      out.add(CaCertificate.builder().cert(pem).id(c.id()).tags(ctx.tags(c.obj())).build());
    }
    return ImmutableList.copyOf(out);
  }

  /** KongPlugins and KongClusterPlugins whose {@code config.ca_certificates} lists the id. */
  private List<K8sObject> pluginsUsingCa(String id) {
    List<K8sObject> out = new ArrayList<>();
    List<K8sObject> all = new ArrayList<>(ctx.stores.list(Kind.KONG_PLUGIN));
    all.addAll(ctx.stores.list(Kind.KONG_CLUSTER_PLUGIN));
    for (K8sObject o : all) {
      io.github.kongtranslator.core.model.JsonValue cfg =
          o instanceof io.github.kongtranslator.core.model.KongPlugin p
              ? p.config()
              : ((io.github.kongtranslator.core.model.KongClusterPlugin) o).config();
      if (cfg == null) {
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode ids = cfg.toNode().get("ca_certificates");
      if (ids != null && ids.isArray()) {
        for (com.fasterxml.jackson.databind.JsonNode n : ids) {
          if (n.isTextual() && n.asText().equals(id)) {
            out.add(o);
            break;
          }
        }
      }
    }
    return out;
  }

  /** Re-encoded PEM of a single valid CA certificate, or null. */
  static @Nullable String validCa(String text) {
    Matcher m = PEM_BLOCK.matcher(text);
    List<byte[]> certs = new ArrayList<>();
    while (m.find()) {
      if (!m.group(1).equals("CERTIFICATE")) {
        continue;
      }
      try {
        certs.add(Base64.getMimeDecoder().decode(m.group(2)));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (certs.size() != 1) {
      return null;
    }
    try {
      X509Certificate x =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certs.get(0)));
      if (x.getBasicConstraints() < 0 || x.getNotAfter().toInstant().isBefore(Instant.now())) {
        return null;
      }
      String b64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(x.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateException | RuntimeException e) {
      return null;
    }
  }
}
