package io.github.kongtranslator.core.cache;

import java.util.Comparator;

/** Store keys are ordered by unsigned UTF-8 bytes, which equals Unicode code point order. */
final class StoreKeys {
  static final Comparator<String> ORDER = StoreKeys::compare;

  private StoreKeys() {}

  static int compare(String a, String b) {
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
