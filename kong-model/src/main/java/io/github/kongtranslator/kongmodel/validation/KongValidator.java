package io.github.kongtranslator.kongmodel.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a declarative configuration against the schema rules of Kong 3.9.1, offline, as Kong
 * would before loading it: field types, required fields, {@code one_of} enumerations, ranges
 * (ports, timeouts, weights, retries, slots), the {@code typedefs} syntaxes (hosts, hostnames,
 * paths, UUIDs, tags, names), each entity's checks (per-protocol route requirements from
 * {@code routes_subschemas.lua}, {@code upstreams.lua}'s hashing rules, {@code
 * certificates.lua}, {@code vaults.lua}), the syntax of router expressions, unique ids and
 * names per entity type, and references that point to no entity. Each rule names the Kong file
 * it comes from ({@link Violation#source()}).
 *
 * <p>The check never rejects what Kong accepts: when a rule depends on something it cannot
 * see (a certificate's key pair, a PCRE regex, a plugin's own config schema, Enterprise-only
 * entities), it accepts. A validator is immutable and thread-safe.
 *
 * <pre>{@code
 * ImmutableList<Violation> violations = KongValidator.kong391().validate(config);
 * violations.forEach(v -> System.out.println(v.line()));
 * }</pre>
 */
public final class KongValidator {
  private final @Nullable RouterFlavor flavor;

  private KongValidator(@Nullable RouterFlavor flavor) {
    this.flavor = flavor;
  }

  /**
   * The validator of Kong 3.9.1's rules; the router flavor is {@link
   * RouterFlavor#EXPRESSIONS} for a configuration with a route that sets {@code expression} or
   * {@code priority}, else Kong's default {@link RouterFlavor#TRADITIONAL_COMPATIBLE}.
   *
   * @return the validator
   */
  public static KongValidator kong391() {
    return new KongValidator(null);
  }

  /**
   * This validator with a fixed router flavor.
   *
   * @param routerFlavor Kong's {@code router_flavor}
   * @return the validator
   */
  public KongValidator withRouterFlavor(RouterFlavor routerFlavor) {
    return new KongValidator(java.util.Objects.requireNonNull(routerFlavor, "routerFlavor"));
  }

  /**
   * The fixed router flavor.
   *
   * @return the flavor, empty when it is chosen per configuration
   */
  public Optional<RouterFlavor> routerFlavor() {
    return Optional.ofNullable(flavor);
  }

  /**
   * Checks a configuration.
   *
   * @param config the configuration
   * @return the violations in document order, entity by entity; empty when Kong would accept
   *     the configuration as far as these rules tell
   */
  public ImmutableList<Violation> validate(KongConfig config) {
    Run run = new Run(flavor != null ? flavor : detect(config));
    for (Map.Entry<String, ImmutableList<KongEntity>> s : config.sections().entrySet()) {
      if (EntityKind.forSection(s.getKey()).isEmpty()) {
        continue; // custom entities: their schemas are not known here
      }
      ImmutableList<KongEntity> list = s.getValue();
      for (int i = 0; i < list.size(); i++) {
        run.visit(list.get(i), s.getKey() + "[" + i + "]", null, ImmutableList.of());
      }
    }
    run.references();
    return ImmutableList.copyOf(run.out);
  }

  private static RouterFlavor detect(KongConfig config) {
    for (ImmutableList<KongEntity> l : config.sections().values()) {
      for (KongEntity e : l) {
        if (usesExpressions(e)) {
          return RouterFlavor.EXPRESSIONS;
        }
      }
    }
    return RouterFlavor.TRADITIONAL_COMPATIBLE;
  }

  private static boolean usesExpressions(KongEntity e) {
    if (e.kind() == EntityKind.ROUTE && (present(e, "expression") || present(e, "priority"))) {
      return true;
    }
    for (ImmutableList<KongEntity> l : e.nested().values()) {
      for (KongEntity c : l) {
        if (usesExpressions(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean present(KongEntity e, String field) {
    return e.field(field).filter(n -> !n.isNull()).isPresent();
  }

  /** Unique fields per kind (the schemas' {@code unique = true}, with the file saying so). */
  private static final ImmutableMap<EntityKind, ImmutableMap<String, String>> UNIQUE =
      ImmutableMap.<EntityKind, ImmutableMap<String, String>>builder()
          .put(EntityKind.SERVICE, ImmutableMap.of("name", EntityCheck.TYPEDEFS))
          .put(EntityKind.ROUTE, ImmutableMap.of("name", EntityCheck.TYPEDEFS))
          .put(EntityKind.UPSTREAM, ImmutableMap.of("name", EntityRules.UPSTREAMS))
          .put(EntityKind.SNI, ImmutableMap.of("name", EntityRules.SNIS))
          .put(EntityKind.CONSUMER, ImmutableMap.of("username", EntityRules.CONSUMERS, "custom_id", EntityRules.CONSUMERS))
          .put(EntityKind.VAULT, ImmutableMap.of("prefix", EntityRules.VAULTS))
          .put(EntityKind.PLUGIN, ImmutableMap.of("instance_name", EntityCheck.TYPEDEFS))
          .put(EntityKind.CA_CERTIFICATE, ImmutableMap.of("cert_digest", EntityRules.CA_CERTIFICATES))
          .put(EntityKind.KEY_AUTH, ImmutableMap.of("key", "kong/plugins/key-auth/daos.lua"))
          .put(EntityKind.BASIC_AUTH, ImmutableMap.of("username", "kong/plugins/basic-auth/daos.lua"))
          .put(EntityKind.HMAC_AUTH, ImmutableMap.of("username", "kong/plugins/hmac-auth/daos.lua"))
          .put(EntityKind.JWT_SECRET, ImmutableMap.of("key", "kong/plugins/jwt/daos.lua"))
          .put(EntityKind.OAUTH2, ImmutableMap.of("client_id", "kong/plugins/oauth2/daos.lua"))
          .buildOrThrow();

  /** Foreign keys checked for a target: field, referenced kind, the file declaring it. */
  private record Foreign(String field, EntityKind target, String source) {}

  private static final ImmutableMap<EntityKind, ImmutableList<Foreign>> FOREIGN =
      ImmutableMap.<EntityKind, ImmutableList<Foreign>>builder()
          .put(EntityKind.SERVICE, ImmutableList.of(
              new Foreign("client_certificate", EntityKind.CERTIFICATE, EntityRules.SERVICES)))
          .put(EntityKind.UPSTREAM, ImmutableList.of(
              new Foreign("client_certificate", EntityKind.CERTIFICATE, EntityRules.UPSTREAMS)))
          .put(EntityKind.ROUTE, ImmutableList.of(
              new Foreign("service", EntityKind.SERVICE, EntityRules.ROUTES)))
          .put(EntityKind.TARGET, ImmutableList.of(
              new Foreign("upstream", EntityKind.UPSTREAM, EntityRules.TARGETS)))
          .put(EntityKind.SNI, ImmutableList.of(
              new Foreign("certificate", EntityKind.CERTIFICATE, EntityRules.SNIS)))
          .put(EntityKind.PLUGIN, ImmutableList.of(
              new Foreign("service", EntityKind.SERVICE, EntityRules.PLUGINS),
              new Foreign("route", EntityKind.ROUTE, EntityRules.PLUGINS),
              new Foreign("consumer", EntityKind.CONSUMER, EntityRules.PLUGINS)))
          .buildOrThrow();

  /** The fields a reference may name besides the id ({@code endpoint_key} of each schema). */
  private static final ImmutableMap<EntityKind, String> ENDPOINT_KEY = ImmutableMap.of(
      EntityKind.SERVICE, "name", EntityKind.ROUTE, "name", EntityKind.UPSTREAM, "name",
      EntityKind.CONSUMER, "username");

  private static final class Run {
    final RouterFlavor flavor;
    final List<Violation> out = new ArrayList<>();
    final Map<EntityKind, Set<String>> keys = new EnumMap<>(EntityKind.class);
    final Map<String, String> seen = new HashMap<>();
    final List<Runnable> pendingReferences = new ArrayList<>();

    Run(RouterFlavor flavor) {
      this.flavor = flavor;
    }

    void visit(KongEntity e, String path, @Nullable KongEntity parent, ImmutableList<String> inherited) {
      ObjectNode json = e.toJsonWithoutNested();
      ImmutableList<String> own = tags(json);
      ImmutableList<String> tags = own.isEmpty() ? inherited : own;
      EntityCheck c = new EntityCheck(e.kind(), json, label(json, path), tags, out);
      boolean nested = parent != null;
      switch (e.kind()) {
        case SERVICE -> EntityRules.service(c);
        case ROUTE -> EntityRules.route(c, flavor);
        case UPSTREAM -> EntityRules.upstream(c);
        case TARGET -> EntityRules.target(c, nested);
        case PLUGIN -> EntityRules.plugin(c);
        case CONSUMER -> EntityRules.consumer(c);
        case KEY_AUTH, BASIC_AUTH, HMAC_AUTH, JWT_SECRET, OAUTH2, ACL, MTLS_AUTH ->
            EntityRules.credential(c);
        case CERTIFICATE -> EntityRules.certificate(c);
        case SNI -> EntityRules.sni(c, nested);
        case CA_CERTIFICATE -> EntityRules.caCertificate(c);
        case VAULT -> EntityRules.vault(c);
        case CONSUMER_GROUP, CONSUMER_GROUP_CONSUMER, LICENSE, CUSTOM_ENTITY -> {
          // Kong Enterprise or custom entities: no Kong 3.9.1 OSS schema to check against
        }
      }
      unique(c, "id", "kong/db/schema/init.lua (primary key)");
      ImmutableMap<String, String> uniques = UNIQUE.get(e.kind());
      if (uniques != null) {
        uniques.forEach((f, src) -> unique(c, f, src));
      }
      register(e.kind(), json);
      ImmutableList<Foreign> foreign = FOREIGN.get(e.kind());
      if (foreign != null) {
        for (Foreign f : foreign) {
          if (nested && parent.kind() == f.target()) {
            continue; // the enclosing entity is the reference
          }
          JsonNode ref = json.get(f.field());
          if (ref != null && !ref.isNull()) {
            pendingReferences.add(() -> reference(c, f, ref));
          }
        }
      }
      for (Map.Entry<String, ImmutableList<KongEntity>> n : e.nested().entrySet()) {
        ImmutableList<KongEntity> l = n.getValue();
        for (int i = 0; i < l.size(); i++) {
          visit(l.get(i), path + "." + n.getKey() + "[" + i + "]", e, tags);
        }
      }
    }

    private void unique(EntityCheck c, String field, String source) {
      JsonNode v = c.json.get(field);
      if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
        return;
      }
      String key = c.kind.name() + "\u0000" + field + "\u0000" + v.textValue();
      String first = seen.putIfAbsent(key, c.label);
      if (first != null) {
        String shown = c.kind.secretFields().contains(field) ? "" : " " + c.show(field, v.textValue());
        c.fail(field, "UNIQUE violation: the value" + shown + " is also used by " + first, source);
      }
    }

    private void register(EntityKind kind, ObjectNode json) {
      Set<String> k = keys.computeIfAbsent(kind, x -> new HashSet<>());
      JsonNode id = json.get("id");
      if (id != null && id.isTextual()) {
        k.add(id.textValue());
      }
      String endpoint = ENDPOINT_KEY.get(kind);
      JsonNode name = endpoint == null ? null : json.get(endpoint);
      if (name != null && name.isTextual()) {
        k.add(name.textValue());
      }
    }

    private void reference(EntityCheck c, Foreign f, JsonNode ref) {
      String value = null;
      if (ref.isTextual()) {
        value = ref.textValue();
      } else if (ref.isObject()) {
        for (String k : List.of("id", "name", "username")) {
          JsonNode v = ref.get(k);
          if (v != null && v.isTextual()) {
            value = v.textValue();
            break;
          }
        }
      }
      if (value == null) {
        c.fail(f.field(), "expected a reference to " + f.target().sectionKey() + " (an id or a name)", f.source());
        return;
      }
      if (!keys.getOrDefault(f.target(), Set.of()).contains(value)) {
        c.fail(f.field(), "references " + f.target().sectionKey() + " '" + value + "', which does not exist", f.source());
      }
    }

    void references() {
      pendingReferences.forEach(Runnable::run);
    }

    private static ImmutableList<String> tags(ObjectNode json) {
      JsonNode t = json.get("tags");
      if (t == null || !t.isArray()) {
        return ImmutableList.of();
      }
      ImmutableList.Builder<String> b = ImmutableList.builder();
      t.forEach(x -> {
        if (x.isTextual()) {
          b.add(x.textValue());
        }
      });
      return b.build();
    }

    private static String label(ObjectNode json, String path) {
      for (String k : List.of("name", "username", "prefix", "target", "instance_name", "group", "id")) {
        JsonNode v = json.get(k);
        if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
          return v.textValue();
        }
      }
      return path;
    }
  }
}
