package io.github.kongtranslator.translator.internal.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.kongmodel.config.Certificate;
import io.github.kongtranslator.kongmodel.config.Consumer;
import io.github.kongtranslator.kongmodel.config.ConsumerGroup;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.config.Sni;
import io.github.kongtranslator.kongmodel.config.Tagged;
import io.github.kongtranslator.kongmodel.config.Target;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The mutable Kong entities of one translation run (KIC's "kong state"), each with the Kubernetes
 * objects it came from and its deck JSON form. Only ever touched by one thread.
 */
public final class Entities {
  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Entities() {}

  /**
   * Sets a field through its typed builder setter when the value is present (the field's key, type
   * and checks come from the entity definitions, {@code EntityKind}).
   */
  static <T> void set(@Nullable T v, java.util.function.Consumer<T> setter) {
    if (v != null) {
      setter.accept(v);
    }
  }

  /** {@link #set} for a list field, which is left absent when empty. */
  static void setList(@Nullable List<String> v, java.util.function.Consumer<List<String>> setter) {
    if (v != null && !v.isEmpty()) {
      setter.accept(v);
    }
  }

  /**
   * Tag lists as array nodes, one node per distinct list: entities with equal tags (a Kong service
   * and its upstream, the plugin instances of one KongPlugin, the routes of one Ingress) share it,
   * which entities allow since they never modify or expose their values. Equal tags share one text
   * node too: most of an object's tags (its kind, group, version, namespace) repeat across
   * thousands of entities.
   */
  public static final class TagNodes {
    private final Map<List<String>, ArrayNode> nodes = new HashMap<>();

    /** The same, by list identity: lists are mostly shared ({@code support.Context#tags}). */
    private final IdentityHashMap<List<String>, ArrayNode> byIdentity = new IdentityHashMap<>();

    private final Map<String, TextNode> texts = new HashMap<>();

    void put(Tagged.Builder<?> b, List<String> tags) {
      if (tags.isEmpty()) {
        return;
      }
      ArrayNode a = byIdentity.get(tags);
      if (a == null) {
        a = nodes.get(tags);
      }
      if (a == null) {
        a = JSON.arrayNode(tags.size());
        for (String t : tags) {
          a.add(texts.computeIfAbsent(t, TextNode::valueOf));
        }
        nodes.put(ImmutableList.copyOf(tags), a);
      }
      if (tags instanceof ImmutableList) { // never modified: its identity stays meaningful
        byIdentity.put(tags, a);
      }
      b.adoptTags(a);
    }
  }

  /** The nodes as one array, for {@code adopt}: the nodes are given away with it. */
  public static ArrayNode array(List<? extends JsonNode> nodes) {
    return JSON.arrayNode(nodes.size()).addAll(nodes);
  }

  /** A backend of a Kong service: a k8s Service (or facade) and port. */
  public static final class Backend {
    public final String namespace;
    public final String name;
    public final PortDef port;
    public final boolean facade;

    /** Gateway API backend weight; null when not set. */
    public final @Nullable Integer weight;

    public Backend(String namespace, String name, PortDef port, boolean facade) {
      this(namespace, name, port, facade, null);
    }

    public Backend(
        String namespace, String name, PortDef port, boolean facade, @Nullable Integer weight) {
      this.namespace = namespace;
      this.name = name;
      this.port = port;
      this.facade = facade;
      this.weight = weight;
    }
  }

  /** How a backend names its port (translator-spec §3.1). */
  public record PortDef(@Nullable Integer number, @Nullable String name) {
    public static PortDef ofNumber(int n) {
      return new PortDef(n, null);
    }

    public String canonical() {
      if (number != null && number != 0) {
        return Integer.toString(number);
      }
      if (name != null && !name.isEmpty()) {
        return name;
      }
      return "implicitPort";
    }
  }

  /** A Kong service. */
  public static final class KService {
    public String name = "";
    public String host = "";
    public @Nullable Integer port = 80;

    /** Multi-backend service whose parent registers no tags (GRPCRoute, traditional router). */
    public boolean noParentTags;

    public @Nullable String protocol;
    public @Nullable String path;
    public @Nullable Integer connectTimeout;
    public @Nullable Integer readTimeout;
    public @Nullable Integer writeTimeout;
    public @Nullable Integer retries;
    public @Nullable Boolean tlsVerify;
    public @Nullable Integer tlsVerifyDepth;
    public @Nullable String clientCertificate;
    public @Nullable List<String> caCertificates;
    public @Nullable String id;
    public List<String> tags = List.of();
    public final List<KRoute> routes = new ArrayList<>();
    public final List<Plugin> plugins = new ArrayList<>();

    /** The route source that created this service. */
    public K8sObject parent;

    public final List<Backend> backends = new ArrayList<>();

    /** Resolved k8s Services (or facades, with the overlaid annotations), in backend order. */
    public final List<ResolvedBackend> resolved = new ArrayList<>();

    public KService(K8sObject parent) {
      this.parent = parent;
    }

    /** The Kong entity. */
    public Service toEntity(TagNodes shared) {
      Service.Builder b = Service.builder();
      setList(caCertificates, b::caCertificates);
      set(clientCertificate, b::clientCertificate);
      set(connectTimeout, b::connectTimeout);
      set(host, b::host);
      set(id, b::id);
      set(name, b::name);
      set(path, b::path);
      if (!plugins.isEmpty()) {
        b.plugins(plugins);
      }
      set(port, b::port);
      set(protocol, b::protocol);
      set(readTimeout, b::readTimeout);
      set(retries, b::retries);
      if (!routes.isEmpty()) {
        List<Route> rs = new ArrayList<>(routes.size());
        routes.forEach(r -> rs.add(r.toEntity(shared)));
        b.routes(rs);
      }
      shared.put(b, tags);
      set(tlsVerify, b::tlsVerify);
      set(tlsVerifyDepth, b::tlsVerifyDepth);
      set(writeTimeout, b::writeTimeout);
      return b.build();
    }
  }

  /** A resolved backend: the object whose annotations apply and the k8s Service behind it. */
  public record ResolvedBackend(
      Backend backend,
      K8sObject annotated,
      io.github.kongtranslator.core.model.@Nullable Service service,
      Map<String, String> annotations) {}

  /** A Kong route. */
  public static final class KRoute {
    public String name = "";
    public @Nullable List<String> hosts;
    public @Nullable List<String> paths;
    public @Nullable List<String> protocols;
    public @Nullable List<String> methods;
    public @Nullable List<String> snis;
    public @Nullable Map<String, List<String>> headers;
    public @Nullable List<Integer> destinations;
    public @Nullable Boolean stripPath;
    public @Nullable Boolean preserveHost;
    public @Nullable Integer regexPriority;
    public @Nullable Boolean requestBuffering;
    public @Nullable Boolean responseBuffering;
    public @Nullable Integer httpsRedirectStatusCode;
    public @Nullable String pathHandling;
    public @Nullable String expression;
    public @Nullable Long priority;
    public @Nullable String id;
    public List<String> tags = List.of();
    public final List<Plugin> plugins = new ArrayList<>();

    /** The Ingress / TCPIngress / UDPIngress / Gateway API route this route comes from. */
    public final K8sObject source;

    /** Overrides the source's {@code konghq.com/plugins} value (HTTPRoute ExtensionRefs). */
    public @Nullable String pluginAnnotation;

    public KRoute(K8sObject source) {
      this.source = source;
    }

    /** The Kong entity. */
    Route toEntity(TagNodes shared) {
      Route.Builder b = Route.builder();
      if (destinations != null && !destinations.isEmpty()) {
        ArrayNode a = JSON.arrayNode(destinations.size());
        destinations.forEach(p -> a.addObject().put("port", p));
        b.adoptDestinations(a);
      }
      set(expression, b::expression);
      if (headers != null && !headers.isEmpty()) {
        ObjectNode h = JSON.objectNode();
        headers.forEach(
            (k, v) -> {
              ArrayNode a = h.putArray(k);
              v.forEach(a::add);
            });
        b.adoptHeaders(h);
      }
      setList(hosts, b::hosts);
      set(httpsRedirectStatusCode, b::httpsRedirectStatusCode);
      set(id, b::id);
      setList(methods, b::methods);
      set(name, b::name);
      set(pathHandling, b::pathHandling);
      setList(paths, b::paths);
      if (!plugins.isEmpty()) {
        b.plugins(plugins);
      }
      set(preserveHost, b::preserveHost);
      set(priority, b::priority);
      setList(protocols, b::protocols);
      set(regexPriority, b::regexPriority);
      set(requestBuffering, b::requestBuffering);
      set(responseBuffering, b::responseBuffering);
      setList(snis, b::snis);
      set(stripPath, b::stripPath);
      shared.put(b, tags);
      return b.build();
    }
  }

  /** A Kong upstream. */
  public static final class KUpstream {
    public final String name;
    public List<String> tags = List.of();

    /**
     * The override fields ({@code algorithm}, {@code hash_on}, …), set through the typed setters in
     * the order the overrides apply; {@link #toEntity} adds the name, tags and targets.
     */
    public final Upstream.Builder overrides = Upstream.builder();

    public final Map<String, KTarget> targets = new LinkedHashMap<>();
    public final KService service;

    public KUpstream(String name, KService service) {
      this.name = name;
      this.service = service;
    }

    /** The Kong entity, built on {@link #overrides}. */
    public Upstream toEntity(TagNodes shared) {
      Upstream.Builder b = overrides;
      set(name, b::name);
      shared.put(b, tags);
      if (!targets.isEmpty()) {
        List<KTarget> sorted = new ArrayList<>(targets.values());
        sorted.sort((x, y) -> Strs.compareBytes(y.target, x.target));
        List<Target> ts = new ArrayList<>(sorted.size());
        sorted.forEach(t -> ts.add(t.toEntity()));
        b.targets(ts);
      }
      return b.build();
    }
  }

  /** A target of an upstream. */
  public static final class KTarget {
    public final String target;
    public @Nullable Integer weight;

    public KTarget(String target, @Nullable Integer weight) {
      this.target = target;
      this.weight = weight;
    }

    Target toEntity() {
      Target.Builder b = Target.builder();
      set(target, b::target);
      set(weight, b::weight);
      return b.build();
    }
  }

  /** A certificate with SNIs. */
  public static final class KCertificate {
    public String id;
    public final String cert;
    final String key;
    public final List<String> snis = new ArrayList<>();
    final List<String> tags;
    public final String creationTimestamp;

    public KCertificate(
        String id, String cert, String key, List<String> tags, String creationTimestamp) {
      this.id = id;
      this.cert = cert;
      this.key = key;
      this.tags = tags;
      this.creationTimestamp = creationTimestamp;
    }

    public Certificate toEntity(TagNodes shared) {
      Certificate.Builder b = Certificate.builder();
      set(cert, b::cert);
      set(id, b::id);
      set(key, b::key);
      if (!snis.isEmpty()) {
        List<Sni> out = new ArrayList<>(snis.size());
        snis.stream()
            .sorted(Strs.BYTES)
            .forEach(
                s -> {
                  Sni.Builder sn = Sni.builder();
                  ObjectNode ref = JSON.objectNode();
                  ref.put("id", id);
                  sn.adoptCertificate(ref);
                  set(s, sn::name);
                  out.add(sn.build());
                });
        b.snis(out);
      }
      shared.put(b, tags);
      return b.build();
    }
  }

  /** A consumer with credentials. */
  public static final class KConsumer {
    public final io.github.kongtranslator.core.model.KongConsumer source;
    public @Nullable String username;
    public @Nullable String customId;
    public @Nullable String id;
    public List<String> tags = List.of();

    /** Credential kind (e.g. {@code KEY_AUTH}) → its credentials in order; kinds in first use. */
    private final Map<EntityKind, CredentialList<?>> credentials = new LinkedHashMap<>();

    public final List<String> groups = new ArrayList<>();

    public KConsumer(io.github.kongtranslator.core.model.KongConsumer source) {
      this.source = source;
    }

    /** The identifier plugins and memberships use: username, else custom_id. */
    public String identifier() {
      return username != null ? username : Strs.nz(customId);
    }

    /**
     * Appends a credential to the nested list of its kind.
     *
     * @param kind the credential's kind (one nested list of a consumer)
     * @param attach the consumer builder's typed setter of that list
     * @param credential the credential, of {@code kind}
     */
    @SuppressWarnings("unchecked") // sound: the kind determines E, checked below
    public <E extends KongEntity> void addCredential(
        EntityKind kind, BiConsumer<Consumer.Builder, List<E>> attach, E credential) {
      if (credential.kind() != kind) {
        throw new IllegalArgumentException(
            "credential of kind " + credential.kind() + " added as " + kind);
      }
      ((CredentialList<E>) credentials.computeIfAbsent(kind, k -> new CredentialList<>(attach)))
          .entities.add(credential);
    }

    /** The Kong entity. */
    public Consumer toEntity(TagNodes shared) {
      Consumer.Builder b = Consumer.builder();
      credentials.values().forEach(list -> list.attachTo(b));
      set(customId, b::customId);
      set(id, b::id);
      shared.put(b, tags);
      set(username, b::username);
      return b.build();
    }
  }

  /** One nested credential list of a consumer, with the consumer builder's typed setter. */
  private static final class CredentialList<E extends KongEntity> {
    private final BiConsumer<Consumer.Builder, List<E>> attach;
    private final List<E> entities = new ArrayList<>();

    CredentialList(BiConsumer<Consumer.Builder, List<E>> attach) {
      this.attach = attach;
    }

    void attachTo(Consumer.Builder b) {
      if (!entities.isEmpty()) {
        attach.accept(b, entities);
      }
    }
  }

  /** A plugin instance (top-level). */
  public static final class KPlugin {
    final String name;
    public @Nullable JsonNode config;
    public @Nullable String service;
    public @Nullable String route;
    public @Nullable String consumer;
    public @Nullable String consumerGroup;
    public @Nullable String instanceName;
    public @Nullable Boolean enabled;
    public @Nullable String runOn;
    public @Nullable List<String> protocols;
    public @Nullable JsonNode ordering;
    public @Nullable String id;
    public List<String> tags = List.of();

    public KPlugin(String name) {
      this.name = name;
    }

    public String idKey() {
      StringBuilder sb = new StringBuilder(name);
      if (service != null) {
        sb.append(":service/").append(service);
      }
      if (route != null) {
        sb.append(":route/").append(route);
      }
      if (consumer != null) {
        sb.append(":consumer/").append(consumer);
      }
      if (consumerGroup != null) {
        sb.append(":consumer_group/").append(consumerGroup);
      }
      return sb.toString();
    }

    public String sortKey() {
      return name + Strs.nz(consumer) + Strs.nz(consumerGroup) + Strs.nz(route) + Strs.nz(service);
    }

    /** The Kong entity; the config and ordering nodes are given away to it. */
    public Plugin toEntity(TagNodes shared) {
      Plugin.Builder b = Plugin.builder();
      if (config != null && !(config.isObject() && config.isEmpty())) {
        b.adoptConfig((ObjectNode) config);
      }
      set(consumer, b::consumer);
      set(consumerGroup, b::consumerGroup);
      set(enabled, b::enabled);
      set(id, b::id);
      set(instanceName, b::instanceName);
      set(name, b::name);
      if (ordering != null && !ordering.isNull()) {
        b.adoptOrdering((ObjectNode) ordering);
      }
      setList(protocols, b::protocols);
      set(route, b::route);
      set(runOn, b::runOn);
      set(service, b::service);
      shared.put(b, tags);
      return b.build();
    }
  }

  /** A consumer group. */
  public static final class KConsumerGroup {
    public final io.github.kongtranslator.core.model.KongConsumerGroup source;
    public final String name;
    public @Nullable String id;
    public List<String> tags = List.of();

    public KConsumerGroup(io.github.kongtranslator.core.model.KongConsumerGroup source) {
      this.source = source;
      this.name = source.metadata().name();
    }

    public ConsumerGroup toEntity(TagNodes shared) {
      ConsumerGroup.Builder b = ConsumerGroup.builder();
      set(id, b::id);
      set(name, b::name);
      shared.put(b, tags);
      return b.build();
    }
  }
}
