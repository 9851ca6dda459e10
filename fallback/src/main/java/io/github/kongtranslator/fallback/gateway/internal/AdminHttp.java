package io.github.kongtranslator.fallback.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.fallback.gateway.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thin JSON-over-HTTP helper for the Admin API. Header values (tokens) are sent, never logged or
 * rendered.
 */
public final class AdminHttp {
  /** Shared mapper. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;
  private final ImmutableMap<String, String> headers;
  private final RetryPolicy retry;

  /**
   * Creates a helper without retries.
   *
   * @param client the HTTP client
   * @param base the Admin API base URL
   * @param timeout the per-request timeout
   * @param headers extra headers (e.g. {@code Kong-Admin-Token})
   */
  public AdminHttp(HttpClient client, URI base, Duration timeout, Map<String, String> headers) {
    this(client, base, timeout, headers, RetryPolicy.none());
  }

  /**
   * Creates a helper.
   *
   * @param client the HTTP client
   * @param base the Admin API base URL
   * @param timeout the per-request timeout
   * @param headers extra headers (e.g. {@code Kong-Admin-Token})
   * @param retry how {@link #sendRetrying} retries
   */
  public AdminHttp(
      HttpClient client,
      URI base,
      Duration timeout,
      Map<String, String> headers,
      RetryPolicy retry) {
    this.retry = retry;
    this.client = client;
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.timeout = timeout;
    this.headers = ImmutableMap.copyOf(headers);
  }

  /** How a request ended. */
  public sealed interface Reply permits Answered, NotSent, Lost {}

  /**
   * The server answered.
   *
   * @param status the HTTP status
   * @param body the body text
   */
  public record Answered(int status, String body) implements Reply {
    /**
     * The body as JSON.
     *
     * @return the tree, empty when the body is not JSON
     */
    public Optional<JsonNode> json() {
      try {
        return body.isBlank() ? Optional.empty() : Optional.of(MAPPER.readTree(body));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    /**
     * Whether the status is 2xx or 304.
     *
     * @return true on success
     */
    public boolean ok() {
      return (status >= 200 && status < 300) || status == 304;
    }
  }

  /**
   * The request certainly did not reach the server (connection refused).
   *
   * @param reason the failure class
   */
  public record NotSent(String reason) implements Reply {}

  /**
   * The request may have reached the server (timeout, reset).
   *
   * @param reason the failure class
   */
  public record Lost(String reason) implements Reply {}

  /**
   * Whether a reply says nothing about the request's content, so that the same request may be sent
   * again: no answer, HTTP 429 or a 5xx.
   *
   * @param r the reply
   * @return true when retrying may help
   */
  public static boolean retryable(Reply r) {
    return !(r instanceof Answered a) || a.status() == 429 || a.status() >= 500;
  }

  /**
   * A reply after retries.
   *
   * @param reply the last reply
   * @param attempts how many times the request was sent (or tried)
   */
  public record Sent(Reply reply, int attempts) {
    /**
     * Whether an earlier attempt may have reached the server (lost answer or a 5xx), so that a
     * conflict now may be the request's own earlier effect.
     *
     * @return true after a retry
     */
    public boolean retried() {
      return attempts > 1;
    }
  }

  /**
   * Sends a request, retrying per the {@link RetryPolicy} while the reply is {@link #retryable}.
   * Retrying a write is safe: PUT and DELETE are idempotent; a POST retried after a lost answer may
   * meet its own earlier effect, which the caller sees through {@link Sent#retried()}.
   *
   * @param method the method
   * @param pathAndQuery the path from the base, starting with {@code /}
   * @param body the JSON body, or null for none
   * @return the last reply and the number of attempts
   */
  public Sent sendRetrying(String method, String pathAndQuery, @Nullable String body) {
    Reply r = send(method, pathAndQuery, body);
    int attempts = 1;
    while (retryable(r) && attempts < retry.maxAttempts()) {
      try {
        retry.sleeper().sleep(retry.backoff(attempts));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      r = send(method, pathAndQuery, body);
      attempts++;
    }
    return new Sent(r, attempts);
  }

  /**
   * Sends a request once.
   *
   * @param method the method
   * @param pathAndQuery the path from the base, starting with {@code /}
   * @param body the JSON body, or null for none
   * @return how it ended
   */
  public Reply send(String method, String pathAndQuery, @Nullable String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
    headers.forEach(b::header);
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r =
          client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answered(r.statusCode(), r.body() == null ? "" : r.body());
    } catch (ConnectException e) {
      return new NotSent("connection failed: " + e.getClass().getSimpleName());
    } catch (IOException e) {
      return new Lost(
          "request failed after it may have been sent: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Lost("interrupted");
    }
  }

  /**
   * The base URL, for ids and messages (without user info).
   *
   * @return the base URL
   */
  public String baseForDisplay() {
    return base.getScheme()
        + "://"
        + base.getHost()
        + (base.getPort() < 0 ? "" : ":" + base.getPort())
        + (base.getPath() == null ? "" : base.getPath());
  }
}
