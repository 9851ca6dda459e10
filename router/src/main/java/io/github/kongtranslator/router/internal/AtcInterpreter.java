package io.github.kongtranslator.router.internal;

import io.github.kongtranslator.kongmodel.atc.Atc.And;
import io.github.kongtranslator.kongmodel.atc.Atc.Cidr;
import io.github.kongtranslator.kongmodel.atc.Atc.Expr;
import io.github.kongtranslator.kongmodel.atc.Atc.Int;
import io.github.kongtranslator.kongmodel.atc.Atc.Ip;
import io.github.kongtranslator.kongmodel.atc.Atc.Not;
import io.github.kongtranslator.kongmodel.atc.Atc.Or;
import io.github.kongtranslator.kongmodel.atc.Atc.Pred;
import io.github.kongtranslator.kongmodel.atc.Atc.Rx;
import io.github.kongtranslator.kongmodel.atc.Atc.Str;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates ATC expression trees (parsed by kong-model's {@code AtcParser}) against a request, as
 * Kong/atc-router 1.6.2 {@code src/interpreter.rs} does. Written from that file, not copied.
 */
public final class AtcInterpreter {
  private AtcInterpreter() {}

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

  /**
   * Evaluates an expression ({@code interpreter.rs} {@code Execute}).
   *
   * @param e the expression
   * @param ctx the request's field values
   * @param m what matched so far (captures, matched values), written as {@code interpreter.rs} does
   * @return whether it matches
   */
  public static boolean eval(Expr e, Context ctx, MatchState m) {
    if (e instanceof And a) {
      return eval(a.l(), ctx, m) && eval(a.r(), ctx, m);
    }
    if (e instanceof Or o) {
      return eval(o.l(), ctx, m) || eval(o.r(), ctx, m);
    }
    if (e instanceof Not n) {
      return !eval(n.e(), ctx, m);
    }
    return evalPredicate((Pred) e, ctx, m);
  }

  // interpreter.rs, impl Execute for Predicate: an absent field never matches (not even !=);
  // by default every value must match ("all"), with any() one is enough.
  private static boolean evalPredicate(Pred p, Context ctx, MatchState m) {
    List<Object> values = ctx.values(p.field());
    if (values == null) {
      return false;
    }
    for (Object raw : values) {
      Object v = p.lower() && raw instanceof String s ? s.toLowerCase(Locale.ROOT) : raw;
      boolean matched = test(p, v, m);
      if (matched && p.any()) {
        return true;
      }
      if (!p.any() && !matched) {
        return false;
      }
    }
    return !p.any() && !values.isEmpty();
  }

  private static boolean test(Pred p, Object v, MatchState m) {
    String field = p.field();
    return switch (p.op()) {
      case EQUALS -> {
        if (valueEquals(p, v)) {
          m.matched(field, rhsString(p));
          yield true;
        }
        yield false;
      }
      case NOT_EQUALS -> !valueEquals(p, v);
      case REGEX -> {
        Rx rx = (Rx) p.rhs();
        Matcher mt = rx.pattern().matcher((String) v);
        if (!mt.find()) {
          yield false;
        }
        m.matched(field, mt.group());
        for (int i = 0; i <= mt.groupCount(); i++) {
          String g = mt.group(i);
          if (g != null) {
            m.captures.put(Integer.toString(i), g);
          }
        }
        List<String> names = rx.groupNames();
        for (int i = 0; i < names.size(); i++) {
          String g = mt.group("kg" + i);
          if (g != null) {
            m.captures.put(names.get(i), g);
          }
        }
        yield true;
      }
      case PREFIX -> {
        if (((String) v).startsWith(((Str) p.rhs()).value())) {
          m.matched(field, rhsString(p));
          yield true;
        }
        yield false;
      }
      case POSTFIX -> {
        if (((String) v).endsWith(((Str) p.rhs()).value())) {
          m.matched(field, rhsString(p));
          yield true;
        }
        yield false;
      }
      case GREATER -> (Long) v > ((Int) p.rhs()).value();
      case GREATER_OR_EQUAL -> (Long) v >= ((Int) p.rhs()).value();
      case LESS -> (Long) v < ((Int) p.rhs()).value();
      case LESS_OR_EQUAL -> (Long) v <= ((Int) p.rhs()).value();
      case IN -> ((Cidr) p.rhs()).contains((InetAddress) v);
      case NOT_IN -> !((Cidr) p.rhs()).contains((InetAddress) v);
      case CONTAINS -> ((String) v).contains(((Str) p.rhs()).value());
    };
  }

  private static @Nullable String rhsString(Pred p) {
    return p.rhs() instanceof Str s ? s.value() : null;
  }

  private static boolean valueEquals(Pred p, Object v) {
    if (p.rhs() instanceof Str s) {
      return v instanceof String x && x.equals(s.value());
    }
    if (p.rhs() instanceof Int i) {
      return v instanceof Long x && x == i.value();
    }
    if (p.rhs() instanceof Ip ip) {
      return v instanceof InetAddress x && Arrays.equals(x.getAddress(), ip.value().getAddress());
    }
    return false; // a CIDR never equals an address (validation rejects the predicate anyway)
  }
}
