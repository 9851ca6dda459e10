package io.github.kongtranslator.kongmodel.validation.internal;

import java.util.Optional;

/**
 * A syntax check of ATC router expressions, after the grammar of Kong/atc-router
 * ({@code src/atc_grammar.pest}): {@code expression = term (("&&" | "||") term)*},
 * {@code term = predicate | "!"? "(" expression ")"}, {@code predicate = lhs op rhs},
 * {@code lhs = ident | ident "(" lhs ")"}. Field names and value types are not checked
 * against the router schema, and IP and integer literals are read leniently: the check only
 * rejects what cannot parse. Not API.
 */
public final class AtcSyntax {
  private final String s;
  private int pos;

  private AtcSyntax(String s) {
    this.s = s;
  }

  /**
   * Parses an expression.
   *
   * @param expression the expression
   * @return the parse error with its offset, empty when the expression parses
   */
  public static Optional<String> check(String expression) {
    AtcSyntax p = new AtcSyntax(expression);
    try {
      p.expression();
      p.ws();
      if (p.pos != p.s.length()) {
        throw p.error("unexpected input");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + pos);
  }

  private void ws() {
    while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean eat(String token) {
    ws();
    if (s.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expression() {
    term();
    while (eat("&&") || eat("||")) {
      term();
    }
  }

  private void term() {
    ws();
    int start = pos;
    boolean not = eat("!");
    if (eat("(")) {
      expression();
      if (!eat(")")) {
        throw error("expected ')'");
      }
      return;
    }
    if (not) {
      throw error("expected '(' after '!'");
    }
    pos = start;
    predicate();
  }

  private void predicate() {
    lhs();
    operator();
    rhs();
  }

  private void lhs() {
    ident();
    if (eat("(")) {
      lhs();
      if (!eat(")")) {
        throw error("expected ')'");
      }
    }
  }

  private void ident() {
    ws();
    if (pos >= s.length() || !isAlpha(s.charAt(pos))) {
      throw error("expected a field name");
    }
    pos++;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (isAlpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '.') {
        pos++;
      } else {
        break;
      }
    }
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private void operator() {
    for (String op : new String[] {"==", "!=", "~", "^=", "=^", ">=", ">", "<=", "<", "in", "contains"}) {
      if (eat(op)) {
        return;
      }
    }
    int save = pos;
    if (eat("not")) {
      int afterNot = pos;
      ws();
      if (pos > afterNot && eat("in")) {
        return;
      }
      if (eat("in")) {
        return;
      }
    }
    pos = save;
    throw error("expected an operator");
  }

  private void rhs() {
    ws();
    if (s.startsWith("\"", pos)) {
      pos++;
      while (pos < s.length() && s.charAt(pos) != '"') {
        if (s.charAt(pos) == '\\') {
          if (pos + 1 >= s.length() || "\"\\nrt".indexOf(s.charAt(pos + 1)) < 0) {
            throw error("invalid escape");
          }
          pos += 2;
        } else {
          pos++;
        }
      }
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      pos++;
      return;
    }
    if (s.startsWith("r#\"", pos)) {
      int end = s.indexOf("\"#", pos + 3);
      if (end < 0) {
        throw error("unterminated raw string");
      }
      pos = end + 2;
      return;
    }
    // ip_literal | int_literal, read leniently
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
          || c == ':' || c == '.' || c == '/' || c == 'x' || c == '-') {
        pos++;
      } else {
        break;
      }
    }
    if (pos == start) {
      throw error("expected a value");
    }
  }
}
