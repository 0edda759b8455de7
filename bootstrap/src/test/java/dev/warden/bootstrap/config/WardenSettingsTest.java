package dev.warden.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WardenSettingsTest {
    @Test
    void withNoVariablesTheContractDefaultsApply() {
        WardenSettings s = WardenSettings.fromEnvironment(Map.of(), false);

        assertEquals("127.0.0.1", s.httpHost());
        assertEquals(8080, s.httpPort());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/warden", s.dbUrl());
        assertEquals("postgres", s.dbUser());
        assertEquals("", s.dbPassword());
        assertEquals(10, s.dbPoolSize());
        assertEquals(Duration.ofSeconds(2), s.dbConnectTimeout());
        assertTrue(s.embeddedKafka());
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
    void theLoginThrottleIsRead() {
        WardenSettings s = WardenSettings.fromEnvironment(Map.of("WARDEN_LOGIN_IP_FAILURE_LIMIT", "5",
                "WARDEN_LOGIN_IP_FAILURE_WINDOW", "PT2S"), false);

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
                Map.entry("WARDEN_DB_POOL_SIZE", "4"), Map.entry("WARDEN_DB_CONNECT_TIMEOUT", "PT0.5S")),
                false);

        assertEquals(8443, s.httpPort());
        assertEquals("k1:9092,k2:9092", s.kafkaBootstrap());
        assertFalse(s.embeddedStreams());
        assertEquals(new WardenPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 3, Duration.ofSeconds(1), 5,
                Duration.ofSeconds(2), 2), s.policy());
        assertEquals(List.of("10.0.0.0/8", "::1/128"), s.trustedProxies());
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
        "WARDEN_METRICS_SESSION_COUNT_INTERVAL|1m"})
    void aBadValueFailsWithOneLineNamingTheVariable(String variable, String value) {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> WardenSettings.fromEnvironment(Map.of(variable, value), false));

        assertTrue(e.getMessage().startsWith(variable + " must be"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void retentionDefaultsToADayOfPublishedEventsAMonthOfEndedSessionsAndAYearOfAudit() {
        WardenSettings s = WardenSettings.fromEnvironment(Map.of(), false);

        assertEquals(new RetentionPolicy(Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(365)),
                s.retention());
        assertEquals(Duration.ofMinutes(10), s.retentionInterval());
    }

    @Test
    void retentionVariablesAreReadAndDaysParse() {
        WardenSettings s = WardenSettings.fromEnvironment(Map.of(
                "WARDEN_OUTBOX_RETENTION", "PT6H",
                "WARDEN_SESSION_HISTORY_RETENTION", "P30D",
                "WARDEN_AUDIT_RETENTION", "P365D",
                "WARDEN_RETENTION_INTERVAL", "PT1M"), false);

        assertEquals(new RetentionPolicy(Duration.ofHours(6), Duration.ofDays(30), Duration.ofDays(365)),
                s.retention());
        assertEquals(Duration.ofMinutes(1), s.retentionInterval());
        assertEquals(Duration.ofDays(7), WardenSettings.fromEnvironment(
                Map.of("WARDEN_SESSION_HISTORY_RETENTION", "P7D"), false).retention().endedSessions());
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
        WardenSettings.Management m = WardenSettings.fromEnvironment(Map.of(), false).management();

        assertEquals(new WardenSettings.Management("127.0.0.1", 9090, Duration.ofSeconds(15), Duration.ofMinutes(1)), m);
    }

    @Test
    void theManagementVariablesAreReadAndPortZeroMeansAnyFreePort() {
        WardenSettings s = WardenSettings.fromEnvironment(Map.of("WARDEN_MANAGEMENT_HOST", "10.1.2.3",
                "WARDEN_MANAGEMENT_PORT", "0", "WARDEN_HTTP_PORT", "0", "WARDEN_METRICS_REFRESH_INTERVAL", "PT1M",
                "WARDEN_METRICS_SESSION_COUNT_INTERVAL", "PT5M"), false);

        assertEquals(new WardenSettings.Management("10.1.2.3", 0, Duration.ofMinutes(1), Duration.ofMinutes(5)),
                s.management());
        assertTrue(s.toString().contains("management=10.1.2.3:0"), s.toString());
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
