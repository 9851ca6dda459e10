package io.github.kongtranslator.translator.internal.consumers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.core.model.KongConsumerGroup;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.SecretValue;
import io.github.kongtranslator.kongmodel.config.AclGroup;
import io.github.kongtranslator.kongmodel.config.BasicAuthCredential;
import io.github.kongtranslator.kongmodel.config.Consumer;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.HmacAuthCredential;
import io.github.kongtranslator.kongmodel.config.JwtSecret;
import io.github.kongtranslator.kongmodel.config.KeyAuthCredential;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.MtlsAuthCredential;
import io.github.kongtranslator.kongmodel.config.Oauth2Credential;
import io.github.kongtranslator.kongmodel.config.Tagged;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumer;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumerGroup;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** KongConsumers, credentials, conflicts and KongConsumerGroups (translator-spec §11). */
public final class ConsumerPart {
  static final String CREDENTIAL_LABEL = "konghq.com/credential";

  /**
   * A field a credential Secret's data key sets, through the credential builder's typed setter.
   *
   * @param <B> the credential builder
   */
  @FunctionalInterface
  private interface FieldSetter<B> {
    /** Sets the field from the Secret's value; a failure reason to report (and go on), or null. */
    @Nullable String set(B builder, String value);
  }

  /** A string field: set as given. */
  private static <B> FieldSetter<B> text(BiConsumer<B, String> setter) {
    return (b, v) -> {
      setter.accept(b, v);
      return null;
    };
  }

  /**
   * A credential type (the {@code konghq.com/credential} label's value): the consumer's nested list
   * it goes to, and the Secret data keys it reads. The keys are the Secret's (user input), so they
   * are looked up in this table of typed setters; a key not in it is ignored.
   *
   * @param kind the credential's entity kind
   * @param builder a new credential builder
   * @param attach the consumer builder's typed setter of the nested list
   * @param fields Secret data key → typed setter
   * @param required keys that must be set to a non-empty string
   * @param invalidFields keys that make the Secret invalid
   * @param conflictField the key whose value must be unique per type ("" for none)
   * @param complete completes the builder from the string fields read (e.g. a default)
   */
  private record CredType<
      E extends KongEntity, B extends KongEntity.Builder<E, B> & Tagged.Builder<B>>(
      EntityKind kind,
      Supplier<B> builder,
      BiConsumer<Consumer.Builder, List<E>> attach,
      Map<String, FieldSetter<B>> fields,
      List<String> required,
      Set<String> invalidFields,
      String conflictField,
      BiConsumer<B, Map<String, String>> complete) {}

  private static final Set<String> COMMON_INVALID = Set.of("tags", "created_at", "consumer");
  private static final Map<String, CredType<?, ?>> TYPES = new LinkedHashMap<>();

  static {
    // KIC: internal/dataplane/kongstate/consumer.go (credential types and their fields)
    TYPES.put(
        "key-auth",
        new CredType<>(
            EntityKind.KEY_AUTH,
            KeyAuthCredential::builder,
            Consumer.Builder::keyauthCredentials,
            Map.of(
                "key",
                text(KeyAuthCredential.Builder::key),
                "id",
                text(KeyAuthCredential.Builder::id),
                "ttl",
                (b, v) -> {
                  Integer ttl = Strs.parseInt(v);
                  if (ttl == null) {
                    return "an invalid ttl value";
                  }
                  b.ttl(ttl);
                  return null;
                }),
            List.of("key"),
            COMMON_INVALID,
            "key",
            (b, seen) -> {}));
    TYPES.put(
        "basic-auth",
        new CredType<>(
            EntityKind.BASIC_AUTH,
            BasicAuthCredential::builder,
            Consumer.Builder::basicauthCredentials,
            Map.of(
                "username",
                text(BasicAuthCredential.Builder::username),
                "password",
                text(BasicAuthCredential.Builder::password),
                "id",
                text(BasicAuthCredential.Builder::id)),
            List.of("username"),
            COMMON_INVALID,
            "username",
            (b, seen) -> {}));
    TYPES.put(
        "hmac-auth",
        new CredType<>(
            EntityKind.HMAC_AUTH,
            HmacAuthCredential::builder,
            Consumer.Builder::hmacauthCredentials,
            Map.of(
                "username",
                text(HmacAuthCredential.Builder::username),
                "secret",
                text(HmacAuthCredential.Builder::secret),
                "id",
                text(HmacAuthCredential.Builder::id)),
            List.of("username"),
            COMMON_INVALID,
            "username",
            (b, seen) -> {}));
    TYPES.put(
        "jwt",
        new CredType<>(
            EntityKind.JWT_SECRET,
            JwtSecret::builder,
            Consumer.Builder::jwtSecrets,
            Map.of(
                "key",
                text(JwtSecret.Builder::key),
                "secret",
                text(JwtSecret.Builder::secret),
                "algorithm",
                text(JwtSecret.Builder::algorithm),
                "rsa_public_key",
                text(JwtSecret.Builder::rsaPublicKey),
                "id",
                text(JwtSecret.Builder::id)),
            List.of("key"),
            COMMON_INVALID,
            "key",
            (b, seen) -> {
              if (Strs.isEmpty(seen.get("algorithm"))) {
                b.algorithm("HS256");
              }
            }));
    TYPES.put(
        "acl",
        new CredType<>(
            EntityKind.ACL,
            AclGroup::builder,
            Consumer.Builder::acls,
            Map.of("group", text(AclGroup.Builder::group), "id", text(AclGroup.Builder::id)),
            List.of("group"),
            COMMON_INVALID,
            "",
            (b, seen) -> {}));
    TYPES.put(
        "oauth2",
        new CredType<>(
            EntityKind.OAUTH2,
            Oauth2Credential::builder,
            Consumer.Builder::oauth2Credentials,
            Map.of(
                "name",
                text(Oauth2Credential.Builder::name),
                "client_id",
                text(Oauth2Credential.Builder::clientId),
                "client_secret",
                text(Oauth2Credential.Builder::clientSecret),
                "client_type",
                text(Oauth2Credential.Builder::clientType),
                "id",
                text(Oauth2Credential.Builder::id),
                "redirect_uris",
                (b, v) -> {
                  b.redirectUris(List.of(v.split(",", -1)));
                  return null;
                },
                "hash_secret",
                (b, v) -> {
                  Boolean h = Strs.parseBool(v);
                  b.hashSecret(h != null && h);
                  return h == null ? "an invalid hash_secret value" : null;
                }),
            List.of("client_id", "name"),
            COMMON_INVALID,
            "client_id",
            (b, seen) -> {}));
    TYPES.put(
        "mtls-auth",
        new CredType<>(
            EntityKind.MTLS_AUTH,
            MtlsAuthCredential::builder,
            Consumer.Builder::mtlsAuthCredentials,
            Map.of(
                "subject_name",
                text(MtlsAuthCredential.Builder::subjectName),
                "id",
                text(MtlsAuthCredential.Builder::id)),
            List.of("subject_name"),
            Set.of("tags", "created_at", "consumer", "ca_certificate"),
            "",
            (b, seen) -> {}));
  }

  private final Context ctx;
  private final List<KConsumer> consumers = new ArrayList<>();
  private final List<KConsumerGroup> consumerGroups = new ArrayList<>();

  private ConsumerPart(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * What the consumers stage produced.
   *
   * @param consumers the consumers kept, in store order
   * @param consumerGroups the consumer groups, in store order
   */
  public record Output(
      ImmutableList<KConsumer> consumers, ImmutableList<KConsumerGroup> consumerGroups) {}

  /**
   * The consumers stage: KongConsumers with their credentials (a consumer with a conflicting
   * credential left out), then KongConsumerGroups.
   *
   * @param ctx the run
   * @return the consumers and consumer groups
   */
  public static Output run(Context ctx) {
    ConsumerPart part = new ConsumerPart(ctx);
    part.consumers();
    part.consumerGroups();
    return new Output(
        ImmutableList.copyOf(part.consumers), ImmutableList.copyOf(part.consumerGroups));
  }

  /** A credential with where it came from, for conflict detection. */
  private record Cred(KConsumer consumer, Secret secret, String type, String conflictValue) {}

  private void consumers() {
    List<Cred> creds = new ArrayList<>();
    for (KongConsumer kc : ctx.stores.list(Kind.KONG_CONSUMER, KongConsumer.class)) {
      ctx.guard(kc, () -> consumer(kc, creds));
    }
    removeConflicts(creds);
  }

  private void consumer(KongConsumer kc, List<Cred> creds) {
    if (!ctx.annotationClassMatches(kc)) {
      return;
    }
    if (Strs.isEmpty(kc.username()) && Strs.isEmpty(kc.customId())) {
      ctx.fail("no username or custom_id specified", kc);
      return;
    }
    KConsumer c = new KConsumer(kc);
    c.username = Strs.isEmpty(kc.username()) ? null : kc.username();
    c.customId = Strs.isEmpty(kc.customId()) ? null : kc.customId();
    c.tags = ctx.tags(kc);
    String ns = kc.metadata().namespace();
    for (String group : kc.consumerGroups()) {
      if (ctx.stores.get(Kind.KONG_CONSUMER_GROUP, ns, group).isEmpty()) {
        ctx.failUnprotected("nonexistent consumer group: " + ns + "/" + group, kc);
        continue;
      }
      c.groups.add(group);
    }
    for (String secretName : kc.credentials()) {
      Optional<Secret> s = ctx.stores.get(Kind.SECRET, ns, secretName, Secret.class);
      if (s.isEmpty()) {
        ctx.failUnprotected("credential Secret " + ns + "/" + secretName + " not found", kc);
        continue;
      }
      Cred cred = credential(c, s.get());
      if (cred != null && !cred.conflictValue().isEmpty()) {
        creds.add(cred);
      }
    }
    consumers.add(c);
  }

  private @Nullable Cred credential(KConsumer c, Secret secret) {
    KongConsumer kc = c.source;
    String type = secret.metadata().labels().get(CREDENTIAL_LABEL);
    String ref = secret.metadata().namespace() + "/" + secret.metadata().name();
    if (type == null || type.isEmpty()) {
      ctx.failUnprotected(
          "credential Secret " + ref + " has no " + CREDENTIAL_LABEL + " label", kc);
      return null;
    }
    CredType<?, ?> ct = TYPES.get(type);
    if (ct == null) {
      ctx.failUnprotected(
          "credential Secret " + ref + " has unsupported credential type " + type, kc);
      return null;
    }
    return credential(c, secret, type, ref, ct);
  }

  private <E extends KongEntity, B extends KongEntity.Builder<E, B> & Tagged.Builder<B>>
      @Nullable Cred credential(
          KConsumer c, Secret secret, String type, String ref, CredType<E, B> ct) {
    KongConsumer kc = c.source;
    B n = ct.builder().get();
    Map<String, String> seen = new HashMap<>(); // the string fields set, for the checks below
    for (Map.Entry<String, SecretValue> e : secret.data().entrySet()) {
      String k = e.getKey();
      String v = e.getValue().utf8();
      if (ct.invalidFields().contains(k)) {
        ctx.failUnprotected("credential Secret " + ref + " has invalid field " + k, kc);
        return null;
      }
      FieldSetter<B> setter = ct.fields().get(k);
      if (setter == null) {
        continue;
      }
      String failure = setter.set(n, v);
      if (failure != null) {
        ctx.failUnprotected("credential Secret " + ref + " has " + failure, kc);
      }
      seen.put(k, v);
    }
    ct.complete().accept(n, seen);
    for (String req : ct.required()) {
      if (Strs.isEmpty(seen.get(req))) {
        ctx.failUnprotected("credential Secret " + ref + " is missing required field " + req, kc);
        return null;
      }
    }
    List<String> tags = ctx.tags(secret);
    if (!tags.isEmpty()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode(tags.size());
      tags.forEach(a::add);
      n.adoptTags(a);
    }
    c.addCredential(ct.kind(), ct.attach(), n.build());
    String cv = ct.conflictField().isEmpty() ? "" : type + "\u0000" + seen.get(ct.conflictField());
    return new Cred(c, secret, type, cv);
  }

  private void removeConflicts(List<Cred> creds) {
    Map<String, List<Cred>> byValue = new LinkedHashMap<>();
    for (Cred c : creds) {
      byValue.computeIfAbsent(c.conflictValue(), k -> new ArrayList<>()).add(c);
    }
    Set<KConsumer> removed = new LinkedHashSet<>();
    for (List<Cred> group : byValue.values()) {
      if (group.size() < 2) {
        continue;
      }
      for (Cred c : group) {
        ctx.fail(
            "conflicting "
                + c.type()
                + " credential in Secret "
                + c.secret().metadata().namespace()
                + "/"
                + c.secret().metadata().name(),
            c.secret());
        removed.add(c.consumer());
      }
    }
    for (KConsumer c : removed) {
      ctx.fail("KongConsumer removed because it has a conflicting credential", c.source);
      consumers.remove(c);
    }
  }

  private void consumerGroups() {
    for (KongConsumerGroup g : ctx.stores.list(Kind.KONG_CONSUMER_GROUP, KongConsumerGroup.class)) {
      if (!ctx.annotationClassMatches(g)) {
        continue;
      }
      KConsumerGroup kg = new KConsumerGroup(g);
      kg.tags = ctx.tags(g);
      consumerGroups.add(kg);
    }
  }

  static List<K8sObject> sources(List<KConsumer> cs) {
    return cs.stream().map(c -> (K8sObject) c.source).toList();
  }
}
