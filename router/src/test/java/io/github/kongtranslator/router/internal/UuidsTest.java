package io.github.kongtranslator.router.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 4122 version-5 UUIDs: the RFC's (errata 1352) example and Python's uuid5 agree. */
class UuidsTest {
  @Test
  void v5_matchesTheReferenceValue() {
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com"))'
    assertThat(Uuids.v5(dns, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }
}
