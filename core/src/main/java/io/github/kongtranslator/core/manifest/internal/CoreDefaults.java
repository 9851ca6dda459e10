package io.github.kongtranslator.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The defaults the Kubernetes API server applies to the core kinds this library reads, each citing
 * its upstream source (kubernetes/kubernetes); listed in {@code core/docs/api-server-defaults.md}.
 * Works on the object's JSON tree in place and returns the JSON pointers it set. Not API.
 */
final class CoreDefaults {
  private CoreDefaults() {}

  static List<String> apply(Kind kind, ObjectNode object) {
    List<String> set = new ArrayList<>();
    switch (kind) {
      case SERVICE -> service(object, set);
      case SECRET -> secret(object, set);
      case CONFIG_MAP -> configMap(object, set);
      case ENDPOINT_SLICE -> endpointSlice(object, set);
      case INGRESS_CLASS -> ingressClass(object, set);
      case INGRESS,
          HTTP_ROUTE,
          UDP_ROUTE,
          TCP_ROUTE,
          TLS_ROUTE,
          GRPC_ROUTE,
          REFERENCE_GRANT,
          GATEWAY,
          GATEWAY_CLASS,
          BACKEND_TLS_POLICY,
          KONG_PLUGIN,
          KONG_CLUSTER_PLUGIN,
          KONG_CONSUMER,
          KONG_CONSUMER_GROUP,
          KONG_INGRESS,
          TCP_INGRESS,
          UDP_INGRESS,
          KONG_UPSTREAM_POLICY,
          INGRESS_CLASS_PARAMETERS,
          KONG_SERVICE_FACADE,
          KONG_VAULT,
          KONG_CUSTOM_ENTITY -> {
        // Ingress v1 has no defaulting function (pkg/apis/networking/v1/defaults.go); the
        // others are CRDs, defaulted from their schemas.
      }
    }
    return set;
  }

  /** pkg/apis/core/v1/defaults.go SetDefaults_Service. */
  private static void service(ObjectNode object, List<String> set) {
    JsonNode specNode = object.get("spec");
    if (specNode != null && !specNode.isObject() && !specNode.isNull()) {
      return; // binding reports the wrong type
    }
    ObjectNode spec = specNode instanceof ObjectNode o ? o : object.putObject("spec");
    if (Admission.unset(spec.get("sessionAffinity"))) {
      spec.put("sessionAffinity", "None");
      set.add("/spec/sessionAffinity");
    }
    String affinity = spec.path("sessionAffinity").asText("");
    if (affinity.equals("None")) {
      spec.remove("sessionAffinityConfig");
    } else if (affinity.equals("ClientIP")
        && !spec.path("sessionAffinityConfig").path("clientIP").path("timeoutSeconds").isNumber()) {
      // v1.DefaultClientIPServiceAffinitySeconds = 10800 (k8s.io/api/core/v1/types.go)
      spec.putObject("sessionAffinityConfig").putObject("clientIP").put("timeoutSeconds", 10800);
      set.add("/spec/sessionAffinityConfig/clientIP/timeoutSeconds");
    }
    if (Admission.unset(spec.get("type"))) {
      spec.put("type", "ClusterIP");
      set.add("/spec/type");
    }
    if (spec.get("ports") instanceof ArrayNode ports) {
      for (int i = 0; i < ports.size(); i++) {
        if (!(ports.get(i) instanceof ObjectNode port)) {
          continue;
        }
        if (Admission.unset(port.get("protocol"))) {
          port.put("protocol", "TCP");
          set.add("/spec/ports/" + i + "/protocol");
        }
        JsonNode target = port.get("targetPort");
        boolean zero =
            Admission.unset(target) || (target.isIntegralNumber() && target.asLong() == 0);
        if (zero && port.path("port").isIntegralNumber()) {
          port.set("targetPort", port.get("port").deepCopy());
          set.add("/spec/ports/" + i + "/targetPort");
        }
      }
    }
    String type = spec.path("type").asText("");
    // pkg/api/v1/service/util.go ExternallyAccessible
    boolean external =
        type.equals("LoadBalancer")
            || type.equals("NodePort")
            || (type.equals("ClusterIP")
                && spec.path("externalIPs").isArray()
                && !spec.path("externalIPs").isEmpty());
    if (external && Admission.unset(spec.get("externalTrafficPolicy"))) {
      spec.put("externalTrafficPolicy", "Cluster");
      set.add("/spec/externalTrafficPolicy");
    }
    if (Admission.unset(spec.get("internalTrafficPolicy"))
        && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
      spec.put("internalTrafficPolicy", "Cluster");
      set.add("/spec/internalTrafficPolicy");
    }
    if (type.equals("LoadBalancer") && !spec.path("allocateLoadBalancerNodePorts").isBoolean()) {
      spec.put("allocateLoadBalancerNodePorts", true);
      set.add("/spec/allocateLoadBalancerNodePorts");
    }
  }

  /**
   * pkg/apis/core/v1/defaults.go SetDefaults_Secret (type {@code Opaque}), and
   * pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret ("StringData overwrites Data"):
   * each {@code stringData} value is stored base64-encoded under {@code data}, replacing a {@code
   * data} value of the same key; {@code stringData} itself is not stored. Values of the wrong type
   * are left for binding to report.
   */
  private static void secret(ObjectNode object, List<String> set) {
    JsonNode stringData = object.get("stringData");
    if (stringData instanceof ObjectNode sd
        && sd.size() > 0
        && allTextOrNull(sd)
        && (object.get("data") == null
            || object.get("data").isNull()
            || object.get("data").isObject())) {
      ObjectNode data = object.get("data") instanceof ObjectNode d ? d : object.putObject("data");
      for (Map.Entry<String, JsonNode> e : sd.properties()) {
        String v = e.getValue().isNull() ? "" : e.getValue().textValue();
        data.put(
            e.getKey(), Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
      }
      object.remove("stringData");
    } else if (stringData != null
        && (stringData.isNull() || (stringData.isObject() && stringData.isEmpty()))) {
      object.remove("stringData");
    }
    if (Admission.unset(object.get("type"))) {
      object.put("type", "Opaque");
      set.add("/type");
    }
  }

  private static boolean allTextOrNull(ObjectNode o) {
    for (JsonNode v : o) {
      if (!v.isTextual() && !v.isNull()) {
        return false;
      }
    }
    return true;
  }

  /** pkg/apis/core/v1/defaults.go SetDefaults_ConfigMap: a nil {@code data} becomes empty. */
  private static void configMap(ObjectNode object, List<String> set) {
    JsonNode data = object.get("data");
    if (data == null || data.isNull()) {
      object.putObject("data");
      set.add("/data");
    }
  }

  /**
   * pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort: a nil port {@code name} becomes
   * {@code ""}, a nil {@code protocol} {@code TCP}. Endpoint conditions have no default: a nil
   * {@code ready} means unknown, read as ready by consumers (k8s.io/api/discovery/v1/types.go).
   */
  private static void endpointSlice(ObjectNode object, List<String> set) {
    if (object.get("ports") instanceof ArrayNode ports) {
      for (int i = 0; i < ports.size(); i++) {
        if (!(ports.get(i) instanceof ObjectNode port)) {
          continue;
        }
        JsonNode name = port.get("name");
        if (name == null || name.isNull()) {
          port.put("name", "");
          set.add("/ports/" + i + "/name");
        }
        JsonNode protocol = port.get("protocol");
        if (protocol == null || protocol.isNull()) {
          port.put("protocol", "TCP");
          set.add("/ports/" + i + "/protocol");
        }
      }
    }
  }

  /**
   * pkg/apis/networking/v1/defaults.go SetDefaults_IngressClass: {@code parameters.scope} defaults
   * to {@code Cluster} when parameters are given.
   */
  private static void ingressClass(ObjectNode object, List<String> set) {
    if (object.path("spec").get("parameters") instanceof ObjectNode params
        && (params.get("scope") == null || params.get("scope").isNull())) {
      params.put("scope", "Cluster");
      set.add("/spec/parameters/scope");
    }
  }
}
