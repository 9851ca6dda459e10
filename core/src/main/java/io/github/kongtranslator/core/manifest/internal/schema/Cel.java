package io.github.kongtranslator.core.manifest.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small interpreter for the subset of CEL (the Common Expression Language,
 * github.com/google/cel-spec {@code doc/langdef.md}) used by the {@code x-kubernetes-validations}
 * rules of the bundled CRDs, with the Kubernetes conventions of {@code k8s.io/apiserver/pkg/cel}
 * (field names escaped as {@code __namespace__}, the {@code split} and {@code lowerAscii} string
 * extensions, {@code duration()}).
 *
 * <p>Written instead of depending on {@code dev.cel:cel}, which pulls protobuf and ANTLR into core.
 * Supported: literals (int, uint, double, string in every quoting incl. raw and triple, bool, null,
 * lists), {@code self}/{@code oldSelf}, field selection, indexing, {@code has()}, the macros {@code
 * all}, {@code exists}, {@code exists_one}, {@code filter}, {@code map}, {@code ! - * / % + - < <=
 * > >= == != in && || ?:}, and the functions {@code size}, {@code contains}, {@code startsWith},
 * {@code endsWith}, {@code matches}, {@code split}, {@code lowerAscii}, {@code upperAscii}, {@code
 * trim}, {@code duration}, {@code int}, {@code string}. Anything else fails at {@link #parse}, so a
 * rule that uses it is listed as skipped, never mis-evaluated. {@code &&}, {@code ||}, {@code all}
 * and {@code exists} absorb errors as CEL specifies (langdef.md "Logical Operators", "Macros").
 */
final class Cel {
  private Cel() {}

  /** A rule that cannot be parsed (unsupported) or an evaluation error (no such key, ...). */
  static final class CelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CelException(String message) {
      super(message, null, false, false);
    }
  }

  /** CEL's {@code null}. */
  enum Null {
    NULL
  }

  /** A compiled expression. */
  sealed interface Expr {}

  record Lit(Object value) implements Expr {}

  record Ident(String name) implements Expr {}

  record Select(Expr operand, String field) implements Expr {}

  record Index(Expr operand, Expr index) implements Expr {}

  record Has(Expr operand, String field) implements Expr {}

  record Call(@Nullable Expr target, String function, List<Expr> args) implements Expr {}

  record Macro(Expr range, String kind, String var, Expr body, @Nullable Expr transform)
      implements Expr {}

  record Unary(String op, Expr operand) implements Expr {}

  record Binary(String op, Expr left, Expr right) implements Expr {}

  record Cond(Expr condition, Expr ifTrue, Expr ifFalse) implements Expr {}

  record ListLit(List<Expr> elements) implements Expr {}

  private static final Set<String> RECEIVER_FUNCTIONS =
      Set.of(
          "size",
          "contains",
          "startsWith",
          "endsWith",
          "matches",
          "split",
          "lowerAscii",
          "upperAscii",
          "trim");
  private static final Set<String> GLOBAL_FUNCTIONS =
      Set.of("size", "duration", "int", "string", "matches");
  private static final Set<String> MACROS = Set.of("all", "exists", "exists_one", "filter", "map");
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");
  private static final Map<String, Pattern> REGEX_CACHE = new ConcurrentHashMap<>();

  // ------------------------------------------------------------------ parsing

  /** Parses a rule. @throws CelException when the rule uses something this subset lacks */
  static Expr parse(String text) {
    Parser p = new Parser(text);
    Expr e = p.expr();
    p.skipWs();
    if (p.pos < text.length()) {
      throw new CelException("unexpected '" + text.charAt(p.pos) + "' at " + p.pos);
    }
    return e;
  }

  /** Whether the expression refers to {@code oldSelf} (a transition rule). */
  static boolean usesOldSelf(Expr e) {
    if (e instanceof Ident i) {
      return i.name().equals("oldSelf");
    }
    if (e instanceof Select s) {
      return usesOldSelf(s.operand());
    }
    if (e instanceof Index i) {
      return usesOldSelf(i.operand()) || usesOldSelf(i.index());
    }
    if (e instanceof Has h) {
      return usesOldSelf(h.operand());
    }
    if (e instanceof Call c) {
      return (c.target() != null && usesOldSelf(c.target()))
          || c.args().stream().anyMatch(Cel::usesOldSelf);
    }
    if (e instanceof Macro m) {
      return usesOldSelf(m.range())
          || usesOldSelf(m.body())
          || (m.transform() != null && usesOldSelf(m.transform()));
    }
    if (e instanceof Unary u) {
      return usesOldSelf(u.operand());
    }
    if (e instanceof Binary b) {
      return usesOldSelf(b.left()) || usesOldSelf(b.right());
    }
    if (e instanceof Cond c) {
      return usesOldSelf(c.condition()) || usesOldSelf(c.ifTrue()) || usesOldSelf(c.ifFalse());
    }
    if (e instanceof ListLit l) {
      return l.elements().stream().anyMatch(Cel::usesOldSelf);
    }
    return false;
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    void skipWs() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else if (s.startsWith("//", pos)) {
          while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
          }
        } else {
          return;
        }
      }
    }

    boolean eat(String tok) {
      skipWs();
      if (s.startsWith(tok, pos)) {
        // do not split "==" into "=" or "<=" into "<"
        if ((tok.equals("<") || tok.equals(">") || tok.equals("!") || tok.equals("="))
            && pos + 1 < s.length()
            && s.charAt(pos + 1) == '=') {
          return false;
        }
        if (tok.equals("|") || tok.equals("&")) {
          return false;
        }
        if (Character.isLetter(tok.charAt(0))
            && pos + tok.length() < s.length()
            && isIdentPart(s.charAt(pos + tok.length()))) {
          return false;
        }
        pos += tok.length();
        return true;
      }
      return false;
    }

    void expect(String tok) {
      if (!eat(tok)) {
        throw new CelException("expected '" + tok + "' at " + pos);
      }
    }

    Expr expr() {
      Expr c = or();
      if (eat("?")) {
        Expr t = or();
        expect(":");
        Expr f = expr();
        return new Cond(c, t, f);
      }
      return c;
    }

    Expr or() {
      Expr l = and();
      while (eat("||")) {
        l = new Binary("||", l, and());
      }
      return l;
    }

    Expr and() {
      Expr l = relation();
      while (eat("&&")) {
        l = new Binary("&&", l, relation());
      }
      return l;
    }

    Expr relation() {
      Expr l = addition();
      while (true) {
        String op = null;
        for (String o : new String[] {"==", "!=", "<=", ">=", "<", ">", "in"}) {
          if (eat(o)) {
            op = o;
            break;
          }
        }
        if (op == null) {
          return l;
        }
        l = new Binary(op, l, addition());
      }
    }

    Expr addition() {
      Expr l = multiplication();
      while (true) {
        if (eat("+")) {
          l = new Binary("+", l, multiplication());
        } else if (eat("-")) {
          l = new Binary("-", l, multiplication());
        } else {
          return l;
        }
      }
    }

    Expr multiplication() {
      Expr l = unary();
      while (true) {
        if (eat("*")) {
          l = new Binary("*", l, unary());
        } else if (eat("/")) {
          l = new Binary("/", l, unary());
        } else if (eat("%")) {
          l = new Binary("%", l, unary());
        } else {
          return l;
        }
      }
    }

    Expr unary() {
      if (eat("!")) {
        return new Unary("!", unary());
      }
      if (eat("-")) {
        return new Unary("-", unary());
      }
      return member();
    }

    Expr member() {
      Expr e = primary();
      while (true) {
        if (eat(".")) {
          String name = ident();
          skipWs();
          if (pos < s.length() && s.charAt(pos) == '(') {
            pos++;
            if (MACROS.contains(name)) {
              e = macro(e, name);
            } else {
              if (!RECEIVER_FUNCTIONS.contains(name)) {
                throw new CelException("function '" + name + "' is not supported");
              }
              List<Expr> args = args();
              e = new Call(e, name, args);
            }
          } else {
            e = new Select(e, name);
          }
        } else if (eat("[")) {
          Expr idx = expr();
          expect("]");
          e = new Index(e, idx);
        } else {
          return e;
        }
      }
    }

    Expr macro(Expr range, String kind) {
      String var = ident();
      expect(",");
      Expr body = expr();
      Expr transform = null;
      if (kind.equals("map") && eat(",")) {
        transform = expr();
        // map(x, filter, transform)
        expect(")");
        return new Macro(range, "map3", var, body, transform);
      }
      expect(")");
      return new Macro(range, kind, var, body, null);
    }

    List<Expr> args() {
      List<Expr> args = new ArrayList<>();
      if (eat(")")) {
        return args;
      }
      do {
        args.add(expr());
      } while (eat(","));
      expect(")");
      return args;
    }

    Expr primary() {
      skipWs();
      if (pos >= s.length()) {
        throw new CelException("unexpected end of expression");
      }
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        Expr e = expr();
        expect(")");
        return e;
      }
      if (c == '[') {
        pos++;
        List<Expr> elements = new ArrayList<>();
        if (!eat("]")) {
          do {
            if (eat("]")) {
              return new ListLit(elements);
            }
            elements.add(expr());
          } while (eat(","));
          expect("]");
        }
        return new ListLit(elements);
      }
      if (c == '{') {
        throw new CelException("map literals are not supported");
      }
      if (Character.isDigit(c)
          || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
        return number();
      }
      if (c == '"' || c == '\'') {
        return new Lit(string(false));
      }
      if ((c == 'r' || c == 'R')
          && pos + 1 < s.length()
          && (s.charAt(pos + 1) == '"' || s.charAt(pos + 1) == '\'')) {
        pos++;
        return new Lit(string(true));
      }
      if ((c == 'b' || c == 'B')
          && pos + 1 < s.length()
          && (s.charAt(pos + 1) == '"' || s.charAt(pos + 1) == '\'')) {
        throw new CelException("bytes literals are not supported");
      }
      String name = ident();
      switch (name) {
        case "true" -> {
          return new Lit(true);
        }
        case "false" -> {
          return new Lit(false);
        }
        case "null" -> {
          return new Lit(Null.NULL);
        }
        default -> {
          // an identifier: below
        }
      }
      skipWs();
      if (pos < s.length() && s.charAt(pos) == '(') {
        pos++;
        if (name.equals("has")) {
          Expr arg = expr();
          expect(")");
          if (!(arg instanceof Select sel)) {
            throw new CelException("has() needs a field selection");
          }
          return new Has(sel.operand(), sel.field());
        }
        if (!GLOBAL_FUNCTIONS.contains(name)) {
          throw new CelException("function '" + name + "' is not supported");
        }
        return new Call(null, name, args());
      }
      if (!name.equals("self") && !name.equals("oldSelf")) {
        // comprehension variables are checked at evaluation; other identifiers are unknown
        return new Ident(name);
      }
      return new Ident(name);
    }

    String ident() {
      skipWs();
      int start = pos;
      while (pos < s.length() && isIdentPart(s.charAt(pos))) {
        pos++;
      }
      if (start == pos || Character.isDigit(s.charAt(start))) {
        throw new CelException("expected an identifier at " + start);
      }
      return s.substring(start, pos);
    }

    static boolean isIdentPart(char c) {
      return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    Expr number() {
      int start = pos;
      if (s.startsWith("0x", pos) || s.startsWith("0X", pos)) {
        pos += 2;
        while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
          pos++;
        }
        long v = Long.parseLong(s.substring(start + 2, pos), 16);
        if (pos < s.length() && (s.charAt(pos) == 'u' || s.charAt(pos) == 'U')) {
          pos++;
        }
        return new Lit(v);
      }
      boolean dbl = false;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (Character.isDigit(c)) {
          pos++;
        } else if (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
          dbl = true;
          pos++;
        } else if ((c == 'e' || c == 'E')) {
          dbl = true;
          pos++;
          if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
          }
        } else {
          break;
        }
      }
      String text = s.substring(start, pos);
      if (dbl) {
        return new Lit(Double.parseDouble(text));
      }
      if (pos < s.length() && (s.charAt(pos) == 'u' || s.charAt(pos) == 'U')) {
        pos++;
      }
      try {
        return new Lit(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw new CelException("integer literal out of range: " + text);
      }
    }

    String string(boolean raw) {
      char q = s.charAt(pos);
      String delim =
          s.startsWith(String.valueOf(q).repeat(3), pos)
              ? String.valueOf(q).repeat(3)
              : String.valueOf(q);
      pos += delim.length();
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw new CelException("unterminated string literal");
        }
        if (s.startsWith(delim, pos)) {
          pos += delim.length();
          return out.toString();
        }
        char c = s.charAt(pos);
        if (c == '\\' && !raw) {
          pos++;
          if (pos >= s.length()) {
            throw new CelException("unterminated string literal");
          }
          char e = s.charAt(pos++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '\\', '\'', '"', '`', '?' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case 'u' -> {
              out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              pos += 4;
            }
            case 'x' -> {
              out.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16));
              pos += 2;
            }
            default -> throw new CelException("unsupported escape \\" + e);
          }
        } else {
          out.append(c);
          pos++;
        }
      }
    }
  }

  // ------------------------------------------------------------------ evaluation

  /**
   * Evaluation steps one rule may take, like the API server's per-call cost limit ({@code
   * k8s.io/apiserver/pkg/apis/cel/config.go} {@code PerCallLimit}, 1,000,000): a rule over a list
   * far beyond its {@code maxItems} stops with an error instead of running for long.
   */
  static final int STEP_LIMIT = 1_000_000;

  /** Steps left for the rule being evaluated. */
  private static final class Budget {
    int left = STEP_LIMIT;
  }

  /** Variables in scope: {@code self} and comprehension variables. */
  private record Env(String name, Object value, @Nullable Env parent, Budget budget) {
    Env bind(String n, Object v) {
      return new Env(n, v, this, budget);
    }

    Object lookup(String n) {
      for (Env e = this; e != null; e = e.parent) {
        if (e.name.equals(n)) {
          return e.value;
        }
      }
      throw new CelException("undeclared reference to '" + n + "'");
    }
  }

  /**
   * Evaluates a rule with {@code self} bound to a value of the object.
   *
   * @return the rule's result
   * @throws CelException on an evaluation error (e.g. a field read without {@code has})
   */
  static Object evaluate(Expr e, JsonNode self) {
    return eval(e, new Env("self", value(self), null, new Budget()));
  }

  private static Object eval(Expr e, Env env) {
    if (--env.budget().left < 0) {
      throw new CelException("evaluation cost limit exceeded");
    }
    if (e instanceof Lit l) {
      return l.value();
    }
    if (e instanceof Ident i) {
      return i.name().equals("oldSelf")
          ? fail("oldSelf is not available on create")
          : env.lookup(i.name());
    }
    if (e instanceof Select s) {
      return select(eval(s.operand(), env), s.field());
    }
    if (e instanceof Index i) {
      return index(eval(i.operand(), env), eval(i.index(), env));
    }
    if (e instanceof Has h) {
      return has(eval(h.operand(), env), h.field());
    }
    if (e instanceof Call c) {
      return call(c, env);
    }
    if (e instanceof Macro m) {
      return macro(m, env);
    }
    if (e instanceof Unary u) {
      return unary(u.op(), eval(u.operand(), env));
    }
    if (e instanceof Binary b) {
      return binary(b, env);
    }
    if (e instanceof Cond c) {
      return bool(eval(c.condition(), env), "_?_:_")
          ? eval(c.ifTrue(), env)
          : eval(c.ifFalse(), env);
    }
    ListLit l = (ListLit) e;
    List<Object> out = new ArrayList<>(l.elements().size());
    for (Expr x : l.elements()) {
      out.add(eval(x, env));
    }
    return out;
  }

  private static Object fail(String message) {
    throw new CelException(message);
  }

  /** Converts a JSON value to a CEL value; objects and arrays stay JSON (maps and lists). */
  static Object value(JsonNode n) {
    if (n.isObject() || n.isArray()) {
      return n;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return Null.NULL;
  }

  /** Field names as CEL sees them: {@code __namespace__} is the field {@code namespace}. */
  static String unescape(String field) {
    if (!field.contains("__")) {
      return field;
    }
    if (field.startsWith("__") && field.endsWith("__") && field.length() > 4) {
      String inner = field.substring(2, field.length() - 2);
      if (RESERVED.contains(inner)) {
        return inner;
      }
    }
    return field
        .replace("__underscores__", "__")
        .replace("__dot__", ".")
        .replace("__dash__", "-")
        .replace("__slash__", "/");
  }

  private static Object select(Object operand, String field) {
    if (operand instanceof ObjectNode obj) {
      JsonNode v = obj.get(unescape(field));
      if (v == null) {
        throw new CelException("no such key: " + field);
      }
      return value(v);
    }
    throw new CelException("no such key: " + field + " (not an object)");
  }

  private static Object has(Object operand, String field) {
    if (operand instanceof ObjectNode obj) {
      JsonNode v = obj.get(unescape(field));
      return v != null && !v.isNull();
    }
    throw new CelException("invalid type for field selection in has()");
  }

  private static Object index(Object operand, Object idx) {
    if (operand instanceof ArrayNode arr) {
      int i = intIndex(idx, arr.size());
      return value(arr.get(i));
    }
    if (operand instanceof List<?> list) {
      int i = intIndex(idx, list.size());
      return list.get(i);
    }
    if (operand instanceof ObjectNode obj && idx instanceof String key) {
      JsonNode v = obj.get(key);
      if (v == null) {
        throw new CelException("no such key: " + key);
      }
      return value(v);
    }
    throw new CelException("no matching overload for '_[_]'");
  }

  private static int intIndex(Object idx, int size) {
    if (!(idx instanceof Long l)) {
      throw new CelException("index must be an int");
    }
    if (l < 0 || l >= size) {
      throw new CelException("index out of range: " + l);
    }
    return l.intValue();
  }

  private static List<Object> elements(Object range) {
    if (range instanceof ArrayNode arr) {
      List<Object> out = new ArrayList<>(arr.size());
      arr.forEach(x -> out.add(value(x)));
      return out;
    }
    if (range instanceof ObjectNode obj) {
      List<Object> out = new ArrayList<>(obj.size());
      obj.fieldNames().forEachRemaining(out::add);
      return out;
    }
    if (range instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    throw new CelException("comprehension over a value that is not a list or map");
  }

  private static Object macro(Macro m, Env env) {
    List<Object> items = elements(eval(m.range(), env));
    switch (m.kind()) {
      case "all" -> {
        CelException error = null;
        for (Object item : items) {
          try {
            Object r = eval(m.body(), env.bind(m.var(), item));
            if (r.equals(false)) {
              return false;
            }
            if (!(r instanceof Boolean)) {
              error = new CelException("no matching overload for 'all'");
            }
          } catch (CelException ex) {
            error = ex;
          }
        }
        if (error != null) {
          throw error;
        }
        return true;
      }
      case "exists" -> {
        CelException error = null;
        for (Object item : items) {
          try {
            Object r = eval(m.body(), env.bind(m.var(), item));
            if (r.equals(true)) {
              return true;
            }
            if (!(r instanceof Boolean)) {
              error = new CelException("no matching overload for 'exists'");
            }
          } catch (CelException ex) {
            error = ex;
          }
        }
        if (error != null) {
          throw error;
        }
        return false;
      }
      case "exists_one" -> {
        int count = 0;
        for (Object item : items) {
          if (bool(eval(m.body(), env.bind(m.var(), item)), "exists_one")) {
            count++;
          }
        }
        return count == 1;
      }
      case "filter" -> {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
          if (bool(eval(m.body(), env.bind(m.var(), item)), "filter")) {
            out.add(item);
          }
        }
        return out;
      }
      case "map" -> {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
          out.add(eval(m.body(), env.bind(m.var(), item)));
        }
        return out;
      }
      case "map3" -> {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
          Env inner = env.bind(m.var(), item);
          if (bool(eval(m.body(), inner), "map")) {
            out.add(eval(java.util.Objects.requireNonNull(m.transform(), "map3"), inner));
          }
        }
        return out;
      }
      default -> {
        throw new CelException("unknown macro " + m.kind());
      }
    }
  }

  private static boolean bool(Object v, String op) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new CelException("no matching overload for '" + op + "'");
  }

  private static Object unary(String op, Object v) {
    if (op.equals("!")) {
      return !bool(v, "!_");
    }
    if (v instanceof Long l) {
      if (l == Long.MIN_VALUE) {
        throw new CelException("integer overflow");
      }
      return -l;
    }
    if (v instanceof Double d) {
      return -d;
    }
    if (v instanceof Duration d) {
      return d.negated();
    }
    throw new CelException("no matching overload for '-_'");
  }

  private static Object binary(Binary b, Env env) {
    String op = b.op();
    if (op.equals("&&") || op.equals("||")) {
      boolean shortValue = op.equals("||");
      Object l;
      CelException lerr = null;
      try {
        l = eval(b.left(), env);
        if (l instanceof Boolean lb && lb == shortValue) {
          return shortValue;
        }
        if (!(l instanceof Boolean)) {
          lerr = new CelException("no matching overload for '" + op + "'");
        }
      } catch (CelException ex) {
        lerr = ex;
      }
      Object r = eval(b.right(), env);
      if (r instanceof Boolean rb) {
        if (rb == shortValue) {
          return shortValue;
        }
        if (lerr != null) {
          throw lerr;
        }
        return !shortValue;
      }
      throw new CelException("no matching overload for '" + op + "'");
    }
    Object l = eval(b.left(), env);
    Object r = eval(b.right(), env);
    return switch (op) {
      case "==" -> equal(l, r);
      case "!=" -> !equal(l, r);
      case "<" -> compare(l, r) < 0;
      case "<=" -> compare(l, r) <= 0;
      case ">" -> compare(l, r) > 0;
      case ">=" -> compare(l, r) >= 0;
      case "in" -> in(l, r);
      case "+" -> add(l, r);
      case "-" -> arith(l, r, '-');
      case "*" -> arith(l, r, '*');
      case "/" -> arith(l, r, '/');
      case "%" -> arith(l, r, '%');
      default -> throw new CelException("unknown operator " + op);
    };
  }

  private static boolean in(Object l, Object r) {
    if (r instanceof ObjectNode obj) {
      return l instanceof String key && obj.has(key);
    }
    for (Object item : elements(r)) {
      if (equal(l, item)) {
        return true;
      }
    }
    return false;
  }

  private static Object add(Object l, Object r) {
    if (l instanceof String ls && r instanceof String rs) {
      return ls + rs;
    }
    if (l instanceof Duration ld && r instanceof Duration rd) {
      return ld.plus(rd);
    }
    if ((l instanceof List<?> || l instanceof ArrayNode)
        && (r instanceof List<?> || r instanceof ArrayNode)) {
      List<Object> out = elements(l);
      out.addAll(elements(r));
      return out;
    }
    return arith(l, r, '+');
  }

  private static Object arith(Object l, Object r, char op) {
    if (l instanceof Long a && r instanceof Long b) {
      try {
        return switch (op) {
          case '+' -> Math.addExact(a, b);
          case '-' -> Math.subtractExact(a, b);
          case '*' -> Math.multiplyExact(a, b);
          case '/' -> b == 0 ? fail("division by zero") : a / b;
          default -> b == 0 ? fail("modulus by zero") : a % b;
        };
      } catch (ArithmeticException ex) {
        throw new CelException("integer overflow");
      }
    }
    if (l instanceof Double a && r instanceof Double b && op != '%') {
      return switch (op) {
        case '+' -> a + b;
        case '-' -> a - b;
        case '*' -> a * b;
        default -> a / b;
      };
    }
    if (l instanceof Duration a && r instanceof Duration b && op == '-') {
      return a.minus(b);
    }
    throw new CelException("no matching overload for '_" + op + "_'");
  }

  /** CEL equality (heterogeneous for numbers, deep for lists and maps). */
  static boolean equal(Object l, Object r) {
    if (l instanceof JsonNode ln && !(ln.isObject() || ln.isArray())) {
      l = value(ln);
    }
    if (r instanceof JsonNode rn && !(rn.isObject() || rn.isArray())) {
      r = value(rn);
    }
    if (l instanceof Long a && r instanceof Long b) {
      return a.longValue() == b.longValue();
    }
    if (l instanceof String a && r instanceof String b) {
      return a.equals(b);
    }
    if (l instanceof Number a && r instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (isList(l) && isList(r)) {
      List<Object> a = elements(l);
      List<Object> b = elements(r);
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (l instanceof ObjectNode a && r instanceof ObjectNode b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(value(e.getValue()), value(other))) {
          return false;
        }
      }
      return true;
    }
    return l.equals(r);
  }

  private static boolean isList(Object o) {
    return o instanceof List<?> || o instanceof ArrayNode;
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object l, Object r) {
    if (l instanceof Long a && r instanceof Long b) {
      return Long.compare(a, b);
    }
    if (l instanceof Number a && r instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }
    if (l instanceof String a && r instanceof String b) {
      return a.compareTo(b);
    }
    if (l instanceof Duration a && r instanceof Duration b) {
      return a.compareTo(b);
    }
    if (l instanceof Boolean a && r instanceof Boolean b) {
      return a.compareTo(b);
    }
    throw new CelException("no matching overload for comparison");
  }

  private static Object call(Call c, Env env) {
    List<Object> args = new ArrayList<>(c.args().size() + 1);
    if (c.target() != null) {
      args.add(eval(c.target(), env));
    }
    for (Expr a : c.args()) {
      args.add(eval(a, env));
    }
    String fn = c.function();
    Object first = args.isEmpty() ? Null.NULL : args.get(0);
    switch (fn) {
      case "size" -> {
        if (args.size() != 1) {
          break;
        }
        if (first instanceof String str) {
          return (long) str.codePointCount(0, str.length());
        }
        if (first instanceof JsonNode j) {
          return (long) j.size();
        }
        if (first instanceof List<?> list) {
          return (long) list.size();
        }
      }
      case "contains" -> {
        if (args.size() == 2 && first instanceof String a && args.get(1) instanceof String b) {
          return a.contains(b);
        }
      }
      case "startsWith" -> {
        if (args.size() == 2 && first instanceof String a && args.get(1) instanceof String b) {
          return a.startsWith(b);
        }
      }
      case "endsWith" -> {
        if (args.size() == 2 && first instanceof String a && args.get(1) instanceof String b) {
          return a.endsWith(b);
        }
      }
      case "matches" -> {
        if (args.size() == 2 && first instanceof String a && args.get(1) instanceof String re) {
          return find(re, a);
        }
      }
      case "split" -> {
        if (args.size() == 2 && first instanceof String a && args.get(1) instanceof String sep) {
          return split(a, sep);
        }
      }
      case "lowerAscii" -> {
        if (args.size() == 1 && first instanceof String a) {
          return asciiCase(a, true);
        }
      }
      case "upperAscii" -> {
        if (args.size() == 1 && first instanceof String a) {
          return asciiCase(a, false);
        }
      }
      case "trim" -> {
        if (args.size() == 1 && first instanceof String a) {
          return a.strip();
        }
      }
      case "duration" -> {
        if (args.size() == 1 && first instanceof String a) {
          return GoDuration.parse(a);
        }
        if (args.size() == 1 && first instanceof Duration) {
          return first;
        }
      }
      case "int" -> {
        if (args.size() == 1 && first instanceof Long) {
          return first;
        }
        if (args.size() == 1 && first instanceof Double d) {
          return d.longValue();
        }
        if (args.size() == 1 && first instanceof String a) {
          try {
            return Long.parseLong(a);
          } catch (NumberFormatException ex) {
            throw new CelException("cannot convert to int");
          }
        }
      }
      case "string" -> {
        if (args.size() == 1
            && (first instanceof String
                || first instanceof Long
                || first instanceof Boolean
                || first instanceof Double)) {
          return String.valueOf(first);
        }
      }
      default -> {}
    }
    throw new CelException("no matching overload for '" + fn + "'");
  }

  private static List<Object> split(String s, String sep) {
    List<Object> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    while (true) {
      int at = s.indexOf(sep, from);
      if (at < 0) {
        out.add(s.substring(from));
        return out;
      }
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
  }

  private static String asciiCase(String s, boolean lower) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (lower && ch >= 'A' && ch <= 'Z') {
        out.append((char) (ch + 32));
      } else if (!lower && ch >= 'a' && ch <= 'z') {
        out.append((char) (ch - 32));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean find(String re, String text) {
    Pattern p;
    try {
      p = regex(re);
    } catch (java.util.regex.PatternSyntaxException ex) {
      throw new CelException("invalid regular expression");
    }
    try {
      return p.matcher(text).find();
    } catch (StackOverflowError ex) {
      // java.util.regex recurses per repetition of a group; RE2 does not
      throw new CelException("string too long to match");
    }
  }

  /** Compiles a CEL regular expression (RE2) once per distinct text. */
  static Pattern regex(String re) {
    return REGEX_CACHE.computeIfAbsent(re, GoRegex::compile);
  }
}
