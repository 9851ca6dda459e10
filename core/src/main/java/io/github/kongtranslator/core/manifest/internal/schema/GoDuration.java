package io.github.kongtranslator.core.manifest.internal.schema;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} (Go {@code src/time/format.go}), which CEL's {@code duration()}
 * uses: a sign, then one or more decimal numbers each with a unit ({@code ns}, {@code us}, {@code
 * µs}, {@code ms}, {@code s}, {@code m}, {@code h}); {@code "0"} alone is zero.
 */
final class GoDuration {
  private GoDuration() {}

  static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new Cel.CelException("invalid duration");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".")) {
        throw new Cel.CelException("invalid duration");
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      long unit =
          switch (s.substring(unitStart, i)) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new Cel.CelException("invalid duration: unknown unit");
          };
      try {
        nanos =
            nanos.add(
                new BigDecimal(number.endsWith(".") ? number + "0" : number)
                    .multiply(BigDecimal.valueOf(unit)));
      } catch (NumberFormatException ex) {
        throw new Cel.CelException("invalid duration");
      }
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new Cel.CelException("invalid duration: out of range");
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return negative ? d.negated() : d;
  }
}
