package io.github.kongtranslator.router.internal;

import java.nio.charset.StandardCharsets;

/**
 * Kong's request-path handling: {@code kong/tools/uri.lua} ({@code normalize}, {@code escape})
 * and {@code kong/router/utils.lua} ({@code strip_uri_args}, {@code sanitize_uri_postfix},
 * {@code get_upstream_uri_v0}). The ATC routers of Kong 3.9.1 ({@code kong/router/atc.lua}
 * {@code set_upstream_uri}) always use the v0 path handling, whatever the route's
 * {@code path_handling}.
 */
public final class Paths {
  private Paths() {}

  private static final String RESERVED = "!*'();:@&=+$,/?%#[]";

  /**
   * The path the router matches on: the request URI without its query, normalised with merged
   * slashes ({@code utils.lua} {@code strip_uri_args}).
   *
   * @param uri the request URI as sent
   * @return the normalised path
   */
  public static String routingPath(String uri) {
    int q = uri.indexOf('?', 1);
    return normalize(q >= 0 ? uri.substring(0, q) : uri, true);
  }

  /**
   * {@code uri.lua} {@code normalize}: decodes percent-encoded characters that are not reserved
   * (upper-cases the others), removes dot segments and, when asked, merges slashes.
   *
   * @param uri the path
   * @param mergeSlashes whether {@code //} becomes {@code /}
   * @return the normalised path
   */
  public static String normalize(String uri, boolean mergeSlashes) {
    if (uri.isEmpty() || uri.equals("/")) {
      return uri;
    }
    if (uri.indexOf('%') >= 0) {
      uri = decodeUnreserved(uri);
    }
    if (uri.indexOf('.') < 0 && (!mergeSlashes || !uri.contains("//"))) {
      return uri;
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    while (!uri.isEmpty()) {
      if (uri.equals("/.")) {
        uri = "/";
      } else if (uri.equals("/..")) {
        uri = "/";
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (uri.equals(".") || uri.equals("..")) {
        uri = "";
      } else if (uri.startsWith("../")) {
        uri = uri.substring(3);
      } else if (uri.startsWith("./")) {
        uri = uri.substring(2);
      } else if (uri.startsWith("/./")) {
        uri = uri.substring(2);
      } else if (uri.startsWith("/../")) {
        uri = uri.substring(3);
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (mergeSlashes && uri.startsWith("//")) {
        uri = uri.substring(1);
      } else {
        int i = uri.indexOf('/', 1);
        if (i >= 0) {
          out.add(uri.substring(0, i));
          uri = uri.substring(i);
        } else {
          out.add(uri);
          uri = "";
        }
      }
    }
    return String.join("", out);
  }

  // "%XX" of a non-reserved character becomes the character; of a reserved one, upper case.
  // Works on bytes like the Lua code, then reads the result as UTF-8.
  private static String decodeUnreserved(String uri) {
    byte[] in = uri.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        int v = hex(in[i + 1]) * 16 + hex(in[i + 2]);
        if (RESERVED.indexOf(v) >= 0) {
          out.write('%');
          out.write(Character.toUpperCase(in[i + 1]));
          out.write(Character.toUpperCase(in[i + 2]));
        } else {
          out.write(v);
        }
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }

  /**
   * {@code utils.lua} {@code sanitize_uri_postfix}.
   *
   * @param postfix the part of the path after the stripped prefix
   * @return the sanitised postfix
   */
  public static String sanitizePostfix(String postfix) {
    if (postfix.isEmpty()) {
      return postfix;
    }
    if (postfix.equals(".") || postfix.equals("..")) {
      return "";
    }
    if (postfix.startsWith("./")) {
      return postfix.substring(2);
    }
    if (postfix.startsWith("../")) {
      return postfix.substring(3);
    }
    return postfix;
  }

  /**
   * The path the upstream receives ({@code atc.lua} {@code set_upstream_uri} with {@code
   * utils.lua} {@code get_upstream_uri_v0}), before escaping.
   *
   * @param reqPath the normalised request path
   * @param matchedPrefix the part of the path the route matched when it strips the path, else
   *     null
   * @param stripPath the route's strip_path
   * @param upstreamBase the service's path, {@code /} when absent
   * @return the upstream path
   */
  public static String upstreamUri(String reqPath, @org.jspecify.annotations.Nullable String matchedPrefix,
      boolean stripPath, String upstreamBase) {
    String prefix = matchedPrefix == null ? "/" : matchedPrefix;
    String postfix = sanitizePostfix(prefix.length() <= reqPath.length()
        ? reqPath.substring(prefix.length()) : "");
    if (upstreamBase.endsWith("/")) {
      if (stripPath) {
        if (postfix.isEmpty()) {
          if (upstreamBase.equals("/")) {
            return "/";
          }
          if (reqPath.endsWith("/")) {
            return upstreamBase;
          }
          return upstreamBase.substring(0, upstreamBase.length() - 1);
        }
        if (postfix.startsWith("/")) {
          return upstreamBase.substring(0, upstreamBase.length() - 1) + postfix;
        }
        return upstreamBase + postfix;
      }
      return upstreamBase + reqPath.substring(1);
    }
    if (stripPath) {
      if (postfix.isEmpty()) {
        if (reqPath.length() > 1 && reqPath.endsWith("/")) {
          return upstreamBase + "/";
        }
        return upstreamBase;
      }
      if (postfix.startsWith("/")) {
        return upstreamBase + postfix;
      }
      return upstreamBase + "/" + postfix;
    }
    if (reqPath.equals("/")) {
      return upstreamBase;
    }
    return upstreamBase + reqPath;
  }

  /**
   * {@code uri.lua} {@code escape}: percent-encodes every byte outside
   * {@code !#$&'()*+,/:;=?@[]A-Za-z0-9-_.~%}.
   *
   * @param uri the path
   * @return the escaped path
   */
  public static String escape(String uri) {
    StringBuilder sb = new StringBuilder(uri.length());
    for (byte b : uri.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "!#$&'()*+,/:;=?@[]-_.~%".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
