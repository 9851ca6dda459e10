package io.github.kongtranslator.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A core {@code v1} Secret. Its {@code data} (base64) and {@code stringData} are decoded once into
 * {@link #data()}, {@code stringData} overriding {@code data} as the API server does. {@link
 * #toString()} shows the keys, never the values.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param type Secret type, e.g. {@code kubernetes.io/tls}; empty when absent
 * @param data decoded values by key, in input order
 */
@com.fasterxml.jackson.databind.annotation.JsonDeserialize(
    using = io.github.kongtranslator.core.internal.SecretDeserializer.class)
public record Secret(
    String apiVersion, ObjectMeta metadata, String type, @JsonIgnore Map<String, SecretValue> data)
    implements K8sObject {

  /**
   * Normalises absent values and freezes the data.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param type Secret type, e.g. {@code kubernetes.io/tls}; empty when absent
   * @param data decoded values by key, in input order
   */
  public Secret {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    type = type == null ? "" : type;
    data = data == null ? ImmutableMap.of() : ImmutableMap.copyOf(data);
  }

  /**
   * Reads a Secret from its wire form.
   *
   * @param apiVersion apiVersion
   * @param metadata metadata
   * @param type type
   * @param data base64-encoded values
   * @param stringData plain values
   * @return the Secret
   * @throws IllegalArgumentException when a {@code data} value is not base64 (the message names the
   *     key, never the value)
   */
  public static Secret fromWire(
      String apiVersion,
      @Nullable ObjectMeta metadata,
      @Nullable String type,
      @Nullable Map<String, String> data,
      @Nullable Map<String, String> stringData) {
    Map<String, SecretValue> decoded = new LinkedHashMap<>();
    if (data != null) {
      for (Map.Entry<String, String> e : data.entrySet()) {
        try {
          decoded.put(e.getKey(), SecretValue.ofBase64(e.getValue() == null ? "" : e.getValue()));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("data." + e.getKey() + " is not valid base64");
        }
      }
    }
    if (stringData != null) {
      stringData.forEach((k, v) -> decoded.put(k, SecretValue.ofString(v == null ? "" : v)));
    }
    return new Secret(
        apiVersion,
        metadata == null ? ObjectMeta.of("", "") : metadata,
        type == null ? "" : type,
        decoded);
  }

  @Override
  public Kind kind() {
    return Kind.SECRET;
  }

  /**
   * The decoded value of a key.
   *
   * @param key the key
   * @return the value, or empty when the key is absent
   */
  public Optional<SecretValue> value(String key) {
    return Optional.ofNullable(data.get(key));
  }

  /**
   * {@return the wire form of {@link #data()}: base64 values by key} Used by serialisation and
   * hashing.
   */
  @JsonProperty("data")
  public Map<String, String> dataBase64() {
    Map<String, String> out = new LinkedHashMap<>();
    data.forEach((k, v) -> out.put(k, v.base64()));
    return out;
  }

  /** Shows the keys of the data, never the values. */
  @Override
  public String toString() {
    return "Secret[apiVersion="
        + apiVersion
        + ", metadata="
        + metadata
        + ", type="
        + type
        + ", data keys="
        + data.keySet()
        + "]";
  }
}
