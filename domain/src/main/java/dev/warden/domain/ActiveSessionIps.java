package dev.warden.domain;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user's active sessions and the IP each came from, with whether an IP-spread alarm is open.
 * Applying session starts and ends to it yields the alarm transitions of {@link IpSpreadRule}.
 * Starting a known session again, or ending an unknown one, changes nothing: events may repeat.
 */
public final class ActiveSessionIps {
    private final Map<SessionId, String> ipBySession;
    private final boolean alarmOpen;

    private ActiveSessionIps(Map<SessionId, String> ipBySession, boolean alarmOpen) {
        this.ipBySession = ipBySession;
        this.alarmOpen = alarmOpen;
    }

    public static ActiveSessionIps empty() {
        return new ActiveSessionIps(Map.of(), false);
    }

    public static ActiveSessionIps of(Map<SessionId, String> ipBySession, boolean alarmOpen) {
        return new ActiveSessionIps(Map.copyOf(ipBySession), alarmOpen);
    }

    public Map<SessionId, String> ipBySession() {
        return Collections.unmodifiableMap(ipBySession);
    }

    public boolean alarmOpen() {
        return alarmOpen;
    }

    public int distinctIps() {
        return new HashSet<>(ipBySession.values()).size();
    }

    /** The distinct IPs of the active sessions, in {@link IpAddresses#ORDER}: what an alarm names. */
    public List<String> ipAddresses() {
        return IpAddresses.sortedDistinct(ipBySession.values());
    }

    public Change started(SessionId session, String ip, IpSpreadRule rule) {
        Objects.requireNonNull(ip, "ip");
        if (ipBySession.containsKey(session)) {
            return new Change(this, IpSpreadRule.Transition.NONE);
        }
        Map<SessionId, String> next = new LinkedHashMap<>(ipBySession);
        next.put(session, ip);
        return settle(next, rule);
    }

    public Change ended(SessionId session, IpSpreadRule rule) {
        if (!ipBySession.containsKey(session)) {
            return new Change(this, IpSpreadRule.Transition.NONE);
        }
        Map<SessionId, String> next = new LinkedHashMap<>(ipBySession);
        next.remove(session);
        return settle(next, rule);
    }

    private Change settle(Map<SessionId, String> next, IpSpreadRule rule) {
        int distinct = new HashSet<>(next.values()).size();
        IpSpreadRule.Transition transition = rule.evaluate(alarmOpen, distinct);
        boolean open = switch (transition) {
            case RAISE -> true;
            case RESOLVE -> false;
            case NONE -> alarmOpen;
        };
        return new Change(new ActiveSessionIps(Map.copyOf(next), open), transition);
    }

    /** The state after an event and what the alarm does because of it. */
    public record Change(ActiveSessionIps state, IpSpreadRule.Transition transition) {
    }
}
