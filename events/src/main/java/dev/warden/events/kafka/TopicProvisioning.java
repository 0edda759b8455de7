package dev.warden.events.kafka;

import dev.warden.events.EventTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the contract's topics that are missing, the same way whichever process starts first (the
 * service, or the standalone alarm topology): {@link EventTopics#PARTITIONS} partitions each, the
 * broker's default replication factor. Topics that exist are left exactly as they are, and are not
 * asked to be created, so an operator who created them needs to grant no CREATE right.
 *
 * <p>It is the first Kafka client a process builds, so it is also where settings that cannot work
 * show up.
 */
public final class TopicProvisioning {
    /** The admin client's bound per call; a whole run waits at most a little longer. */
    static final int API_TIMEOUT_MS = 30_000;
    private static final int REQUEST_TIMEOUT_MS = 15_000;
    private static final long VISIBILITY_POLL_MS = 50;

    private TopicProvisioning() {
    }

    /**
     * @return the topics it created (none when all existed)
     * @throws KafkaClientSettingsRejected when no client can be built from the settings, or the broker
     *                                     refuses to authenticate them
     * @throws IllegalStateException       when the broker is unreachable or refuses to create a topic
     */
    public static List<String> ensureTopics(KafkaConnection kafka) {
        KafkaLogging.quiet();
        Admin admin;
        try {
            admin = Admin.create(kafka.config(Map.of(
                    AdminClientConfig.CLIENT_ID_CONFIG, "warden-topics",
                    // Fail within half a minute with a clear line rather than hang when Kafka is unreachable.
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS)));
        } catch (KafkaException e) {
            throw KafkaClientSettingsRejected.noClient(kafka, e.getCause() == null ? e : e.getCause());
        }
        try (admin) {
            Set<String> existing = await(admin.listTopics().names(), "list the topics", kafka);
            List<NewTopic> missing = EventTopics.ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.of(EventTopics.PARTITIONS), Optional.empty()))
                    .toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> created = new ArrayList<>();
            admin.createTopics(missing).values().forEach((topic, result) -> {
                try {
                    await(result, "create topic " + topic, kafka);
                    created.add(topic);
                } catch (IllegalStateException e) {
                    // Another process created it meanwhile (or the list was not yet current): fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            });
            awaitVisible(admin, created, kafka);
            return EventTopics.ALL.stream().filter(created::contains).toList();
        }
    }

    /**
     * A created topic is not at once in the broker's metadata: a producer would only retry, but a
     * Streams application started right after treats a source topic it cannot see as missing. So the
     * set-up returns only once the broker describes every topic it created.
     */
    private static void awaitVisible(Admin admin, List<String> created, KafkaConnection kafka) {
        if (created.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(API_TIMEOUT_MS);
        while (true) {
            try {
                await(admin.describeTopics(created).allTopicNames(), "describe the created topics", kafka);
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(VISIBILITY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka to show the created topics", e);
            }
        }
    }

    private static <T> T await(KafkaFuture<T> result, String what, KafkaConnection kafka) {
        try {
            return result.get(API_TIMEOUT_MS + 5_000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw KafkaClientSettingsRejected.authenticationRefused(kafka, refused);
            }
            throw new IllegalStateException("Could not " + what + " on Kafka at " + kafka.bootstrapServers() + ": "
                    + kafka.redact(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " did not " + what + " within "
                    + (API_TIMEOUT_MS / 1000) + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka to " + what, e);
        }
    }
}
