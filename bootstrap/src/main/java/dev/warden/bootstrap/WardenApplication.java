package dev.warden.bootstrap;

import dev.warden.adapter.db.DatabaseSettings;
import dev.warden.adapter.db.WardenDatabase;
import dev.warden.adapter.http.HelidonWardenMetrics;
import dev.warden.adapter.http.HttpSettings;
import dev.warden.adapter.http.ManagementPort;
import dev.warden.adapter.http.MeterRegistryChanges;
import dev.warden.adapter.http.WardenHttp;
import dev.warden.adapter.kafka.KafkaAlarmConsumer;
import dev.warden.adapter.kafka.KafkaEventPublisher;
import dev.warden.adapter.kafka.OutboxRelayLoop;
import dev.warden.adapter.password.Argon2PasswordHasher;
import dev.warden.adapter.password.BoundedPasswordBlocklist;
import dev.warden.adapter.password.BoundedPasswordHasher;
import dev.warden.adapter.password.BoundedPasswordWork;
import dev.warden.adapter.password.CommonPasswordBlocklist;
import dev.warden.adapter.ssf.HttpPushTransport;
import dev.warden.adapter.ssf.NimbusSecurityEventSigner;
import dev.warden.adapter.useragent.YauaaUserAgentParser;
import dev.warden.application.UseCaseWiring;
import dev.warden.application.port.in.UseCaseCatalogue;
import dev.warden.application.port.out.AlarmTopologyStatus;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.application.port.out.SetPushTransport;
import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.bootstrap.config.SsfSettings;
import dev.warden.bootstrap.config.WardenSettings;
import dev.warden.events.kafka.KafkaClientSettingsRejected;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.TopicProvisioning;
import dev.warden.streams.AlarmStreams;
import dev.warden.streams.AlarmStreamsConfig;
import dev.warden.streams.StreamsStateFolder;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The composition root: builds every adapter with {@code new}, wires the use cases, and starts
 * PostgreSQL access, Kafka (dev mode's embedded broker, else the configured brokers), the alarm
 * topology (in process or not), the outbox relay, the alarm consumer, the expiry sweeper, the
 * retention job and the HTTP server (public port and management port), in that order.
 * Whatever started is stopped again, in reverse order, on {@link #close()} or when a later step
 * fails: nothing half-starts.
 */
public final class WardenApplication implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WardenApplication.class.getName());

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final WardenSettings settings;
    /** Every time of day the service reads (expiry, lockouts, throttle windows, retention, metrics). */
    private final Clock clock;
    /** Where the in-process alarm topology makes its state folder: the temporary directory, dev mode's var/streams. */
    private final Path streamsStateParent;
    private WardenDatabase database;
    private UseCaseCatalogue useCases;
    private String kafkaBootstrap;
    private WebServer server;
    private HttpSettings httpSettings;
    private OwnerLogin ownerLogin;
    private StreamsStateFolder streamsState;
    /** The in-process alarm topology; null when it runs elsewhere (WARDEN_STREAMS=off). */
    private volatile AlarmStreams alarmStreams;
    private HelidonWardenMetrics metrics;
    private ManagementPort management;

    private WardenApplication(WardenSettings settings, Clock clock, Path streamsStateParent) {
        this.settings = settings;
        this.clock = clock;
        this.streamsStateParent = streamsStateParent;
    }

    /**
     * Starts everything.
     *
     * @param settings      every variable, already parsed and checked: nothing here parses configuration
     * @param ownerPassword how the owner's first password is found (given, generated for dev, or refused)
     * @param clock         the time of day for everything the service decides by it: production passes
     *                      the system clock, tests one they can move forward
     * @throws ConfigurationError when the owner cannot be created (no password, or one the policy refuses),
     *                            or the Kafka brokers refuse the client settings
     * @throws dev.warden.adapter.db.DatabaseUnavailable when PostgreSQL cannot be reached
     */
    public static WardenApplication start(WardenSettings settings, OwnerPasswordSource ownerPassword, Clock clock) {
        return start(settings, ownerPassword, clock, StreamsStateFolder.temporaryDirectory());
    }

    /**
     * Starts everything, the in-process alarm topology keeping its state folder in
     * {@code streamsStateParent} (dev mode: {@code var/streams}) rather than the temporary directory.
     */
    public static WardenApplication start(WardenSettings settings, OwnerPasswordSource ownerPassword, Clock clock,
                                          Path streamsStateParent) {
        WardenApplication app = new WardenApplication(settings, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(streamsStateParent, "streamsStateParent"));
        try {
            app.startAll(ownerPassword);
            return app;
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        }
    }

    private void startAll(OwnerPasswordSource ownerPassword) {
        if (settings.embeddedKafka()) {
            DevKafka.requireOnClassPath(); // before anything starts
        }
        FreePorts.require(settings.httpHost(), settings.httpPort(), "WARDEN_HTTP_PORT");
        FreePorts.require(settings.management().host(), settings.management().port(), "WARDEN_MANAGEMENT_PORT");
        database = remember(WardenDatabase.connect(new DatabaseSettings(settings.dbUrl(), settings.dbUser(),
                settings.dbPassword(), settings.dbPoolSize(), settings.dbConnectTimeout())));
        SecureRandom random = new SecureRandom();
        metrics = remember(new HelidonWardenMetrics());
        BuildInfo build = BuildInfo.current();
        metrics.buildInfo(build.version(), build.commit());
        database.connectionPools().forEach(pool ->
                metrics.connectionPool(pool.name(), pool::active, pool::idle, pool::pending, pool::max));
        // Hashes and strength estimates share one slot per core, on threads of their own (never a request's).
        BoundedPasswordWork passwordWork = remember(BoundedPasswordWork.perCore());
        // Yauaa's rules take seconds to load: started now, on a thread of its own, so the first login does not
        // wait for all of it (the analyzer is built once per JVM, and every later start finds it ready).
        YauaaUserAgentParser.loadInBackground();
        KafkaConnection kafka = connectKafka();
        KafkaEventPublisher publisher = remember(new KafkaEventPublisher(kafka));
        useCases = UseCaseWiring.wire(new UseCaseWiring.Ports(database.transactions(), database.userAccounts(),
                        database.sessionStore(), database.auditTrail(), database.eventOutbox(), database.alarmStore(),
                        new BoundedPasswordHasher(new Argon2PasswordHasher(random), passwordWork),
                        new BoundedPasswordBlocklist(new CommonPasswordBlocklist(), passwordWork),
                        database.knownDevices(), database.loginThrottle(), database.operationalCounts(),
                        database.outboxQueue(), publisher, database.historyRetention(), metrics,
                        this::alarmTopologyState, new YauaaUserAgentParser(), database.receiverClients(),
                        securityEventSigner(), database.ssfStreams(), database.ssfFanOutQueue(),
                        database.ssfPushSchedule(), pushTransport(), database.loginRecords()),
                new UseCaseWiring.Policies(settings.policy(), settings.loginThrottle(), settings.retention(),
                        settings.ssf().tokens(), settings.ssf().allowHttp(), settings.ssf().pausedLimits()), clock,
                random);
        ownerLogin = ownerPassword.ensureOwner(settings, useCases.ensureOwner());
        startKafkaClients(kafka);
        remember(ExpirySweeper.start(useCases.sweepExpiredSessions(), settings.policy().expirySweepInterval()));
        remember(RetentionJob.start(useCases.purgeExpiredHistory(), settings.retentionInterval()));
        remember(LoginDefencesPruner.start(useCases.pruneLoginDefences(), settings.loginThrottle().window()));
        if (settings.ssf().enabled()) {
            remember(SsfFanOutJob.start(useCases.fanOutEvents(), ssfIssuer(settings.ssf())));
            remember(SsfPushJob.start(useCases.pushStreams()));
        }
        startHttp();
    }

    /** WARDEN_PUBLIC_URL as the issuer is written everywhere (the metadata, the subjects): no trailing slash. */
    private static String ssfIssuer(SsfSettings ssf) {
        String url = ssf.publicUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** How SETs reach push receivers; nothing is pushed while Shared Signals is off. */
    private SetPushTransport pushTransport() {
        return settings.ssf().enabled() ? new HttpPushTransport() : SetPushTransport.NONE;
    }

    /** The SET signer over the configured keys; none while Shared Signals is off (no WARDEN_PUBLIC_URL). */
    private SecurityEventSigner securityEventSigner() {
        SsfSettings ssf = settings.ssf();
        return ssf.enabled() ? new NimbusSecurityEventSigner(ssf.publicUrl(), ssf.signingKeys()) : SecurityEventSigner.NONE;
    }

    /** The broker (the embedded one in dev) and the topics; the API works on while Kafka is away. */
    private KafkaConnection connectKafka() {
        kafkaBootstrap = settings.embeddedKafka() ? remember(DevKafka.start()).bootstrapServers()
                : settings.kafkaBootstrap();
        KafkaConnection kafka = new KafkaConnection(kafkaBootstrap, settings.kafkaProperties());
        try {
            TopicProvisioning.ensureTopics(kafka);
        } catch (KafkaClientSettingsRejected e) {
            // Credentials the broker refuses do not get better by waiting: one line, exit 2.
            throw new ConfigurationError("WARDEN_KAFKA_PROPERTIES_FILE: " + e.getMessage());
        } catch (RuntimeException e) {
            // The API must work while Kafka is away; the relay keeps events until it is back.
            LOG.log(Level.WARNING, "Could not check the Kafka topics at " + kafkaBootstrap + ": " + e.getMessage());
        }
        return kafka;
    }

    /** The outbox relay, the alarm consumer and, in process, the alarm topology. */
    private void startKafkaClients(KafkaConnection kafka) {
        remember(new OutboxRelayLoop(useCases.relayOutbox(), database.outboxQueue()).start());
        remember(new KafkaAlarmConsumer(kafka, useCases.recordAlarmEvent()).start());
        if (settings.embeddedStreams()) {
            // Closed in reverse order: the streams first, then their state folder is deleted.
            streamsState = remember(StreamsStateFolder.createIn(streamsStateParent));
            alarmStreams = remember(AlarmStreams.start(AlarmStreamsConfig.of(kafka,
                    settings.policy().ipSpreadThreshold(), streamsState.path())));
        }
    }

    private void startHttp() {
        HttpSettings http = new HttpSettings(settings.cookieSecure(), settings.trustedProxies(), settings.policy())
                .withPublicUrl(settings.ssf().publicUrl());
        httpSettings = http;
        WebServerConfig.Builder builder = WebServer.builder()
                .host(settings.httpHost())
                .port(settings.httpPort())
                .maxTcpConnections(settings.httpMaxConnections())
                .shutdownHook(false);
        WardenHttp.configure(builder, useCases, http, database::isHealthy, metrics);
        WardenSettings.Management m = settings.management();
        management = remember(ManagementPort.start(metrics, useCases.operationalFigures(), m.metricsRefreshInterval(),
                m.sessionCountInterval(), database::isHealthy, clock));
        management.configure(builder, m.host(), m.port());
        // Starting and stopping make and remove the server's own meters in our registry (MeterRegistryChanges).
        server = MeterRegistryChanges.exclusively(() -> builder.build().start());
        remember(() -> MeterRegistryChanges.exclusively(() -> {
            server.stop();
        }));
        // Helidon logs a listener it could not bind and shuts the server down, but start() returns:
        // without this check Warden would announce itself running with no port at all.
        if (!server.isRunning() || server.port() < 0 || server.port(ManagementPort.SOCKET) < 0) {
            throw new ConfigurationError("could not listen on " + settings.httpHost() + ":" + settings.httpPort()
                    + " (WARDEN_HTTP_PORT) and " + m.host() + ":" + m.port()
                    + " (WARDEN_MANAGEMENT_PORT); is another process using one of them?");
        }
    }

    /** The in-process alarm topology's state, for the management port; empty when it runs elsewhere. */
    private Optional<AlarmTopologyStatus.State> alarmTopologyState() {
        AlarmStreams streams = alarmStreams;
        return streams == null ? Optional.empty()
                : Optional.of(new AlarmTopologyStatus.State(streams.state().name(), streams.isProcessing(),
                        streams.stateSince()));
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    public int httpPort() {
        return server.port();
    }

    /** Where the management port (detailed health, Prometheus metrics) was bound. */
    public int managementPort() {
        return server.port(ManagementPort.SOCKET);
    }

    /** Reads the database-held gauges now, rather than at the next WARDEN_METRICS_REFRESH_INTERVAL. */
    public void refreshMetricsGauges() {
        management.refreshGauges();
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public OwnerLogin ownerLogin() {
        return ownerLogin;
    }

    public WardenSettings settings() {
        return settings;
    }

    /** The in-process alarm topology's state folder; empty when it runs elsewhere (WARDEN_STREAMS=off). */
    public Optional<Path> streamsStateFolder() {
        return Optional.ofNullable(streamsState).map(StreamsStateFolder::path);
    }

    /** The REST routes this instance serves, straight from the HTTP adapter's route table (fuzz tests walk it). */
    public List<WardenHttp.RouteTemplate> apiRoutes() {
        return WardenHttp.routeTable(useCases, httpSettings);
    }

    /** Runs one expiry sweep now, rather than waiting for the interval. */
    public int sweepExpiredSessions() {
        return useCases.sweepExpiredSessions().sweepOnce();
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Error while stopping " + resource.getClass().getSimpleName(), e);
            }
        }
    }
}
