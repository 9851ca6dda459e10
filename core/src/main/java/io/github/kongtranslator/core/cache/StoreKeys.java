package io.github.kongtranslator.core.cache;

import java.util.Comparator;

/** Store keys are ordered by unsigned UTF-8 bytes, which equals Unicode code point order. */
final class StoreKeys {
  static final Comparator<String> ORDER = StoreKeys::compare;

  private StoreKeys() {}

  static int compare(String a, String b) {
    // Fast path: UTF-16 order equals code point order up to the first differing unit unless a
    // surrogate is involved there; only then fall back to decoding code points.
    int n = Math.min(a.length(), b.length());
    for (int k = 0; k < n; k++) {
      char ca = a.charAt(k);
      char cb = b.charAt(k);
      if (ca != cb) {
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return compareCodePoints(a, b);
        }
        return Integer.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
