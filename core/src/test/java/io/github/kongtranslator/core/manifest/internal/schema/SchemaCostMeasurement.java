package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough cost measurement (not a timed test; runs only with {@code -Dkt.measure=true}): first use
 * of the HTTPRoute schema, then defaulting and validating 10k HTTPRoutes.
 */
@EnabledIfSystemProperty(named = "kt.measure", matches = "true")
class SchemaCostMeasurement {
  /** CPU time of this thread: the machine is shared, wall time says little. */
  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  @Test
  void defaultAndValidate10kHttpRoutes() {
    long t0 = cpu();
    CrdSchemas schemas = CrdSchemas.bundled();
    schemas.hasSchema(Kind.HTTP_ROUTE, "v1");
    long compile = cpu() - t0;
    String template =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r%d, namespace: default}
        spec:
          parentRefs: [{name: kong}]
          hostnames: [a%d.example.com]
          rules:
          - matches: [{path: {type: PathPrefix, value: /a}}, {headers: [{name: x, value: y}]}]
            filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}]}}]
            backendRefs: [{name: echo, port: 80}, {name: echo2, port: 8080, weight: 3}]
          - backendRefs: [{name: other, port: 80}]
        """;
    for (int round = 0; round < 5; round++) {
      List<ObjectNode> routes = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        routes.add(TestObjects.yaml(template.formatted(i, i)));
      }
      long start = cpu();
      int defaulted = 0;
      int violations = 0;
      for (ObjectNode r : routes) {
        defaulted += schemas.applyDefaults(Kind.HTTP_ROUTE, "v1", r).size();
      }
      long mid = cpu();
      for (ObjectNode r : routes) {
        violations += schemas.validate(Kind.HTTP_ROUTE, "v1", r).size();
      }
      long end = cpu();
      System.out.printf(
          "round %d (thread CPU time): schema compile (first use) %.1f ms; 10k HTTPRoutes: defaulting"
              + " %.1f ms (%d fields), validation %.1f ms (%d violations)%n",
          round, compile / 1e6, (mid - start) / 1e6, defaulted, (end - mid) / 1e6, violations);
    }
  }
}
