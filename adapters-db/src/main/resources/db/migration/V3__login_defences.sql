-- Login defences (issue 8): known devices and the per-client login throttle.

-- Browsers a user has logged in from, by the SHA-256 of their warden_device token. One browser
-- (one token) may be known for several users. Each has its own failure count and lock.
CREATE TABLE known_devices (
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      text        NOT NULL,
    failed_attempts integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    timestamptz,
    first_seen_at   timestamptz NOT NULL,
    last_used_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, token_hash)
);
-- Forgetting devices whose cookie has expired.
CREATE INDEX known_devices_by_last_use ON known_devices (last_used_at);

-- Login attempts per client (IPv4 address or IPv6 /64) and fixed window, shared by every instance.
-- One row per client per window; windows before the current one are deleted by the pruner.
-- UNLOGGED: no WAL for a counter that every failed login writes; after a crash the counts start
-- afresh, which only forgives a few minutes of attempts.
CREATE UNLOGGED TABLE login_throttle_windows (
    client       text        NOT NULL,
    window_start timestamptz NOT NULL,
    attempts     integer     NOT NULL CHECK (attempts >= 0),
    refused      bigint      NOT NULL DEFAULT 0 CHECK (refused >= 0),
    PRIMARY KEY (client, window_start)
);
CREATE INDEX login_throttle_windows_by_start ON login_throttle_windows (window_start);
