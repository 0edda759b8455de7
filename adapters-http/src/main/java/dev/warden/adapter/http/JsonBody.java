package dev.warden.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.InvalidRequest;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request's JSON object body, read with a size cap and checked strictly: exactly the expected
 * fields, each a string. Details name fields and rules, never values.
 */
final class JsonBody {
    static final int MAX_BYTES = 16 * 1024;

    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * Reads the body of {@code req}, which must be {@code application/json} and hold a JSON object
     * with exactly {@code fields}.
     */
    static JsonBody read(ServerRequest req, Set<String> fields) {
        requireJsonContentType(req);
        JsonNode node = Json.parse(readCapped(req));
        if (!node.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                unknown.add(name.length() > 40 ? name.substring(0, 40) + "..." : name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("Unknown field(s) " + unknown + "; expected " + fields.stream().sorted().toList() + ".");
        }
        return new JsonBody(node);
    }

    /** @throws InvalidRequest when the field is missing, null or not a string */
    String requiredString(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequest("Field '" + field + "' is required.");
        }
        if (!value.isTextual()) {
            throw new InvalidRequest("Field '" + field + "' must be a string.");
        }
        return value.textValue();
    }

    private static void requireJsonContentType(ServerRequest req) {
        boolean json = req.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(type -> type.equals(MediaTypes.APPLICATION_JSON))
                .orElse(false);
        if (!json) {
            throw new InvalidRequest("Content-Type must be application/json.");
        }
    }

    private static byte[] readCapped(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_BYTES) {
            throw tooLarge();
        }
        if (!req.content().hasEntity()) {
            throw new InvalidRequest("The request body is empty; a JSON object is required.");
        }
        // Read at most one byte past the cap, so a chunked body without Content-Length cannot fill memory.
        try (InputStream in = req.content().inputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidRequest tooLarge() {
        return new InvalidRequest("The request body must be at most " + MAX_BYTES / 1024 + " KiB.");
    }
}
