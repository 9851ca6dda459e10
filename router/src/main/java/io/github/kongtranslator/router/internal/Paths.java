package io.github.kongtranslator.router.internal;

import io.github.kongtranslator.kongmodel.validation.KongPaths;
import java.nio.charset.StandardCharsets;

/**
 * Kong's request-path handling: {@code kong/tools/uri.lua} ({@code escape}; {@code normalize} is
 * {@link KongPaths#normalize}, shared with the validator) and {@code kong/router/utils.lua} ({@code
 * strip_uri_args}, {@code sanitize_uri_postfix}, {@code get_upstream_uri_v0}). The ATC routers of
 * Kong 3.9.1 ({@code kong/router/atc.lua} {@code set_upstream_uri}) always use the v0 path
 * handling, whatever the route's {@code path_handling}.
 */
public final class Paths {
  private Paths() {}

  /**
   * The path the router matches on: the request URI without its query, normalised with merged
   * slashes ({@code utils.lua} {@code strip_uri_args}).
   *
   * @param uri the request URI as sent
   * @return the normalised path
   */
  public static String routingPath(String uri) {
    int q = uri.indexOf('?', 1);
    return KongPaths.normalize(q >= 0 ? uri.substring(0, q) : uri, true);
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
   * The path the upstream receives ({@code atc.lua} {@code set_upstream_uri} with {@code utils.lua}
   * {@code get_upstream_uri_v0}), before escaping.
   *
   * @param reqPath the normalised request path
   * @param matchedPrefix the part of the path the route matched when it strips the path, else null
   * @param stripPath the route's strip_path
   * @param upstreamBase the service's path, {@code /} when absent
   * @return the upstream path
   */
  public static String upstreamUri(
      String reqPath,
      @org.jspecify.annotations.Nullable String matchedPrefix,
      boolean stripPath,
      String upstreamBase) {
    String prefix = matchedPrefix == null ? "/" : matchedPrefix;
    String postfix =
        sanitizePostfix(
            prefix.length() <= reqPath.length() ? reqPath.substring(prefix.length()) : "");
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
   * {@code uri.lua} {@code escape}: percent-encodes every byte outside {@code
   * !#$&'()*+,/:;=?@[]A-Za-z0-9-_.~%}.
   *
   * @param uri the path
   * @return the escaped path
   */
  public static String escape(String uri) {
    StringBuilder sb = new StringBuilder(uri.length());
    for (byte b : uri.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "!#$&'()*+,/:;=?@[]-_.~%".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
