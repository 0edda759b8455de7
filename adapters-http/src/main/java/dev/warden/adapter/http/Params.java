package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.domain.Uuids;
import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Reads path and query parameters; every malformed value becomes a 400, never a 500. */
final class Params {
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
        return Optional.of(query.get(name));
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

    private static Optional<Integer> integer(ServerRequest req, String name) {
        return nonBlank(req, name).map(value -> {
            if (!value.matches("-?\\d+")) {
                throw new InvalidRequest("Query parameter '" + name + "' must be a whole number.");
            }
            if (value.length() > 9) {
                // Far out of any range; let the range check word the message.
                return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            return Integer.parseInt(value);
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
