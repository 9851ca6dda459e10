package io.github.kongtranslator.translator.internal.text;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** String helpers: byte-order comparison, list annotations, Go-style parsing. */
public final class Strs {
  /** Compares strings by their UTF-8 bytes (equivalently, by code points). */
  public static final Comparator<String> BYTES = Strs::compareBytes;

  private Strs() {}

  public static int compareBytes(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int k = 0;
    while (k < n && a.charAt(k) == b.charAt(k)) {
      k++;
    }
    if (k == n) {
      return Integer.compare(a.length(), b.length());
    }
    char x = a.charAt(k);
    char y = b.charAt(k);
    if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
      return Integer.compare(x, y); // UTF-16 order is code point order outside surrogates
    }
    return compareCodePoints(a, b);
  }

  private static int compareCodePoints(String a, String b) {
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

  /** Splits on {@code ,}, trims items, drops empty ones. */
  public static ImmutableList<String> list(@Nullable String value) {
    if (value == null) {
      return ImmutableList.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : value.split(",", -1)) {
      String t = s.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return ImmutableList.copyOf(out);
  }

  /** Go {@code strconv.ParseBool}. */
  public static @Nullable Boolean parseBool(@Nullable String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> null;
    };
  }

  /** Case-insensitive {@code true}/{@code false}. */
  public static @Nullable Boolean parseTrueFalse(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String l = s.toLowerCase(Locale.ROOT);
    return l.equals("true") ? Boolean.TRUE : l.equals("false") ? Boolean.FALSE : null;
  }

  /** Go {@code strconv.Atoi} (optional sign, decimal digits, 64-bit range checked to int). */
  public static @Nullable Integer parseInt(@Nullable String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }

  public static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** {@code s}, or {@code fallback} when {@code s} is null or empty (Go's zero-value default). */
  public static String orElse(@Nullable String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }
}
