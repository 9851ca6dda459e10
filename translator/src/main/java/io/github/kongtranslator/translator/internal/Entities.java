package io.github.kongtranslator.translator.internal;

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
import io.github.kongtranslator.kongmodel.config.KongEntity;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.config.Sni;
import io.github.kongtranslator.kongmodel.config.Tagged;
import io.github.kongtranslator.kongmodel.config.Target;
import io.github.kongtranslator.kongmodel.config.Upstream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable Kong entities of one translation run (KIC's "kong state"), each with the
 * Kubernetes objects it came from and its deck JSON form. Only ever touched by one thread.
 */
final class Entities {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Entities() {}

  /**
   * Sets a field through its typed builder setter when the value is present (the field's key,
   * type and checks come from the entity definitions, {@code EntityKind}).
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
   * Tag lists as array nodes, one node per distinct list: entities with equal tags (a Kong
   * service and its upstream, the plugin instances of one KongPlugin, the routes of one
   * Ingress) share it, which entities allow since they never modify or expose their values.
   * Equal tags share one text node too: most of an object's tags (its kind, group, version,
   * namespace) repeat across thousands of entities.
   */
  static final class TagNodes {
    private final Map<List<String>, ArrayNode> nodes = new HashMap<>();
    /** The same, by list identity: lists are mostly shared ({@link Context#tags}). */
    private final Map<List<String>, ArrayNode> byIdentity = new IdentityHashMap<>();
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
  static ArrayNode array(List<? extends JsonNode> nodes) {
    return JSON.arrayNode(nodes.size()).addAll(nodes);
  }

  /** A backend of a Kong service: a k8s Service (or facade) and port. */
  static final class Backend {
    final String namespace;
    final String name;
    final PortDef port;
    final boolean facade;
    /** Gateway API backend weight; null when not set. */
    final @Nullable Integer weight;

    Backend(String namespace, String name, PortDef port, boolean facade) {
      this(namespace, name, port, facade, null);
    }

    Backend(String namespace, String name, PortDef port, boolean facade, @Nullable Integer weight) {
      this.namespace = namespace;
      this.name = name;
      this.port = port;
      this.facade = facade;
      this.weight = weight;
    }
  }

  /** How a backend names its port (translator-spec §3.1). */
  record PortDef(@Nullable Integer number, @Nullable String name) {
    static PortDef ofNumber(int n) {
      return new PortDef(n, null);
    }

    String canonical() {
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
  static final class KService {
    String name = "";
    String host = "";
    @Nullable Integer port = 80;
    /** Multi-backend service whose parent registers no tags (GRPCRoute, traditional router). */
    boolean noParentTags;
    /** Dropped for inconsistent backend annotations; its upstream is still emitted bare. */
    boolean dropped;
    @Nullable String protocol;
    @Nullable String path;
    @Nullable Integer connectTimeout;
    @Nullable Integer readTimeout;
    @Nullable Integer writeTimeout;
    @Nullable Integer retries;
    @Nullable Boolean tlsVerify;
    @Nullable Integer tlsVerifyDepth;
    @Nullable String clientCertificate;
    @Nullable List<String> caCertificates;
    @Nullable String id;
    List<String> tags = List.of();
    final List<KRoute> routes = new ArrayList<>();
    final List<ObjectNode> plugins = new ArrayList<>();

    /** The route source that created this service. */
    K8sObject parent;
    final List<Backend> backends = new ArrayList<>();
    /** Resolved k8s Services (or facades, with the overlaid annotations), in backend order. */
    final List<ResolvedBackend> resolved = new ArrayList<>();

    KService(K8sObject parent) {
      this.parent = parent;
    }

    /** The Kong entity; its plugin nodes are given away to it. */
    Service toEntity(TagNodes shared) {
      Service.Builder b = Service.builder();
      setList(caCertificates, b::caCertificates);
      set(clientCertificate, b::clientCertificate);
      set(connectTimeout, b::connectTimeout);
      set(host, b::host);
      set(id, b::id);
      set(name, b::name);
      set(path, b::path);
      if (!plugins.isEmpty()) {
        b.adoptPlugins(array(plugins));
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
  record ResolvedBackend(Backend backend, K8sObject annotated,
      io.github.kongtranslator.core.model.@Nullable Service service,
      Map<String, String> annotations) {}

  /** A Kong route. */
  static final class KRoute {
    String name = "";
    @Nullable List<String> hosts;
    @Nullable List<String> paths;
    @Nullable List<String> protocols;
    @Nullable List<String> methods;
    @Nullable List<String> snis;
    @Nullable Map<String, List<String>> headers;
    @Nullable List<Integer> destinations;
    @Nullable Boolean stripPath;
    @Nullable Boolean preserveHost;
    @Nullable Integer regexPriority;
    @Nullable Boolean requestBuffering;
    @Nullable Boolean responseBuffering;
    @Nullable Integer httpsRedirectStatusCode;
    @Nullable String pathHandling;
    @Nullable String expression;
    @Nullable Long priority;
    @Nullable String id;
    List<String> tags = List.of();
    final List<ObjectNode> plugins = new ArrayList<>();

    /** The Ingress / TCPIngress / UDPIngress / Gateway API route this route comes from. */
    final K8sObject source;
    /** Overrides the source's {@code konghq.com/plugins} value (HTTPRoute ExtensionRefs). */
    @Nullable String pluginAnnotation;

    KRoute(K8sObject source) {
      this.source = source;
    }

    /** The Kong entity; its plugin nodes are given away to it. */
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
        headers.forEach((k, v) -> {
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
        b.adoptPlugins(array(plugins));
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
  static final class KUpstream {
    final String name;
    List<String> tags = List.of();
    /** Override fields in Kong naming ({@code algorithm}, {@code hash_on}, …). */
    final Map<String, JsonNode> fields = new LinkedHashMap<>();
    final Map<String, KTarget> targets = new LinkedHashMap<>();
    final KService service;

    KUpstream(String name, KService service) {
      this.name = name;
      this.service = service;
    }

    /** The Kong entity; the override field nodes are given away to it. */
    Upstream toEntity(TagNodes shared) {
      Upstream.Builder b = Upstream.builder();
      fields.forEach(b::adopt);
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
  static final class KTarget {
    final String target;
    @Nullable Integer weight;

    KTarget(String target, @Nullable Integer weight) {
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
  static final class KCertificate {
    String id;
    final String cert;
    final String key;
    final List<String> snis = new ArrayList<>();
    final List<String> tags;
    final String creationTimestamp;

    KCertificate(String id, String cert, String key, List<String> tags, String creationTimestamp) {
      this.id = id;
      this.cert = cert;
      this.key = key;
      this.tags = tags;
      this.creationTimestamp = creationTimestamp;
    }

    Certificate toEntity(TagNodes shared) {
      Certificate.Builder b = Certificate.builder();
      set(cert, b::cert);
      set(id, b::id);
      set(key, b::key);
      if (!snis.isEmpty()) {
        List<Sni> out = new ArrayList<>(snis.size());
        snis.stream().sorted(Strs.BYTES).forEach(s -> {
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
  static final class KConsumer {
    final io.github.kongtranslator.core.model.KongConsumer source;
    @Nullable String username;
    @Nullable String customId;
    @Nullable String id;
    List<String> tags = List.of();
    /** Credential list key (e.g. {@code keyauth_credentials}) → credentials in order. */
    final Map<String, List<ObjectNode>> credentials = new LinkedHashMap<>();
    final List<String> groups = new ArrayList<>();

    KConsumer(io.github.kongtranslator.core.model.KongConsumer source) {
      this.source = source;
    }

    /** The identifier plugins and memberships use: username, else custom_id. */
    String identifier() {
      return username != null ? username : Strs.nz(customId);
    }

    /** The Kong entity; the credential nodes are given away to it. */
    Consumer toEntity(TagNodes shared) {
      Consumer.Builder b = Consumer.builder();
      credentials.forEach((k, list) -> {
        if (!list.isEmpty()) {
          b.adopt(k, array(list));
        }
      });
      set(customId, b::customId);
      set(id, b::id);
      shared.put(b, tags);
      set(username, b::username);
      return b.build();
    }
  }

  /** A plugin instance (top-level). */
  static final class KPlugin {
    final String name;
    @Nullable JsonNode config;
    @Nullable String service;
    @Nullable String route;
    @Nullable String consumer;
    @Nullable String consumerGroup;
    @Nullable String instanceName;
    @Nullable Boolean enabled;
    @Nullable String runOn;
    @Nullable List<String> protocols;
    @Nullable JsonNode ordering;
    @Nullable String id;
    List<String> tags = List.of();

    KPlugin(String name) {
      this.name = name;
    }

    String idKey() {
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

    String sortKey() {
      return name + Strs.nz(consumer) + Strs.nz(consumerGroup) + Strs.nz(route) + Strs.nz(service);
    }

    /** The Kong entity; the config and ordering nodes are given away to it. */
    Plugin toEntity(TagNodes shared) {
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
  static final class KConsumerGroup {
    final io.github.kongtranslator.core.model.KongConsumerGroup source;
    final String name;
    @Nullable String id;
    List<String> tags = List.of();

    KConsumerGroup(io.github.kongtranslator.core.model.KongConsumerGroup source) {
      this.source = source;
      this.name = source.metadata().name();
    }

    ConsumerGroup toEntity(TagNodes shared) {
      ConsumerGroup.Builder b = ConsumerGroup.builder();
      set(id, b::id);
      set(name, b::name);
      shared.put(b, tags);
      return b.build();
    }
  }
}
