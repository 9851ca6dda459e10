package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Types shared by the Gateway API kinds. */
public final class GatewayApi {
  /** API group of the Gateway API. */
  public static final String GROUP = "gateway.networking.k8s.io";

  private GatewayApi() {}

  /**
   * A route's reference to its parent (usually a Gateway).
   *
   * @param group group, Gateway API group when absent
   * @param kind kind, {@code Gateway} when absent
   * @param namespace namespace, the route's own when absent
   * @param name name
   * @param sectionName listener name
   * @param port listener port
   */
  public record ParentReference(
      @Nullable String group,
      @Nullable String kind,
      @Nullable String namespace,
      @Nullable String name,
      @Nullable String sectionName,
      @Nullable Integer port) {}

  /**
   * A reference to an object such as a certificate Secret.
   *
   * @param group group, core when absent
   * @param kind kind, {@code Secret} when absent
   * @param name name
   * @param namespace namespace, the referrer's own when absent
   */
  public record ObjectReference(
      @Nullable String group,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String namespace) {}

  /**
   * A backend reference of a route rule.
   *
   * @param group group, core when absent
   * @param kind kind, {@code Service} when absent
   * @param name name
   * @param namespace namespace, the route's own when absent
   * @param port port
   * @param weight weight, 1 when absent
   * @param filters backend filters
   */
  public record BackendRef(
      @Nullable String group,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String namespace,
      @Nullable Integer port,
      @Nullable Integer weight,
      List<Filter> filters) {
    /**
     * Normalises absent filters.
     *
     * @param group group, core when absent
     * @param kind kind, {@code Service} when absent
     * @param name name
     * @param namespace namespace, the route's own when absent
     * @param port port
     * @param weight weight, 1 when absent
     * @param filters backend filters
     */
    public BackendRef {
      filters = Values.list(filters);
    }
  }

  /**
   * A header or query-parameter match.
   *
   * @param type {@code Exact} (default) or {@code RegularExpression}
   * @param name header or parameter name
   * @param value the value to match
   */
  public record NameValueMatch(
      @Nullable String type, @Nullable String name, @Nullable String value) {}

  /**
   * A route filter.
   *
   * @param type filter type, e.g. {@code RequestHeaderModifier}
   * @param requestHeaderModifier request header changes
   * @param responseHeaderModifier response header changes
   * @param requestRedirect redirect settings
   * @param urlRewrite rewrite settings
   * @param extensionRef a Kong plugin reference
   * @param requestMirror mirror settings (kept as a tree)
   */
  public record Filter(
      @Nullable String type,
      @Nullable HeaderModifier requestHeaderModifier,
      @Nullable HeaderModifier responseHeaderModifier,
      @Nullable RequestRedirect requestRedirect,
      @Nullable UrlRewrite urlRewrite,
      @Nullable LocalObjectReference extensionRef,
      @Nullable JsonValue requestMirror) {}

  /**
   * Header changes.
   *
   * @param set headers to set
   * @param add headers to add
   * @param remove header names to remove
   */
  public record HeaderModifier(List<Header> set, List<Header> add, List<String> remove) {
    /**
     * Normalises absent lists.
     *
     * @param set headers to set
     * @param add headers to add
     * @param remove header names to remove
     */
    public HeaderModifier {
      set = Values.list(set);
      add = Values.list(add);
      remove = Values.list(remove);
    }
  }

  /**
   * A header name and value.
   *
   * @param name name
   * @param value value
   */
  public record Header(@Nullable String name, @Nullable String value) {}

  /**
   * A redirect.
   *
   * @param scheme scheme
   * @param hostname host
   * @param path path modifier
   * @param port port
   * @param statusCode status code
   */
  public record RequestRedirect(
      @Nullable String scheme,
      @Nullable String hostname,
      @Nullable PathModifier path,
      @Nullable Integer port,
      @Nullable Integer statusCode) {}

  /**
   * A URL rewrite.
   *
   * @param hostname host
   * @param path path modifier
   */
  public record UrlRewrite(@Nullable String hostname, @Nullable PathModifier path) {}

  /**
   * A path modifier.
   *
   * @param type {@code ReplaceFullPath} or {@code ReplacePrefixMatch}
   * @param replaceFullPath full path
   * @param replacePrefixMatch prefix replacement
   */
  public record PathModifier(
      @Nullable String type,
      @Nullable String replaceFullPath,
      @Nullable String replacePrefixMatch) {}

  /**
   * A local object reference (an ExtensionRef to a KongPlugin).
   *
   * @param group group
   * @param kind kind
   * @param name name
   */
  public record LocalObjectReference(
      @Nullable String group, @Nullable String kind, @Nullable String name) {}

  /**
   * A rule of an L4 route (TCPRoute, UDPRoute, TLSRoute).
   *
   * @param name optional rule name
   * @param backendRefs backends
   */
  public record L4Rule(@Nullable String name, List<BackendRef> backendRefs) {
    /**
     * Normalises absent backends.
     *
     * @param name optional rule name
     * @param backendRefs backends
     */
    public L4Rule {
      backendRefs = Values.list(backendRefs);
    }
  }
}
