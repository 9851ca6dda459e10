package io.github.kongtranslator.translator.internal.routes;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The expression-router grammar (gateway-api-spec §6.1). */
public final class Atc {
  public static final String CATCH_ALL =
      "(net.protocol == \"http\") || (net.protocol == \"https\")";
  private static final Pattern HOST =
      Pattern.compile(
          "^(\\*\\.)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*(\\.\\*)?$");
  private static final Pattern DNS =
      Pattern.compile(
          "^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*$");

  private Atc() {}

  /** A double-quoted string literal. */
  static String str(String v) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  public static String pred(String field, String op, String value) {
    return field + " " + op + " " + str(value);
  }

  public static String and(List<String> operands) {
    return join(operands, " && ");
  }

  public static String or(List<String> operands) {
    return join(operands, " || ");
  }

  private static String join(List<String> operands, String sep) {
    List<String> ops = operands.stream().filter(s -> !s.isEmpty()).toList();
    if (ops.isEmpty()) {
      return "";
    }
    if (ops.size() == 1) {
      return ops.get(0);
    }
    return ops.stream().map(o -> "(" + o + ")").collect(Collectors.joining(sep));
  }

  static boolean validHost(String h) {
    return HOST.matcher(h).matches();
  }

  static boolean plainDns(String h) {
    return DNS.matcher(h).matches();
  }

  /** Or over host predicates; invalid hosts skipped. */
  public static String hosts(List<String> hosts) {
    return or(
        hosts.stream()
            .filter(Atc::validHost)
            .map(
                h ->
                    h.startsWith("*")
                        ? pred("http.host", "=^", h.substring(1))
                        : pred("http.host", "==", h))
            .toList());
  }

  /** Or over SNI predicates; non-DNS values skipped. */
  public static String snis(List<String> snis) {
    return or(snis.stream().filter(Atc::plainDns).map(s -> pred("tls.sni", "==", s)).toList());
  }
}
