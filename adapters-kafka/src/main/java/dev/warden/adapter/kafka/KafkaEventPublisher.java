package dev.warden.adapter.kafka;

import dev.warden.application.port.out.EventPublisher;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.SessionEvent;
import dev.warden.events.EventTopics;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.KafkaLogging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes outbox events as CloudEvents keyed by user id, each to its topic: session events to
 * {@link EventTopics#SESSION_EVENTS}, account events to {@link EventTopics#ACCOUNT_EVENTS}.
 * The producer is idempotent with acks=all and at most 5 requests in flight, so the broker keeps
 * each partition in send order even across retries; {@link #publishAll} returns only when every
 * record is acknowledged, and otherwise throws so the outbox keeps the whole batch.
 *
 * <p>A broker that refuses the credentials (or the client's rights) fails the batch like an outage
 * does; the producer is then replaced before the next attempt, because Kafka's idempotent producer
 * stays in an error state after such a refusal, and the events go out once the credentials work.
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);
    /** What a timeout most likely means, for the log line and the management health. */
    static final String NO_ANSWER = " (no answer in time: brokers unreachable or overloaded, a missing topic, or"
            + " security settings that do not match the brokers' listener)";

    private final Map<String, Object> config;
    /** For its {@link KafkaConnection#redact}: a failure's reason reaches the log and the management health. */
    private final KafkaConnection kafka;
    private final Duration ackTimeout;
    /** Only the relay thread publishes; replaced after a refusal. */
    private volatile Producer<String, String> producer;

    public KafkaEventPublisher(String bootstrapServers) {
        this(KafkaConnection.plaintext(bootstrapServers), DEFAULT_ACK_TIMEOUT);
    }

    /** @param ackTimeout how long one batch may wait for the broker before it counts as failed */
    public KafkaEventPublisher(String bootstrapServers, Duration ackTimeout) {
        this(KafkaConnection.plaintext(bootstrapServers), ackTimeout);
    }

    public KafkaEventPublisher(KafkaConnection kafka) {
        this(kafka, DEFAULT_ACK_TIMEOUT);
    }

    /** @param ackTimeout how long one batch may wait for the broker before it counts as failed */
    public KafkaEventPublisher(KafkaConnection kafka, Duration ackTimeout) {
        KafkaLogging.quiet();
        this.ackTimeout = ackTimeout;
        this.kafka = kafka;
        this.config = kafka.config(producerConfig(ackTimeout));
        this.producer = new KafkaProducer<>(config);
    }

    static Map<String, Object> producerConfig(Duration ackTimeout) {
        long deliveryMs = Math.max(ackTimeout.toMillis(), 1_000);
        long lingerMs = 5;
        // The broker's answer must fit within the delivery timeout (Kafka checks the sum).
        long requestMs = Math.max(500, deliveryMs / 2 - lingerMs);
        return Map.ofEntries(
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "warden-outbox-relay"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestMs),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs),
                // send() blocks for metadata while the broker is away; bound it like the acks.
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @Override
    public void publishAll(List<OutboxEvent> events) {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        try {
            sendAll(events);
        } catch (PublishFailed e) {
            if (refused(e)) {
                // The idempotent producer does not recover from a refusal; a new one authenticates afresh.
                producer.close(Duration.ZERO);
                producer = null;
            }
            throw e;
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    private void sendAll(List<OutboxEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        try {
            for (OutboxEvent event : events) {
                Future<RecordMetadata> ack = producer.send(record(event));
                acks.add(ack);
                // Failed already (no metadata within max.block.ms: broker away)? Then so would
                // the rest, each after its own wait; give the whole batch back at once.
                if (ack.isDone()) {
                    ack.get();
                }
            }
            producer.flush();
            long deadline = System.nanoTime() + ackTimeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new PublishFailed("Kafka did not acknowledge an event: " + reason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailed("Kafka did not acknowledge events within " + ackTimeout + NO_ANSWER, e);
        } catch (KafkaException | IllegalStateException e) {
            throw new PublishFailed("Kafka refused an event: " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed("Interrupted while waiting for Kafka to acknowledge events", e);
        }
    }

    /**
     * Kafka's first line for it, without any value of the client properties. A timeout gets the likely
     * causes added: Kafka's own words ("not present in metadata") say nothing of a broker that never
     * answered, as one does whose listener the security settings do not match.
     */
    private String reason(Throwable failure) {
        String reason = kafka.redact(failure.getMessage()).lines().findFirst()
                .orElse(failure.getClass().getSimpleName());
        return failure instanceof org.apache.kafka.common.errors.TimeoutException ? reason + NO_ANSWER : reason;
    }

    /** The topic, key and CloudEvent of one outbox event. */
    static ProducerRecord<String, String> record(OutboxEvent event) {
        return switch (event) {
            case SessionEvent session -> new ProducerRecord<>(EventTopics.SESSION_EVENTS,
                    SessionEventCloudEvents.key(session), SessionEventCloudEvents.encode(session));
            case AccountEvent account -> new ProducerRecord<>(EventTopics.ACCOUNT_EVENTS,
                    AccountEventCloudEvents.key(account), AccountEventCloudEvents.encode(account));
        };
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
