package io.github.kongtranslator.kongmodel.atc;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;

/**
 * The router schemas Kong builds its ATC router with ({@code kong/router/fields.lua} {@code
 * HTTP_FIELDS} and {@code STREAM_FIELDS}): the fields an expression may read and their types.
 */
public enum AtcSchema {
  /** Routes with an HTTP-family protocol. */
  HTTP(
      Map.ofEntries(
          Map.entry("net.protocol", Atc.Type.STRING),
          Map.entry("tls.sni", Atc.Type.STRING),
          Map.entry("http.method", Atc.Type.STRING),
          Map.entry("http.host", Atc.Type.STRING),
          Map.entry("http.path", Atc.Type.STRING),
          Map.entry("http.path.segments.*", Atc.Type.STRING),
          Map.entry("http.headers.*", Atc.Type.STRING),
          Map.entry("http.queries.*", Atc.Type.STRING),
          Map.entry("net.src.port", Atc.Type.INT),
          Map.entry("net.dst.port", Atc.Type.INT),
          Map.entry("http.path.segments.len", Atc.Type.INT),
          Map.entry("net.src.ip", Atc.Type.IP_ADDR),
          Map.entry("net.dst.ip", Atc.Type.IP_ADDR))),
  /** Routes with a stream protocol (tcp, tls, udp, tls_passthrough). */
  STREAM(
      Map.of(
          "net.protocol",
          Atc.Type.STRING,
          "tls.sni",
          Atc.Type.STRING,
          "net.src.port",
          Atc.Type.INT,
          "net.dst.port",
          Atc.Type.INT,
          "net.src.ip",
          Atc.Type.IP_ADDR,
          "net.dst.ip",
          Atc.Type.IP_ADDR));

  private final ImmutableMap<String, Atc.Type> fields;

  AtcSchema(Map<String, Atc.Type> fields) {
    this.fields = ImmutableMap.copyOf(fields);
  }

  /**
   * The type of a field ({@code schema.rs} {@code type_of}: the exact name, else the name up to its
   * last dot followed by {@code .*}).
   *
   * @param field the field
   * @return the type, empty when the schema has no such field
   */
  public Optional<Atc.Type> typeOf(String field) {
    Atc.Type t = fields.get(field);
    if (t == null) {
      int dot = field.lastIndexOf('.');
      t = dot < 0 ? null : fields.get(field.substring(0, dot) + ".*");
    }
    return Optional.ofNullable(t);
  }
}
