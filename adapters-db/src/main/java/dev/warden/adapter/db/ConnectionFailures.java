package dev.warden.adapter.db;

import dev.warden.application.port.out.StoreUnavailable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a lost database from a failed statement, and turns the first into the application's
 * {@link StoreUnavailable} at the ports, whatever JDBC, HikariCP or DbClient wrapped it in. Every
 * port of this module is handed out through {@link #translating}, so no caller sees a driver
 * exception for an outage, and no adapter method needs its own try/catch.
 */
final class ConnectionFailures {
    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 32;

    private ConnectionFailures() {
    }

    /**
     * True when the error, or anything it wraps, says the connection could not be had or died:
     * SQLState class 08 (connection exception), the server shutting down or starting up, or a
     * pool that had no connection to give within the connect timeout.
     */
    static boolean isConnectionFailure(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof StoreUnavailable || current instanceof DatabaseUnavailable
                    || current instanceof SQLTransientConnectionException
                    || current instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (current instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
    }

    /** The error as callers of a port should see it. */
    static Throwable translate(Throwable error) {
        if (error instanceof StoreUnavailable || !(error instanceof RuntimeException) || !isConnectionFailure(error)) {
            return error;
        }
        return new StoreUnavailable(error);
    }

    /**
     * The adapter behind its port interface, with connection failures translated on the way out.
     * A proxy rather than a hand-written decorator per port, so a method added to a port is
     * covered without anyone remembering to.
     */
    static <T> T translating(Class<T> port, T adapter) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(adapter, args);
            } catch (InvocationTargetException e) {
                throw translate(e.getCause());
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
