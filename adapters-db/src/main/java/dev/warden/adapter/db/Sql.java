package dev.warden.adapter.db;

import io.helidon.dbclient.DbRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Conversions between Java values and what DbClient binds and returns for PostgreSQL columns. */
final class Sql {
    private Sql() {
    }

    /**
     * An instant as a timestamptz parameter. Truncated to microseconds (what the column keeps), so
     * the database never rounds a value up past the instant the caller meant.
     */
    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * Named parameters for {@link DbClientTransactionBoundary#write}: name, value, name, value...
     * (values may be null, which {@code Map.of} refuses).
     */
    static java.util.Map<String, Object> params(Object... namesAndValues) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static UUID uuid(DbRow row, String column) {
        Object value = raw(row, column);
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }

    static Instant instant(DbRow row, String column) {
        Object value = raw(row, column);
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offsetDateTime -> offsetDateTime.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException("Column " + column + " is not a time: " + value.getClass());
        };
    }

    static String string(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    static int integer(DbRow row, String column) {
        return ((Number) raw(row, column)).intValue();
    }

    static long number(DbRow row, String column) {
        return ((Number) raw(row, column)).longValue();
    }

    /** The column's value as the driver returned it; null for SQL NULL. */
    private static Object raw(DbRow row, String column) {
        return row.column(column).asOptional().orElse(null);
    }

    static boolean bool(DbRow row, String column) {
        return (Boolean) raw(row, column);
    }
}
