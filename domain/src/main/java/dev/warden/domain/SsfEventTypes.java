package dev.warden.domain;

import java.util.Collection;
import java.util.List;

/**
 * The event types Warden transmits (the contract's table): CAEP and RISC events about its users,
 * and the SSF events about a stream itself. Verification and stream-updated events are sent on
 * every stream, whatever it requested (SSF 1.0 sections 8.1.4 and 8.1.5).
 */
public final class SsfEventTypes {
    private static final String PREFIX = "https://schemas.openid.net/secevent/";
    public static final String SESSION_REVOKED = PREFIX + "caep/event-type/session-revoked";
    public static final String SESSION_ESTABLISHED = PREFIX + "caep/event-type/session-established";
    public static final String CREDENTIAL_CHANGE = PREFIX + "caep/event-type/credential-change";
    public static final String RISK_LEVEL_CHANGE = PREFIX + "caep/event-type/risk-level-change";
    public static final String ACCOUNT_DISABLED = PREFIX + "risc/event-type/account-disabled";
    public static final String ACCOUNT_ENABLED = PREFIX + "risc/event-type/account-enabled";
    public static final String VERIFICATION = PREFIX + "ssf/event-type/verification";
    public static final String STREAM_UPDATED = PREFIX + "ssf/event-type/stream-updated";

    /** {@code events_supported} of every stream, in the contract's order. */
    public static final List<String> SUPPORTED = List.of(SESSION_REVOKED, SESSION_ESTABLISHED, CREDENTIAL_CHANGE,
            RISK_LEVEL_CHANGE, ACCOUNT_DISABLED, ACCOUNT_ENABLED, VERIFICATION, STREAM_UPDATED);

    private SsfEventTypes() {
    }

    /**
     * {@code events_delivered}: the supported types the receiver requested, in the supported order.
     * Unknown types are ignored (SSF 1.0 section 8.1.1: "a Transmitter MUST ignore any array values
     * that it does not understand").
     *
     * @param requested {@code events_requested}; null (not given) asks for every supported type
     */
    public static List<String> delivered(Collection<String> requested) {
        return requested == null ? SUPPORTED : SUPPORTED.stream().filter(requested::contains).toList();
    }
}
