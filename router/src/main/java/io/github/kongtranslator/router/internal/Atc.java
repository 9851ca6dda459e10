package io.github.kongtranslator.router.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The ATC expression tree and its interpreter, after Kong/atc-router 1.6.2 (the version Kong
 * 3.9.1 pins in {@code .requirements}): {@code src/ast.rs} for the shapes and {@code
 * src/interpreter.rs} for evaluation. Written from those files, not copied.
 */
public final class Atc {
  private Atc() {}

  /** Field types of the router schema ({@code ast.rs} {@code Type}). */
  public enum Type {
    STRING, INT, IP_ADDR, IP_CIDR, REGEX
  }

  /** Binary operators ({@code ast.rs} {@code BinaryOperator}), with their source form. */
  public enum Op {
    EQUALS("=="), NOT_EQUALS("!="), REGEX("~"), PREFIX("^="), POSTFIX("=^"),
    GREATER_OR_EQUAL(">="), GREATER(">"), LESS_OR_EQUAL("<="), LESS("<"),
    IN("in"), NOT_IN("not in"), CONTAINS("contains");

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
     * Evaluates this expression ({@code interpreter.rs} {@code Execute}).
     *
     * @param ctx the request's field values
     * @param m what matched so far (captures, matched values), written as {@code interpreter.rs} does
     * @return whether it matches
     */
    boolean eval(Context ctx, MatchState m);

    /**
     * Adds the fields this expression reads to {@code out}.
     *
     * @param out the set to fill
     */
    void fields(java.util.Set<String> out);
  }

  /** {@code l && r}. */
  public record And(Expr l, Expr r) implements Expr {
    @Override
    public boolean eval(Context ctx, MatchState m) {
      return l.eval(ctx, m) && r.eval(ctx, m);
    }

    @Override
    public void fields(java.util.Set<String> out) {
      l.fields(out);
      r.fields(out);
    }
  }

  /** {@code l || r}. */
  public record Or(Expr l, Expr r) implements Expr {
    @Override
    public boolean eval(Context ctx, MatchState m) {
      return l.eval(ctx, m) || r.eval(ctx, m);
    }

    @Override
    public void fields(java.util.Set<String> out) {
      l.fields(out);
      r.fields(out);
    }
  }

  /** {@code !(e)}. */
  public record Not(Expr e) implements Expr {
    @Override
    public boolean eval(Context ctx, MatchState m) {
      return !e.eval(ctx, m);
    }

    @Override
    public void fields(java.util.Set<String> out) {
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

  /** A string literal. */
  public record Str(String value) implements Rhs {
    @Override
    public Type type() {
      return Type.STRING;
    }
  }

  /** An integer literal (i64). */
  public record Int(long value) implements Rhs {
    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /** An IP address literal. */
  public record Ip(InetAddress value) implements Rhs {
    @Override
    public Type type() {
      return Type.IP_ADDR;
    }
  }

  /** A CIDR literal whose host bits are zero (the {@code cidr} crate rejects others). */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out; a parsed literal is never compared
  public record Cidr(byte[] network, int prefix) implements Rhs {
    /** Copies the network bytes. */
    public Cidr {
      network = network.clone();
    }

    @Override
    public Type type() {
      return Type.IP_CIDR;
    }

    boolean contains(InetAddress a) {
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

  /** A regex right-hand side, compiled with Rust {@code regex} semantics ({@link RustRegex}). */
  public record Rx(String source, Pattern pattern, List<String> groupNames) implements Rhs {
    /** Copies the group names. */
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
   */
  public record Pred(String field, boolean lower, boolean any, Op op, Rhs rhs) implements Expr {
    @Override
    public void fields(java.util.Set<String> out) {
      out.add(field);
    }

    // interpreter.rs, impl Execute for Predicate: an absent field never matches (not even !=);
    // by default every value must match ("all"), with any() one is enough.
    @Override
    public boolean eval(Context ctx, MatchState m) {
      List<Object> values = ctx.values(field);
      if (values == null) {
        return false;
      }
      for (Object raw : values) {
        Object v = lower && raw instanceof String s ? s.toLowerCase(Locale.ROOT) : raw;
        boolean matched = test(v, m);
        if (matched && any) {
          return true;
        }
        if (!any && !matched) {
          return false;
        }
      }
      return !any && !values.isEmpty();
    }

    private boolean test(Object v, MatchState m) {
      switch (op) {
        case EQUALS -> {
          if (valueEquals(v)) {
            m.matched(field, rhsString());
            return true;
          }
          return false;
        }
        case NOT_EQUALS -> {
          return !valueEquals(v);
        }
        case REGEX -> {
          Matcher mt = ((Rx) rhs).pattern().matcher((String) v);
          if (!mt.find()) {
            return false;
          }
          m.matched(field, mt.group());
          for (int i = 0; i <= mt.groupCount(); i++) {
            String g = mt.group(i);
            if (g != null) {
              m.captures.put(Integer.toString(i), g);
            }
          }
          List<String> names = ((Rx) rhs).groupNames();
          for (int i = 0; i < names.size(); i++) {
            String g = mt.group("kg" + i);
            if (g != null) {
              m.captures.put(names.get(i), g);
            }
          }
          return true;
        }
        case PREFIX -> {
          if (((String) v).startsWith(((Str) rhs).value())) {
            m.matched(field, rhsString());
            return true;
          }
          return false;
        }
        case POSTFIX -> {
          if (((String) v).endsWith(((Str) rhs).value())) {
            m.matched(field, rhsString());
            return true;
          }
          return false;
        }
        case GREATER -> {
          return (Long) v > ((Int) rhs).value();
        }
        case GREATER_OR_EQUAL -> {
          return (Long) v >= ((Int) rhs).value();
        }
        case LESS -> {
          return (Long) v < ((Int) rhs).value();
        }
        case LESS_OR_EQUAL -> {
          return (Long) v <= ((Int) rhs).value();
        }
        case IN -> {
          return ((Cidr) rhs).contains((InetAddress) v);
        }
        case NOT_IN -> {
          return !((Cidr) rhs).contains((InetAddress) v);
        }
        case CONTAINS -> {
          return ((String) v).contains(((Str) rhs).value());
        }
      }
      throw new AssertionError(op);
    }

    private @Nullable String rhsString() {
      return rhs instanceof Str s ? s.value() : null;
    }

    private boolean valueEquals(Object v) {
      if (rhs instanceof Str s) {
        return v instanceof String x && x.equals(s.value());
      }
      if (rhs instanceof Int i) {
        return v instanceof Long x && x == i.value();
      }
      if (rhs instanceof Ip ip) {
        return v instanceof InetAddress x && Arrays.equals(x.getAddress(), ip.value().getAddress());
      }
      return false; // a CIDR never equals an address (validation rejects the predicate anyway)
    }
  }

  /** The request's field values, as Kong fills the ATC context ({@code kong/router/fields.lua}). */
  public interface Context {
    /**
     * The values of a field.
     *
     * @param field the field name
     * @return the values (String, Long or InetAddress), or null when the field has no value
     */
    @Nullable List<Object> values(String field);
  }

  /** What a matcher recorded while it ran ({@code context.rs} {@code Match}). */
  public static final class MatchState {
    /** The value each field matched (the literal for ==, ^=, =^; the whole match for ~). */
    public final Map<String, String> matches = new LinkedHashMap<>();
    /** Regex captures by index and by name. */
    public final Map<String, String> captures = new LinkedHashMap<>();

    void matched(String field, @Nullable String value) {
      if (value != null) {
        matches.put(field, value);
      }
    }
  }
}
