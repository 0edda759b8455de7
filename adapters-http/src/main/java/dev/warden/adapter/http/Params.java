package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.domain.BoundedText;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.domain.Uuids;
import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        return Optional.of(checked(name, query.get(name)));
    }

    /** A value the input rules allow in any query parameter: no control character, not over-long. */
    private static String checked(String name, String value) {
        if (BoundedText.hasUnsafe(value)) {
            throw new InvalidRequest("Query parameter '" + name + "' must not contain control characters.");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidRequest("Query parameter '" + name + "' must be at most " + MAX_VALUE_LENGTH + " characters.");
        }
        return value;
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
        return nonBlank(req, name).map(value -> constant(name, value, type));
    }

    /**
     * A parameter that may repeat ({@code type=A&type=B}), each value an enum constant by exact name
     * (else 400 listing the allowed names); empty values count as absent. At most as many values as
     * there are constants, so a repeated parameter cannot make a request arbitrarily large to read.
     */
    static <E extends Enum<E>> Set<E> enumValues(ServerRequest req, String name, Class<E> type) {
        UriQuery query = req.query();
        if (!query.contains(name)) {
            return Set.of();
        }
        List<String> values = query.all(name);
        int most = type.getEnumConstants().length;
        if (values.size() > most) {
            throw new InvalidRequest("Query parameter '" + name + "' must be given at most " + most + " times.");
        }
        Set<E> constants = new LinkedHashSet<>();
        for (String value : values) {
            String text = checked(name, value).strip();
            if (!text.isEmpty()) {
                constants.add(constant(name, text, type));
            }
        }
        return constants;
    }

    private static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidRequest("Query parameter '" + name + "' must be one of "
                + Arrays.toString(type.getEnumConstants()) + ".");
    }

    /**
     * An ISO-8601 instant with its offset ({@code 2026-11-26T15:04:05Z}, {@code ...+01:00}, fractions
     * of a second allowed); anything else, a date alone included, is a 400 naming the parameter.
     */
    static Optional<Instant> instant(ServerRequest req, String name) {
        return nonBlank(req, name).map(value -> {
            try {
                return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("Query parameter '" + name
                        + "' must be an ISO-8601 instant with its offset, e.g. 2026-11-26T15:04:05Z.");
            }
        });
    }

    /**
     * An IPv4 or IPv6 address, written as the service records client addresses (IPv6 in full, as
     * {@code 2001:db8:0:0:0:0:0:1}), so any spelling of one address finds it; a 400 naming the
     * parameter for anything else (a host name is never looked up).
     */
    static Optional<String> ipAddress(ServerRequest req, String name) {
        return nonBlank(req, name).map(value -> IpLiterals.parse(value).map(ClientIpResolver::text)
                .orElseThrow(() -> new InvalidRequest("Query parameter '" + name
                        + "' must be an IP address, e.g. 203.0.113.7 or 2001:db8::1.")));
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
