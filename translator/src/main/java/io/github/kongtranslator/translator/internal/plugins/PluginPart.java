package io.github.kongtranslator.translator.internal.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.SecretValue;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumer;
import io.github.kongtranslator.translator.internal.entities.Entities.KConsumerGroup;
import io.github.kongtranslator.translator.internal.entities.Entities.KPlugin;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Entities.ResolvedBackend;
import io.github.kongtranslator.translator.internal.entities.Json;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Plugin bindings from annotations and global KongClusterPlugins (translator-spec §9). */
public final class PluginPart {
  public static final String PLUGINS_ANNOTATION = "konghq.com/plugins";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Context ctx;

  /** Referrers of one plugin object. */
  static final class Relations {
    final K8sObject plugin;
    final List<String> services = new ArrayList<>();
    final List<String> routes = new ArrayList<>();
    final List<String> consumers = new ArrayList<>();
    final List<String> groups = new ArrayList<>();

    /** The translated entities the plugin is bound to, for custom entities. */
    final List<KService> boundServices = new ArrayList<>();

    final List<KRoute> boundRoutes = new ArrayList<>();
    final List<KConsumer> boundConsumers = new ArrayList<>();

    /**
     * The objects whose annotation or filters ask for the plugin (k8s Services, route sources,
     * KongConsumers, KongConsumerGroups), in discovery order without repeats: served without it
     * when the plugin cannot be translated.
     */
    final Set<K8sObject> referrers = new java.util.LinkedHashSet<>();

    Relations(K8sObject plugin) {
      this.plugin = plugin;
    }
  }

  /** Plugin store key → relations, in discovery order. */
  private final Map<String, Relations> relations = new LinkedHashMap<>();

  private final Map<String, KService> services;
  private final List<KConsumer> consumers;
  private final List<KConsumerGroup> consumerGroups;
  private final List<KPlugin> plugins = new ArrayList<>();

  private PluginPart(
      Context ctx,
      Map<String, KService> services,
      List<KConsumer> consumers,
      List<KConsumerGroup> consumerGroups) {
    this.ctx = ctx;
    this.services = services;
    this.consumers = consumers;
    this.consumerGroups = consumerGroups;
  }

  /**
   * What the plugins stage produced.
   *
   * @param plugins the plugin instances, in discovery order
   * @param relations plugin store key → what the plugin is bound to, in discovery order (the custom
   *     entities stage attaches through them)
   */
  public record Output(ImmutableList<KPlugin> plugins, ImmutableMap<String, Relations> relations) {}

  /**
   * The plugins stage: the plugins the services, routes, consumers and consumer groups ask for,
   * then the global KongClusterPlugins.
   *
   * @param ctx the run
   * @param services the Kong services (backends stage)
   * @param consumers the consumers (consumers stage)
   * @param consumerGroups the consumer groups (consumers stage)
   * @return the plugin instances and their relations
   */
  public static Output run(
      Context ctx,
      Map<String, KService> services,
      List<KConsumer> consumers,
      List<KConsumerGroup> consumerGroups) {
    PluginPart part = new PluginPart(ctx, services, consumers, consumerGroups);
    part.plugins();
    return new Output(ImmutableList.copyOf(part.plugins), ImmutableMap.copyOf(part.relations));
  }

  static String pluginKey(K8sObject p) {
    return p.kind().kindName() + " " + p.key();
  }

  private void plugins() {
    collect();
    for (Relations r : relations.values()) {
      try {
        build(r);
      } catch (RuntimeException e) {
        // as Context.guard, but the referrers would be served without the plugin: fail closed
        failPerReferrer(
            "unexpected error while translating "
                + r.plugin.ref()
                + ": "
                + e.getClass().getSimpleName(),
            r);
      }
    }
    globals();
  }

  /**
   * An UNPROTECTED failure per object asking for the plugin, each blaming the plugin first and then
   * that object: one failure per (plugin, referrer), so that translating a part of the snapshot
   * (incremental units) reports the same failures as translating all of it.
   */
  private void failPerReferrer(String reason, Relations r) {
    if (r.referrers.isEmpty()) {
      ctx.failUnprotected(reason, r.plugin);
    }
    for (K8sObject referrer : r.referrers) {
      ctx.failUnprotected(reason, r.plugin, referrer);
    }
  }

  private void collect() {
    for (KService svc : services.values()) {
      for (ResolvedBackend rb : svc.resolved) {
        for (K8sObject p : lookup(rb.annotated(), rb.annotations().get(PLUGINS_ANNOTATION))) {
          Relations r = rel(p);
          r.services.add(svc.name);
          r.boundServices.add(svc);
          r.referrers.add(rb.annotated());
        }
      }
    }
    for (KService svc : services.values()) {
      for (KRoute route : svc.routes) {
        String ann =
            route.pluginAnnotation != null
                ? route.pluginAnnotation
                : route.source.metadata().annotation(PLUGINS_ANNOTATION);
        for (K8sObject p : lookup(route.source, ann)) {
          Relations r = rel(p);
          r.routes.add(route.name);
          r.boundRoutes.add(route);
          r.referrers.add(route.source);
        }
      }
    }
    for (KConsumer c : consumers) {
      for (K8sObject p : lookup(c.source, c.source.metadata().annotation(PLUGINS_ANNOTATION))) {
        Relations r = rel(p);
        r.consumers.add(c.identifier());
        r.boundConsumers.add(c);
        r.referrers.add(c.source);
      }
    }
    for (KConsumerGroup g : consumerGroups) {
      for (K8sObject p : lookup(g.source, g.source.metadata().annotation(PLUGINS_ANNOTATION))) {
        Relations r = rel(p);
        r.groups.add(g.name);
        r.referrers.add(g.source);
      }
    }
  }

  private Relations rel(K8sObject p) {
    return relations.computeIfAbsent(pluginKey(p), k -> new Relations(p));
  }

  /**
   * Resolves a {@code konghq.com/plugins} value of a referrer to plugin objects. A name that
   * resolves to no plugin it may use is an {@link
   * io.github.kongtranslator.translator.TranslationFailure.Effect#UNPROTECTED} failure on the
   * referrer: its entities would be served without that plugin.
   */
  List<K8sObject> lookup(K8sObject referrer, @Nullable String annotation) {
    List<K8sObject> out = new ArrayList<>();
    String ns = referrer.metadata().namespace();
    for (String item : Strs.list(annotation)) {
      if (item.startsWith(":") || item.endsWith(":")) {
        continue;
      }
      int colon = item.indexOf(':');
      String pns = ns;
      String name = item;
      if (colon >= 0) {
        pns = item.substring(0, colon);
        name = item.substring(colon + 1);
        if (!granted(referrer, pns, name)) {
          ctx.failUnprotected(
              "no grant found to referenced \""
                  + pns
                  + "/"
                  + name
                  + "\" plugin in the requested remote KongPlugin bind",
              referrer);
          continue;
        }
      }
      Optional<K8sObject> p = ctx.stores.get(Kind.KONG_PLUGIN, pns, name);
      if (p.isEmpty()) {
        p = ctx.stores.get(Kind.KONG_CLUSTER_PLUGIN, "", name);
      }
      if (p.isEmpty()) {
        ctx.failUnprotected(
            "referenced KongPlugin or KongClusterPlugin \"" + name + "\" does not exist", referrer);
        continue;
      }
      out.add(p.get());
    }
    return out;
  }

  private boolean granted(K8sObject referrer, String ns, String name) {
    for (ReferenceGrant g : ctx.stores.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      if (!g.metadata().namespace().equals(ns)) {
        continue;
      }
      boolean from =
          g.spec().from().stream()
              .anyMatch(
                  f ->
                      Strs.nz(f.group()).equals(referrer.kind().group())
                          && Strs.nz(f.kind()).equals(referrer.kind().kindName())
                          && Strs.nz(f.namespace()).equals(referrer.metadata().namespace()));
      boolean to =
          g.spec().to().stream()
              .anyMatch(
                  t ->
                      Kind.KONG_GROUP.equals(t.group())
                          && "KongPlugin".equals(t.kind())
                          && (Strs.isEmpty(t.name()) || name.equals(t.name())));
      if (from && to) {
        return true;
      }
    }
    return false;
  }

  /** The common fields of a KongPlugin or KongClusterPlugin. */
  private record Def(
      String plugin,
      @Nullable JsonValue config,
      KongPlugin.@Nullable ConfigSource configFrom,
      List<KongPlugin.ConfigPatch> patches,
      boolean disabled,
      List<String> protocols,
      @Nullable JsonValue ordering,
      @Nullable String instanceName,
      @Nullable String runOn,
      boolean cluster) {}

  private static Def def(K8sObject o) {
    if (o instanceof KongPlugin p) {
      return new Def(
          p.plugin(),
          p.config(),
          p.configFrom(),
          p.configPatches(),
          p.disabled(),
          p.protocols(),
          p.ordering(),
          p.instanceName(),
          p.runOn(),
          false);
    }
    KongClusterPlugin p = (KongClusterPlugin) o;
    return new Def(
        p.plugin(),
        p.config(),
        p.configFrom(),
        p.configPatches(),
        p.disabled(),
        p.protocols(),
        p.ordering(),
        p.instanceName(),
        p.runOn(),
        true);
  }

  /** Thrown for a plugin configuration problem; the message never holds secret values. */
  static final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  JsonNode config(K8sObject o) throws ConfigException {
    Def d = def(o);
    ObjectNode base =
        d.config() != null && d.config().toNode().isObject()
            ? (ObjectNode) d.config().toNode()
            : Entities.JSON.objectNode();
    JsonNode cfg = base;
    for (KongPlugin.ConfigPatch patch : d.patches()) {
      KongPlugin.SecretKeyRef ref =
          patch.valueFrom() == null ? null : patch.valueFrom().secretKeyRef();
      String raw = secretValue(o, ref, d.cluster());
      JsonNode value;
      try {
        value = MAPPER.readTree(raw);
      } catch (JsonProcessingException e) {
        throw new ConfigException("the value of a configPatches Secret is not valid JSON");
      }
      if (value == null) {
        throw new ConfigException("the value of a configPatches Secret is empty");
      }
      cfg = addPatch(cfg, Strs.nz(patch.path()), value);
    }
    KongPlugin.SecretKeyRef from = d.configFrom() == null ? null : d.configFrom().secretKeyRef();
    if (d.configFrom() != null) {
      if (cfg.isObject() && !cfg.isEmpty()) {
        throw new ConfigException("use either config or configFrom, not both");
      }
      String raw = secretValue(o, from, d.cluster());
      cfg = parseJsonOrYaml(raw);
    }
    if (!cfg.isObject()) {
      throw new ConfigException("the configuration must be a JSON object");
    }
    return Json.normalizeNumbers(cfg);
  }

  private String secretValue(K8sObject o, KongPlugin.@Nullable SecretKeyRef ref, boolean cluster)
      throws ConfigException {
    String name = ref == null ? null : ref.name();
    String key = ref == null ? null : ref.key();
    if (ref == null || name == null || name.isEmpty() || key == null || key.isEmpty()) {
      throw new ConfigException("secretKeyRef needs a name and a key");
    }
    String ns = cluster ? Strs.nz(ref.namespace()) : o.metadata().namespace();
    Optional<Secret> s = ctx.stores.get(Kind.SECRET, ns, name, Secret.class);
    if (s.isEmpty()) {
      throw new ConfigException("Secret " + ns + "/" + name + " not found");
    }
    Optional<SecretValue> v = s.get().value(key);
    if (v.isEmpty()) {
      throw new ConfigException("Secret " + ns + "/" + name + " has no key " + key);
    }
    return v.get().utf8();
  }

  private static JsonNode parseJsonOrYaml(String raw) throws ConfigException {
    try {
      JsonNode n = MAPPER.readTree(raw);
      if (n != null && !n.isMissingNode()) {
        return n;
      }
    } catch (JsonProcessingException e) {
      // not JSON: try YAML below
    }
    try {
      Object y = new Yaml(new SafeConstructor(new LoaderOptions())).load(raw);
      if (y == null) {
        return Entities.JSON.objectNode();
      }
      return MAPPER.valueToTree(y);
    } catch (RuntimeException e) {
      throw new ConfigException("the configFrom Secret value is neither JSON nor YAML");
    }
  }

  /** JSON patch {@code add} creating missing intermediate objects; empty path replaces the root. */
  static JsonNode addPatch(JsonNode root, String path, JsonNode value) throws ConfigException {
    if (path.isEmpty()) {
      return value;
    }
    if (!path.startsWith("/")) {
      throw new ConfigException("configPatches path must start with /: " + path);
    }
    String[] parts = path.substring(1).split("/", -1);
    JsonNode cur = root;
    for (int i = 0; i < parts.length; i++) {
      String key = parts[i].replace("~1", "/").replace("~0", "~");
      boolean last = i == parts.length - 1;
      if (cur.isObject()) {
        ObjectNode o = (ObjectNode) cur;
        if (last) {
          o.set(key, value);
        } else {
          JsonNode next = o.get(key);
          if (next == null || !(next.isObject() || next.isArray())) {
            next = o.putObject(key);
          }
          cur = next;
        }
      } else if (cur.isArray()) {
        ArrayNode a = (ArrayNode) cur;
        int idx;
        if (key.equals("-")) {
          idx = a.size();
        } else {
          try {
            idx = Integer.parseInt(key);
          } catch (NumberFormatException e) {
            throw new ConfigException("configPatches path has an invalid array index: " + path);
          }
        }
        if (idx < 0 || idx > a.size()) {
          throw new ConfigException("configPatches path index out of range: " + path);
        }
        if (last) {
          a.insert(idx, value);
        } else {
          if (idx == a.size()) {
            throw new ConfigException("configPatches path index out of range: " + path);
          }
          cur = a.get(idx);
        }
      } else {
        throw new ConfigException("configPatches path does not lead to an object: " + path);
      }
    }
    return root;
  }

  private void build(Relations r) {
    Def d = def(r.plugin);
    JsonNode cfg;
    try {
      cfg = config(r.plugin);
    } catch (ConfigException e) {
      failPerReferrer("invalid configuration of " + r.plugin.ref() + ": " + e.getMessage(), r);
      return;
    }
    List<String[]> combos = new ArrayList<>();
    List<String[]> targets = new ArrayList<>();
    r.services.forEach(s -> targets.add(new String[] {s, null}));
    r.routes.forEach(s -> targets.add(new String[] {null, s}));
    if (!r.consumers.isEmpty()) {
      for (String c : r.consumers) {
        if (targets.isEmpty()) {
          combos.add(new String[] {null, null, c, null});
        }
        for (String[] t : targets) {
          combos.add(new String[] {t[0], t[1], c, null});
        }
      }
    } else if (!r.groups.isEmpty()) {
      for (String g : r.groups) {
        if (targets.isEmpty()) {
          combos.add(new String[] {null, null, null, g});
        }
        for (String[] t : targets) {
          combos.add(new String[] {t[0], t[1], null, g});
        }
      }
    } else {
      for (String[] t : targets) {
        combos.add(new String[] {t[0], t[1], null, null});
      }
    }
    Set<String> usedNames = new HashSet<>();
    List<String> tags = ctx.tags(r.plugin);
    for (String[] c : combos) {
      KPlugin p = instance(d, cfg, tags);
      p.service = c[0];
      p.route = c[1];
      p.consumer = c[2];
      p.consumerGroup = c[3];
      if (!Strs.isEmpty(d.instanceName())) {
        StringBuilder sb = new StringBuilder();
        if (p.service != null) {
          sb.append("_service-").append(p.service);
        }
        if (p.route != null) {
          sb.append("_route-").append(p.route);
        }
        if (p.consumer != null) {
          sb.append("_consumer-").append(p.consumer);
        }
        if (p.consumerGroup != null) {
          sb.append("_group-").append(p.consumerGroup);
        }
        String digest = sha256Hex(sb.toString());
        String name = d.instanceName() + "-" + digest.substring(0, 9);
        if (!usedNames.add(name)) {
          name = d.instanceName() + "-" + digest;
          usedNames.add(name);
        }
        p.instanceName = name;
      }
      plugins.add(p);
    }
  }

  private static KPlugin instance(Def d, JsonNode cfg, List<String> tags) {
    KPlugin p = new KPlugin(d.plugin());
    p.config = cfg; // shared by the instances: nobody modifies it, entities adopt it
    if (d.disabled()) {
      p.enabled = false;
    }
    p.runOn = Strs.isEmpty(d.runOn()) ? null : d.runOn();
    p.protocols = d.protocols().isEmpty() ? null : new ArrayList<>(d.protocols());
    p.ordering = d.ordering() == null || d.ordering().isNull() ? null : d.ordering().toNode();
    p.tags = tags;
    return p;
  }

  public static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM provides SHA-256", e);
    }
  }

  private void globals() {
    Map<String, List<KongClusterPlugin>> byName = new LinkedHashMap<>();
    for (KongClusterPlugin p : ctx.stores.list(Kind.KONG_CLUSTER_PLUGIN, KongClusterPlugin.class)) {
      if (!"true".equals(p.metadata().labels().get("global"))
          || !ctx.annotationClassMatches(p)
          || p.plugin().isEmpty()) {
        continue;
      }
      byName.computeIfAbsent(p.plugin(), k -> new ArrayList<>()).add(p);
    }
    for (List<KongClusterPlugin> list : byName.values()) {
      if (list.size() > 1) {
        continue;
      }
      KongClusterPlugin p = list.get(0);
      JsonNode cfg;
      try {
        cfg = config(p);
      } catch (ConfigException e) {
        continue;
      }
      Def d = def(p);
      KPlugin kp = instance(d, cfg, ctx.tags(p));
      if (!Strs.isEmpty(d.instanceName())) {
        kp.instanceName = d.instanceName();
      }
      plugins.add(kp);
    }
  }
}
