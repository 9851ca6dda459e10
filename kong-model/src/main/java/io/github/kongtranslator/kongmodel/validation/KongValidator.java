package io.github.kongtranslator.kongmodel.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.FieldSpec;
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
 * Checks a declarative configuration against the schema rules of Kong 3.9.1, offline, as Kong would
 * before loading it: field types, required fields, {@code one_of} enumerations, ranges (ports,
 * timeouts, weights, retries, slots), the {@code typedefs} syntaxes (hosts, hostnames, paths,
 * UUIDs, tags, names), each entity's checks (per-protocol route requirements from {@code
 * routes_subschemas.lua}, {@code upstreams.lua}'s hashing rules, {@code certificates.lua}, {@code
 * vaults.lua}), the syntax of router expressions, unique ids and names per entity type, and
 * references that point to no entity. Each rule names the Kong file it comes from ({@link
 * Violation#source()}).
 *
 * <p>The check never rejects what Kong accepts: when a rule depends on something it cannot see (a
 * certificate's key pair, a PCRE regex, a plugin's own config schema, Enterprise-only entities), it
 * accepts. A validator is immutable and thread-safe.
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
   * The validator of Kong 3.9.1's rules; the router flavor is {@link RouterFlavor#EXPRESSIONS} for
   * a configuration with a route that sets {@code expression} or {@code priority}, else Kong's
   * default {@link RouterFlavor#TRADITIONAL_COMPATIBLE}.
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
   * @return the violations in document order, entity by entity; empty when Kong would accept the
   *     configuration as far as these rules tell
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

  /** The fields a reference may name besides the id ({@code endpoint_key} of each schema). */
  private static final ImmutableMap<EntityKind, String> ENDPOINT_KEY =
      ImmutableMap.of(
          EntityKind.SERVICE,
          "name",
          EntityKind.ROUTE,
          "name",
          EntityKind.UPSTREAM,
          "name",
          EntityKind.CONSUMER,
          "username");

  /**
   * Credentials: every value of theirs comes from a Kubernetes Secret, so no rule text or entity
   * label shows one (not even a username).
   */
  private static final ImmutableSet<EntityKind> CREDENTIALS =
      ImmutableSet.of(
          EntityKind.KEY_AUTH,
          EntityKind.BASIC_AUTH,
          EntityKind.HMAC_AUTH,
          EntityKind.JWT_SECRET,
          EntityKind.OAUTH2,
          EntityKind.ACL,
          EntityKind.MTLS_AUTH);

  /** Fields Kong adds itself; accepted on every kind. */
  private static final ImmutableSet<String> TIMESTAMPS =
      ImmutableSet.of("created_at", "updated_at");

  private static final class Run {
    final RouterFlavor flavor;
    final List<Violation> out = new ArrayList<>();
    final Map<EntityKind, Set<String>> keys = new EnumMap<>(EntityKind.class);
    final Map<String, String> seen = new HashMap<>();
    final List<Runnable> pendingReferences = new ArrayList<>();

    Run(RouterFlavor flavor) {
      this.flavor = flavor;
    }

    void visit(
        KongEntity e, String path, @Nullable KongEntity parent, ImmutableList<String> inherited) {
      ObjectNode json = e.toJsonWithoutNested();
      ImmutableList<String> own = tags(json);
      ImmutableList<String> tags = own.isEmpty() ? inherited : own;
      EntityCheck c =
          new EntityCheck(
              e.kind(),
              json,
              CREDENTIALS.contains(e.kind()) ? credentialLabel(json, path) : label(json, path),
              tags,
              out);
      switch (e.kind()) {
        case SERVICE -> EntityRules.service(c);
        case ROUTE -> EntityRules.route(c, flavor);
        case UPSTREAM -> EntityRules.upstream(c);
        case TARGET -> EntityRules.target(c);
        case PLUGIN -> EntityRules.plugin(c);
        case CONSUMER -> EntityRules.consumer(c);
        case KEY_AUTH, BASIC_AUTH, HMAC_AUTH, JWT_SECRET, OAUTH2, ACL, MTLS_AUTH ->
            EntityRules.credential(c);
        case CERTIFICATE -> EntityRules.certificate(c);
        case SNI -> EntityRules.sni(c);
        case CA_CERTIFICATE -> EntityRules.caCertificate(c);
        case VAULT -> EntityRules.vault(c);
        case CONSUMER_GROUP, CONSUMER_GROUP_CONSUMER, LICENSE, CUSTOM_ENTITY -> {
          // Kong Enterprise or custom entities: no Kong 3.9.1 OSS schema to check against
        }
      }
      definitionRules(c, parent);
      for (Map.Entry<String, ImmutableList<KongEntity>> n : e.nested().entrySet()) {
        ImmutableList<KongEntity> l = n.getValue();
        for (int i = 0; i < l.size(); i++) {
          visit(l.get(i), path + "." + n.getKey() + "[" + i + "]", e, tags);
        }
      }
    }

    /**
     * The rules that follow from the entity definitions ({@link EntityKind#fieldSpecs()}): unknown
     * fields, required fields, unique values, {@code one_of} values, {@code between} ranges,
     * references that point nowhere.
     */
    private void definitionRules(EntityCheck c, @Nullable KongEntity parent) {
      String source = EntityRules.SCHEMA_FILE.get(c.kind);
      if (source == null) {
        return; // Kong Enterprise or custom entities: no Kong 3.9.1 OSS schema to check against
      }
      boolean expressions = flavor == RouterFlavor.EXPRESSIONS;
      if (EntityRules.CLOSED.contains(c.kind)) {
        c.json
            .fieldNames()
            .forEachRemaining(
                f -> {
                  boolean known =
                      TIMESTAMPS.contains(f)
                          || c.kind.fieldSpec(f).map(s -> s.inKong(expressions)).orElse(false);
                  if (!known && !c.json.get(f).isNull()) {
                    c.fail(f, "unknown field", EntityCheck.INIT);
                  }
                });
      }
      unique(c, "id", "kong/db/schema/init.lua (primary key)");
      for (FieldSpec f : c.kind.fieldSpecs()) {
        boolean impliedByNesting =
            parent != null && f.references().filter(k -> k == parent.kind()).isPresent();
        if (f.isRequired() && !impliedByNesting) {
          c.required(f.name(), source);
        }
        if (f.isUnique()) {
          unique(c, f.name(), source);
        }
        if (f.inKong(expressions)) {
          c.definition(f, f.isTypedef() ? EntityCheck.TYPEDEFS : source);
        }
        JsonNode ref = c.json.get(f.name());
        if (f.references().isPresent() && !impliedByNesting && ref != null && !ref.isNull()) {
          EntityKind target = f.references().get();
          pendingReferences.add(() -> reference(c, f.name(), target, ref, source));
        }
      }
      register(c.kind, c.json);
    }

    private void unique(EntityCheck c, String field, String source) {
      JsonNode v = c.json.get(field);
      if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
        return;
      }
      String key = c.kind.name() + "\u0000" + field + "\u0000" + v.textValue();
      String first = seen.putIfAbsent(key, c.label);
      if (first != null) {
        String shown =
            c.kind.secretFields().contains(field) || CREDENTIALS.contains(c.kind)
                ? ""
                : " " + c.show(field, v.textValue());
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

    private void reference(
        EntityCheck c, String field, EntityKind target, JsonNode ref, String source) {
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
        c.fail(
            field, "expected a reference to " + target.sectionKey() + " (an id or a name)", source);
        return;
      }
      if (!keys.getOrDefault(target, Set.of()).contains(value)) {
        c.fail(
            field,
            "references " + target.sectionKey() + " '" + value + "', which does not exist",
            source);
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
      t.forEach(
          x -> {
            if (x.isTextual()) {
              b.add(x.textValue());
            }
          });
      return b.build();
    }

    /** A credential's fields come from a Secret: it is named by its id or position only. */
    private static String credentialLabel(ObjectNode json, String path) {
      JsonNode id = json.get("id");
      return id != null && id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : path;
    }

    private static String label(ObjectNode json, String path) {
      for (String k :
          List.of("name", "username", "prefix", "target", "instance_name", "group", "id")) {
        JsonNode v = json.get(k);
        if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
          return v.textValue();
        }
      }
      return path;
    }
  }
}
