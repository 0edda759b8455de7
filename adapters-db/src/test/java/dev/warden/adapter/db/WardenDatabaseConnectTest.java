package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WardenDatabaseConnectTest {
    @Test
    void givenNoServerAtTheUrl_whenConnecting_thenOneLineNamesTheUrlButNotThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/warden?password=hidden-in-url";

        DatabaseUnavailable error = assertThrows(DatabaseUnavailable.class,
                () -> WardenDatabase.connect(DatabaseSettings.of(url, "postgres", "s3cret-pw")));

        assertTrue(error.getMessage().startsWith("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/warden"),
                error.getMessage());
        assertFalse(error.getMessage().contains("s3cret-pw"));
        assertFalse(error.getMessage().contains("hidden-in-url"));
        assertEquals(1, error.getMessage().lines().count());
    }

    @Test
    void givenUrls_whenPickedApart_thenDatabaseAndAdminUrlKeepServerAndOptions() {
        String url = "jdbc:postgresql://db.example:5433/warden_it_db?ssl=true";

        assertEquals("warden_it_db", ConnectionUrls.databaseName(url));
        assertEquals("jdbc:postgresql://db.example:5433/postgres?ssl=true", ConnectionUrls.withDatabase(url, "postgres"));
        assertFalse(DatabaseSettings.of(url, "u", "pw").toString().contains("pw"));
    }
}
