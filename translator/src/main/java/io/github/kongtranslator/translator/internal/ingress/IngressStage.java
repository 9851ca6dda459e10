package io.github.kongtranslator.translator.internal.ingress;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.support.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Ingress stage: Ingresses, then TCPIngresses, then UDPIngresses (translator-spec §2). */
public final class IngressStage {
  private IngressStage() {}

  /**
   * What the Ingress stage produced.
   *
   * @param services the Kong services (with their routes) by name, in creation order: those of
   *     Ingresses, then TCPIngresses, then UDPIngresses
   * @param tlsIngresses accepted Ingresses with a TLS section, in translation order
   * @param tlsTcpIngresses accepted TCPIngresses with a TLS section, in translation order
   */
  public record Output(
      ImmutableMap<String, KService> services,
      ImmutableList<Ingress> tlsIngresses,
      ImmutableList<TcpIngress> tlsTcpIngresses) {}

  /**
   * Runs the stage.
   *
   * @param ctx the run
   * @return the services and the TLS claimants
   */
  public static Output run(Context ctx) {
    IngressPart ingress = new IngressPart(ctx);
    Map<String, KService> services = new LinkedHashMap<>(ingress.run());
    L4IngressPart l4 = new L4IngressPart(ctx);
    services.putAll(l4.tcp());
    services.putAll(l4.udp());
    return new Output(
        ImmutableMap.copyOf(services),
        ingress.acceptedIngresses().stream()
            .filter(i -> !i.spec().tls().isEmpty())
            .collect(ImmutableList.toImmutableList()),
        l4.acceptedTcp().stream()
            .filter(i -> !i.spec().tls().isEmpty())
            .collect(ImmutableList.toImmutableList()));
  }
}
