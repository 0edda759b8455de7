-- Shared Signals receivers (issue 19): OAuth clients of the transmitter and their access tokens.

-- A receiver: its secret is 256 random bits, kept only as SHA-256 (base64url, 43 characters).
-- Revoked clients stay (revoked_at set) so the console and the audit log can still name them.
CREATE TABLE ssf_clients (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    secret_hash text        NOT NULL CHECK (char_length(secret_hash) = 43),
    created_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL REFERENCES users (id),
    revoked_at  timestamptz
);
CREATE INDEX ssf_clients_by_creation ON ssf_clients (created_at DESC, id);

-- Issued access tokens by their SHA-256; every receiver call looks one up by its hash, joined with
-- its client's revoked_at, so a revoked client's token stops at once. Revoking deletes the client's
-- tokens; a client's expired tokens are deleted when it gets a new one (no retention job needed).
CREATE TABLE oauth_access_tokens (
    token_hash text        NOT NULL UNIQUE CHECK (char_length(token_hash) = 43),
    client_id  uuid        NOT NULL REFERENCES ssf_clients (id) ON DELETE CASCADE,
    scopes     text        NOT NULL CHECK (scopes <> ''),
    expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_access_tokens_by_client ON oauth_access_tokens (client_id, expires_at);
