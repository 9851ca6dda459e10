package io.github.kongtranslator.core.cache;

import com.google.common.io.BaseEncoding;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * KIC's snapshot hash ({@code fallback-spec.md} §1.4), for differential tests only: base32 SHA-256
 * over the sorted {@code uid + resourceVersion} strings of every store. It cannot see objects
 * without uid and resourceVersion, which is why the library's {@link CacheStores#hash()} does not
 * work this way. Test code only.
 */
final class KicHash {
  private KicHash() {}

  /**
   * KIC's hash of a snapshot.
   *
   * @param snapshot the snapshot
   * @return 56 base32 characters
   */
  static String of(CacheStores snapshot) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JRE has SHA-256", e);
    }
    for (Kind k : Kind.values()) {
      List<byte[]> entries = new ArrayList<>();
      for (K8sObject o : snapshot.list(k)) {
        entries.add(
            (o.metadata().uid() + o.metadata().resourceVersion()).getBytes(StandardCharsets.UTF_8));
      }
      entries.sort(java.util.Arrays::compareUnsigned);
      entries.forEach(d::update);
    }
    return BaseEncoding.base32().encode(d.digest());
  }
}
