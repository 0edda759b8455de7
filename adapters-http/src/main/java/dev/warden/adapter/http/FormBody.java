package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (what the OAuth token endpoint takes), read
 * with {@link JsonBody}'s size cap and checked as RFC 6749 section 3.2 asks: a parameter sent twice
 * is an error, one sent without a value counts as absent, unknown ones are ignored. Every problem
 * is an {@link OAuthError} {@code invalid_request} naming the parameter, never its value.
 */
final class FormBody {
    private final Map<String, String> parameters;

    private FormBody(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    static FormBody read(ServerRequest req) {
        boolean form = req.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(type -> type.equals(MediaTypes.APPLICATION_FORM_URLENCODED))
                .orElse(false);
        if (!form) {
            throw OAuthError.invalidRequest("Content-Type must be application/x-www-form-urlencoded.");
        }
        byte[] bytes;
        try {
            bytes = req.content().hasEntity() ? JsonBody.readCapped(req) : new byte[0];
        } catch (InvalidRequest e) {
            throw OAuthError.invalidRequest(e.getMessage());
        }
        return new FormBody(parse(bytes));
    }

    private static Map<String, String> parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("The body must be UTF-8.");
        }
        Map<String, String> parameters = new HashMap<>();
        if (text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.isEmpty() || value.isEmpty()) {
                continue;
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("The parameter " + printable(name) + " must not be sent twice.");
            }
        }
        return parameters;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The body is not valid form encoding (a bad %-escape).");
        }
    }

    /** A parameter name for a message: known names as they are, anything else shortened and cleaned. */
    private static String printable(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }
}
