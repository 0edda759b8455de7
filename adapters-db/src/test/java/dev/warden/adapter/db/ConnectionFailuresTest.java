package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.StoreUnavailable;
import io.helidon.dbclient.DbClientException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionFailuresTest {
    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "08P01", "57P01", "57P02", "57P03"})
    void givenAConnectionClassSqlState_evenWrappedByDbClient_thenItIsAConnectionFailure(String state) {
        SQLException sql = new SQLException("gone", state);

        assertTrue(ConnectionFailures.isConnectionFailure(sql));
        assertTrue(ConnectionFailures.isConnectionFailure(new DbClientException("Failed to execute", sql)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22021", "40001", "40P01", "55P03", "57014", "42P01"})
    void givenAStatementError_thenItIsNotAConnectionFailure(String state) {
        assertFalse(ConnectionFailures.isConnectionFailure(new DbClientException("x", new SQLException("no", state))));
    }

    @Test
    void givenThePoolHadNoConnectionInTime_thenItIsAConnectionFailure() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "warden-db - Connection is not available, request timed out after 2000ms");

        assertTrue(ConnectionFailures.isConnectionFailure(timeout));
        assertTrue(ConnectionFailures.isConnectionFailure(new RuntimeException(new StoreUnavailable(timeout))));
        assertFalse(ConnectionFailures.isConnectionFailure(new IllegalStateException("a bug")));
        assertFalse(ConnectionFailures.isConnectionFailure(null));
    }

    @Test
    void givenAPortBehindTheTranslation_whenItLosesTheConnection_thenCallersSeeStoreUnavailableWithTheCause() {
        DbClientException lost = new DbClientException("Failed to execute",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Callable<String> port = ConnectionFailures.translating(Callable.class, () -> {
            throw lost;
        });

        StoreUnavailable error = assertThrows(StoreUnavailable.class, port::call);

        assertSame(lost, error.getCause());
        assertEquals(StoreUnavailable.RETRY_AFTER, error.retryAfter());
        assertTrue(error.retryAfter().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void givenAPortBehindTheTranslation_whenItAnswersOrFailsOtherwise_thenNothingChanges() throws Exception {
        IllegalArgumentException bug = new IllegalArgumentException("bad value");
        SQLException checked = new SQLException("checked", "08006");
        Callable<String> answering = ConnectionFailures.translating(Callable.class, () -> "answer");
        Callable<String> failing = ConnectionFailures.translating(Callable.class, () -> {
            throw bug;
        });
        Callable<String> declared = ConnectionFailures.translating(Callable.class, () -> {
            throw checked;
        });

        assertEquals("answer", answering.call());
        assertSame(bug, assertThrows(IllegalArgumentException.class, failing::call));
        assertSame(checked, assertThrows(SQLException.class, declared::call), "declared exceptions pass as they are");
    }
}
