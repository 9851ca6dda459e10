package io.github.kongtranslator.fallback.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.fallback.gateway.internal.AdminHttp;
import io.github.kongtranslator.fallback.gateway.internal.DbModeSync;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.errors.ParseOutcome;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GatewayClient} for Kong's Admin API over {@link java.net.http.HttpClient}.
 *
 * <ul>
 *   <li>{@link Mode#DB_LESS} (atomic): {@code POST /config?check_hash=1&flatten_errors=1} with the
 *       whole configuration as JSON. 2xx and 304 (unchanged) are accepted; a 400 is parsed with
 *       {@link FlattenedErrors} (a 400 whose body does not parse is {@code REJECTED_UNPARSEABLE});
 *       other 4xx and refused connections are {@code TRANSIENT}; 5xx, timeouts and resets are
 *       {@code INDETERMINATE}.
 *   <li>{@link Mode#DATABASE} (partial), as deck syncs for KIC: reads the current entities that
 *       carry the {@linkplain Builder#selectTags select tags} (default {@value
 *       #DEFAULT_SELECT_TAG}, KIC's {@code --kong-admin-filter-tag}; paged with {@code offset}),
 *       writes every entity with them, deletes entities with a desired name but another id first
 *       (deck's {@code deleteDuplicates}), then creates and updates parents first and deletes
 *       children first. Entities without the tags (another team's) are never read, changed or
 *       deleted. Targets are created with {@code POST} and removed with {@code DELETE}. Collections
 *       this Kong lacks ({@code consumer_groups} on Kong OSS, {@code licenses}, plugin-provided
 *       ones) answer 404 and are skipped; a desired entity there is rejected by name. Requests
 *       answered 429 or 5xx, or not answered, are retried per the {@link RetryPolicy} and never
 *       blamed on an entity: when the retries run out the push is {@code TRANSIENT} or {@code
 *       INDETERMINATE}. Only a 400 (schema or foreign-key violation) or 409 (unique violation)
 *       rejects the entity written (fallback-spec §4.8). After the writes the client reads the
 *       gateway again; if it still differs (another writer) the push is {@code INDETERMINATE}.
 *       {@link #configurationDrifted()} repeats that check at most once per {@link
 *       Builder#driftCheckInterval}. Supports services, routes, upstreams, targets, plugins,
 *       consumers, consumer groups, certificates, CA certificates, SNIs, vaults, the credentials of
 *       consumers (key-auth, basic-auth, hmac-auth, jwt, oauth2, acl, mtls-auth, under {@code
 *       /consumers/{consumer}/…}), consumer-group members ({@code
 *       /consumer_groups/{group}/consumers}), licenses ({@code /licenses}) and custom entities
 *       ({@code /{entity_type}}). Licenses are written first and deleted last; credentials, members
 *       and custom entities after the core entities and deleted before them. Custom entity types
 *       are read (and their entities deleted when no longer desired) once this client has pushed
 *       them or when declared with {@link Builder#customEntityType}. A configuration with anything
 *       else (e.g. a credential outside a consumer) is refused as {@code TRANSIENT} before anything
 *       is written. Credential secrets and license payloads are sent in request bodies only: never
 *       in URLs, outcomes or messages.
 * </ul>
 *
 * <p>{@link #reportsEmptyConfig()} reads {@code GET /status} ({@code configuration_hash} of 32
 * zeros); {@link #instance()} reads Kong's {@code node_id} from {@code GET /}. Header values such
 * as {@code Kong-Admin-Token} are sent but never appear in {@link #toString()}, {@link #id()} or
 * outcome descriptions.
 *
 * <pre>{@code
 * GatewayClient kong = KongAdminClient.builder(URI.create("http://kong-admin:8001"))
 *     .mode(KongAdminClient.Mode.DB_LESS)
 *     .header("Kong-Admin-Token", token)
 *     .build();
 * }</pre>
 */
public final class KongAdminClient implements GatewayClient {
  private static final String EMPTY_HASH = "00000000000000000000000000000000";

  /** KIC's default {@code --kong-admin-filter-tag}. */
  public static final String DEFAULT_SELECT_TAG = "managed-by-ingress-controller";

  /** How the Kong node stores its configuration. */
  public enum Mode {
    /** DB-less: declarative configuration, applied atomically. */
    DB_LESS,
    /** With a database: entities applied one by one, no rollback. */
    DATABASE
  }

  private final AdminHttp http;
  private final Mode mode;
  private final String id;
  private final Set<String> customTypes = ConcurrentHashMap.newKeySet();
  private final ImmutableList<String> selectTags;
  private final Duration driftInterval;
  private final Clock clock;
  private volatile @Nullable KongConfig lastAccepted;
  private volatile @Nullable Instant lastDriftCheck;

  private KongAdminClient(Builder b) {
    HttpClient client =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.timeout)
                .build();
    this.http = new AdminHttp(client, b.url, b.timeout, b.headers, b.retry);
    this.mode = b.mode;
    this.selectTags = ImmutableList.copyOf(b.selectTags);
    this.driftInterval = b.driftInterval;
    this.clock = b.clock;
    this.id =
        b.id != null
            ? b.id
            : b.sharedDatabase != null
                ? "kong-database:" + b.sharedDatabase
                : http.baseForDisplay();
    this.customTypes.addAll(b.customTypes);
  }

  /**
   * A DB-less client with defaults.
   *
   * @param adminUrl the Admin API base URL
   * @return the client
   */
  public static KongAdminClient dbLess(URI adminUrl) {
    return builder(adminUrl).build();
  }

  /**
   * A builder; defaults: {@link Mode#DB_LESS}, 10 s timeout, id = the URL without user info.
   *
   * @param adminUrl the Admin API base URL
   * @return a builder
   */
  public static Builder builder(URI adminUrl) {
    return new Builder(adminUrl);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean isAtomic() {
    return mode == Mode.DB_LESS;
  }

  /**
   * The storage mode.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  @Override
  public PushOutcome push(KongConfig config, ConfigSha sha) {
    if (mode == Mode.DB_LESS) {
      return pushDbLess(config);
    }
    KongConfig before = lastAccepted;
    lastAccepted = null;
    PushOutcome o = new DbModeSync(http, Set.copyOf(customTypes), selectTags, false).sync(config);
    customTypes.addAll(config.customEntities().keySet()); // from now on, read and clean them up
    if (o.kind() == PushOutcome.Kind.TRANSIENT) {
      lastAccepted = before; // nothing was written
    }
    if (!o.isAccepted()) {
      return o;
    }
    // verify: what the gateway holds under our tags is what was pushed (another writer, e.g. a
    // second controller on the same database, may have changed it meanwhile)
    DbModeSync check = new DbModeSync(http, Set.copyOf(customTypes), selectTags, true);
    PushOutcome verified = check.sync(config);
    if (!verified.isAccepted() || !check.pending().isEmpty()) {
      return PushOutcome.indeterminate(
          "after the push the gateway still differs from it ("
              + (verified.isAccepted()
                  ? check.pending().size() + " entities, first: " + check.pending().get(0)
                  : verified)
              + ")");
    }
    lastAccepted = config;
    lastDriftCheck = clock.instant();
    return o;
  }

  /**
   * DB mode: whether the entities under the select tags differ from the last configuration this
   * client pushed and the gateway accepted (an entity deleted or changed in the database, an entity
   * added with our tags), checked at most once per {@link Builder#driftCheckInterval}; true also
   * when the check fails or nothing was accepted yet. DB-less: false (the loop asks {@link
   * #reportsEmptyConfig()}).
   */
  @Override
  public boolean configurationDrifted() {
    if (mode == Mode.DB_LESS) {
      return false;
    }
    KongConfig last = lastAccepted;
    if (last == null) {
      return true;
    }
    Instant now = clock.instant();
    Instant before = lastDriftCheck;
    if (before != null && now.isBefore(before.plus(driftInterval))) {
      return false;
    }
    lastDriftCheck = now;
    DbModeSync check = new DbModeSync(http, Set.copyOf(customTypes), selectTags, true);
    PushOutcome o = check.sync(last);
    boolean drifted = !o.isAccepted() || !check.pending().isEmpty();
    if (drifted) {
      lastAccepted = null;
    }
    return drifted;
  }

  /**
   * The select tags of DB mode.
   *
   * @return the tags, empty when every entity is managed
   */
  public ImmutableList<String> selectTags() {
    return selectTags;
  }

  private PushOutcome pushDbLess(KongConfig config) {
    String body = KongConfigWriter.json().write(config);
    AdminHttp.Reply r =
        http.sendRetrying("POST", "/config?check_hash=1&flatten_errors=1", body).reply();
    if (r instanceof AdminHttp.NotSent n) {
      return PushOutcome.transientFailure(n.reason());
    }
    if (r instanceof AdminHttp.Lost l) {
      return PushOutcome.indeterminate(l.reason());
    }
    AdminHttp.Answered a = (AdminHttp.Answered) r;
    if (a.ok()) {
      return PushOutcome.accepted();
    }
    if (a.status() == 400) {
      ParseOutcome parsed = FlattenedErrors.parse(a.body());
      return switch (parsed.status()) {
        case PARSED -> PushOutcome.rejected(parsed.rejection().orElseThrow().entries());
        case EMPTY -> PushOutcome.rejected(java.util.List.of());
        case UNPARSEABLE ->
            PushOutcome.rejectedUnparseable("HTTP 400 with a body that does not parse: " + parsed);
      };
    }
    if (a.status() >= 500) {
      return PushOutcome.indeterminate("HTTP " + a.status() + " from POST /config");
    }
    return PushOutcome.transientFailure("HTTP " + a.status() + " from POST /config");
  }

  /** True when {@code /status} reports the empty configuration hash, or cannot be read. */
  @Override
  public boolean reportsEmptyConfig() {
    if (mode == Mode.DATABASE) {
      return false; // the hash of a database-backed node does not describe its entities
    }
    AdminHttp.Reply r = http.sendRetrying("GET", "/status", null).reply();
    if (r instanceof AdminHttp.Answered a && a.ok()) {
      Optional<JsonNode> json = a.json();
      return json.map(j -> EMPTY_HASH.equals(j.path("configuration_hash").asText(EMPTY_HASH)))
          .orElse(true);
    }
    return true;
  }

  /**
   * Kong's {@code node_id} from {@code GET /}.
   *
   * @throws GatewayUnavailableException when it cannot be read (the loop then treats the gateway as
   *     unknown)
   */
  @Override
  public String instance() {
    AdminHttp.Reply r = http.sendRetrying("GET", "/", null).reply();
    if (r instanceof AdminHttp.Answered a && a.ok()) {
      Optional<String> node =
          a.json().map(j -> j.path("node_id").asText("")).filter(s -> !s.isEmpty());
      if (node.isPresent()) {
        return node.get();
      }
    }
    throw new GatewayUnavailableException("cannot read the node id of " + id);
  }

  /** {@code KongAdminClient[id, mode]}; never shows headers. */
  @Override
  public String toString() {
    return "KongAdminClient[" + id + ", " + mode + "]";
  }

  /** Builds a {@link KongAdminClient}. */
  public static final class Builder {
    private final URI url;
    private Mode mode = Mode.DB_LESS;
    private Duration timeout = Duration.ofSeconds(10);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @org.jspecify.annotations.Nullable HttpClient httpClient;
    private @org.jspecify.annotations.Nullable String id;
    private final Set<String> customTypes = new LinkedHashSet<>();
    private List<String> selectTags = List.of(DEFAULT_SELECT_TAG);
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration driftInterval = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private @org.jspecify.annotations.Nullable String sharedDatabase;

    private Builder(URI url) {
      this.url = Objects.requireNonNull(url, "adminUrl");
    }

    /**
     * Sets the storage mode.
     *
     * @param value the mode
     * @return this
     */
    public Builder mode(Mode value) {
      this.mode = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the per-request timeout (also the connect timeout of the default client).
     *
     * @param value the timeout
     * @return this
     */
    public Builder timeout(Duration value) {
      this.timeout = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Adds a header sent with every request (e.g. {@code Kong-Admin-Token}); its value is never
     * logged or rendered.
     *
     * @param name the header name
     * @param value the header value
     * @return this
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Uses a given HTTP client (e.g. with TLS settings).
     *
     * @param value the client
     * @return this
     */
    public Builder httpClient(HttpClient value) {
      this.httpClient = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the gateway id (default: the URL without user info).
     *
     * @param value the id
     * @return this
     */
    public Builder id(String value) {
      this.id = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Declares a custom entity type (e.g. {@code degraphql_routes}) that DB mode manages even
     * before this client pushed one: its entities are read on every sync and deleted when the
     * configuration no longer has them. Types the client pushed are managed anyway; declare the
     * types your controller may have created before a restart.
     *
     * @param type the entity type, which is also its Admin API collection
     * @return this
     */
    public Builder customEntityType(String type) {
      customTypes.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Sets the select tags of DB mode (default: {@value #DEFAULT_SELECT_TAG}, as KIC's {@code
     * --kong-admin-filter-tag}): written on every entity, and only entities with all of them are
     * read, changed or deleted. No tags: every entity of the gateway is managed (and entities not
     * in the configuration are deleted), as deck without select tags.
     *
     * @param tags the tags, at most 5 (Kong's limit for a tag query)
     * @return this
     * @throws IllegalArgumentException for more than 5 tags or a tag with {@code ,} or {@code /}
     */
    public Builder selectTags(List<String> tags) {
      if (tags.size() > 5) {
        throw new IllegalArgumentException("at most 5 select tags, got " + tags.size());
      }
      for (String t : tags) {
        if (t.isEmpty() || t.contains(",") || t.contains("/")) {
          throw new IllegalArgumentException(
              "select tag must be non-empty without ',' or '/': '" + t + "'");
        }
      }
      this.selectTags = List.copyOf(tags);
      return this;
    }

    /**
     * Sets how requests failing with 429, 5xx or a broken connection are retried (default {@link
     * RetryPolicy#defaults()}).
     *
     * @param value the policy
     * @return this
     */
    public Builder retry(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /**
     * Sets how often {@link KongAdminClient#configurationDrifted()} reads the gateway to compare it
     * with the last accepted configuration (default 1 minute; zero: on every tick).
     *
     * @param value the interval
     * @return this
     */
    public Builder driftCheckInterval(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("drift check interval must not be negative");
      }
      this.driftInterval = value;
      return this;
    }

    /**
     * Sets the clock of the drift checks (tests).
     *
     * @param value the clock
     * @return this
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Declares that this Kong node shares its database with other nodes of the group: their clients
     * get the id {@code kong-database:<group>}, so the update loop keeps one state for the database
     * and pushes through the first listed node only (two clients believing different SHAs of one
     * database is the stale-SHA variant V5). An explicit {@link #id} wins.
     *
     * @param group the name of the database, the same for every node on it
     * @return this
     */
    public Builder sharedDatabase(String group) {
      this.sharedDatabase = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public KongAdminClient build() {
      return new KongAdminClient(this);
    }
  }
}
