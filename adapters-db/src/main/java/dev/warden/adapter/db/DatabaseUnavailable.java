package dev.warden.adapter.db;

/** PostgreSQL could not be reached or refused the connection. The message names the URL, never the password. */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
