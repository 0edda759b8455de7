package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://127.0.0.1:5432/warden                              | jdbc:postgresql://127.0.0.1:5432/warden",
            "jdbc:postgresql://db:5432/warden?user=app&password=s3cret            | jdbc:postgresql://db:5432/warden",
            "jdbc:postgresql://db/warden?sslpassword=s3cret&ssl=true              | jdbc:postgresql://db/warden",
            "jdbc:postgresql://app:s3cret@db:5432/warden                          | jdbc:postgresql://***@db:5432/warden",
            "jdbc:postgresql://app:p@ss@db:5432/warden?x=1                        | jdbc:postgresql://***@db:5432/warden",
            "jdbc:postgresql://app:s3cret@db                                      | jdbc:postgresql://***@db",
            "jdbc:postgresql://db1:5432,db2:5432/warden?password=s3cret           | jdbc:postgresql://db1:5432,db2:5432/warden",
            "jdbc:postgresql://db/we@rd                                           | jdbc:postgresql://db/we@rd",
            "not a url?password=s3cret                                            | not a url"})
    void givenAUrlWithCredentials_whenRedacted_thenNoneRemain(String url, String expected) {
        assertEquals(expected.strip(), ConnectionUrls.redact(url.strip()));
    }

    @org.junit.jupiter.api.Test
    void givenNoUrl_thenNull() {
        assertNull(ConnectionUrls.redact(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/warden", "jdbc:postgresql://db/warden?ssl=true",
            "jdbc:postgresql://db1:5432,db2:5433/warden", "jdbc:postgresql://[::1]:5432/warden"})
    void aUrlTheDriverReadsAndThatNamesADatabaseIsUsable(String url) {
        assertTrue(ConnectionUrls.isUsable(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db:port/warden", "jdbc:postgresql://db:5432", "jdbc:postgresql://db:5432/",
            "jdbc:postgresql://db:99999/warden", "jdbc:postgresql://db/war%zzden", "postgresql://db/warden"})
    void aUrlTheDriverCannotReadOrThatNamesNoDatabaseIsNot(String url) {
        assertFalse(ConnectionUrls.isUsable(url));
    }
}
