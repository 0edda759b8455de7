package dev.warden.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.BoundedText;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Shared Signals request's JSON object (stream configuration, status, subject, verification,
 * poll): nested objects and arrays, unlike {@link JsonBody}'s flat strings. Read with the same
 * size cap and content type; every name and string anywhere in it is checked at once to hold no
 * control character (PostgreSQL cannot store NUL) and no unpaired surrogate, and only the
 * expected top-level members are accepted. Details name members, never values.
 */
final class SsfRequestBody {
    private final JsonNode object;

    private SsfRequestBody(JsonNode object) {
        this.object = object;
    }

    /** @throws InvalidRequest when not a JSON object of {@code fields} with clean text */
    static SsfRequestBody read(ServerRequest req, Set<String> fields) {
        JsonBody.requireJsonContentType(req);
        return of(Json.parse(JsonBody.readCapped(req)), fields);
    }

    /** As {@link #read}, but a request without a body reads as {@code {}} (a poll may send none). */
    static SsfRequestBody readOrEmpty(ServerRequest req, Set<String> fields) {
        if (!req.content().hasEntity() && req.headers().contentLength().orElse(0) == 0) {
            return of(Json.parse("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), fields);
        }
        return read(req, fields);
    }

    static SsfRequestBody of(JsonNode node, Set<String> fields) {
        if (!node.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        requireCleanText(node, "");
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                unknown.add(BoundedText.cap(name, 40));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("Unknown member(s) " + unknown + "; expected " + fields.stream().sorted().toList()
                    + ".");
        }
        return new SsfRequestBody(node);
    }

    boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** @return null when absent or null */
    String string(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequest("Member '" + field + "' must be a string.");
        }
        return value.textValue();
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw new InvalidRequest("Member '" + field + "' is required.");
        }
        return value;
    }

    /** @return null when absent or null */
    List<String> strings(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidRequest("Member '" + field + "' must be an array of strings.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidRequest("Member '" + field + "' must be an array of strings.");
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    /** @return null when absent or null */
    Long integer(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRequest("Member '" + field + "' must be an integer.");
        }
        return value.longValue();
    }

    /** @return null when absent or null */
    Boolean bool(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequest("Member '" + field + "' must be true or false.");
        }
        return value.booleanValue();
    }

    /** A nested object with only {@code fields}; null when absent or null. */
    SsfRequestBody object(String field, Set<String> fields) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidRequest("Member '" + field + "' must be a JSON object.");
        }
        try {
            return of(value, fields);
        } catch (InvalidRequest e) {
            throw new InvalidRequest("In '" + field + "': " + e.getMessage());
        }
    }

    /** A nested object as name to value, each a string or (anything else) its JSON text; null when absent. */
    Map<String, Object> members(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidRequest("Member '" + field + "' must be a JSON object.");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        value.properties().forEach(e -> members.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().textValue() : e.getValue()));
        return members;
    }

    /** A nested object whose every member is an object of {@code fields} (RFC 8936 setErrs); empty when absent. */
    Map<String, SsfRequestBody> objects(String field, Set<String> fields) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidRequest("Member '" + field + "' must be a JSON object.");
        }
        Map<String, SsfRequestBody> each = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!e.getValue().isObject()) {
                throw new InvalidRequest("Each member of '" + field + "' must be a JSON object.");
            }
            try {
                each.put(e.getKey(), of(e.getValue(), fields));
            } catch (InvalidRequest problem) {
                throw new InvalidRequest("In '" + field + "': " + problem.getMessage());
            }
        }
        return each;
    }

    private static void requireCleanText(JsonNode node, String path) {
        if (node.isTextual()) {
            requireClean(node.textValue(), path);
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                requireCleanText(item, path);
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                requireClean(e.getKey(), path);
                requireCleanText(e.getValue(), path.isEmpty() ? e.getKey() : path);
            });
        }
    }

    private static void requireClean(String text, String path) {
        boolean unpairedSurrogate = text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE);
        if (BoundedText.hasUnsafe(text) || unpairedSurrogate) {
            throw new InvalidRequest((path.isEmpty() ? "A member name" : "Member '" + BoundedText.cap(path, 40) + "'")
                    + " holds a control character or an unpaired surrogate.");
        }
    }
}
