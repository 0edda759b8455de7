package dev.warden.application.service.ssf;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ssf.ListReceiversUseCase;
import dev.warden.application.port.in.ssf.ReceiverNotFound;
import dev.warden.application.port.in.ssf.RegisterReceiverUseCase;
import dev.warden.application.port.in.ssf.RevokeReceiverUseCase;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.ReceiverClients;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.application.service.accounts.StepUpCheck;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientSecret;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamStatus;
import dev.warden.domain.StepUp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Registers, lists and revokes the Shared Signals receivers. Registering and revoking need a fresh
 * password entry ({@link StepUp#neededToManageReceivers()}) and are audited in the same
 * transaction as the change; the audit entry names the client, never its secret. Revoking disables
 * the client's streams and empties their queues.
 */
public record ReceiverRegistrationService(TransactionBoundary transactions, ReceiverClients receivers,
        SsfStreams streams, AuditTrail audit, StepUpCheck stepUp, Clock clock, SecureRandom random)
        implements RegisterReceiverUseCase, ListReceiversUseCase, RevokeReceiverUseCase {

    @Override
    public RegisteredReceiver register(String name, Actor actor) {
        String checked = requireAllowed(actor, () -> ReceiverClient.requireName(name));
        ClientSecret secret = ClientSecret.generate(random);
        Instant now = Now.of(clock);
        ReceiverClient client = new ReceiverClient(ReceiverClientId.random(), checked, secret.hash(), now,
                actor.id(), null);
        transactions.run(() -> {
            receivers.insert(client);
            audit.append(entry(AuditType.SSF_CLIENT_CREATED, client, actor, now));
        });
        return new RegisteredReceiver(client.id().toString(), secret.reveal(), client.name(), now);
    }

    @Override
    public List<ReceiverSummary> list(Actor actor) {
        actor.requireAdministrator();
        return receivers.list().stream()
                .map(c -> new ReceiverSummary(c.id().toString(), c.name(), c.createdAt(), c.revokedAt()))
                .toList();
    }

    @Override
    public void revoke(String clientId, Actor actor) {
        ReceiverClientId id = requireAllowed(actor, () -> ReceiverClientId.parse(clientId));
        Instant now = Now.of(clock);
        transactions.run(() -> {
            ReceiverClient client = receivers.find(id)
                    .orElseThrow(() -> new ReceiverNotFound("No receiver has the client id " + id + "."));
            // Revoked already: nothing changes, and nothing is audited twice.
            if (receivers.revoke(id, now)) {
                audit.append(entry(AuditType.SSF_CLIENT_REVOKED, client, actor, now));
                disableStreams(id);
            }
        });
    }

    /** A revoked client's streams are disabled and emptied: no one can read them any more. */
    private void disableStreams(ReceiverClientId id) {
        for (SsfStream stream : streams.listOf(id)) {
            if (stream.status() != SsfStreamStatus.DISABLED) {
                streams.update(stream.withStatus(SsfStreamStatus.DISABLED, "receiver revoked"));
            }
            streams.clear(stream.id());
        }
    }

    /**
     * The checks of a change, in the order every admin action makes them: the role (403 forbidden),
     * the input (400, {@code input}'s IllegalArgumentException as InvalidRequest), the step-up (403
     * reauthentication-required).
     */
    private <T> T requireAllowed(Actor actor, Supplier<T> input) {
        actor.requireAdministrator();
        T checked;
        try {
            checked = input.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        stepUp.requireIf(StepUp.neededToManageReceivers(), actor);
        return checked;
    }

    private static AuditEntry entry(AuditType type, ReceiverClient client, Actor actor, Instant now) {
        return AuditEntry.of(type, now).withActor(actor.id(), actor.username())
                .withReason("receiver '" + client.name() + "' (client id " + client.id() + ")");
    }
}
