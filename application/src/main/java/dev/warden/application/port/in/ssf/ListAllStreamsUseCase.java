package dev.warden.application.port.in.ssf;

import dev.warden.application.port.in.Actor;
import java.time.Instant;
import java.util.List;

/** Every stream of every receiver, for the administrators (OWNER or ADMIN), oldest first. */
public interface ListAllStreamsUseCase {
    List<StreamSummary> list(Actor actor);

    /**
     * @param endpointUrl     the push endpoint; null for poll
     * @param pending         SETs waiting in its queue
     * @param lastDeliveredAt when the receiver last confirmed a SET; null before the first
     * @param lastError       null when none
     */
    record StreamSummary(String streamId, String clientId, String clientName, String deliveryMethod,
                         String endpointUrl, String status, String statusReason, List<String> eventsDelivered,
                         long pending, Instant createdAt, Instant lastDeliveredAt, String lastError) {
    }
}
