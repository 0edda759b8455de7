package dev.warden.streams;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.warden.domain.SessionEvent;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventTopics;
import dev.warden.events.SessionEventData;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The alarm topology:
 * <pre>
 * warden.session-events --(ip-spread, store user-sessions)--+--> warden.session-terminated (every end)
 *                                                           +--> warden.session-alarms (raised / resolved)
 * </pre>
 * Keys are the user id on every topic, so one user's events meet in one task and one store entry.
 */
public final class AlarmTopology {
    public static final String USER_SESSIONS_STORE = "user-sessions";

    static final Serde<CloudEvent<SessionEventData>> SESSION_EVENT_SERDE = JsonSerde.cloudEvents(SessionEventData.class);
    static final Serde<CloudEvent<?>> EMITTED_SERDE = JsonSerde.of(new TypeReference<>() {
    });
    static final Serde<UserSessions> USER_SESSIONS_SERDE = JsonSerde.of(UserSessions.class);

    private AlarmTopology() {
    }

    public static Topology buildTopology(AlarmTopologySettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(userSessionsStore());
        IpSpreadTracker tracker = new IpSpreadTracker(settings.rule());

        KStream<String, CloudEvent<?>> emitted = builder
                .stream(EventTopics.SESSION_EVENTS, Consumed.with(Serdes.String(), SESSION_EVENT_SERDE)
                        .withName("session-events"))
                .process(() -> new IpSpreadProcessor(tracker), Named.as("ip-spread"), USER_SESSIONS_STORE);

        String terminatedType = SessionEvent.Type.TERMINATED.cloudEventType();
        emitted.split(Named.as("route-"))
                .branch((userId, event) -> terminatedType.equals(event.type()),
                        Branched.<String, CloudEvent<?>>withConsumer(ends -> ends.to(EventTopics.SESSION_TERMINATED,
                                Produced.with(Serdes.String(), EMITTED_SERDE).withName("session-terminated")))
                                .withName("ends"))
                .defaultBranch(Branched.<String, CloudEvent<?>>withConsumer(alarms -> alarms.to(EventTopics.SESSION_ALARMS,
                                Produced.with(Serdes.String(), EMITTED_SERDE).withName("session-alarms")))
                        .withName("alarms"));
        return builder.build();
    }

    static StoreBuilder<KeyValueStore<String, UserSessions>> userSessionsStore() {
        // Logged (the default): the changelog restores the state on another instance or after a wipe.
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(USER_SESSIONS_STORE), Serdes.String(), USER_SESSIONS_SERDE);
    }
}
