package dev.warden.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's event table: which Warden facts other services learn of over Shared Signals, and
 * the CAEP or RISC event each one becomes. Facts the table does not name (account created, role
 * changed, locked, unlocked) become nothing.
 *
 * <p>{@code initiating_entity} of a session end follows who ended it: {@code policy} when it ran out
 * of time (idle or absolute lifetime), {@code user} when the user did (logout, an own password
 * change, or the actor is the user), otherwise {@code admin} (terminations, a disable, a reset). Of a
 * password change: {@code user} for the user's own change, {@code admin} for a reset.
 */
public final class SsfSignals {
    static final String USER = "user";
    static final String ADMIN = "admin";
    static final String POLICY = "policy";

    private SsfSignals() {
    }

    /** @param issuer the transmitter's issuer, which names the user in every {@code iss_sub} subject */
    public static Optional<SsfSignal> of(OutboxEvent event, String issuer) {
        return switch (event) {
            case SessionEvent e -> Optional.of(session(e, issuer));
            case AccountEvent e -> account(e, issuer);
        };
    }

    /** An IP-spread alarm raised (risk HIGH) or resolved (back to LOW). */
    public static SsfSignal of(RiskChange change, String issuer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("principal", "USER");
        fields.put("current_level", change.raised() ? "HIGH" : "LOW");
        fields.put("previous_level", change.raised() ? "LOW" : "HIGH");
        fields.put("risk_reason", "IP_SPREAD");
        fields.put("event_timestamp", change.at().getEpochSecond());
        return new SsfSignal(change.eventId(), change.userId(), SsfEventTypes.RISK_LEVEL_CHANGE,
                user(change.userId(), issuer), fields);
    }

    private static SsfSignal session(SessionEvent event, String issuer) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("format", "complex");
        subject.put("user", user(event.userId(), issuer));
        subject.put("session", Map.of("format", "opaque", "id", event.sessionId().toString()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event_timestamp", event.occurredAt().getEpochSecond());
        if (!event.isEnd()) {
            fields.put("ips", List.of(event.ipAddress()));
            return new SsfSignal(event.eventId(), event.userId(), SsfEventTypes.SESSION_ESTABLISHED, subject, fields);
        }
        fields.put("initiating_entity", endedBy(event));
        fields.put("reason_admin", Map.of("en", event.reason().name()));
        return new SsfSignal(event.eventId(), event.userId(), SsfEventTypes.SESSION_REVOKED, subject, fields);
    }

    static String endedBy(SessionEvent end) {
        TerminationReason reason = end.reason();
        if (reason.isExpiry()) {
            return POLICY;
        }
        if (reason == TerminationReason.USER_LOGOUT || reason == TerminationReason.PASSWORD_CHANGED
                || end.userId().equals(end.actorId())) {
            return USER;
        }
        return ADMIN;
    }

    private static Optional<SsfSignal> account(AccountEvent event, String issuer) {
        Map<String, Object> subject = user(event.userId(), issuer);
        return switch (event.type()) {
            case PASSWORD_CHANGED -> {
                boolean own = event.userId().equals(event.actorId());
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("credential_type", "password");
                fields.put("change_type", "update");
                fields.put("event_timestamp", event.occurredAt().getEpochSecond());
                fields.put("initiating_entity", own ? USER : ADMIN);
                fields.put("reason_admin", Map.of("en", own ? "PASSWORD_CHANGED" : "PASSWORD_RESET"));
                yield Optional.of(new SsfSignal(event.eventId(), event.userId(), SsfEventTypes.CREDENTIAL_CHANGE,
                        subject, fields));
            }
            case DISABLED -> Optional.of(new SsfSignal(event.eventId(), event.userId(), SsfEventTypes.ACCOUNT_DISABLED,
                    subject, Map.of()));
            case ENABLED -> Optional.of(new SsfSignal(event.eventId(), event.userId(), SsfEventTypes.ACCOUNT_ENABLED,
                    subject, Map.of()));
            case CREATED, ROLE_CHANGED, LOCKED, UNLOCKED -> Optional.empty();
        };
    }

    /** An RFC 9493 {@code iss_sub} identifier of a Warden user. */
    private static Map<String, Object> user(UserId user, String issuer) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("format", "iss_sub");
        subject.put("iss", issuer);
        subject.put("sub", user.toString());
        return subject;
    }
}
