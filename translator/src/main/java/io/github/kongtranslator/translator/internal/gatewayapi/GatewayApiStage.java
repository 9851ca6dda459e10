package io.github.kongtranslator.translator.internal.gatewayapi;

import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.support.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Gateway API stage: HTTPRoutes, then UDPRoutes, TCPRoutes, TLSRoutes and GRPCRoutes
 * (translator-spec §1, KIC's order).
 */
public final class GatewayApiStage {
  private GatewayApiStage() {}

  /**
   * Runs the stage.
   *
   * @param ctx the run
   * @return the Kong services (with their routes) by name, in creation order; a later route kind's
   *     service of the same name replaces an earlier one in its position
   */
  public static ImmutableMap<String, KService> run(Context ctx) {
    GatewayL4Part l4 = new GatewayL4Part(ctx);
    Map<String, KService> services = new LinkedHashMap<>(new HttpRoutePart(ctx).run());
    services.putAll(l4.udp());
    services.putAll(l4.tcp());
    services.putAll(l4.tls());
    services.putAll(new GrpcRoutePart(ctx).run());
    return ImmutableMap.copyOf(services);
  }
}
