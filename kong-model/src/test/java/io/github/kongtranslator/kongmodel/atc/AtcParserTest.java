package io.github.kongtranslator.kongmodel.atc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.kongmodel.atc.Atc.And;
import io.github.kongtranslator.kongmodel.atc.Atc.Expr;
import io.github.kongtranslator.kongmodel.atc.Atc.Int;
import io.github.kongtranslator.kongmodel.atc.Atc.Not;
import io.github.kongtranslator.kongmodel.atc.Atc.Op;
import io.github.kongtranslator.kongmodel.atc.Atc.Or;
import io.github.kongtranslator.kongmodel.atc.Atc.Pred;
import io.github.kongtranslator.kongmodel.atc.Atc.Str;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ATC language as atc-router 1.6.2 defines it: {@code src/atc_grammar.pest} (syntax), {@code
 * src/parser.rs} (literals, precedence), {@code src/semantics.rs} (types, with its own test cases),
 * {@code src/interpreter.rs} (evaluation).
 */
class AtcParserTest {
  private static Expr parse(String s) {
    return AtcParser.parse(s, AtcSchema.HTTP);
  }

  @Test
  void operators_allParse() {
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
  void precedence_orBindsTighterThanAnd() {
    Expr e = parse("http.path == \"/a\" && http.host == \"h\" || http.host == \"g\"");
    assertThat(e).isInstanceOf(And.class);
    assertThat(((And) e).r()).isInstanceOf(Or.class);
    Expr f = parse("http.path == \"/a\" || http.host == \"h\" && http.host == \"g\"");
    assertThat(f).isInstanceOf(And.class);
    assertThat(((And) f).l()).isInstanceOf(Or.class);
  }

  // atc_grammar.pest: not_op only before a parenthesised expression (parser.rs test_bad_syntax)
  @Test
  void not_onlyBeforeParentheses() {
    assertThat(parse("!(http.path == \"/a\")")).isInstanceOf(Not.class);
    assertThatThrownBy(() -> parse("! http.path == \"/a\""))
        .isInstanceOf(AtcException.class)
        .hasMessageContaining("1:1");
    assertThatThrownBy(() -> parse("http.path == \"/a\" || ! http.host == \"b\""))
        .isInstanceOf(AtcException.class)
        .hasMessageContaining("1:22");
  }

  // parser.rs: strings with \" \\ \n \r \t escapes only; raw strings r#"..."#
  @Test
  void strings_escapesAndRaw() {
    assertThat(((Pred) parse("http.path == \"a\\\"b\\\\c\\n\"")).rhs())
        .isEqualTo(new Str("a\"b\\c\n"));
    assertThat(((Pred) parse("http.path == r#\"a\"b\\d\"#")).rhs()).isEqualTo(new Str("a\"b\\d"));
    assertThatThrownBy(() -> parse("http.path == \"\\d\"")).isInstanceOf(AtcException.class);
  }

  // parser.rs parse_int_literal: 0NN octal, 0xNN hex, decimal, optional minus; i64 overflow fails
  @Test
  void integers_radixes() {
    assertThat(((Pred) parse("net.dst.port == 017")).rhs()).isEqualTo(new Int(15));
    assertThat(((Pred) parse("net.dst.port == 0x1F")).rhs()).isEqualTo(new Int(31));
    assertThat(((Pred) parse("net.dst.port == 08")).rhs()).isEqualTo(new Int(8));
    assertThat(((Pred) parse("net.dst.port == -5")).rhs()).isEqualTo(new Int(-5));
    assertThatThrownBy(() -> parse("net.dst.port == 99999999999999999999"))
        .isInstanceOf(AtcException.class);
  }

  // the cidr crate rejects a CIDR with host bits set; Rust's Ipv4Addr rejects leading zeros
  @Test
  void ipLiterals_strict() {
    assertThatThrownBy(() -> parse("net.src.ip in 10.0.0.1/8"))
        .isInstanceOf(AtcException.class)
        .hasMessageContaining("host part");
    assertThatThrownBy(() -> parse("net.src.ip == 010.0.0.1")).isInstanceOf(AtcException.class);
    assertThatThrownBy(() -> parse("net.src.ip == 256.0.0.1")).isInstanceOf(AtcException.class);
  }

  // semantics.rs tests string_lhs / ipaddr_lhs / int_lhs (failing cases) and unknown_field
  @Test
  void semantics_rejectWhatAtcRejects() {
    for (String bad :
        List.of(
            "http.path == 192.168.0.1",
            "http.path == 192.168.0.0/24",
            "http.path == 123",
            "http.path in \"abc\"",
            "net.src.ip == \"abc\"",
            "net.src.ip == 123",
            "net.src.ip in 192.168.0.1",
            "net.src.ip in fd00::1",
            "net.src.ip == 192.168.0.0/24",
            "net.src.ip == fd00::/64",
            "lower(net.src.ip) == fd00::1",
            "net.dst.port == \"abc\"",
            "net.dst.port in 192.168.0.0/24",
            "lower(net.dst.port) == 123",
            "unkn == \"abc\"",
            "http.headers.a.b == \"x\"",
            "http.path ~ 1",
            "http.path ^= 1",
            "foo(http.path) == \"x\"",
            "http.path == \"a\" &&",
            "(http.path == \"a\"",
            "http.path.segments.len == \"1\"")) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(AtcException.class);
    }
  }

  // fields.lua: the stream schema has no http.* fields
  @Test
  void streamSchema_hasNoHttpFields() {
    assertThat(AtcParser.parse("net.dst.port == 9999", AtcSchema.STREAM)).isInstanceOf(Pred.class);
    assertThatThrownBy(() -> AtcParser.parse("http.path == \"/\"", AtcSchema.STREAM))
        .isInstanceOf(AtcException.class)
        .hasMessageContaining("Unknown LHS field");
  }

  // what the validator checks: parser.rs (syntax and literals), not semantics.rs (the schema)
  @Test
  void checkSyntax_rejectsWhatTheParserRejects_notWhatOnlyTheSchemaRejects() {
    for (String ok :
        List.of(
            "http.path == 123",
            "unkn == \"abc\"",
            "net.src.ip in \"a\"",
            "http.path ~ \"\\\\<word\"",
            "http.path ~ \"(?U)a+\" && http.host == \"h\"")) {
      assertThat(AtcParser.checkSyntax(ok)).as(ok).isEmpty();
    }
    for (String bad :
        List.of(
            "http.path ~ \"(\"",
            "http.path ~ \"a(?=b)\"",
            "net.src.ip in 10.0.0.1/8",
            "net.src.ip == 256.0.0.1",
            "net.dst.port == 99999999999999999999",
            "foo(http.path) == \"x\"",
            "http.path == \"\\d\"",
            "http.path ~ \"(?U)a+\" &&")) {
      assertThat(AtcParser.checkSyntax(bad)).as(bad).isPresent();
    }
    assertThat(AtcParser.checkSyntax("http.path == \"/\" &&"))
        .hasValueSatisfying(m -> assertThat(m).startsWith("parse error at 1:"));
  }

  // a regex Rust accepts but Java cannot express: the router refuses it, marked as ours
  @Test
  void parse_unsupportedRegex_isMarkedUnsupported() {
    assertThatThrownBy(() -> parse("http.path ~ \"\\\\<word\""))
        .isInstanceOfSatisfying(AtcException.class, e -> assertThat(e.unsupported()).isTrue());
    assertThatThrownBy(() -> parse("http.path ~ \"(\""))
        .isInstanceOfSatisfying(AtcException.class, e -> assertThat(e.unsupported()).isFalse());
  }
}
