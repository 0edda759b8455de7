package dev.warden.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.BoundedText;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request's JSON object body, read with a size cap and checked strictly: exactly the expected
 * fields, each a string without unpaired surrogates (they have no UTF-8 form, so two different
 * passwords would hash alike), and names and other plain fields without control characters
 * (PostgreSQL cannot store NUL). Details name fields and rules, never values.
 */
final class JsonBody {
    static final int MAX_BYTES = 16 * 1024;
    private static final String MALFORMED =
            "The request body could not be read: its chunked or compressed encoding is malformed.";

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

    /** @throws InvalidRequest when the field is missing, null, not a string, or holds a control character */
    String requiredString(String field) {
        String value = requiredText(field);
        if (BoundedText.hasUnsafe(value)) {
            throw new InvalidRequest("Field '" + field + "' must not contain control characters.");
        }
        return value;
    }

    /**
     * A password, every password field read the same way: control characters are left to the
     * password policy, which names its rule for them; at login and re-authentication they simply
     * never match.
     *
     * @throws InvalidRequest when the field is missing, null, not a string, or holds an unpaired surrogate
     */
    String requiredPassword(String field) {
        return requiredText(field);
    }

    private String requiredText(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequest("Field '" + field + "' is required.");
        }
        if (!value.isTextual()) {
            throw new InvalidRequest("Field '" + field + "' must be a string.");
        }
        String text = value.textValue();
        if (hasUnpairedSurrogate(text)) {
            throw new InvalidRequest("Field '" + field + "' must be valid Unicode text (it holds an unpaired surrogate).");
        }
        return text;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) == Character.SURROGATE) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    static void requireJsonContentType(ServerRequest req) {
        boolean json = req.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(type -> type.equals(MediaTypes.APPLICATION_JSON))
                .orElse(false);
        if (!json) {
            throw new InvalidRequest("Content-Type must be application/json.");
        }
    }

    static byte[] readCapped(ServerRequest req) {
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
        } catch (InvalidRequest | HttpException e) {
            throw e;
        } catch (RequestException e) {
            // Helidon's framing checks: a chunk past the server's payload limit, a bad last chunk.
            throw HttpProblem.closingConnection(ProblemType.INVALID_REQUEST,
                    e.status().code() == 413 ? tooLarge().getMessage() : MALFORMED);
        } catch (IOException | RuntimeException e) {
            // Helidon lets a chunk size that is not hex, or too large, escape as NumberFormatException, and a
            // broken compressed body fails in its decoder: the client framed the body wrongly. What follows on
            // this connection cannot be trusted either, so it is closed after the answer.
            throw HttpProblem.closingConnection(ProblemType.INVALID_REQUEST, MALFORMED);
        }
    }

    private static InvalidRequest tooLarge() {
        return new InvalidRequest("The request body must be at most " + MAX_BYTES / 1024 + " KiB.");
    }
}
