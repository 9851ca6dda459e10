package io.github.kongtranslator.translator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.ArrayList;
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

  static void put(ObjectNode n, String key, @Nullable String v) {
    if (v != null) {
      n.put(key, v);
    }
  }

  static void put(ObjectNode n, String key, @Nullable Integer v) {
    if (v != null) {
      n.put(key, v);
    }
  }

  static void put(ObjectNode n, String key, @Nullable Long v) {
    if (v != null) {
      n.put(key, v);
    }
  }

  static void put(ObjectNode n, String key, @Nullable Boolean v) {
    if (v != null) {
      n.put(key, v);
    }
  }

  static void putList(ObjectNode n, String key, @Nullable List<String> v) {
    if (v != null && !v.isEmpty()) {
      ArrayNode a = n.putArray(key);
      v.forEach(a::add);
    }
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
    List<String> tags = new ArrayList<>();
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

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      putList(n, "ca_certificates", caCertificates);
      put(n, "client_certificate", clientCertificate);
      put(n, "connect_timeout", connectTimeout);
      put(n, "host", host);
      put(n, "id", id);
      put(n, "name", name);
      put(n, "path", path);
      if (!plugins.isEmpty()) {
        ArrayNode a = n.putArray("plugins");
        plugins.forEach(a::add);
      }
      put(n, "port", port);
      put(n, "protocol", protocol);
      put(n, "read_timeout", readTimeout);
      put(n, "retries", retries);
      if (!routes.isEmpty()) {
        ArrayNode a = n.putArray("routes");
        routes.forEach(r -> a.add(r.toJson()));
      }
      putList(n, "tags", tags);
      put(n, "tls_verify", tlsVerify);
      put(n, "tls_verify_depth", tlsVerifyDepth);
      put(n, "write_timeout", writeTimeout);
      return n;
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
    List<String> tags = new ArrayList<>();
    final List<ObjectNode> plugins = new ArrayList<>();

    /** The Ingress / TCPIngress / UDPIngress / Gateway API route this route comes from. */
    final K8sObject source;
    /** Overrides the source's {@code konghq.com/plugins} value (HTTPRoute ExtensionRefs). */
    @Nullable String pluginAnnotation;

    KRoute(K8sObject source) {
      this.source = source;
    }

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      if (destinations != null && !destinations.isEmpty()) {
        ArrayNode a = n.putArray("destinations");
        destinations.forEach(p -> a.addObject().put("port", p));
      }
      put(n, "expression", expression);
      if (headers != null && !headers.isEmpty()) {
        ObjectNode h = n.putObject("headers");
        headers.forEach((k, v) -> {
          ArrayNode a = h.putArray(k);
          v.forEach(a::add);
        });
      }
      putList(n, "hosts", hosts);
      put(n, "https_redirect_status_code", httpsRedirectStatusCode);
      put(n, "id", id);
      putList(n, "methods", methods);
      put(n, "name", name);
      put(n, "path_handling", pathHandling);
      putList(n, "paths", paths);
      if (!plugins.isEmpty()) {
        ArrayNode a = n.putArray("plugins");
        plugins.forEach(a::add);
      }
      put(n, "preserve_host", preserveHost);
      put(n, "priority", priority);
      putList(n, "protocols", protocols);
      put(n, "regex_priority", regexPriority);
      put(n, "request_buffering", requestBuffering);
      put(n, "response_buffering", responseBuffering);
      putList(n, "snis", snis);
      put(n, "strip_path", stripPath);
      putList(n, "tags", tags);
      return n;
    }
  }

  /** A Kong upstream. */
  static final class KUpstream {
    final String name;
    List<String> tags = new ArrayList<>();
    /** Override fields in Kong naming ({@code algorithm}, {@code hash_on}, …). */
    final Map<String, JsonNode> fields = new LinkedHashMap<>();
    final Map<String, KTarget> targets = new LinkedHashMap<>();
    final KService service;

    KUpstream(String name, KService service) {
      this.name = name;
      this.service = service;
    }

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      fields.forEach(n::set);
      n.put("name", name);
      putList(n, "tags", tags);
      if (!targets.isEmpty()) {
        ArrayNode a = n.putArray("targets");
        targets.values().stream()
            .sorted((x, y) -> Strs.compareBytes(y.target, x.target))
            .forEach(t -> a.add(t.toJson()));
      }
      return n;
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

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      n.put("target", target);
      put(n, "weight", weight);
      return n;
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

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      n.put("cert", cert);
      n.put("id", id);
      n.put("key", key);
      if (!snis.isEmpty()) {
        ArrayNode a = n.putArray("snis");
        snis.stream().sorted(Strs.BYTES).forEach(s -> {
          ObjectNode sn = a.addObject();
          sn.putObject("certificate").put("id", id);
          sn.put("name", s);
        });
      }
      putList(n, "tags", tags);
      return n;
    }
  }

  /** A consumer with credentials. */
  static final class KConsumer {
    final io.github.kongtranslator.core.model.KongConsumer source;
    @Nullable String username;
    @Nullable String customId;
    @Nullable String id;
    List<String> tags = new ArrayList<>();
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

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      credentials.forEach((k, list) -> {
        if (!list.isEmpty()) {
          ArrayNode a = n.putArray(k);
          list.forEach(a::add);
        }
      });
      put(n, "custom_id", customId);
      put(n, "id", id);
      putList(n, "tags", tags);
      put(n, "username", username);
      return n;
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
    List<String> tags = new ArrayList<>();

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

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      if (config != null && !(config.isObject() && config.isEmpty())) {
        n.set("config", config);
      }
      put(n, "consumer", consumer);
      put(n, "consumer_group", consumerGroup);
      put(n, "enabled", enabled);
      put(n, "id", id);
      put(n, "instance_name", instanceName);
      n.put("name", name);
      if (ordering != null && !ordering.isNull()) {
        n.set("ordering", ordering);
      }
      putList(n, "protocols", protocols);
      put(n, "route", route);
      put(n, "run_on", runOn);
      put(n, "service", service);
      putList(n, "tags", tags);
      return n;
    }
  }

  /** A consumer group. */
  static final class KConsumerGroup {
    final io.github.kongtranslator.core.model.KongConsumerGroup source;
    final String name;
    @Nullable String id;
    List<String> tags = new ArrayList<>();

    KConsumerGroup(io.github.kongtranslator.core.model.KongConsumerGroup source) {
      this.source = source;
      this.name = source.metadata().name();
    }

    ObjectNode toJson() {
      ObjectNode n = JSON.objectNode();
      put(n, "id", id);
      n.put("name", name);
      putList(n, "tags", tags);
      return n;
    }
  }
}
