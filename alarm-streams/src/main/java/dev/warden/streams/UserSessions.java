package dev.warden.streams;

import dev.warden.domain.ActiveSessionIps;
import dev.warden.domain.IpAddresses;
import dev.warden.domain.SessionId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's entry in {@value AlarmTopology#USER_SESSIONS_STORE}, keyed by user id.
 *
 * @param active      active session id -> its IP and absolute expiry
 * @param openAlarmId the open IP-spread alarm, or null
 * @param ended       ids of sessions whose end was seen -> their absolute expiry; remembered so that a
 *                    create arriving after its end does not revive the session, and so a repeated end
 *                    is not forwarded twice. Bounded: dropped once the expiry has passed, because a
 *                    create for an expired session is ignored anyway.
 * @param seenUntil   the latest record time seen for this user; the clock for the expiry checks, so a
 *                    late or replayed record never moves it backwards
 * @param ipAddresses the distinct IPs of {@code active}, sorted: what an alarm of this user names. Derived,
 *                    and always recomputed from {@code active} (whatever a stored value says), so it cannot
 *                    disagree with it; written so that a reader of the store or its changelog sees the
 *                    spread without working it out. State written before this field existed has none
 *                    and reads the same.
 */
public record UserSessions(
        Map<String, ActiveSession> active,
        String openAlarmId,
        Map<String, Instant> ended,
        Instant seenUntil,
        List<String> ipAddresses) {

    /** An active session as far as IP spread is concerned. */
    public record ActiveSession(String ipAddress, Instant expiresAt) {
    }

    public UserSessions {
        active = active == null ? Map.of() : Map.copyOf(active);
        ended = ended == null ? Map.of() : Map.copyOf(ended);
        seenUntil = seenUntil == null ? Instant.EPOCH : seenUntil;
        ipAddresses = IpAddresses.sortedDistinct(active.values().stream().map(ActiveSession::ipAddress).toList());
    }

    public static UserSessions empty() {
        return new UserSessions(Map.of(), null, Map.of(), Instant.EPOCH, null);
    }

    /** Nothing worth storing: the entry can be deleted. */
    boolean isIdle() {
        return active.isEmpty() && openAlarmId == null && ended.isEmpty();
    }

    ActiveSessionIps toActiveSessionIps() {
        Map<SessionId, String> ips = new LinkedHashMap<>();
        active.forEach((id, session) -> ips.put(SessionId.parse(id), session.ipAddress()));
        return ActiveSessionIps.of(ips, openAlarmId != null);
    }
}
