package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.bootstrap.config.WardenSettings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up line and every other printout of WARDEN_DB_URL hide the credentials a URL may carry. */
class StartupLineTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.internal:5432/warden?user=app&password=url-secret-7",
            "jdbc:postgresql://app:url-secret-7@db.internal:5432/warden",
            "jdbc:postgresql://db.internal:5432/warden?sslpassword=url-secret-7&ssl=true"})
    void givenCredentialsInTheDatabaseUrl_whenStarting_thenTheFirstLineShowsTheServerButNoSecret(String url) {
        WardenSettings settings = WardenSettings.fromEnvironment(Map.of("WARDEN_DB_URL", url,
                "WARDEN_KAFKA_BOOTSTRAP", "kafka.internal:9092"), false);

        String line = Main.startingLine(settings, false);

        assertTrue(line.startsWith("Warden starting: HTTP on 127.0.0.1:8080 (at most " + settings.httpMaxConnections()
                + " connections), PostgreSQL at jdbc:postgresql://"), line);
        assertTrue(line.contains("db.internal:5432/warden"), line);
        assertTrue(line.endsWith("Kafka at kafka.internal:9092."), line);
        assertFalse(line.contains("url-secret-7"), line);
        assertFalse(settings.toString().contains("url-secret-7"), settings.toString());
        assertEquals(url, settings.dbUrl(), "the service itself still connects with the full URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:url-secret-7@db/warden", "jdbc:mysql://db/warden?password=url-secret-7"})
    void givenABadDatabaseUrlWithCredentials_whenStarting_thenTheErrorLineHidesThem(String url) {
        ConfigurationError error = assertThrows(ConfigurationError.class,
                () -> WardenSettings.fromEnvironment(Map.of("WARDEN_DB_URL", url), false));

        assertTrue(error.getMessage().startsWith("WARDEN_DB_URL must be a PostgreSQL JDBC URL"), error.getMessage());
        assertFalse(error.getMessage().contains("url-secret-7"), error.getMessage());
    }
}
