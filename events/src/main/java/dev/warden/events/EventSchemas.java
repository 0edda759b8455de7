package dev.warden.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published JSON Schemas (draft 2020-12) of the events, shipped in this module's jar under
 * {@code dev/warden/events/schemas/}: one per event type, named like {@code session-created}.
 * docs/events.md links to them; EventSchemasIT checks the service's real events against them.
 */
public final class EventSchemas {
    private EventSchemas() {
    }

    /**
     * The text of one schema.
     *
     * @param name e.g. {@code session-created}, {@code public-session-terminated}, {@code alarm-raised}
     * @throws IllegalArgumentException when there is no schema of that name
     */
    public static String read(String name) {
        String file = "schemas/" + name + ".schema.json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("no event schema named '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the event schema " + file, e);
        }
    }
}
