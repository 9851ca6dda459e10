package io.github.kongtranslator.translator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.GatewayApi;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** HTTPRoute filters → route plugins, KongPlugin names and rewritten paths (gateway-api-spec §3.6). */
final class HttpRouteFilters {
  static final String REQUEST_HEADER_MODIFIER = "RequestHeaderModifier";
  static final String RESPONSE_HEADER_MODIFIER = "ResponseHeaderModifier";
  static final String REQUEST_REDIRECT = "RequestRedirect";
  static final String URL_REWRITE = "URLRewrite";
  static final String EXTENSION_REF = "ExtensionRef";
  static final String REPLACE_FULL_PATH = "ReplaceFullPath";
  static final String REPLACE_PREFIX_MATCH = "ReplacePrefixMatch";

  private HttpRouteFilters() {}

  /** A filter problem that fails the whole Kong service group (§3.8). */
  static final class FilterException extends Exception {
    private static final long serialVersionUID = 1L;

    FilterException(String message) {
      super(message);
    }
  }

  /**
   * The translation of a rule's filters for one route.
   *
   * @param plugins generated plugins, request-termination/redirect first, then the merged
   *     request-transformer, then the merged response-transformer
   * @param kongPlugins KongPlugin names referenced by ExtensionRef filters, in filter order
   * @param paths replacement route paths from a prefix rewrite; null when unchanged
   */
  record Result(List<ObjectNode> plugins, List<String> kongPlugins, @Nullable List<String> paths) {}

  /** Accumulates one transformer plugin's header operations. */
  private static final class Transformer {
    final List<String> replace = new ArrayList<>();
    final List<String> add = new ArrayList<>();
    final List<String> append = new ArrayList<>();
    final List<String> remove = new ArrayList<>();
    @Nullable String uri;
    boolean used;

    void headers(GatewayApi.HeaderModifier m) {
      used = true;
      for (GatewayApi.Header h : m.set()) {
        replace.add(render(h));
        add.add(render(h));
      }
      for (GatewayApi.Header h : m.add()) {
        append.add(render(h));
      }
      remove.addAll(m.remove());
    }

    @Nullable ObjectNode toPlugin(String name) {
      if (!used) {
        return null;
      }
      ObjectNode p = Entities.JSON.objectNode();
      ObjectNode cfg = p.putObject("config");
      if (!replace.isEmpty() || !Strs.isEmpty(uri)) {
        ObjectNode r = cfg.putObject("replace");
        if (!replace.isEmpty()) {
          strings(r.putArray("headers"), replace);
        }
        if (!Strs.isEmpty(uri)) {
          r.put("uri", uri);
        }
      }
      section(cfg, "add", add);
      section(cfg, "append", append);
      section(cfg, "remove", remove);
      p.put("name", name);
      return p;
    }

    private static void section(ObjectNode cfg, String key, List<String> headers) {
      if (!headers.isEmpty()) {
        strings(cfg.putObject(key).putArray("headers"), headers);
      }
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  /** A header as {@code Name:value}, or just {@code Name} when the value is empty. */
  static String render(GatewayApi.Header h) {
    String v = Strs.nz(h.value());
    return v.isEmpty() ? Strs.nz(h.name()) : Strs.nz(h.name()) + ":" + v;
  }

  /**
   * Translates filters for one route.
   *
   * @param filters the rule's filters
   * @param matchPath the route's (first) match {@code path.value}, empty when absent
   * @param rewritePaths whether a prefix rewrite replaces the route paths (traditional router)
   * @param redirectPlugin whether the SupportRedirectPlugin flag is on
   */
  static Result translate(List<GatewayApi.Filter> filters, String matchPath, boolean rewritePaths,
      boolean redirectPlugin) throws FilterException {
    List<ObjectNode> first = new ArrayList<>();
    Transformer request = new Transformer();
    Transformer response = new Transformer();
    List<String> kongPlugins = new ArrayList<>();
    List<String> paths = null;
    for (GatewayApi.Filter f : filters) {
      String type = Strs.nz(f.type());
      switch (type) {
        case REQUEST_HEADER_MODIFIER -> {
          if (f.requestHeaderModifier() != null) {
            request.headers(f.requestHeaderModifier());
          }
        }
        case RESPONSE_HEADER_MODIFIER -> {
          if (f.responseHeaderModifier() != null) {
            response.headers(f.responseHeaderModifier());
          }
        }
        case REQUEST_REDIRECT -> {
          GatewayApi.RequestRedirect rr = f.requestRedirect();
          if (rr == null) {
            throw new FilterException("RequestRedirect filter without requestRedirect");
          }
          redirect(rr, matchPath, redirectPlugin, first, response);
        }
        case URL_REWRITE -> {
          List<String> p = rewrite(f.urlRewrite(), matchPath, request);
          if (p != null && rewritePaths) {
            paths = p;
          }
        }
        case EXTENSION_REF -> {
          GatewayApi.LocalObjectReference ref = f.extensionRef();
          String group = ref == null ? "" : Strs.nz(ref.group());
          String kind = ref == null ? "" : Strs.nz(ref.kind());
          if (!"configuration.konghq.com".equals(group) || !"KongPlugin".equals(kind)) {
            throw new FilterException("plugin " + group + "/" + kind + " unsupported");
          }
          kongPlugins.add(Strs.nz(ref.name()));
        }
        default -> throw new FilterException("httpFilter " + type + " unsupported");
      }
    }
    List<ObjectNode> plugins = new ArrayList<>(first);
    ObjectNode req = request.toPlugin("request-transformer");
    if (req != null) {
      plugins.add(req);
    }
    ObjectNode resp = response.toPlugin("response-transformer");
    if (resp != null) {
      plugins.add(resp);
    }
    return new Result(plugins, kongPlugins, paths);
  }

  private static void redirect(GatewayApi.RequestRedirect rr, String matchPath,
      boolean redirectPlugin, List<ObjectNode> first, Transformer response) {
    GatewayApi.PathModifier pm = rr.path();
    boolean fullPath = pm != null && REPLACE_FULL_PATH.equals(pm.type());
    String path = fullPath ? Strs.nz(pm.replaceFullPath()) : matchPath;
    if (redirectPlugin) {
      ObjectNode p = Entities.JSON.objectNode();
      ObjectNode cfg = p.putObject("config");
      statusCode(cfg, rr.statusCode());
      cfg.put("location", location(rr, fullPath ? path : "/"));
      cfg.put("keep_incoming_path", !fullPath);
      p.put("name", "redirect");
      first.add(p);
      return;
    }
    ObjectNode p = Entities.JSON.objectNode();
    statusCode(p.putObject("config"), rr.statusCode());
    p.put("name", "request-termination");
    first.add(p);
    response.used = true;
    response.add.add("Location:" + location(rr, path));
  }

  private static void statusCode(ObjectNode cfg, @Nullable Integer code) {
    if (code == null) {
      cfg.putNull("status_code");
    } else {
      cfg.put("status_code", code);
    }
  }

  /** The redirect location: scheme, host and port joined with the path, or the path alone. */
  static String location(GatewayApi.RequestRedirect rr, String path) {
    if (Strs.isEmpty(rr.hostname())) {
      return path;
    }
    String scheme = Strs.isEmpty(rr.scheme()) ? "http" : rr.scheme();
    String host = rr.hostname() + (rr.port() == null ? "" : ":" + rr.port());
    return scheme + "://" + cleanJoin(host, path);
  }

  /** Go {@code path.Join}: joins non-empty elements with {@code /} and cleans the result. */
  static String cleanJoin(String a, String b) {
    String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    return clean(joined);
  }

  /** Go {@code path.Clean}. */
  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : p.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String s = String.join("/", out);
    if (rooted) {
      return "/" + s;
    }
    return s.isEmpty() ? "." : s;
  }

  private static @Nullable List<String> rewrite(GatewayApi.@Nullable UrlRewrite rw,
      String matchPath, Transformer request) throws FilterException {
    if (rw == null || (rw.hostname() == null && rw.path() == null)) {
      throw new FilterException("URLRewrite filter needs a path or a hostname");
    }
    request.used = true;
    List<String> paths = null;
    GatewayApi.PathModifier pm = rw.path();
    if (pm != null) {
      if (REPLACE_FULL_PATH.equals(pm.type())) {
        if (pm.replaceFullPath() == null) {
          throw new FilterException("URLRewrite ReplaceFullPath without replaceFullPath");
        }
        if (Strs.isEmpty(request.uri)) {
          request.uri = pm.replaceFullPath();
        }
      } else if (REPLACE_PREFIX_MATCH.equals(pm.type())) {
        if (pm.replacePrefixMatch() == null) {
          throw new FilterException("URLRewrite ReplacePrefixMatch without replacePrefixMatch");
        }
        String p = normalizePrefix(matchPath);
        String r = pm.replacePrefixMatch();
        if (r.endsWith("/")) {
          r = r.substring(0, r.length() - 1);
        }
        boolean root = p.equals("/");
        paths = root ? List.of("~/$", "~/(.*)") : List.of("~" + p + "$", "~" + p + "(/.*)");
        String uri;
        if (r.isEmpty()) {
          uri = root ? "$(uri_captures[1] == nil and \"/\" or \"/\" .. uri_captures[1])"
              : "$(uri_captures[1] == nil and \"/\" or uri_captures[1])";
        } else {
          uri = root ? r + "$(uri_captures[1] == nil and \"\" or \"/\" .. uri_captures[1])"
              : r + "$(uri_captures[1])";
        }
        if (Strs.isEmpty(request.uri)) {
          request.uri = uri;
        }
      } else {
        throw new FilterException("URLRewrite path type " + Strs.nz(pm.type()) + " unsupported");
      }
    }
    if (rw.hostname() != null) {
      request.replace.add("host:" + rw.hostname());
      request.add.add("host:" + rw.hostname());
    }
    return paths;
  }

  /** A PathPrefix value normalised: empty or {@code /} → {@code /}, else no trailing slash. */
  static String normalizePrefix(String v) {
    if (v.isEmpty() || v.equals("/")) {
      return "/";
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }
}
