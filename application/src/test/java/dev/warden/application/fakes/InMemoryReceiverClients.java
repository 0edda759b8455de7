package dev.warden.application.fakes;

import dev.warden.application.port.out.ReceiverClients;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverToken;
import dev.warden.domain.TokenHash;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Receivers and their tokens in maps, for use-case tests; keeps the {@link ReceiverClients} contract. */
public final class InMemoryReceiverClients implements ReceiverClients {
    private final Map<ReceiverClientId, ReceiverClient> clients = new LinkedHashMap<>();
    private final Map<TokenHash, ReceiverToken> tokens = new LinkedHashMap<>();

    public InMemoryReceiverClients(InMemoryTransactions transactions) {
        transactions.enlist(this, clients);
        transactions.enlist(this, tokens);
    }

    @Override
    public synchronized void insert(ReceiverClient client) {
        if (clients.putIfAbsent(client.id(), client) != null) {
            throw new IllegalStateException("duplicate client id " + client.id());
        }
    }

    @Override
    public synchronized Optional<ReceiverClient> find(ReceiverClientId id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public synchronized List<ReceiverClient> list() {
        return clients.values().stream()
                .sorted(Comparator.comparing(ReceiverClient::createdAt).reversed()
                        .thenComparing(c -> c.id().value()))
                .toList();
    }

    @Override
    public synchronized boolean revoke(ReceiverClientId id, Instant at) {
        ReceiverClient client = clients.get(id);
        if (client == null || !client.active()) {
            return false;
        }
        clients.put(id, client.revokedAt(at));
        tokens.values().removeIf(t -> t.clientId().equals(id));
        return true;
    }

    @Override
    public synchronized void insertToken(ReceiverToken token) {
        if (tokens.putIfAbsent(token.tokenHash(), token) != null) {
            throw new IllegalStateException("duplicate token hash");
        }
    }

    @Override
    public synchronized Optional<ReceiverToken> findWorkingToken(TokenHash tokenHash, Instant now) {
        return Optional.ofNullable(tokens.get(tokenHash))
                .filter(t -> !t.expiredAt(now))
                .filter(t -> find(t.clientId()).map(ReceiverClient::active).orElse(false));
    }

    @Override
    public synchronized int deleteExpiredTokens(ReceiverClientId clientId, Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.clientId().equals(clientId) && t.expiredAt(now));
        return before - tokens.size();
    }

    /** How many tokens are stored, working or not (for the tests of the clean-up). */
    public synchronized int storedTokens() {
        return tokens.size();
    }
}
