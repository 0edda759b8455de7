package dev.warden.application.service.ssf;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ssf.ListAllStreamsUseCase;
import dev.warden.application.port.out.ReceiverClients;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The administrators' view of every stream: its client, delivery, status, queue and last outcomes. */
public record StreamAdminService(SsfStreams streams, ReceiverClients receivers) implements ListAllStreamsUseCase {

    @Override
    public List<StreamSummary> list(Actor actor) {
        actor.requireAdministrator();
        Map<ReceiverClientId, String> names = new HashMap<>();
        receivers.list().forEach(c -> names.put(c.id(), c.name()));
        return streams.listAll().stream().map(s -> summary(s, names.get(s.clientId()))).toList();
    }

    private StreamSummary summary(SsfStream s, String clientName) {
        return new StreamSummary(s.id().toString(), s.clientId().toString(), clientName,
                s.delivery().method().text(),
                s.delivery().endpointUrl() == null ? null : s.delivery().endpointUrl().toString(),
                s.status().text(), s.statusReason(), s.eventsDelivered(), streams.pending(s.id()), s.createdAt(),
                s.lastDeliveredAt(), s.lastError());
    }
}
