package dev.warden.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a CSV export: fields of the list's JSON view ({@link Views}), by name and in the
 * JSON's order, so a cell holds exactly what the JSON field holds (ISO-8601 UTC times, ids as text,
 * an empty cell for null). A field of a nested object is named with a dot ({@code client.browser}).
 * {@code CsvColumnsTest} checks that every field of the JSON views has its column.
 */
record CsvColumns(List<String> names) {
    static final CsvColumns SESSIONS = new CsvColumns(List.of("id", "userId", "username", "ipAddress", "userAgent",
            "client.browser", "client.browserVersion", "client.os", "client.osVersion", "client.deviceType",
            "createdAt", "lastActiveAt", "expiresAt", "idleExpiresAt"));
    static final CsvColumns AUDIT = new CsvColumns(List.of("id", "type", "occurredAt", "userId", "username",
            "actorId", "actorUsername", "sessionId", "ipAddress", "userAgent", "reason"));

    CsvColumns {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
    }

    /** One row: each column's value in {@code json}, as text (null where the field is null or absent). */
    List<String> cells(Map<String, Object> json) {
        List<String> cells = new ArrayList<>(names.size());
        for (String name : names) {
            Object value = lookup(json, name);
            cells.add(value == null ? null : String.valueOf(value));
        }
        return cells;
    }

    private static Object lookup(Map<String, Object> json, String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return json.get(name);
        }
        return json.get(name.substring(0, dot)) instanceof Map<?, ?> nested
                ? nested.get(name.substring(dot + 1))
                : null;
    }
}
