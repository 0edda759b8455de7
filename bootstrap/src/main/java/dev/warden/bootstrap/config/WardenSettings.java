package dev.warden.bootstrap.config;

import dev.warden.adapter.db.ConnectionUrls;
import dev.warden.adapter.http.Cidr;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.Username;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an operator can set, read from the environment variables of docs/operations.md. Every value
 * is parsed and checked here, before anything starts or connects (WardenApplication parses
 * nothing): a bad value fails with one line naming the variable. What only the running system can
 * tell (a port already taken, a host name that does not resolve, a broker that refuses the
 * credentials, an owner password the policy refuses) is found later and said in one line too.
 *
 * @param httpMaxConnections TCP connections the public port holds at once (WARDEN_HTTP_MAX_CONNECTIONS)
 * @param dbPoolSize connections of the work pool; session validation has a small pool of its own
 * @param dbConnectTimeout the longest an API call waits for the database before answering 503
 * @param kafka          where Kafka is: "embedded" (dev mode only) or host:port,..., and the client properties
 *                       from WARDEN_KAFKA_PROPERTIES_FILE (values may be secrets and are never printed)
 * @param ownerPassword  empty when not given: dev mode then generates one, production refuses
 * @param trustedProxies peers whose X-Forwarded-For is believed (WARDEN_TRUSTED_PROXIES)
 * @param retention      how long history is kept
 * @param retentionInterval how often the retention job runs
 * @param management     the management port (detailed health, Prometheus metrics)
 * @param ssf            the Shared Signals transmitter: public URL, signing keys, receivers' token lifetime
 */
public record WardenSettings(
        String httpHost,
        int httpPort,
        int httpMaxConnections,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Duration dbConnectTimeout,
        KafkaSettings kafka,
        boolean embeddedStreams,
        WardenPolicy policy,
        String ownerUsername,
        Optional<String> ownerPassword,
        List<Cidr> trustedProxies,
        boolean cookieSecure,
        RetentionPolicy retention,
        Duration retentionInterval,
        LoginThrottlePolicy loginThrottle,
        Management management,
        SsfSettings ssf) {

    /**
     * The management port: WARDEN_MANAGEMENT_HOST (default 127.0.0.1), WARDEN_MANAGEMENT_PORT
     * (default 9090; 0 = any free port); how often the gauges held in the database are read:
     * WARDEN_METRICS_REFRESH_INTERVAL for the outbox backlog and open alarms (default PT15S),
     * WARDEN_METRICS_SESSION_COUNT_INTERVAL for the active sessions, whose count costs more as
     * sessions grow (default PT1M).
     */
    public record Management(String host, int port, Duration metricsRefreshInterval,
                             Duration sessionCountInterval) {
        public static final int DEFAULT_PORT = 9090;
        public static final Duration DEFAULT_METRICS_REFRESH_INTERVAL = Duration.ofSeconds(15);
        public static final Duration DEFAULT_SESSION_COUNT_INTERVAL = Duration.ofMinutes(1);
    }

    public static final String EMBEDDED = "embedded";
    public static final int DEFAULT_DB_POOL_SIZE = 10;
    public static final Duration DEFAULT_DB_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** HikariCP's floor for its timeouts. */
    private static final Duration MIN_DB_CONNECT_TIMEOUT = Duration.ofMillis(250);

    public WardenSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public boolean embeddedKafka() {
        return kafka.embedded();
    }

    /** "embedded" (dev mode only) or host:port,... */
    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    /** The Kafka client properties for every Kafka client of the service; values may be secrets. */
    public Map<String, String> kafkaProperties() {
        return kafka.clientProperties();
    }

    @Override
    public String toString() {
        // Never print the passwords, nor what the database URL may carry.
        return "WardenSettings[http=" + httpHost + ":" + httpPort + " (at most " + httpMaxConnections
                + " connections), management=" + management.host() + ":"
                + management.port() + ", db=" + ConnectionUrls.redact(dbUrl) + " as " + dbUser
                + ", kafka=" + kafka.bootstrap() + ", streams=" + (embeddedStreams ? EMBEDDED : "off")
                + ", policy=" + policy + ", owner=" + ownerUsername + ", ssf=" + ssf + "]";
    }

    /**
     * @param devMode {@code ./warden dev}: cookies are not Secure unless asked for, and without
     *                WARDEN_KAFKA_BOOTSTRAP the embedded broker runs; outside it a broker address is required
     * @throws ConfigurationError naming the first bad variable
     */
    public static WardenSettings fromEnvironment(Map<String, String> env, boolean devMode) {
        WardenSettings settings = parse(env, devMode);
        settings.kafka().checkClientProperties();
        // Checked last, so a bad value of any other variable is still named first.
        settings.kafka().requireBrokersOutsideDevMode(env, devMode);
        return settings;
    }

    /**
     * For commands that need PostgreSQL only (the break-glass unlock): the Kafka variables are read
     * but no broker is required, and the Kafka client properties' values are not checked.
     */
    public static WardenSettings withoutKafka(Map<String, String> env) {
        return parse(env, false);
    }

    private static WardenSettings parse(Map<String, String> env, boolean devMode) {
        VariableReader r = new VariableReader(env);
        WardenPolicy defaults = WardenPolicy.DEFAULTS;
        Duration idle = r.duration("WARDEN_SESSION_IDLE_TIMEOUT", defaults.idleTimeout());
        Duration lifetime = r.duration("WARDEN_SESSION_ABSOLUTE_LIFETIME", defaults.absoluteLifetime());
        int maxSessions = r.positiveInt("WARDEN_SESSION_MAX_PER_USER", defaults.maxSessionsPerUser());
        Duration sweep = r.duration("WARDEN_SESSION_SWEEP_INTERVAL", defaults.expirySweepInterval());
        int lockoutThreshold = r.positiveInt("WARDEN_LOCKOUT_THRESHOLD", defaults.lockoutThreshold());
        Duration lockoutDuration = r.duration("WARDEN_LOCKOUT_DURATION", defaults.lockoutDuration());
        int ipSpread = r.positiveInt("WARDEN_ALARM_IP_SPREAD_THRESHOLD", defaults.ipSpreadThreshold());
        Duration reauthWindow = r.duration("WARDEN_REAUTH_WINDOW", defaults.reauthWindow());
        WardenPolicy policy = new WardenPolicy(idle, lifetime, maxSessions, sweep, lockoutThreshold,
                lockoutDuration, ipSpread, reauthWindow);
        LoginThrottlePolicy throttle = new LoginThrottlePolicy(
                r.positiveInt("WARDEN_LOGIN_IP_FAILURE_LIMIT", LoginThrottlePolicy.DEFAULTS.failureLimit()),
                r.parse("WARDEN_LOGIN_IP_FAILURE_WINDOW", LoginThrottlePolicy.DEFAULTS.window(),
                        "an ISO-8601 duration of at least one second such as PT5M",
                        text -> new LoginThrottlePolicy(1, Duration.parse(text)).window()));

        String dbUrl = r.text("WARDEN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/warden");
        if (!dbUrl.startsWith("jdbc:postgresql://") || !ConnectionUrls.isUsable(dbUrl)) {
            throw new ConfigurationError("WARDEN_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was '"
                    + ConnectionUrls.redact(dbUrl) + "'");
        }
        int dbPoolSize = r.positiveInt("WARDEN_DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE);
        Duration dbConnectTimeout = r.parse("WARDEN_DB_CONNECT_TIMEOUT", DEFAULT_DB_CONNECT_TIMEOUT,
                "an ISO-8601 duration of at least PT0.25S such as PT2S", text -> {
                    Duration d = Duration.parse(text);
                    if (d.compareTo(MIN_DB_CONNECT_TIMEOUT) < 0) {
                        throw new DateTimeParseException("below the minimum", text, 0);
                    }
                    return d;
                });
        KafkaSettings kafka = KafkaSettings.read(env);
        int httpPort = r.port("WARDEN_HTTP_PORT", 8080);
        int httpMaxConnections = httpMaxConnections(env, HttpConnectionLimit.openFileLimit());
        Management management = management(r, httpPort);
        String httpHost = r.host("WARDEN_HTTP_HOST", "127.0.0.1");
        SsfSettings ssf = SsfSettings.read(r, devMode, httpHost, httpPort);
        String streams = r.text("WARDEN_STREAMS", EMBEDDED);
        if (!streams.equals(EMBEDDED) && !streams.equals("off")) {
            throw new ConfigurationError("WARDEN_STREAMS must be 'embedded' or 'off', was '" + streams + "'");
        }
        return new WardenSettings(
                httpHost,
                httpPort,
                httpMaxConnections,
                dbUrl,
                r.text("WARDEN_DB_USER", "postgres"),
                Optional.ofNullable(r.secret("WARDEN_DB_PASSWORD")).orElse(""),
                dbPoolSize,
                dbConnectTimeout,
                kafka,
                streams.equals(EMBEDDED),
                policy,
                ownerUsername(r),
                Optional.ofNullable(r.secret("WARDEN_OWNER_PASSWORD")).filter(p -> !p.isEmpty()),
                r.parse("WARDEN_TRUSTED_PROXIES", List.of(),
                        "a comma-separated list of IP networks such as 10.0.0.0/8,fd00::/8", Cidr::parseList),
                r.bool("WARDEN_COOKIE_SECURE", !devMode),
                retention(r),
                r.duration("WARDEN_RETENTION_INTERVAL", DEFAULT_RETENTION_INTERVAL),
                throttle,
                management,
                ssf);
    }

    /** WARDEN_HTTP_MAX_CONNECTIONS for a process with {@code openFiles} open files ({@link HttpConnectionLimit}). */
    static int httpMaxConnections(Map<String, String> env, long openFiles) {
        VariableReader r = new VariableReader(env);
        int highest = HttpConnectionLimit.highest(openFiles);
        int limit = r.positiveInt("WARDEN_HTTP_MAX_CONNECTIONS", HttpConnectionLimit.byDefault(openFiles));
        if (limit > highest) {
            throw new ConfigurationError("WARDEN_HTTP_MAX_CONNECTIONS must leave " + HttpConnectionLimit.RESERVED_FILES
                    + " of this process's " + openFiles + " open files (ulimit -n) to the database, Kafka and the"
                    + " management port: at most " + highest + ", was '" + limit + "'");
        }
        return limit;
    }

    private static Management management(VariableReader r, int httpPort) {
        int port = r.port("WARDEN_MANAGEMENT_PORT", Management.DEFAULT_PORT);
        if (port != 0 && port == httpPort) {
            throw new ConfigurationError("WARDEN_MANAGEMENT_PORT must differ from WARDEN_HTTP_PORT (" + httpPort
                    + "): metrics and health details must not be served on the public port, was '" + port + "'");
        }
        return new Management(r.host("WARDEN_MANAGEMENT_HOST", "127.0.0.1"), port,
                atLeastASecond(r, "WARDEN_METRICS_REFRESH_INTERVAL", Management.DEFAULT_METRICS_REFRESH_INTERVAL),
                atLeastASecond(r, "WARDEN_METRICS_SESSION_COUNT_INTERVAL", Management.DEFAULT_SESSION_COUNT_INTERVAL));
    }

    /** Kept as given (the owner account normalises it as every username); refused here when no account could have it. */
    private static String ownerUsername(VariableReader r) {
        return r.parse("WARDEN_OWNER_USERNAME", "owner", "1 to " + Username.MAX_LENGTH
                + " letters, digits or . _ - @ characters", text -> {
                    new Username(text); // throws when no account could be named so
                    return text;
                });
    }

    private static Duration atLeastASecond(VariableReader r, String name, Duration fallback) {
        return r.parse(name, fallback, "an ISO-8601 duration of at least one second such as "
                + fallback, text -> {
                    Duration d = Duration.parse(text);
                    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                        throw new DateTimeParseException("below one second", text, 0);
                    }
                    return d;
                });
    }

    /** How often the retention job runs unless WARDEN_RETENTION_INTERVAL says otherwise. */
    public static final Duration DEFAULT_RETENTION_INTERVAL = Duration.ofMinutes(10);

    private static RetentionPolicy retention(VariableReader r) {
        RetentionPolicy defaults = RetentionPolicy.DEFAULTS;
        return new RetentionPolicy(
                r.duration("WARDEN_OUTBOX_RETENTION", defaults.publishedEvents()),
                r.duration("WARDEN_SESSION_HISTORY_RETENTION", defaults.endedSessions()),
                r.duration("WARDEN_AUDIT_RETENTION", defaults.auditEntries()));
    }
}
