package io.github.kongtranslator.router;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.net.InetAddresses;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One request (or, for {@code tcp}/{@code tls}/{@code udp}, one connection) as Kong's router sees
 * it: scheme, {@code Host} header, destination port, request URI, method, headers, SNI and
 * addresses. Immutable; build with {@link #fromUrl(String)} or {@link #builder()}.
 *
 * <p>Header names are compared case-insensitively with {@code -} and {@code _} alike, as
 * OpenResty's {@code ngx.req.get_headers()} does; a request header whose name holds {@code _} is
 * dropped, as nginx does by default ({@code underscores_in_headers off}).
 */
public final class RouteRequest {
  private final String scheme;
  private final String host;
  private final int port;
  private final String uri;
  private final String method;
  private final ImmutableListMultimap<String, String> headers;
  private final @Nullable String sni;
  private final @Nullable String srcIp;
  private final int srcPort;
  private final @Nullable String dstIp;

  private RouteRequest(Builder b) {
    this.scheme = b.scheme;
    this.host = b.host;
    this.port = b.port > 0 ? b.port : defaultPort(b.scheme);
    this.uri = b.uri;
    this.method = b.method;
    this.headers = b.headers.build();
    this.sni = b.sni;
    this.srcIp = b.srcIp;
    this.srcPort = b.srcPort;
    this.dstIp = b.dstIp;
  }

  /**
   * A builder for a request from a URL: {@code http(s)://host[:port]/path?query} (also {@code
   * grpc}, {@code grpcs}, and {@code tcp}/{@code tls}/{@code udp}{@code ://host:port} for stream
   * routes). The {@code Host} header is the URL's authority; the destination port is the URL's port
   * or the scheme's default; the SNI of an {@code https}/{@code grpcs}/{@code tls} URL is its host
   * unless that is an IP address; a host that is an IP address is also the destination address. The
   * method defaults to {@code GET}.
   *
   * @param url the URL
   * @return the builder
   * @throws IllegalArgumentException when the URL does not parse or has an unknown scheme or no
   *     host
   */
  public static Builder fromUrl(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")", e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (defaultPort(scheme) < 0) {
      throw new IllegalArgumentException(
          "URL scheme must be http, https, grpc, grpcs, tcp, tls" + " or udp: " + url);
    }
    String h = u.getHost();
    if (h == null || h.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    Builder b = builder().scheme(scheme).host(u.getPort() > 0 ? h + ":" + u.getPort() : h);
    if (u.getPort() > 0) {
      b.port(u.getPort());
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    b.uri(u.getRawQuery() == null ? path : path + "?" + u.getRawQuery());
    boolean ip = InetAddresses.isInetAddress(bare);
    if (ip) {
      b.dstIp(bare);
    } else if (scheme.equals("https") || scheme.equals("grpcs") || scheme.equals("tls")) {
      b.sni(bare);
    }
    return b;
  }

  /**
   * An empty builder: scheme {@code http}, host empty, path {@code /}, method {@code GET}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "grpc" -> 80;
      case "https", "grpcs" -> 443;
      case "tcp", "tls", "udp" -> 0;
      default -> -1;
    };
  }

  /**
   * The scheme: {@code http}, {@code https}, {@code grpc}, {@code grpcs}, {@code tcp}, {@code tls}
   * or {@code udp}.
   *
   * @return the scheme
   */
  public String scheme() {
    return scheme;
  }

  /**
   * Whether the request goes to Kong's stream subsystem ({@code tcp}, {@code tls}, {@code udp}).
   *
   * @return true for a stream connection
   */
  public boolean isStream() {
    return scheme.equals("tcp") || scheme.equals("tls") || scheme.equals("udp");
  }

  /**
   * The {@code Host} header as sent, possibly with {@code :port}.
   *
   * @return the host, empty when none
   */
  public String host() {
    return host;
  }

  /**
   * The destination port: the URL's port or the scheme's default (0 when unknown).
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The request URI as sent (path and query, not normalised).
   *
   * @return the URI
   */
  public String uri() {
    return uri;
  }

  /**
   * The method, upper case as sent.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The headers, names lower-cased, in the order given.
   *
   * @return the headers
   */
  public ImmutableListMultimap<String, String> headers() {
    return headers;
  }

  /**
   * The TLS SNI.
   *
   * @return the SNI, empty for a plain-text request
   */
  public Optional<String> sni() {
    return Optional.ofNullable(sni);
  }

  /**
   * The client address.
   *
   * @return the address, empty when not given
   */
  public Optional<String> srcIp() {
    return Optional.ofNullable(srcIp);
  }

  /**
   * The client port.
   *
   * @return the port, empty when not given
   */
  public OptionalInt srcPort() {
    return srcPort > 0 ? OptionalInt.of(srcPort) : OptionalInt.empty();
  }

  /**
   * The address the client connected to.
   *
   * @return the address, empty when not given
   */
  public Optional<String> dstIp() {
    return Optional.ofNullable(dstIp);
  }

  @Override
  public String toString() {
    return method + " " + scheme + "://" + host + uri + (sni == null ? "" : " sni=" + sni);
  }

  /** Builder of {@link RouteRequest}. */
  public static final class Builder {
    private String scheme = "http";
    private String host = "";
    private int port;
    private String uri = "/";
    private String method = "GET";
    private final ImmutableListMultimap.Builder<String, String> headers =
        ImmutableListMultimap.builder();
    private @Nullable String sni;
    private @Nullable String srcIp;
    private int srcPort;
    private @Nullable String dstIp;

    private Builder() {}

    /**
     * Sets the scheme.
     *
     * @param value http, https, grpc, grpcs, tcp, tls or udp
     * @return this builder
     */
    public Builder scheme(String value) {
      String s = value.toLowerCase(Locale.ROOT);
      if (defaultPort(s) < 0) {
        throw new IllegalArgumentException("unknown scheme " + value);
      }
      this.scheme = s;
      return this;
    }

    /**
     * Sets the {@code Host} header.
     *
     * @param value the host, possibly with {@code :port}
     * @return this builder
     */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the destination port.
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /**
     * Sets the request URI.
     *
     * @param value path and query as sent
     * @return this builder
     */
    public Builder uri(String value) {
      this.uri = value.isEmpty() ? "/" : value;
      return this;
    }

    /**
     * Sets the method.
     *
     * @param value e.g. GET
     * @return this builder
     */
    public Builder method(String value) {
      this.method = value;
      return this;
    }

    /**
     * Adds a header (repeatable for several values).
     *
     * @param name the name, any case
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /**
     * Sets the SNI (replacing the one derived from the URL).
     *
     * @param value the server name
     * @return this builder
     */
    public Builder sni(String value) {
      this.sni = value;
      return this;
    }

    /**
     * Sets the client address and port.
     *
     * @param ip the address
     * @param port the port, 0 when unknown
     * @return this builder
     */
    public Builder source(String ip, int port) {
      this.srcIp = ip;
      this.srcPort = port;
      return this;
    }

    /**
     * Sets the address the client connected to.
     *
     * @param ip the address
     * @return this builder
     */
    public Builder dstIp(String ip) {
      this.dstIp = ip;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public RouteRequest build() {
      return new RouteRequest(this);
    }
  }
}
