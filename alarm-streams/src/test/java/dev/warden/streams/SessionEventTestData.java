package dev.warden.streams;

import dev.warden.events.ClientData;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventJson;
import dev.warden.events.SessionEventData;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builds session events as the service's outbox relay publishes them: CloudEvents JSON text. */
final class SessionEventTestData {
    static final Duration LIFETIME = Duration.ofHours(24);

    private String eventId = UUID.randomUUID().toString();
    private String type = "warden.session.created";
    private String sessionId = UUID.randomUUID().toString();
    private String userId = UUID.randomUUID().toString();
    private String username = "alice";
    private String ipAddress = "10.0.0.1";
    private Instant createdAt = Instant.parse("2026-03-01T09:00:00Z");
    private Instant expiresAt = createdAt.plus(LIFETIME);
    private String reason;
    private String actorId;
    private Instant endedAt;

    private SessionEventTestData() {
    }

    static SessionEventTestData aCreated(String userId, String sessionId) {
        SessionEventTestData data = new SessionEventTestData();
        data.userId = userId;
        data.sessionId = sessionId;
        return data;
    }

    /** The end of a session with the same ids, IP and expiry as this (created) event. */
    SessionEventTestData terminated(String reason, String actorId, Instant at) {
        return end("warden.session.terminated", reason, actorId, at);
    }

    SessionEventTestData expired(String reason, Instant at) {
        return end("warden.session.expired", reason, null, at);
    }

    private SessionEventTestData end(String endType, String endReason, String actor, Instant at) {
        SessionEventTestData end = copy();
        end.eventId = UUID.randomUUID().toString();
        end.type = endType;
        end.reason = endReason;
        end.actorId = actor;
        end.endedAt = at;
        return end;
    }

    SessionEventTestData fromIp(String ip) {
        SessionEventTestData copy = copy();
        copy.ipAddress = ip;
        return copy;
    }

    SessionEventTestData createdAt(Instant at) {
        SessionEventTestData copy = copy();
        copy.createdAt = at;
        copy.expiresAt = at.plus(LIFETIME);
        return copy;
    }

    SessionEventTestData withUsername(String name) {
        SessionEventTestData copy = copy();
        copy.username = name;
        return copy;
    }

    String eventId() {
        return eventId;
    }

    String userId() {
        return userId;
    }

    String sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** When this event happened: the end time for ends, the creation time otherwise. */
    Instant time() {
        return endedAt != null ? endedAt : createdAt;
    }

    String json() {
        SessionEventData data = new SessionEventData(sessionId, userId, username, ipAddress, "JUnit/5",
                reason == null ? new ClientData("JUnit", "5", "Unknown", "", "unknown") : null, createdAt, expiresAt,
                reason, actorId, endedAt);
        CloudEvent<SessionEventData> event = new CloudEvent<>("1.0", eventId, "warden", type, time(),
                sessionId, "application/json", data);
        return EventJson.write(event);
    }

    private SessionEventTestData copy() {
        SessionEventTestData copy = new SessionEventTestData();
        copy.eventId = eventId;
        copy.type = type;
        copy.sessionId = sessionId;
        copy.userId = userId;
        copy.username = username;
        copy.ipAddress = ipAddress;
        copy.createdAt = createdAt;
        copy.expiresAt = expiresAt;
        copy.reason = reason;
        copy.actorId = actorId;
        copy.endedAt = endedAt;
        return copy;
    }
}
