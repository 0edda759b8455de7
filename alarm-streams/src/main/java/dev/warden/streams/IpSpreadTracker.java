package dev.warden.streams;

import dev.warden.domain.ActiveSessionIps;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.IpSpreadRule;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.events.CloudEvent;
import dev.warden.events.IpSpreadAlarmData;
import dev.warden.events.SessionTerminatedData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one checked session event to one user's {@link UserSessions}: what the state becomes and
 * which events to emit. The threshold decisions are the domain's ({@link ActiveSessionIps},
 * {@link IpSpreadRule}); this class adds what a stream needs on top: repeats, ends before creates,
 * bounded memory and deterministic event ids. No Kafka here, so it is easy to reason about.
 */
final class IpSpreadTracker {
    private final IpSpreadRule rule;

    IpSpreadTracker(IpSpreadRule rule) {
        this.rule = rule;
    }

    /** The new state, and the events to publish in order (forwarded end first, then alarm events). */
    record Outcome(UserSessions state, List<CloudEvent<?>> emitted) {
    }

    Outcome apply(UserSessions before, SessionEventInput event, Instant recordTime) {
        Instant now = recordTime.isAfter(before.seenUntil()) ? recordTime : before.seenUntil();
        Step step = new Step(before, event, now);
        step.endSessionsPastExpiry();
        if (event.isEnd()) {
            step.end();
        } else {
            step.start();
        }
        return new Outcome(step.state(), List.copyOf(step.emitted));
    }

    /** The working state while one event is applied. */
    private final class Step {
        private final SessionEventInput event;
        private final Instant now;
        private final Map<String, Instant> expiries = new HashMap<>();
        private final Map<String, Instant> ended = new HashMap<>();
        private final List<CloudEvent<?>> emitted = new ArrayList<>();
        private ActiveSessionIps ips;
        private String alarmId;

        Step(UserSessions before, SessionEventInput event, Instant now) {
            this.event = event;
            this.now = now;
            this.ips = before.toActiveSessionIps();
            this.alarmId = before.openAlarmId();
            before.active().forEach((id, session) -> expiries.put(id, session.expiresAt()));
            before.ended().forEach((id, expiresAt) -> {
                if (expiresAt.isAfter(now)) {
                    ended.put(id, expiresAt);
                }
            });
        }

        /** Past its absolute expiry a session is over even if its expired event has not arrived yet. */
        void endSessionsPastExpiry() {
            expiries.forEach((id, expiresAt) -> {
                if (!expiresAt.isAfter(now)) {
                    settle(ips.ended(SessionId.parse(id), rule));
                }
            });
        }

        void start() {
            String id = event.sessionId().toString();
            if (ended.containsKey(id) || !event.expiresAt().isAfter(now)) {
                return; // its end was already seen (out of order), or it is expired anyway
            }
            expiries.putIfAbsent(id, event.expiresAt());
            settle(ips.started(event.sessionId(), event.ipAddress(), rule));
        }

        void end() {
            String id = event.sessionId().toString();
            if (ended.containsKey(id)) {
                return; // a repeat of an end already forwarded
            }
            if (event.expiresAt().isAfter(now)) {
                ended.put(id, event.expiresAt());
            }
            emitted.add(forwardedEnd());
            settle(ips.ended(event.sessionId(), rule));
        }

        private void settle(ActiveSessionIps.Change change) {
            ips = change.state();
            switch (change.transition()) {
                case RAISE -> {
                    alarmId = EventIds.alarmId(event.eventId());
                    emitted.add(alarm(AlarmEvent.Kind.RAISED, EventIds.raised(event.eventId())));
                }
                case RESOLVE -> {
                    emitted.add(alarm(AlarmEvent.Kind.RESOLVED, EventIds.resolved(event.eventId(), alarmId)));
                    alarmId = null;
                }
                case NONE -> {
                }
            }
        }

        private CloudEvent<SessionTerminatedData> forwardedEnd() {
            SessionTerminatedData data = new SessionTerminatedData(event.sessionId().toString(),
                    event.userId().toString(), event.username(), event.reason().name(),
                    event.actorId() == null ? null : event.actorId().toString(), event.endedAt(),
                    event.expiresAt());
            // Every end, expiry included, goes out as "terminated": the reason tells them apart.
            return CloudEvent.emit(EventIds.forwardedEnd(event.eventId()),
                    SessionEvent.Type.TERMINATED.cloudEventType(), event.endedAt(), data.sessionId(), data);
        }

        private CloudEvent<IpSpreadAlarmData> alarm(AlarmEvent.Kind kind, String eventId) {
            IpSpreadAlarmData data = new IpSpreadAlarmData(alarmId, event.userId().toString(),
                    event.username(), ips.distinctIps(), ips.ipAddresses(), rule.threshold(), event.time());
            return CloudEvent.emit(eventId, kind.cloudEventType(), event.time(), data.userId(), data);
        }

        UserSessions state() {
            Map<String, UserSessions.ActiveSession> active = new LinkedHashMap<>();
            ips.ipBySession().forEach((id, ip) ->
                    active.put(id.toString(), new UserSessions.ActiveSession(ip, expiries.get(id.toString()))));
            return new UserSessions(active, alarmId, ended, now, null);
        }
    }
}
