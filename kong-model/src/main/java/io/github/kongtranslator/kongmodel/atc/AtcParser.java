package io.github.kongtranslator.kongmodel.atc;

import com.google.common.net.InetAddresses;
import io.github.kongtranslator.kongmodel.atc.Atc.And;
import io.github.kongtranslator.kongmodel.atc.Atc.Cidr;
import io.github.kongtranslator.kongmodel.atc.Atc.Expr;
import io.github.kongtranslator.kongmodel.atc.Atc.Int;
import io.github.kongtranslator.kongmodel.atc.Atc.Ip;
import io.github.kongtranslator.kongmodel.atc.Atc.Not;
import io.github.kongtranslator.kongmodel.atc.Atc.Op;
import io.github.kongtranslator.kongmodel.atc.Atc.Or;
import io.github.kongtranslator.kongmodel.atc.Atc.Pred;
import io.github.kongtranslator.kongmodel.atc.Atc.Rhs;
import io.github.kongtranslator.kongmodel.atc.Atc.Rx;
import io.github.kongtranslator.kongmodel.atc.Atc.Str;
import io.github.kongtranslator.kongmodel.atc.internal.RustRegex;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Parses and validates ATC expressions as Kong/atc-router 1.6.2 (the version Kong 3.9.1 pins) does:
 * the grammar of {@code src/atc_grammar.pest}, the tree building of {@code src/parser.rs} (regexes
 * compiled at parse time, integers in decimal, octal {@code 0NN} or hex {@code 0xNN}, CIDRs with
 * zero host bits) and the type checks of {@code src/semantics.rs} against Kong's schema ({@code
 * kong/router/fields.lua} {@code HTTP_FIELDS}/{@code STREAM_FIELDS}).
 *
 * <p>Precedence follows the Pratt parser of {@code parser.rs}, where operators added later bind
 * tighter: {@code ||} binds tighter than {@code &&}, so {@code a && b || c} is {@code a && (b ||
 * c)}. Both are left-associative. Kong's and KIC's generated expressions always parenthesise.
 *
 * <p>The library's one ATC parser: the validator checks route expressions with {@link
 * #checkSyntax}, the router builds its matchers with {@link #parse}.
 */
public final class AtcParser {
  private final String src;
  private final boolean check;
  private int pos;

  private AtcParser(String src, boolean check) {
    this.src = src;
    this.check = check;
  }

  /**
   * Parses and validates an expression as Kong's router does when it adds a route.
   *
   * @param source the expression
   * @param schema the schema of the route's protocols
   * @return the tree
   * @throws AtcException when atc-router would reject it (syntax, bad literal, regex, unknown
   *     field, type mismatch), or when it holds a regex this library cannot express ({@link
   *     AtcException#unsupported()})
   */
  public static Expr parse(String source, AtcSchema schema) {
    Expr e = new AtcParser(source, false).whole();
    validate(e, schema);
    return e;
  }

  /**
   * Checks the syntax of an expression as atc-router's parser ({@code src/parser.rs}) does: the
   * grammar, the literals (strings, integers, IP addresses, CIDRs) and the regexes. Field names and
   * types are not checked (that needs the route's schema); a regex feature this library cannot
   * express but Rust accepts is not an error here.
   *
   * @param source the expression
   * @return the parse error with its position, empty when the expression parses
   */
  public static Optional<String> checkSyntax(String source) {
    try {
      new AtcParser(source, true).whole();
      return Optional.empty();
    } catch (AtcException e) {
      return Optional.of(e.getMessage());
    }
  }

  private Expr whole() {
    ws();
    Expr e = expression();
    ws();
    if (pos != src.length()) {
      throw error("expected logical operator or end of input");
    }
    return e;
  }

  // semantics.rs, impl Validate for Expression
  private static void validate(Expr e, AtcSchema schema) {
    if (e instanceof And a) {
      validate(a.l(), schema);
      validate(a.r(), schema);
    } else if (e instanceof Or o) {
      validate(o.l(), schema);
      validate(o.r(), schema);
    } else if (e instanceof Not n) {
      validate(n.e(), schema);
    } else {
      Pred p = (Pred) e;
      Atc.Type lhs =
          schema
              .typeOf(p.field())
              .orElseThrow(() -> new AtcException("Unknown LHS field " + p.field()));
      Op op = p.op();
      if (op != Op.REGEX && op != Op.IN && op != Op.NOT_IN && lhs != p.rhs().type()) {
        throw new AtcException(
            "Type mismatch between the LHS and RHS values of predicate "
                + p.field()
                + " "
                + op.text());
      }
      if (p.lower() && lhs != Atc.Type.STRING) {
        throw new AtcException(
            "lower-case transformation function only supported with String type fields");
      }
      switch (op) {
        case EQUALS, NOT_EQUALS -> {}
        case REGEX -> {
          if (lhs != Atc.Type.STRING) {
            throw new AtcException("Regex operators only supports string operands");
          }
        }
        case PREFIX, POSTFIX -> {
          if (!(p.rhs() instanceof Str)) {
            throw new AtcException("Regex/Prefix/Postfix operators only supports string operands");
          }
        }
        case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> {
          if (!(p.rhs() instanceof Int)) {
            throw new AtcException(
                "Greater/GreaterOrEqual/Lesser/LesserOrEqual operators only"
                    + " supports integer operands");
          }
        }
        case IN, NOT_IN -> {
          if (lhs != Atc.Type.IP_ADDR || !(p.rhs() instanceof Cidr)) {
            throw new AtcException("In/NotIn operators only supports IP in CIDR");
          }
        }
        case CONTAINS -> {
          if (!(p.rhs() instanceof Str)) {
            throw new AtcException("Contains operator only supports string operands");
          }
        }
      }
    }
  }

  // expression = { term ~ ( logical_operator ~ term )* }, Pratt: && lowest, then ||
  private Expr expression() {
    Expr left = orChain();
    while (true) {
      ws();
      if (!src.startsWith("&&", pos)) {
        return left;
      }
      pos += 2;
      ws();
      left = new And(left, orChain());
    }
  }

  private Expr orChain() {
    Expr left = term();
    while (true) {
      int save = pos;
      ws();
      if (!src.startsWith("||", pos)) {
        pos = save;
        return left;
      }
      pos += 2;
      ws();
      left = new Or(left, term());
    }
  }

  // term = { predicate | parenthesised_expression }; parenthesised = { not_op? ~ "(" ~ expression ~
  // ")" }
  private Expr term() {
    if (pos < src.length() && isAlpha(src.charAt(pos))) {
      return predicate();
    }
    int start = pos;
    boolean not = false;
    if (src.startsWith("!", pos)) {
      not = true;
      pos++;
      ws();
    }
    if (!src.startsWith("(", pos)) {
      pos = start; // pest reports the position of the term
      throw error("expected term");
    }
    pos++;
    ws();
    Expr inner = expression();
    ws();
    if (!src.startsWith(")", pos)) {
      throw error("expected logical operator or )");
    }
    pos++;
    return not ? new Not(inner) : inner;
  }

  private record Lhs(String field, boolean lower, boolean any) {}

  // predicate = { lhs ~ binary_operator ~ rhs }
  private Expr predicate() {
    Lhs lhs = lhs();
    ws();
    Op op = operator();
    ws();
    int rhsStart = pos;
    Rhs rhs = rhs();
    if (op == Op.REGEX) {
      if (!(rhs instanceof Str s)) {
        pos = rhsStart;
        throw error("regex operator can only be used with String operands");
      }
      try {
        RustRegex.Compiled c = RustRegex.compile(s.value());
        rhs = new Rx(s.value(), c.pattern(), c.groupNames());
      } catch (AtcException e) {
        if (!(check && e.unsupported())) { // Rust accepts it: a syntax check goes on
          pos = rhsStart;
          throw e.unsupported()
              ? AtcException.unsupported(position(e.getMessage()))
              : error(e.getMessage());
        }
      }
    }
    return new Pred(lhs.field(), lhs.lower(), lhs.any(), op, rhs);
  }

  // lhs = { transform_func | ident }; transform_func = { ident ~ "(" ~ lhs ~ ")" }
  private Lhs lhs() {
    int start = pos;
    String name = ident();
    int afterIdent = pos;
    ws();
    if (!src.startsWith("(", pos)) {
      pos = afterIdent;
      return new Lhs(name, false, false);
    }
    pos++;
    ws();
    Lhs inner = lhs();
    ws();
    if (!src.startsWith(")", pos)) {
      throw error("expected )");
    }
    pos++;
    return switch (name) {
      case "lower" -> new Lhs(inner.field(), true, inner.any());
      case "any" -> new Lhs(inner.field(), inner.lower(), true);
      default -> {
        pos = start;
        throw error("unknown transformation function: " + name);
      }
    };
  }

  // ident = @{ ASCII_ALPHA ~ (ASCII_ALPHANUMERIC | "_" | ".")* }
  private String ident() {
    int start = pos;
    if (pos >= src.length() || !isAlpha(src.charAt(pos))) {
      throw error("expected ident");
    }
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (isAlpha(c) || isDigit(c) || c == '_' || c == '.') {
        pos++;
      } else {
        break;
      }
    }
    return src.substring(start, pos);
  }

  private static final String[] OPS = {"==", "!=", "~", "^=", "=^", ">=", ">", "<=", "<", "in"};
  private static final Op[] OP_VALUES = {
    Op.EQUALS,
    Op.NOT_EQUALS,
    Op.REGEX,
    Op.PREFIX,
    Op.POSTFIX,
    Op.GREATER_OR_EQUAL,
    Op.GREATER,
    Op.LESS_OR_EQUAL,
    Op.LESS,
    Op.IN
  };

  // binary_operator, alternatives tried in the grammar's order
  private Op operator() {
    for (int i = 0; i < OPS.length; i++) {
      if (src.startsWith(OPS[i], pos)) {
        pos += OPS[i].length();
        return OP_VALUES[i];
      }
    }
    if (src.startsWith("not", pos)) {
      int save = pos;
      pos += 3;
      ws();
      if (src.startsWith("in", pos)) {
        pos += 2;
        return Op.NOT_IN;
      }
      pos = save;
    }
    if (src.startsWith("contains", pos)) {
      pos += 8;
      return Op.CONTAINS;
    }
    throw error("expected binary_operator");
  }

  // rhs = { str_literal | rawstr_literal | ip_literal | int_literal }
  private Rhs rhs() {
    if (src.startsWith("\"", pos)) {
      return new Str(strLiteral());
    }
    if (src.startsWith("r#\"", pos)) {
      int end = src.indexOf("\"#", pos + 3);
      if (end < 0) {
        throw error("expected rhs");
      }
      String s = src.substring(pos + 3, end);
      pos = end + 2;
      return new Str(s);
    }
    int start = pos;
    int v4 = matchIpv4(pos);
    int v6 = v4 < 0 ? matchIpv6(pos) : -1;
    int end = v4 >= 0 ? v4 : v6;
    if (end >= 0) {
      int slash = end;
      int maxDigits = v4 >= 0 ? 2 : 3;
      int d = 0;
      if (slash < src.length() && src.charAt(slash) == '/') {
        while (slash + 1 + d < src.length()
            && d < maxDigits
            && isDigit(src.charAt(slash + 1 + d))) {
          d++;
        }
      }
      String addr = src.substring(start, end);
      if (d > 0) {
        pos = slash + 1 + d;
        return cidr(
            addr, Integer.parseInt(src.substring(slash + 1, slash + 1 + d)), v4 >= 0, start);
      }
      pos = end;
      return new Ip(address(addr, v4 >= 0, start));
    }
    return intLiteral();
  }

  private Rhs cidr(String addr, int prefix, boolean v4, int start) {
    InetAddress a = address(addr, v4, start);
    byte[] b = a.getAddress();
    if (prefix > b.length * 8) {
      pos = start;
      throw error("invalid CIDR: prefix length " + prefix + " too long");
    }
    for (int bit = prefix; bit < b.length * 8; bit++) {
      if ((b[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        pos = start;
        throw error("invalid CIDR: host part of address was not zero");
      }
    }
    return new Cidr(b, prefix);
  }

  private InetAddress address(String text, boolean v4, int start) {
    if (v4) {
      // the ipv4_literal grammar has matched text: no empty parts to keep or drop
      for (String part : text.split("\\.", -1)) {
        if ((part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
          pos = start;
          throw error("invalid IPv4 address syntax");
        }
      }
    }
    try {
      return InetAddresses.forString(text);
    } catch (IllegalArgumentException e) {
      pos = start;
      throw error("invalid IP address syntax");
    }
  }

  // ipv4_literal = @{ ASCII_DIGIT{1,3} ~ ( "." ~ ASCII_DIGIT{1,3} ){3} }; returns end or -1
  private int matchIpv4(int at) {
    int p = at;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (p >= src.length() || src.charAt(p) != '.') {
          return -1;
        }
        p++;
      }
      int d = 0;
      while (p < src.length() && d < 3 && isDigit(src.charAt(p))) {
        p++;
        d++;
      }
      if (d == 0) {
        return -1;
      }
    }
    return p;
  }

  // ipv6_literal = @{ ( ":" | HEX{1,4} ) ~ ":" ~ ( HEX{1,4} | ":" )* }; returns end or -1
  private int matchIpv6(int at) {
    int p = at;
    if (p < src.length() && src.charAt(p) == ':') {
      p++;
    } else {
      int h = hexRun(p, 4);
      if (h == 0) {
        return -1;
      }
      p += h;
    }
    if (p >= src.length() || src.charAt(p) != ':') {
      return -1;
    }
    p++;
    while (p < src.length()) {
      int h = hexRun(p, 4);
      if (h > 0) {
        p += h;
      } else if (src.charAt(p) == ':') {
        p++;
      } else {
        break;
      }
    }
    return p;
  }

  private int hexRun(int p, int max) {
    int h = 0;
    while (p + h < src.length()
        && h < max
        && Character.digit(src.charAt(p + h), 16) >= 0
        && src.charAt(p + h) < 128) {
      h++;
    }
    return h;
  }

  // int_literal = ${ "-"? ~ digits }; digits = _{ oct_digits | ( "0x" ~ hex_digits ) | dec_digits }
  private Rhs intLiteral() {
    int start = pos;
    boolean neg = src.startsWith("-", pos);
    int p = neg ? pos + 1 : pos;
    int radix;
    int digitsStart;
    int digitsEnd;
    if (p + 1 < src.length() && src.charAt(p) == '0' && isOct(src.charAt(p + 1))) {
      radix = 8;
      digitsStart = p + 1;
      digitsEnd = digitsStart;
      while (digitsEnd < src.length() && isOct(src.charAt(digitsEnd))) {
        digitsEnd++;
      }
      digitsStart = p; // parser.rs parses the whole "0NN" in radix 8
    } else if (src.startsWith("0x", p) && hexRun(p + 2, Integer.MAX_VALUE) > 0) {
      radix = 16;
      digitsStart = p + 2;
      digitsEnd = digitsStart + hexRun(digitsStart, Integer.MAX_VALUE);
    } else {
      radix = 10;
      digitsStart = p;
      digitsEnd = p;
      while (digitsEnd < src.length() && isDigit(src.charAt(digitsEnd))) {
        digitsEnd++;
      }
      if (digitsEnd == p) {
        throw error("expected rhs");
      }
    }
    try {
      long v = Long.parseLong(src.substring(digitsStart, digitsEnd), radix);
      pos = digitsEnd;
      return new Int(neg ? -v : v);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("number too large to fit in target type");
    }
  }

  // str_literal: escapes \" \\ \n \r \t only
  private String strLiteral() {
    StringBuilder sb = new StringBuilder();
    int p = pos + 1;
    while (p < src.length()) {
      char c = src.charAt(p);
      if (c == '"') {
        pos = p + 1;
        return sb.toString();
      }
      if (c == '\\') {
        if (p + 1 >= src.length()) {
          break;
        }
        char e = src.charAt(p + 1);
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          default -> {
            pos = p;
            throw error("expected str_esc");
          }
        }
        p += 2;
        continue;
      }
      sb.append(c);
      p++;
    }
    throw error("unterminated string literal");
  }

  private void ws() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else {
        return;
      }
    }
  }

  private AtcException error(String what) {
    return new AtcException(position(what));
  }

  private String position(String what) {
    return "parse error at 1:" + (pos + 1) + ": " + what;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOct(char c) {
    return c >= '0' && c <= '7';
  }
}
