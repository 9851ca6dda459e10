package io.github.kongtranslator.router.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.router.internal.Atc.And;
import io.github.kongtranslator.router.internal.Atc.Expr;
import io.github.kongtranslator.router.internal.Atc.Int;
import io.github.kongtranslator.router.internal.Atc.Not;
import io.github.kongtranslator.router.internal.Atc.Op;
import io.github.kongtranslator.router.internal.Atc.Or;
import io.github.kongtranslator.router.internal.Atc.Pred;
import io.github.kongtranslator.router.internal.Atc.Str;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ATC language as atc-router 1.6.2 defines it: {@code src/atc_grammar.pest} (syntax),
 * {@code src/parser.rs} (literals, precedence), {@code src/semantics.rs} (types, with its own
 * test cases), {@code src/interpreter.rs} (evaluation).
 */
class AtcParserTest {
  private static Expr parse(String s) throws AtcError {
    return AtcParser.parse(s, true);
  }

  private static boolean eval(String expr, Map<String, List<Object>> values) throws AtcError {
    return parse(expr).eval(values::get, new Atc.MatchState());
  }

  @Test
  void operators_allParse() throws AtcError {
    for (String op : List.of("==", "!=", "~", "^=", "=^", "contains")) {
      assertThat(parse("http.path " + op + " \"/a\"")).isInstanceOf(Pred.class);
    }
    for (String op : List.of(">=", ">", "<=", "<", "==", "!=")) {
      assertThat(parse("net.dst.port " + op + " 80")).isInstanceOf(Pred.class);
    }
    assertThat(((Pred) parse("net.src.ip not   in 10.0.0.0/8")).op()).isEqualTo(Op.NOT_IN);
    assertThat(((Pred) parse("net.src.ip in fd00::/64")).op()).isEqualTo(Op.IN);
  }

  // parser.rs: the Pratt parser adds && then ||, and later operators bind tighter
  @Test
  void precedence_orBindsTighterThanAnd() throws AtcError {
    Expr e = parse("http.path == \"/a\" && http.host == \"h\" || http.host == \"g\"");
    assertThat(e).isInstanceOf(And.class);
    assertThat(((And) e).r()).isInstanceOf(Or.class);
    Expr f = parse("http.path == \"/a\" || http.host == \"h\" && http.host == \"g\"");
    assertThat(f).isInstanceOf(And.class);
    assertThat(((And) f).l()).isInstanceOf(Or.class);
  }

  // atc_grammar.pest: not_op only before a parenthesised expression (parser.rs test_bad_syntax)
  @Test
  void not_onlyBeforeParentheses() throws AtcError {
    assertThat(parse("!(http.path == \"/a\")")).isInstanceOf(Not.class);
    assertThatThrownBy(() -> parse("! http.path == \"/a\"")).isInstanceOf(AtcError.class)
        .hasMessageContaining("1:1");
    assertThatThrownBy(() -> parse("http.path == \"/a\" || ! http.host == \"b\""))
        .isInstanceOf(AtcError.class).hasMessageContaining("1:22");
  }

  // parser.rs: strings with \" \\ \n \r \t escapes only; raw strings r#"..."#
  @Test
  void strings_escapesAndRaw() throws AtcError {
    assertThat(((Pred) parse("http.path == \"a\\\"b\\\\c\\n\"")).rhs())
        .isEqualTo(new Str("a\"b\\c\n"));
    assertThat(((Pred) parse("http.path == r#\"a\"b\\d\"#")).rhs()).isEqualTo(new Str("a\"b\\d"));
    assertThatThrownBy(() -> parse("http.path == \"\\d\"")).isInstanceOf(AtcError.class);
  }

  // parser.rs parse_int_literal: 0NN octal, 0xNN hex, decimal, optional minus; i64 overflow fails
  @Test
  void integers_radixes() throws AtcError {
    assertThat(((Pred) parse("net.dst.port == 017")).rhs()).isEqualTo(new Int(15));
    assertThat(((Pred) parse("net.dst.port == 0x1F")).rhs()).isEqualTo(new Int(31));
    assertThat(((Pred) parse("net.dst.port == 08")).rhs()).isEqualTo(new Int(8));
    assertThat(((Pred) parse("net.dst.port == -5")).rhs()).isEqualTo(new Int(-5));
    assertThatThrownBy(() -> parse("net.dst.port == 99999999999999999999"))
        .isInstanceOf(AtcError.class);
  }

  // the cidr crate rejects a CIDR with host bits set; Rust's Ipv4Addr rejects leading zeros
  @Test
  void ipLiterals_strict() {
    assertThatThrownBy(() -> parse("net.src.ip in 10.0.0.1/8")).isInstanceOf(AtcError.class)
        .hasMessageContaining("host part");
    assertThatThrownBy(() -> parse("net.src.ip == 010.0.0.1")).isInstanceOf(AtcError.class);
    assertThatThrownBy(() -> parse("net.src.ip == 256.0.0.1")).isInstanceOf(AtcError.class);
  }

  // semantics.rs tests string_lhs / ipaddr_lhs / int_lhs (failing cases) and unknown_field
  @Test
  void semantics_rejectWhatAtcRejects() {
    for (String bad : List.of("http.path == 192.168.0.1", "http.path == 192.168.0.0/24",
        "http.path == 123", "http.path in \"abc\"", "net.src.ip == \"abc\"",
        "net.src.ip == 123", "net.src.ip in 192.168.0.1", "net.src.ip in fd00::1",
        "net.src.ip == 192.168.0.0/24", "net.src.ip == fd00::/64", "lower(net.src.ip) == fd00::1",
        "net.dst.port == \"abc\"", "net.dst.port in 192.168.0.0/24", "lower(net.dst.port) == 123",
        "unkn == \"abc\"", "http.headers.a.b == \"x\"", "http.path ~ 1", "http.path ^= 1",
        "foo(http.path) == \"x\"", "http.path == \"a\" &&", "(http.path == \"a\"",
        "http.path.segments.len == \"1\"")) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(AtcError.class);
    }
  }

  // fields.lua: the stream schema has no http.* fields
  @Test
  void streamSchema_hasNoHttpFields() throws AtcError {
    assertThat(AtcParser.parse("net.dst.port == 9999", false)).isInstanceOf(Pred.class);
    assertThatThrownBy(() -> AtcParser.parse("http.path == \"/\"", false))
        .isInstanceOf(AtcError.class).hasMessageContaining("Unknown LHS field");
  }

  // interpreter.rs: absent field never matches, not even !=; all values must match by default,
  // one is enough under any(); lower() lower-cases the value
  @Test
  void interpreter_allAnyAbsent() throws AtcError {
    Map<String, List<Object>> none = Map.of();
    assertThat(eval("http.headers.x != \"a\"", none)).isFalse();
    Map<String, List<Object>> two = Map.of("http.headers.x", List.of("foo", "bar"));
    assertThat(eval("http.headers.x ^= \"f\"", two)).isFalse();
    assertThat(eval("any(http.headers.x) ^= \"b\"", two)).isTrue();
    assertThat(eval("http.headers.x contains \"o\" || http.headers.x contains \"a\"", two)).isFalse();
    assertThat(eval("lower(http.host) == \"abc\"", Map.of("http.host", List.of("AbC")))).isTrue();
    assertThat(eval("net.dst.port >= 80 && net.dst.port < 81", Map.of("net.dst.port",
        List.of(80L)))).isTrue();
  }
}
