package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.SecretValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Secret}; start with {@link K8sBuilders#secret()}. Values never appear in messages
 * or in {@code toString()}.
 */
public final class SecretBuilder extends ObjectBuilder<Secret, SecretBuilder> {
  private String type = "Opaque";
  private final Map<String, SecretValue> data = new LinkedHashMap<>();

  SecretBuilder() {
    super(Kind.SECRET);
  }

  /**
   * Sets the type; {@code Opaque} by default.
   *
   * @param type e.g. {@code kubernetes.io/tls}
   * @return this builder
   */
  public SecretBuilder type(String type) {
    this.type = type;
    return this;
  }

  /**
   * Adds or replaces a value given as text (what {@code stringData} holds).
   *
   * @param key the key
   * @param value the value
   * @return this builder
   */
  public SecretBuilder stringData(String key, String value) {
    data.put(key, SecretValue.ofString(value));
    return this;
  }

  /**
   * Adds or replaces a value given as bytes (what {@code data} holds, decoded).
   *
   * @param key the key
   * @param value the bytes (copied)
   * @return this builder
   */
  public SecretBuilder data(String key, byte[] value) {
    data.put(key, SecretValue.ofBytes(value));
    return this;
  }

  /**
   * Makes this a {@code kubernetes.io/tls} Secret with {@code tls.crt} and {@code tls.key}.
   *
   * @param certificatePem the certificate chain, PEM
   * @param privateKeyPem the private key, PEM
   * @return this builder
   */
  public SecretBuilder tls(String certificatePem, String privateKeyPem) {
    type = "kubernetes.io/tls";
    data.put("tls.crt", SecretValue.ofString(certificatePem));
    data.put("tls.key", SecretValue.ofString(privateKeyPem));
    return this;
  }

  @Override
  void check(List<String> problems) {
    for (String key : data.keySet()) {
      if (key.isEmpty() || !key.matches("[-._a-zA-Z0-9]+")) {
        problems.add(
            "data key <"
                + key
                + "> must be non-empty and consist of alphanumerics, '-', '_' or '.'");
      }
    }
    if ("kubernetes.io/tls".equals(type)
        && !(data.containsKey("tls.crt") && data.containsKey("tls.key"))) {
      problems.add("a kubernetes.io/tls Secret needs the keys tls.crt and tls.key");
    }
  }

  @Override
  Secret create(String apiVersion, ObjectMeta metadata) {
    return new Secret(apiVersion, metadata, type, data);
  }
}
