package dev.warden.adapter.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.SsfStreamStatus;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementDml;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Streams in {@code ssf_streams}, their subjects in {@code ssf_stream_subjects} and their queues in
 * {@code ssf_stream_events} (V12). A queued SET's subject and event members are jsonb, read back in
 * the order they were written.
 */
public final class DbClientSsfStreams implements SsfStreams {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DbClientTransactionBoundary db;

    DbClientSsfStreams(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public void insert(SsfStream stream) {
        properties(db.executor().createNamedInsert("stream-insert"), stream)
                .addParam("clientId", stream.clientId().value())
                .addParam("createdAt", Sql.time(stream.createdAt()))
                .execute();
    }

    @Override
    public Optional<SsfStream> find(SsfStreamId id) {
        return db.executor().createNamedGet("stream-find").addParam("id", id.value()).execute()
                .map(DbClientSsfStreams::stream);
    }

    @Override
    public List<SsfStream> listOf(ReceiverClientId clientId) {
        try (Stream<DbRow> rows = db.executor().createNamedQuery("stream-list-of-client")
                .addParam("clientId", clientId.value()).execute()) {
            return rows.map(DbClientSsfStreams::stream).toList();
        }
    }

    @Override
    public List<SsfStream> listAll() {
        try (Stream<DbRow> rows = db.executor().createNamedQuery("stream-list-all").execute()) {
            return rows.map(DbClientSsfStreams::stream).toList();
        }
    }

    @Override
    public void update(SsfStream stream) {
        properties(db.executor().createNamedUpdate("stream-update"), stream).execute();
    }

    @Override
    public boolean delete(SsfStreamId id) {
        return db.executor().createNamedDelete("stream-delete").addParam("id", id.value()).execute() > 0;
    }

    @Override
    public void setSubject(SsfStreamId id, UserId user, boolean included) {
        db.executor().createNamedInsert("stream-set-subject")
                .addParam("id", id.value())
                .addParam("userId", user.value())
                .addParam("included", included)
                .execute();
    }

    @Override
    public List<UserId> excludedSubjects(SsfStreamId id) {
        try (Stream<DbRow> rows = db.executor().createNamedQuery("stream-excluded-subjects")
                .addParam("id", id.value()).execute()) {
            return rows.map(row -> new UserId(Sql.uuid(row, "user_id"))).toList();
        }
    }

    @Override
    public void enqueue(SsfStreamId id, SsfQueuedEvent event) {
        db.executor().createNamedInsert("stream-enqueue")
                .addParam("id", id.value())
                .addParam("jti", event.jti())
                .addParam("txn", event.txn())
                .addParam("eventType", event.eventType())
                .addParam("subjectId", json(event.subjectId()))
                .addParam("fields", json(event.fields()))
                .addParam("queuedAt", Sql.time(event.queuedAt()))
                .execute();
    }

    @Override
    public List<SsfQueuedEvent> queued(SsfStreamId id, int limit) {
        try (Stream<DbRow> rows = db.executor().createNamedQuery("stream-queued")
                .addParam("id", id.value()).addParam("limit", limit).execute()) {
            return rows.map(row -> new SsfQueuedEvent(Sql.string(row, "jti"), Sql.string(row, "txn"),
                    Sql.string(row, "event_type"), object(Sql.string(row, "subject_id")),
                    object(Sql.string(row, "fields")), Sql.instant(row, "queued_at"))).toList();
        }
    }

    @Override
    public long pending(SsfStreamId id) {
        return db.executor().createNamedGet("stream-pending").addParam("id", id.value()).execute()
                .map(row -> Sql.number(row, "pending")).orElse(0L);
    }

    @Override
    public int remove(SsfStreamId id, Collection<String> jtis) {
        // One statement for the whole batch (push settles a hundred at a time, a poll acknowledges at most
        // a thousand), the jtis as a JSON array: a receiver's acknowledgement may hold any string. One with
        // a NUL cannot be queued (PostgreSQL text holds none) and would make the cast fail, so it is left out.
        List<String> distinct = jtis.stream().filter(jti -> jti != null && jti.indexOf('\u0000') < 0)
                .distinct().toList();
        if (distinct.isEmpty()) {
            return 0;
        }
        String list;
        try {
            list = JSON.writeValueAsString(distinct);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("jtis must be text", e);
        }
        return (int) db.executor().createNamedDelete("stream-remove-events")
                .addParam("id", id.value()).addParam("jtis", list).execute();
    }

    @Override
    public void clear(SsfStreamId id) {
        db.executor().createNamedDelete("stream-clear").addParam("id", id.value()).execute();
    }

    @Override
    public void recordDelivered(SsfStreamId id, Instant at) {
        db.executor().createNamedUpdate("stream-record-delivered")
                .addParam("id", id.value()).addParam("at", Sql.time(at)).execute();
    }

    @Override
    public void recordError(SsfStreamId id, String error) {
        db.executor().createNamedUpdate("stream-record-error")
                .addParam("id", id.value()).addParam("error", error).execute();
    }

    /** The parameters a stream's insert and update share. */
    private static <S extends DbStatementDml> S properties(S statement, SsfStream s) {
        statement.addParam("id", s.id().value())
                .addParam("description", s.description())
                .addParam("deliveryMethod", s.delivery().method().text())
                .addParam("endpointUrl", s.delivery().endpointUrl() == null ? null : s.delivery().endpointUrl().toString())
                .addParam("authorizationHeader", s.delivery().authorizationHeader())
                .addParam("eventsRequested", s.eventsRequested() == null ? null : String.join(" ", s.eventsRequested()))
                .addParam("status", s.status().text())
                .addParam("statusReason", s.statusReason())
                .addParam("lastVerificationAt", Sql.time(s.lastVerificationAt()));
        return statement;
    }

    private static SsfStream stream(DbRow row) {
        String endpoint = Sql.string(row, "endpoint_url");
        String requested = Sql.string(row, "events_requested");
        return new SsfStream(
                new SsfStreamId(Sql.uuid(row, "id")),
                new ReceiverClientId(Sql.uuid(row, "client_id")),
                Sql.string(row, "description"),
                new SsfDelivery(SsfDelivery.Method.valueOf(Sql.string(row, "delivery_method").toUpperCase(Locale.ROOT)),
                        endpoint == null ? null : URI.create(endpoint), Sql.string(row, "authorization_header")),
                requested == null ? null : requested.isEmpty() ? List.of() : Arrays.asList(requested.split(" ")),
                SsfStreamStatus.parse(Sql.string(row, "status")),
                Sql.string(row, "status_reason"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "last_verification_at"),
                Sql.instant(row, "last_delivered_at"),
                Sql.string(row, "last_error"));
    }

    private static String json(Map<String, Object> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a SET's members must be JSON values", e);
        }
    }

    private static Map<String, Object> object(String json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued SET's stored members are not a JSON object", e);
        }
    }
}
