package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.domain.BoundedText;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.domain.Uuids;
import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads path and query parameters; every malformed value becomes a 400 naming the parameter, never
 * a 500, and never echoing the value. No query value may hold a control character or an unpaired
 * surrogate (PostgreSQL rejects NUL in text) or be longer than {@value #MAX_VALUE_LENGTH}
 * characters. Numbers are canonical decimal: see {@link #integer}.
 */
final class Params {
    static final int MAX_VALUE_LENGTH = 256;
    /** Digits only, no sign, no leading zero; at most nine digits, so every accepted value fits an int. */
    private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Params() {
    }

    static PageRequest page(ServerRequest req) {
        int limit = integer(req, "limit").orElse(PageRequest.DEFAULT_LIMIT);
        int offset = integer(req, "offset").orElse(0);
        return new PageRequest(limit, offset);
    }

    static Optional<String> text(ServerRequest req, String name) {
        UriQuery query = req.query();
        if (!query.contains(name)) {
            return Optional.empty();
        }
        if (query.all(name).size() > 1) {
            throw new InvalidRequest("Query parameter '" + name + "' must be given at most once.");
        }
        String value = query.get(name);
        if (BoundedText.hasUnsafe(value)) {
            throw new InvalidRequest("Query parameter '" + name + "' must not contain control characters.");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidRequest("Query parameter '" + name + "' must be at most " + MAX_VALUE_LENGTH + " characters.");
        }
        return Optional.of(value);
    }

    static Optional<UserId> userId(ServerRequest req) {
        return nonBlank(req, "userId").map(value -> parseOrReject(() -> UserId.parse(value), "userId"));
    }

    static SessionId sessionIdPath(ServerRequest req) {
        String value = req.path().pathParameters().get("id");
        return parseOrReject(() -> SessionId.parse(value), "id");
    }

    static UserId userIdPath(ServerRequest req) {
        String value = req.path().pathParameters().get("id");
        return parseOrReject(() -> UserId.parse(value), "id");
    }

    static UUID uuidPath(ServerRequest req) {
        String value = req.path().pathParameters().get("id");
        return parseOrReject(() -> Uuids.parse(value, "id"), "id");
    }

    /** An enum constant by exact name, or 400 listing the allowed names. */
    static <E extends Enum<E>> Optional<E> enumValue(ServerRequest req, String name, Class<E> type) {
        return nonBlank(req, name).map(value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new InvalidRequest("Query parameter '" + name + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        });
    }

    static Optional<String> nonBlank(ServerRequest req, String name) {
        return text(req, name).filter(value -> !value.isBlank()).map(String::strip);
    }

    /**
     * A whole number written the one way it is written: ASCII digits, no sign, no spaces, no leading
     * zero, at most nine digits. An empty value counts as absent, like an empty filter. Anything else
     * is a 400 naming the parameter, so no spelling ({@code 0000000001}, {@code +1}, {@code 1e3},
     * {@code ١}) can be read as a number other than the one it shows.
     */
    private static Optional<Integer> integer(ServerRequest req, String name) {
        return text(req, name).filter(value -> !value.isEmpty()).map(value -> {
            if (CANONICAL_NUMBER.matcher(value).matches()) {
                return Integer.parseInt(value);
            }
            if (DIGITS.matcher(value).matches() && value.charAt(0) != '0') {
                throw new InvalidRequest("Query parameter '" + name + "' is out of range (nine digits at most).");
            }
            throw new InvalidRequest("Query parameter '" + name
                    + "' must be a whole number written in plain digits (no sign, spaces or leading zeros).");
        });
    }

    private static <T> T parseOrReject(java.util.function.Supplier<T> parse, String name) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("'" + name + "' must be a UUID.");
        }
    }
}
