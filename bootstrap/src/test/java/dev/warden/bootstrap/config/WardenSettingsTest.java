package dev.warden.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.adapter.http.Cidr;
import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.PausedStreamLimits;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.WardenPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WardenSettingsTest {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String BROKERS = "kafka-1:9092,kafka-2:9092";

    @TempDir
    Path dir;

    /** Production's one required variable, plus {@code vars}. */
    private static WardenSettings production(Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(vars);
        env.putIfAbsent("WARDEN_KAFKA_BOOTSTRAP", BROKERS);
        return WardenSettings.fromEnvironment(env, false);
    }

    @Test
    void withOnlyTheBrokersTheContractDefaultsApply() {
        WardenSettings s = production(Map.of());

        assertEquals("127.0.0.1", s.httpHost());
        assertEquals(8080, s.httpPort());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/warden", s.dbUrl());
        assertEquals("postgres", s.dbUser());
        assertEquals("", s.dbPassword());
        assertEquals(10, s.dbPoolSize());
        assertEquals(Duration.ofSeconds(2), s.dbConnectTimeout());
        assertFalse(s.embeddedKafka());
        assertEquals(Map.of(), s.kafkaProperties());
        assertTrue(s.embeddedStreams());
        assertEquals(WardenPolicy.DEFAULTS, s.policy());
        assertEquals("owner", s.ownerUsername());
        assertEquals(Optional.empty(), s.ownerPassword());
        assertEquals(List.of(), s.trustedProxies());
        assertTrue(s.cookieSecure());
        assertFalse(WardenSettings.fromEnvironment(Map.of(), true).cookieSecure());
        assertEquals(LoginThrottlePolicy.DEFAULTS, s.loginThrottle());
    }

    @Test
    void productionWithoutABrokerStopsWithOneLineNamingTheVariable() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> WardenSettings.fromEnvironment(Map.of(), false));

        assertEquals("WARDEN_KAFKA_BOOTSTRAP is required outside dev mode: set it to the brokers' host:port[,host:port...]"
                + " (production never starts a throwaway broker)", e.getMessage());
    }

    @Test
    void theEmbeddedBrokerIsForDevModeOnly() {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> WardenSettings.fromEnvironment(Map.of("WARDEN_KAFKA_BOOTSTRAP", "embedded"), false));

        assertTrue(e.getMessage().startsWith("WARDEN_KAFKA_BOOTSTRAP=embedded is for dev mode only"), e.getMessage());
        assertTrue(WardenSettings.fromEnvironment(Map.of(), true).embeddedKafka(), "dev mode's default");
        assertTrue(WardenSettings.fromEnvironment(Map.of("WARDEN_KAFKA_BOOTSTRAP", "embedded"), true).embeddedKafka());
        assertEquals(BROKERS, WardenSettings.fromEnvironment(Map.of("WARDEN_KAFKA_BOOTSTRAP", BROKERS), true)
                .kafkaBootstrap(), "dev mode may use a real broker too");
    }

    @Test
    void anotherBadValueIsNamedBeforeTheMissingBroker() {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> WardenSettings.fromEnvironment(Map.of("WARDEN_HTTP_PORT", "eighty"), false));

        assertTrue(e.getMessage().startsWith("WARDEN_HTTP_PORT must be"), e.getMessage());
    }

    @Test
    void theBreakGlassCommandNeedsNoBroker() {
        WardenSettings s = WardenSettings.withoutKafka(Map.of("WARDEN_DB_URL", "jdbc:postgresql://db:5432/w"));

        assertEquals("jdbc:postgresql://db:5432/w", s.dbUrl());
    }

    @Test
    void theKafkaPropertiesFileIsReadForEveryClientAndNeverPrinted() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                # Confluent Cloud style
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="API-KEY" password="api-secret-9";
                ssl.truststore.location=/etc/warden/truststore.p12
                """);

        WardenSettings s = production(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", file.toString()));

        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"API-KEY\" password=\"api-secret-9\";",
                "ssl.truststore.location", "/etc/warden/truststore.p12"), s.kafkaProperties());
        assertFalse(s.toString().contains("api-secret-9"), s.toString());
    }

    @Test
    void anUnreadableKafkaPropertiesFileIsOneLineNamingTheVariable() {
        Path missing = dir.resolve("missing.properties");

        ConfigurationError noFile = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", missing.toString())));
        ConfigurationError aDirectory = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", dir.toString())));

        assertEquals("WARDEN_KAFKA_PROPERTIES_FILE cannot be read: '" + missing + "' (no such file)", noFile.getMessage());
        assertEquals("WARDEN_KAFKA_PROPERTIES_FILE cannot be read: '" + dir + "' (a directory)", aDirectory.getMessage());
    }

    @Test
    void aMalformedKafkaPropertiesFileIsNamedWithoutItsContent() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"),
                "sasl.jaas.config=x password=\"hidden-7\" \\uZZZZ\n");

        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", file.toString())));

        assertEquals("WARDEN_KAFKA_PROPERTIES_FILE is not a Java properties file: '" + file + "'", e.getMessage());
    }

    @Test
    void theKafkaPropertiesFileMayNotSayWhereKafkaIs() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), "bootstrap.servers=elsewhere:9092\n");

        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", file.toString())));

        assertTrue(e.getMessage().startsWith("WARDEN_KAFKA_PROPERTIES_FILE must not set bootstrap.servers"));
    }

    @Test
    void passwordsComeFromFilesWithOneTrailingNewlineStripped() throws Exception {
        Path db = Files.writeString(dir.resolve("db-password"), "  db pass with spaces \n");
        Path owner = Files.writeString(dir.resolve("owner-password"), "owner passphrase 7\r\n");

        WardenSettings s = production(Map.of("WARDEN_DB_PASSWORD_FILE", db.toString(),
                "WARDEN_OWNER_PASSWORD_FILE", owner.toString()));

        assertEquals("  db pass with spaces ", s.dbPassword());
        assertEquals(Optional.of("owner passphrase 7"), s.ownerPassword());
        assertEquals("two\n", production(Map.of("WARDEN_DB_PASSWORD_FILE",
                Files.writeString(dir.resolve("two"), "two\n\n").toString())).dbPassword(), "only one newline goes");
        assertFalse(s.toString().contains("db pass"), s.toString());
        assertEquals(Optional.empty(), production(Map.of("WARDEN_OWNER_PASSWORD_FILE",
                Files.writeString(dir.resolve("empty"), "\n").toString())).ownerPassword(), "an empty file is no password");
    }

    @Test
    void withoutFilesThePasswordsComeFromTheVariablesAsBefore() {
        WardenSettings s = production(Map.of("WARDEN_DB_PASSWORD", "db-secret", "WARDEN_OWNER_PASSWORD", "owner pw 7"));

        assertEquals("db-secret", s.dbPassword());
        assertEquals(Optional.of("owner pw 7"), s.ownerPassword());
    }

    @Test
    void thePublicPortHoldsHalfTheOpenFilesByDefault_atMostTenThousand_andKeepsTheRestForTheService() {
        assertEquals(10_000, WardenSettings.httpMaxConnections(Map.of(), 1_048_576));
        assertEquals(10_000, WardenSettings.httpMaxConnections(Map.of(), 20_000));
        assertEquals(512, WardenSettings.httpMaxConnections(Map.of(), 1_024));
        assertEquals(88, WardenSettings.httpMaxConnections(Map.of(), 600), "a tiny limit keeps its 512 reserved");
        assertEquals(19_488, WardenSettings.httpMaxConnections(Map.of("WARDEN_HTTP_MAX_CONNECTIONS", "19488"), 20_000));
        assertTrue(production(Map.of()).httpMaxConnections() >= 1);
    }

    @Test
    void aConnectionLimitThatWouldUseUpTheOpenFilesIsOneLineSayingTheMost() {
        ConfigurationError tooMany = assertThrows(ConfigurationError.class,
                () -> WardenSettings.httpMaxConnections(Map.of("WARDEN_HTTP_MAX_CONNECTIONS", "1000"), 1_024));
        ConfigurationError zero = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_HTTP_MAX_CONNECTIONS", "0")));

        assertEquals("WARDEN_HTTP_MAX_CONNECTIONS must leave 512 of this process's 1024 open files (ulimit -n) to the"
                + " database, Kafka and the management port: at most 512, was '1000'", tooMany.getMessage());
        assertTrue(zero.getMessage().startsWith("WARDEN_HTTP_MAX_CONNECTIONS must be a whole number of at least 1"),
                zero.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"WARDEN_DB_PASSWORD", "WARDEN_OWNER_PASSWORD"})
    void settingASecretAndItsFileIsAnErrorNamingBoth(String variable) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "from-the-file\n");

        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> production(Map.of(variable, "from-the-variable", variable + "_FILE", file.toString())));

        assertEquals(variable + " and " + variable + "_FILE are both set; set only one of them", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"WARDEN_DB_PASSWORD_FILE", "WARDEN_OWNER_PASSWORD_FILE"})
    void anUnreadableSecretFileIsOneLineNamingTheVariable(String variable) throws Exception {
        Path missing = dir.resolve("no-such-secret");
        Path notUtf8 = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});

        ConfigurationError noFile = assertThrows(ConfigurationError.class,
                () -> production(Map.of(variable, missing.toString())));
        ConfigurationError binary = assertThrows(ConfigurationError.class,
                () -> production(Map.of(variable, notUtf8.toString())));

        assertEquals(variable + " cannot be read: '" + missing + "' (no such file)", noFile.getMessage());
        assertEquals(variable + " cannot be read: '" + notUtf8 + "' (not UTF-8 text)", binary.getMessage());
    }

    @Test
    void theLoginThrottleIsRead() {
        WardenSettings s = production(Map.of("WARDEN_LOGIN_IP_FAILURE_LIMIT", "5",
                "WARDEN_LOGIN_IP_FAILURE_WINDOW", "PT2S"));

        assertEquals(new LoginThrottlePolicy(5, Duration.ofSeconds(2)), s.loginThrottle());
    }

    @Test
    void everyVariableIsRead() {
        WardenSettings s = WardenSettings.fromEnvironment(Map.ofEntries(
                Map.entry("WARDEN_HTTP_HOST", "0.0.0.0"), Map.entry("WARDEN_HTTP_PORT", "8443"),
                Map.entry("WARDEN_DB_URL", "jdbc:postgresql://db:5432/w"), Map.entry("WARDEN_DB_USER", "w"),
                Map.entry("WARDEN_DB_PASSWORD", "secret"), Map.entry("WARDEN_KAFKA_BOOTSTRAP", "k1:9092,k2:9092"),
                Map.entry("WARDEN_STREAMS", "off"), Map.entry("WARDEN_SESSION_IDLE_TIMEOUT", "PT5S"),
                Map.entry("WARDEN_SESSION_ABSOLUTE_LIFETIME", "PT1M"), Map.entry("WARDEN_SESSION_MAX_PER_USER", "3"),
                Map.entry("WARDEN_SESSION_SWEEP_INTERVAL", "PT1S"), Map.entry("WARDEN_LOCKOUT_THRESHOLD", "5"),
                Map.entry("WARDEN_LOCKOUT_DURATION", "PT2S"), Map.entry("WARDEN_ALARM_IP_SPREAD_THRESHOLD", "2"),
                Map.entry("WARDEN_OWNER_USERNAME", "root"), Map.entry("WARDEN_OWNER_PASSWORD", "pw pw pw pw pw"),
                Map.entry("WARDEN_TRUSTED_PROXIES", "10.0.0.0/8, ::1/128"), Map.entry("WARDEN_COOKIE_SECURE", "false"),
                Map.entry("WARDEN_DB_POOL_SIZE", "4"), Map.entry("WARDEN_DB_CONNECT_TIMEOUT", "PT0.5S"),
                Map.entry("WARDEN_REAUTH_WINDOW", "PT3M")),
                false);

        assertEquals(8443, s.httpPort());
        assertEquals("k1:9092,k2:9092", s.kafkaBootstrap());
        assertFalse(s.embeddedStreams());
        assertEquals(new WardenPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 3, Duration.ofSeconds(1), 5,
                Duration.ofSeconds(2), 2, Duration.ofMinutes(3)), s.policy());
        assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128")), s.trustedProxies());
        assertFalse(s.cookieSecure());
        assertEquals(4, s.dbPoolSize());
        assertEquals(Duration.ofMillis(500), s.dbConnectTimeout());
        assertFalse(s.toString().contains("secret"), "passwords never reach a log line");
        assertFalse(s.toString().contains("pw pw"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WARDEN_SESSION_IDLE_TIMEOUT|sixty minutes",
        "WARDEN_SESSION_IDLE_TIMEOUT|PT0S",
        "WARDEN_SESSION_ABSOLUTE_LIFETIME|-PT1H",
        "WARDEN_SESSION_MAX_PER_USER|-1",
        "WARDEN_SESSION_MAX_PER_USER|ten",
        "WARDEN_SESSION_SWEEP_INTERVAL|30",
        "WARDEN_LOCKOUT_THRESHOLD|0",
        "WARDEN_LOCKOUT_DURATION|15m",
        "WARDEN_REAUTH_WINDOW|PT0S",
        "WARDEN_REAUTH_WINDOW|15m",
        "WARDEN_ALARM_IP_SPREAD_THRESHOLD|0",
        "WARDEN_HTTP_PORT|70000",
        "WARDEN_DB_URL|postgres://localhost/warden",
        "WARDEN_KAFKA_BOOTSTRAP|not a host",
        "WARDEN_STREAMS|maybe",
        "WARDEN_COOKIE_SECURE|yes",
        "WARDEN_LOGIN_IP_FAILURE_LIMIT|0",
        "WARDEN_LOGIN_IP_FAILURE_WINDOW|PT0.5S",
        "WARDEN_LOGIN_IP_FAILURE_WINDOW|five minutes",
        "WARDEN_DB_POOL_SIZE|0",
        "WARDEN_DB_POOL_SIZE|many",
        "WARDEN_DB_CONNECT_TIMEOUT|2s",
        "WARDEN_DB_CONNECT_TIMEOUT|PT0.1S",
        "WARDEN_DB_CONNECT_TIMEOUT|-PT2S",
        "WARDEN_MANAGEMENT_PORT|-1",
        "WARDEN_MANAGEMENT_PORT|http",
        "WARDEN_METRICS_REFRESH_INTERVAL|PT0.5S",
        "WARDEN_METRICS_REFRESH_INTERVAL|15s",
        "WARDEN_METRICS_SESSION_COUNT_INTERVAL|PT0S",
        "WARDEN_METRICS_SESSION_COUNT_INTERVAL|1m",
        // Parsed here rather than once PostgreSQL, Kafka and the topology had started:
        "WARDEN_TRUSTED_PROXIES|10.0.0.0/8,proxy.internal",
        "WARDEN_TRUSTED_PROXIES|192.168.0.0/40",
        "WARDEN_HTTP_HOST|local host",
        "WARDEN_HTTP_HOST|300.1.2.3",
        "WARDEN_HTTP_HOST|host_name",
        "WARDEN_MANAGEMENT_HOST|::1::2",
        "WARDEN_MANAGEMENT_HOST|10.1.2",
        "WARDEN_OWNER_USERNAME|the owner",
        "WARDEN_DB_URL|jdbc:postgresql://db:port/warden",
        "WARDEN_DB_URL|jdbc:postgresql://db:5432",
        // Shared Signals (issue 19)
        "WARDEN_PUBLIC_URL|warden.example.com",
        "WARDEN_PUBLIC_URL|https://warden.example.com/warden",
        "WARDEN_PUBLIC_URL|https://warden.example.com/?x=1",
        "WARDEN_PUBLIC_URL|https://user@warden.example.com",
        "WARDEN_PUBLIC_URL|ftp://warden.example.com",
        "WARDEN_PUBLIC_URL|http://warden.example.com",
        "WARDEN_SSF_ALLOW_HTTP|yes",
        "WARDEN_OAUTH_TOKEN_LIFETIME|PT61M",
        "WARDEN_OAUTH_TOKEN_LIFETIME|15m",
        "WARDEN_OAUTH_TOKEN_LIFETIME|PT0S",
        "WARDEN_SSF_PAUSED_RETENTION|7d",
        "WARDEN_SSF_PAUSED_RETENTION|PT30S",
        "WARDEN_SSF_PAUSED_MAX_EVENTS|0",
        "WARDEN_SSF_PAUSED_MAX_EVENTS|lots",
        "WARDEN_SSF_SIGNING_KEY_FILE|/nonexistent/ssf-keys.pem"})
    void aBadValueFailsWithOneLineNamingTheVariable(String variable, String value) {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> WardenSettings.fromEnvironment(Map.of(variable, value), false));

        assertTrue(e.getMessage().startsWith(variable + " must be"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    // ---- Shared Signals ----

    private Path keyFile(String... pems) throws Exception {
        return Files.writeString(dir.resolve("ssf-keys.pem"), String.join("\n", pems));
    }

    @Test
    void sharedSignalsIsOffUntilAPublicUrlIsSet_andTokensLastFifteenMinutes() {
        SsfSettings ssf = production(Map.of()).ssf();

        assertFalse(ssf.enabled());
        assertEquals(null, ssf.publicUrl());
        assertFalse(ssf.allowHttp());
        assertEquals(Duration.ofMinutes(15), ssf.tokens().tokenLifetime());
        assertEquals(new PausedStreamLimits(Duration.ofDays(7), 100_000), ssf.pausedLimits());
        assertFalse(WardenSettings.fromEnvironment(Map.of(), true).ssf().enabled(), "dev without a key file: off");
    }

    @Test
    void whatAPausedStreamKeepsIsConfigurable() {
        SsfSettings ssf = production(Map.of("WARDEN_SSF_PAUSED_RETENTION", "PT12H",
                "WARDEN_SSF_PAUSED_MAX_EVENTS", "500")).ssf();

        assertEquals(new PausedStreamLimits(Duration.ofHours(12), 500), ssf.pausedLimits());
    }

    @Test
    void aPublicUrlWithKeysTurnsItOn_andEveryKeyOfTheFileIsRead() throws Exception {
        Path keys = keyFile(SigningKeys.generatePem(RANDOM), SigningKeys.generatePem(RANDOM));

        SsfSettings ssf = production(Map.of("WARDEN_PUBLIC_URL", "https://Warden.example.com:8443/",
                "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString(), "WARDEN_OAUTH_TOKEN_LIFETIME", "PT60M")).ssf();

        assertTrue(ssf.enabled());
        assertEquals(URI.create("https://Warden.example.com:8443"), ssf.publicUrl());
        assertEquals(2, ssf.signingKeys().size());
        assertEquals(Duration.ofMinutes(60), ssf.tokens().tokenLifetime());
        assertFalse(ssf.toString().contains("PRIVATE"), "no key material in a log line");
    }

    @Test
    void aPublicUrlWithoutKeysIsOneLineNamingTheKeyFile() {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_PUBLIC_URL", "https://warden.example.com")));

        assertTrue(e.getMessage().startsWith("WARDEN_SSF_SIGNING_KEY_FILE must name a PEM file"), e.getMessage());
    }

    @Test
    void aKeyFileWithAShortOrForeignKeyIsOneLineSayingWhichKey() throws Exception {
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String shortKey = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                rsa.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path keys = keyFile(SigningKeys.generatePem(RANDOM), shortKey);

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> production(Map.of(
                "WARDEN_PUBLIC_URL", "https://warden.example.com", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString())));

        assertTrue(e.getMessage().startsWith("WARDEN_SSF_SIGNING_KEY_FILE must be a PEM file"), e.getMessage());
        assertTrue(e.getMessage().endsWith("key 2 has 1024 bits; at least 2048 are needed"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void devModeWithAKeyFileServesItsOwnAddressOverHttp_productionNeedsHttpsOrTheOptIn() throws Exception {
        Path keys = keyFile(SigningKeys.generatePem(RANDOM));

        SsfSettings dev = WardenSettings.fromEnvironment(Map.of("WARDEN_SSF_SIGNING_KEY_FILE", keys.toString(),
                "WARDEN_HTTP_PORT", "8181"), true).ssf();
        SsfSettings optedIn = production(Map.of("WARDEN_PUBLIC_URL", "http://10.0.0.5:8080",
                "WARDEN_SSF_ALLOW_HTTP", "true", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString())).ssf();

        assertEquals(URI.create("http://127.0.0.1:8181"), dev.publicUrl());
        assertTrue(dev.allowHttp());
        assertEquals(URI.create("http://10.0.0.5:8080"), optedIn.publicUrl());
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> production(Map.of(
                "WARDEN_PUBLIC_URL", "http://10.0.0.5:8080", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString())));
        assertTrue(e.getMessage().startsWith("WARDEN_PUBLIC_URL must be https://"), e.getMessage());
    }

    @Test
    void retentionDefaultsToADayOfPublishedEventsAMonthOfEndedSessionsAndAYearOfAudit() {
        WardenSettings s = production(Map.of());

        assertEquals(new RetentionPolicy(Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(365)),
                s.retention());
        assertEquals(Duration.ofMinutes(10), s.retentionInterval());
    }

    @Test
    void retentionVariablesAreReadAndDaysParse() {
        WardenSettings s = production(Map.of(
                "WARDEN_OUTBOX_RETENTION", "PT6H",
                "WARDEN_SESSION_HISTORY_RETENTION", "P30D",
                "WARDEN_AUDIT_RETENTION", "P365D",
                "WARDEN_RETENTION_INTERVAL", "PT1M"));

        assertEquals(new RetentionPolicy(Duration.ofHours(6), Duration.ofDays(30), Duration.ofDays(365)),
                s.retention());
        assertEquals(Duration.ofMinutes(1), s.retentionInterval());
        assertEquals(Duration.ofDays(7), production(
                Map.of("WARDEN_SESSION_HISTORY_RETENTION", "P7D")).retention().endedSessions());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WARDEN_OUTBOX_RETENTION|24h",
        "WARDEN_OUTBOX_RETENTION|PT0S",
        "WARDEN_SESSION_HISTORY_RETENTION|P1M",
        "WARDEN_SESSION_HISTORY_RETENTION|-P30D",
        "WARDEN_AUDIT_RETENTION|P1Y",
        "WARDEN_AUDIT_RETENTION|365",
        "WARDEN_RETENTION_INTERVAL|P0D",
        "WARDEN_RETENTION_INTERVAL|ten minutes"})
    void aBadRetentionValueFailsWithOneLineNamingTheVariable(String variable, String value) {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> WardenSettings.fromEnvironment(Map.of(variable, value), false));

        assertEquals(variable + " must be a positive ISO-8601 duration such as PT60M or PT30S, was '" + value + "'",
                e.getMessage());
    }

    @Test
    void theManagementPortDefaultsToLoopback9090WithGaugesReadEveryFifteenSecondsAndSessionsCountedEveryMinute() {
        WardenSettings.Management m = production(Map.of()).management();

        assertEquals(new WardenSettings.Management("127.0.0.1", 9090, Duration.ofSeconds(15), Duration.ofMinutes(1)), m);
    }

    @Test
    void theManagementVariablesAreReadAndPortZeroMeansAnyFreePort() {
        WardenSettings s = production(Map.of("WARDEN_MANAGEMENT_HOST", "10.1.2.3",
                "WARDEN_MANAGEMENT_PORT", "0", "WARDEN_HTTP_PORT", "0", "WARDEN_METRICS_REFRESH_INTERVAL", "PT1M",
                "WARDEN_METRICS_SESSION_COUNT_INTERVAL", "PT5M"));

        assertEquals(new WardenSettings.Management("10.1.2.3", 0, Duration.ofMinutes(1), Duration.ofMinutes(5)),
                s.management());
        assertTrue(s.toString().contains("management=10.1.2.3:0"), s.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.0.0.0", "::", "[::1]", "fd00::10", "warden-1.internal", "localhost"})
    void listenAddressesMayBeIpLiteralsOrHostNames(String host) {
        WardenSettings s = production(Map.of("WARDEN_HTTP_HOST", host, "WARDEN_MANAGEMENT_HOST", host));

        assertEquals(host, s.httpHost());
        assertEquals(host, s.management().host());
    }

    @Test
    void kafkaClientPropertiesNoClientAcceptsAreOneLineNamingTheFileWithoutTheirValues() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule username="w" password="pw-9876";
                """);

        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> production(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", file.toString())));

        assertTrue(e.getMessage().startsWith("WARDEN_KAFKA_PROPERTIES_FILE: no Kafka client can be built from these"
                + " settings: "), e.getMessage());
        assertFalse(e.getMessage().contains("pw-9876"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theManagementPortCannotBeThePublicPort() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> WardenSettings.fromEnvironment(
                Map.of("WARDEN_HTTP_PORT", "9090"), false));

        assertTrue(e.getMessage().startsWith("WARDEN_MANAGEMENT_PORT must differ from WARDEN_HTTP_PORT (9090)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
