package dev.warden.adapter.db;

import dev.warden.application.port.out.ReceiverClients;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import dev.warden.domain.ReceiverToken;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Receivers in {@code ssf_clients} and their access tokens in {@code oauth_access_tokens} (scopes
 * as RFC 6749 writes them, e.g. {@code "ssf.manage ssf.read"}).
 */
public final class DbClientReceiverClients implements ReceiverClients {
    private final DbClientTransactionBoundary db;

    DbClientReceiverClients(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public void insert(ReceiverClient client) {
        db.executor().createNamedInsert("receiver-insert")
                .addParam("id", client.id().value())
                .addParam("name", client.name())
                .addParam("secretHash", client.secretHash().value())
                .addParam("createdAt", Sql.time(client.createdAt()))
                .addParam("createdBy", client.createdBy().value())
                .addParam("revokedAt", Sql.time(client.revokedAt()))
                .execute();
    }

    @Override
    public Optional<ReceiverClient> find(ReceiverClientId id) {
        return db.executor().createNamedGet("receiver-find")
                .addParam("id", id.value())
                .execute().map(DbClientReceiverClients::client);
    }

    @Override
    public List<ReceiverClient> list() {
        try (Stream<DbRow> rows = db.executor().createNamedQuery("receiver-list").execute()) {
            return rows.map(DbClientReceiverClients::client).toList();
        }
    }

    @Override
    public boolean revoke(ReceiverClientId id, Instant at) {
        // One transaction, so no token outlives the revocation it belongs to.
        return db.inTransaction(() -> {
            long revoked = db.executor().createNamedUpdate("receiver-revoke")
                    .addParam("id", id.value())
                    .addParam("at", Sql.time(at))
                    .execute();
            if (revoked == 0) {
                return false;
            }
            db.executor().createNamedDelete("receiver-delete-tokens")
                    .addParam("clientId", id.value())
                    .execute();
            return true;
        });
    }

    @Override
    public void insertToken(ReceiverToken token) {
        db.executor().createNamedInsert("receiver-token-insert")
                .addParam("tokenHash", token.tokenHash().value())
                .addParam("clientId", token.clientId().value())
                .addParam("scopes", ReceiverScope.names(token.scopes()))
                .addParam("expiresAt", Sql.time(token.expiresAt()))
                .execute();
    }

    @Override
    public Optional<ReceiverToken> findWorkingToken(TokenHash tokenHash, Instant now) {
        return db.executor().createNamedGet("receiver-token-find-working")
                .addParam("tokenHash", tokenHash.value())
                .addParam("now", Sql.time(now))
                .execute().map(row -> new ReceiverToken(
                        new TokenHash(Sql.string(row, "token_hash")),
                        new ReceiverClientId(Sql.uuid(row, "client_id")),
                        ReceiverScope.parse(Sql.string(row, "scopes")),
                        Sql.instant(row, "expires_at")));
    }

    @Override
    public int deleteExpiredTokens(ReceiverClientId clientId, Instant now) {
        return (int) db.executor().createNamedDelete("receiver-token-delete-expired")
                .addParam("clientId", clientId.value())
                .addParam("now", Sql.time(now))
                .execute();
    }

    private static ReceiverClient client(DbRow row) {
        return new ReceiverClient(
                new ReceiverClientId(Sql.uuid(row, "id")),
                Sql.string(row, "name"),
                new TokenHash(Sql.string(row, "secret_hash")),
                Sql.instant(row, "created_at"),
                new UserId(Sql.uuid(row, "created_by")),
                Sql.instant(row, "revoked_at"));
    }
}
