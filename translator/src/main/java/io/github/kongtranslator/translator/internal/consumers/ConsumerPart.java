package io.github.kongtranslator.translator.internal.consumers;

import com.google.common.collect.ImmutableList;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.core.model.KongConsumerGroup;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.SecretValue;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumer;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumerGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;

/** KongConsumers, credentials, conflicts and KongConsumerGroups (translator-spec §11). */
public final class ConsumerPart {
  static final String CREDENTIAL_LABEL = "konghq.com/credential";

  /** A credential type: its output list and fields. */
  private record CredType(String list, Set<String> stringFields, List<String> required,
      Set<String> invalidFields, String conflictField) {}

  private static final Set<String> COMMON_INVALID = Set.of("tags", "created_at", "consumer");
  private static final Map<String, CredType> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("key-auth", new CredType("keyauth_credentials", Set.of("key", "id"),
        List.of("key"), COMMON_INVALID, "key"));
    TYPES.put("basic-auth", new CredType("basicauth_credentials",
        Set.of("username", "password", "id"), List.of("username"), COMMON_INVALID, "username"));
    TYPES.put("hmac-auth", new CredType("hmacauth_credentials",
        Set.of("username", "secret", "id"), List.of("username"), COMMON_INVALID, "username"));
    TYPES.put("jwt", new CredType("jwt_secrets",
        Set.of("key", "secret", "algorithm", "rsa_public_key", "id"), List.of("key"),
        COMMON_INVALID, "key"));
    TYPES.put("acl", new CredType("acls", Set.of("group", "id"), List.of("group"),
        COMMON_INVALID, ""));
    TYPES.put("oauth2", new CredType("oauth2_credentials",
        Set.of("name", "client_id", "client_secret", "client_type", "id"),
        List.of("client_id", "name"), COMMON_INVALID, "client_id"));
    TYPES.put("mtls-auth", new CredType("mtls_auth_credentials", Set.of("subject_name", "id"),
        List.of("subject_name"),
        Set.of("tags", "created_at", "consumer", "ca_certificate"), ""));
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
  public record Output(ImmutableList<KConsumer> consumers,
      ImmutableList<KConsumerGroup> consumerGroups) {}

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
    return new Output(ImmutableList.copyOf(part.consumers),
        ImmutableList.copyOf(part.consumerGroups));
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
      ctx.failUnprotected("credential Secret " + ref + " has no " + CREDENTIAL_LABEL + " label", kc);
      return null;
    }
    CredType ct = TYPES.get(type);
    if (ct == null) {
      ctx.failUnprotected("credential Secret " + ref + " has unsupported credential type " + type, kc);
      return null;
    }
    ObjectNode n = Entities.JSON.objectNode();
    for (Map.Entry<String, SecretValue> e : secret.data().entrySet()) {
      String k = e.getKey();
      String v = e.getValue().utf8();
      if (ct.invalidFields().contains(k)) {
        ctx.failUnprotected("credential Secret " + ref + " has invalid field " + k, kc);
        return null;
      }
      if (type.equals("oauth2") && k.equals("redirect_uris")) {
        ArrayNode a = n.putArray("redirect_uris");
        for (String u : v.split(",", -1)) {
          a.add(u);
        }
      } else if (type.equals("oauth2") && k.equals("hash_secret")) {
        Boolean b = Strs.parseBool(v);
        if (b == null) {
          ctx.failUnprotected("credential Secret " + ref + " has an invalid hash_secret value", kc);
          b = false;
        }
        n.put("hash_secret", b);
      } else if (type.equals("key-auth") && k.equals("ttl")) {
        Integer ttl = Strs.parseInt(v);
        if (ttl == null) {
          ctx.failUnprotected("credential Secret " + ref + " has an invalid ttl value", kc);
        } else {
          n.put("ttl", ttl);
        }
      } else if (ct.stringFields().contains(k)) {
        n.put(k, v);
      }
    }
    if (type.equals("jwt") && (!n.hasNonNull("algorithm") || n.get("algorithm").asText().isEmpty())) {
      n.put("algorithm", "HS256");
    }
    for (String req : ct.required()) {
      if (!n.hasNonNull(req) || n.get(req).asText().isEmpty()) {
        ctx.failUnprotected("credential Secret " + ref + " is missing required field " + req, kc);
        return null;
      }
    }
    List<String> tags = ctx.tags(secret);
    if (!tags.isEmpty()) {
      ArrayNode a = n.putArray("tags");
      tags.forEach(a::add);
    }
    c.credentials.computeIfAbsent(ct.list(), k -> new ArrayList<>()).add(n);
    String cv = ct.conflictField().isEmpty() ? "" : type + "\u0000" + n.get(ct.conflictField()).asText();
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
        ctx.fail("conflicting " + c.type() + " credential in Secret "
            + c.secret().metadata().namespace() + "/" + c.secret().metadata().name(), c.secret());
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
