package io.github.kongtranslator.kongmodel.atc;

import io.github.kongtranslator.kongmodel.atc.Atc.Type;
import java.util.Map;
import java.util.Optional;

/**
 * The router schemas Kong builds its ATC router with ({@code kong/router/fields.lua} {@code
 * HTTP_FIELDS} and {@code STREAM_FIELDS}): the fields an expression may read and their types.
 */
public enum AtcSchema {
  /** Routes with an HTTP-family protocol. */
  HTTP(Map.ofEntries(
      Map.entry("net.protocol", Type.STRING), Map.entry("tls.sni", Type.STRING),
      Map.entry("http.method", Type.STRING), Map.entry("http.host", Type.STRING),
      Map.entry("http.path", Type.STRING), Map.entry("http.path.segments.*", Type.STRING),
      Map.entry("http.headers.*", Type.STRING), Map.entry("http.queries.*", Type.STRING),
      Map.entry("net.src.port", Type.INT), Map.entry("net.dst.port", Type.INT),
      Map.entry("http.path.segments.len", Type.INT), Map.entry("net.src.ip", Type.IP_ADDR),
      Map.entry("net.dst.ip", Type.IP_ADDR))),
  /** Routes with a stream protocol (tcp, tls, udp, tls_passthrough). */
  STREAM(Map.of(
      "net.protocol", Type.STRING, "tls.sni", Type.STRING, "net.src.port", Type.INT,
      "net.dst.port", Type.INT, "net.src.ip", Type.IP_ADDR, "net.dst.ip", Type.IP_ADDR));

  private final Map<String, Type> fields;

  AtcSchema(Map<String, Type> fields) {
    this.fields = fields;
  }

  /**
   * The type of a field ({@code schema.rs} {@code type_of}: the exact name, else the name up to
   * its last dot followed by {@code .*}).
   *
   * @param field the field
   * @return the type, empty when the schema has no such field
   */
  public Optional<Type> typeOf(String field) {
    Type t = fields.get(field);
    if (t == null) {
      int dot = field.lastIndexOf('.');
      t = dot < 0 ? null : fields.get(field.substring(0, dot) + ".*");
    }
    return Optional.ofNullable(t);
  }
}
