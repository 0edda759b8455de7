package dev.warden.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Security Event Token's content (RFC 8417 as SSF 1.0 profiles it), before it is signed: for
 * one receiver, about one subject, with exactly one event. The issuer is the signer's (the
 * transmitter's public URL). It has no {@code sub} and no {@code exp} by construction: SSF puts
 * the subject in {@code sub_id}, and a SET is a statement of fact that does not expire.
 *
 * @param audience    the receiver's client id ({@code aud})
 * @param issuedAt    {@code iat}
 * @param jti         the SET's id, the same on every redelivery
 * @param txn         the Warden event the SET reports ({@code txn})
 * @param subjectId   {@code sub_id}: an RFC 9493 subject identifier (a {@code format} and its members)
 * @param eventType   the one event's type URI
 * @param eventFields the one event's members (JSON values: strings, numbers, booleans, maps, lists)
 */
public record SecurityEvent(String audience, Instant issuedAt, String jti, String txn,
                            Map<String, Object> subjectId, String eventType, Map<String, Object> eventFields) {
    public SecurityEvent {
        audience = requireText(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        jti = requireText(jti, "jti");
        txn = requireText(txn, "txn");
        subjectId = copy(subjectId, "subjectId");
        if (!(subjectId.get("format") instanceof String)) {
            throw new IllegalArgumentException("subjectId must have a format (RFC 9493)");
        }
        eventType = requireText(eventType, "eventType");
        eventFields = copy(eventFields, "eventFields");
    }

    private static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static Map<String, Object> copy(Map<String, Object> map, String field) {
        Objects.requireNonNull(map, field);
        // Insertion order kept, so a SET reads as it was built; unmodifiable, so no one changes it after.
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
