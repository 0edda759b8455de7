package dev.warden.streams;

import dev.warden.events.CloudEvent;
import dev.warden.events.SessionEventData;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads a user's state from the store, lets {@link IpSpreadTracker} apply the event, writes the state
 * back and forwards what it emitted. Under exactly-once the store write and the forwarded records
 * commit together, which is what makes repeats detectable.
 */
final class IpSpreadProcessor extends ContextualProcessor<String, CloudEvent<SessionEventData>, String, CloudEvent<?>> {
    private static final System.Logger LOG = System.getLogger(IpSpreadProcessor.class.getName());

    private final IpSpreadTracker tracker;
    private KeyValueStore<String, UserSessions> store;

    IpSpreadProcessor(IpSpreadTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void init(ProcessorContext<String, CloudEvent<?>> context) {
        super.init(context);
        store = context.getStateStore(AlarmTopology.USER_SESSIONS_STORE);
    }

    @Override
    public void process(Record<String, CloudEvent<SessionEventData>> record) {
        if (record.value() == null) {
            skip("it has no value");
            return;
        }
        Instant recordTime = Instant.ofEpochMilli(record.timestamp());
        SessionEventInput event;
        try {
            event = SessionEventInput.parse(record.key(), record.value(), recordTime);
        } catch (SessionEventInput.Invalid e) {
            skip(e.getMessage());
            return;
        }
        UserSessions before = store.get(record.key());
        IpSpreadTracker.Outcome outcome = tracker.apply(before == null ? UserSessions.empty() : before, event, recordTime);
        if (outcome.state().isIdle()) {
            store.delete(record.key());
        } else {
            store.put(record.key(), outcome.state());
        }
        for (CloudEvent<?> emitted : outcome.emitted()) {
            context().forward(record.withValue(emitted));
        }
    }

    private void skip(String why) {
        String where = context().recordMetadata()
                .map(IpSpreadProcessor::describe)
                .orElse("unknown position");
        LOG.log(System.Logger.Level.WARNING, "Skipping session event at " + where + ": " + why);
    }

    private static String describe(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}
