package io.github.kongtranslator.kongmodel.atc;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The ATC expression tree, after Kong/atc-router 1.6.2 (the version Kong 3.9.1 pins in {@code
 * .requirements}): {@code src/ast.rs}. Written from that file, not copied. Trees are built by
 * {@link AtcParser}; the router evaluates them as {@code src/interpreter.rs} does.
 */
public final class Atc {
  private Atc() {}

  /** Field types of the router schema ({@code ast.rs} {@code Type}). */
  public enum Type {
    /** A string field or literal. */
    STRING,
    /** An integer field or literal. */
    INT,
    /** An IP address field or literal. */
    IP_ADDR,
    /** A CIDR range literal. */
    IP_CIDR,
    /** A regex literal. */
    REGEX
  }

  /** Binary operators ({@code ast.rs} {@code BinaryOperator}), with their source form. */
  public enum Op {
    /** {@code ==}: equal. */
    EQUALS("=="),
    /** {@code !=}: not equal. */
    NOT_EQUALS("!="),
    /** {@code ~}: matches a regex. */
    REGEX("~"),
    /** {@code ^=}: starts with. */
    PREFIX("^="),
    /** {@code =^}: ends with. */
    POSTFIX("=^"),
    /** {@code >=}: greater or equal. */
    GREATER_OR_EQUAL(">="),
    /** {@code >}: greater. */
    GREATER(">"),
    /** {@code <=}: less or equal. */
    LESS_OR_EQUAL("<="),
    /** {@code <}: less. */
    LESS("<"),
    /** {@code in}: address in a CIDR range. */
    IN("in"),
    /** {@code not in}: address not in a CIDR range. */
    NOT_IN("not in"),
    /** {@code contains}: has a substring. */
    CONTAINS("contains");

    final String text;

    Op(String text) {
      this.text = text;
    }

    /**
     * The operator as written in an expression.
     *
     * @return the text
     */
    public String text() {
      return text;
    }
  }

  /** An expression: a predicate or a logical combination. */
  public sealed interface Expr permits And, Or, Not, Pred {
    /**
     * Adds the fields this expression reads to {@code out}.
     *
     * @param out the set to fill
     */
    void fields(Set<String> out);
  }

  /**
   * {@code l && r}.
   *
   * @param l the left operand
   * @param r the right operand
   */
  public record And(Expr l, Expr r) implements Expr {
    @Override
    public void fields(Set<String> out) {
      l.fields(out);
      r.fields(out);
    }
  }

  /**
   * {@code l || r}.
   *
   * @param l the left operand
   * @param r the right operand
   */
  public record Or(Expr l, Expr r) implements Expr {
    @Override
    public void fields(Set<String> out) {
      l.fields(out);
      r.fields(out);
    }
  }

  /**
   * {@code !(e)}.
   *
   * @param e the negated expression
   */
  public record Not(Expr e) implements Expr {
    @Override
    public void fields(Set<String> out) {
      e.fields(out);
    }
  }

  /** A right-hand side value ({@code ast.rs} {@code Value}). */
  public sealed interface Rhs permits Str, Int, Ip, Cidr, Rx {
    /**
     * The value's type.
     *
     * @return the type
     */
    Type type();
  }

  /**
   * A string literal.
   *
   * @param value the string, escapes resolved
   */
  public record Str(String value) implements Rhs {
    @Override
    public Type type() {
      return Type.STRING;
    }
  }

  /**
   * An integer literal (i64).
   *
   * @param value the value
   */
  public record Int(long value) implements Rhs {
    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /**
   * An IP address literal.
   *
   * @param value the address
   */
  public record Ip(InetAddress value) implements Rhs {
    @Override
    public Type type() {
      return Type.IP_ADDR;
    }
  }

  /**
   * A CIDR literal whose host bits are zero (the {@code cidr} crate rejects others).
   *
   * @param network the network address bytes (4 or 16)
   * @param prefix the prefix length
   */
  // the array is copied in and out, and equals/hashCode/toString compare its contents
  @SuppressWarnings("ArrayRecordComponent")
  public record Cidr(byte[] network, int prefix) implements Rhs {
    /**
     * Copies the network bytes.
     *
     * @param network the network address bytes (4 or 16)
     * @param prefix the prefix length
     */
    public Cidr {
      network = network.clone();
    }

    @Override
    public Type type() {
      return Type.IP_CIDR;
    }

    /**
     * Whether the range holds an address ({@code cidr} crate: a v4 range never holds a v6 address
     * and vice versa).
     *
     * @param a the address
     * @return whether it is in the range
     */
    public boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false; // cidr crate: a v4 range never contains a v6 address and vice versa
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (b[full] & mask) == (network[full] & mask);
    }

    /**
     * The network address bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] network() {
      return network.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(network, c.network);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
      return "Cidr[" + Arrays.toString(network) + "/" + prefix + "]";
    }
  }

  /**
   * A regex right-hand side, compiled with Rust {@code regex} semantics: the Rust source, the Java
   * pattern that matches the same strings, and the Rust names of its named groups (name {@code i}
   * is Java group {@code kgI}).
   *
   * @param source the regex as written
   * @param pattern the compiled Java pattern
   * @param groupNames the Rust names of the named groups, in group order
   */
  public record Rx(String source, Pattern pattern, List<String> groupNames) implements Rhs {
    /**
     * Copies the group names.
     *
     * @param source the regex as written
     * @param pattern the compiled Java pattern
     * @param groupNames the Rust names of the named groups, in group order
     */
    public Rx {
      groupNames = List.copyOf(groupNames);
    }

    @Override
    public Type type() {
      return Type.REGEX;
    }
  }

  /**
   * A predicate {@code lhs op rhs}; {@code lower} and {@code any} are the {@code lower()} and
   * {@code any()} transformations of the left side.
   *
   * @param field the field read
   * @param lower whether {@code lower()} applies
   * @param any whether {@code any()} applies (one value matching is enough)
   * @param op the operator
   * @param rhs the right-hand side
   */
  public record Pred(String field, boolean lower, boolean any, Op op, Rhs rhs) implements Expr {
    @Override
    public void fields(Set<String> out) {
      out.add(field);
    }
  }
}
