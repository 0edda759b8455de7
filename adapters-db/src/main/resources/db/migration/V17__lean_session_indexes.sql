-- Leaner indexes on sessions (issue 22: bytes per active session, with its indexes). Each index
-- keeps its name and its job; what changes is what one entry costs:
--   sessions_open_by_token_hash  a hash index: one 4-byte hash code per entry instead of the
--                                44-character text (33 bytes per session instead of 88, measured)
--   sessions_open_by_user        (user_id) alone: a user's entries share one key, which PostgreSQL
--                                stores once with a list of rows (B-tree deduplication), 10 bytes
--                                instead of 53; a user's few open sessions are sorted after reading
--   sessions_open_by_activity    (last_active_at) without the id; ties are rare and the id
--   sessions_open_by_creation    (created_at) without the id; orders them after the walk
--                                (an incremental sort, as sessions_open_by_expiry always did)
--   sessions_open_by_network     (warden_inet(ip_address), last_active_at): one index for an exact
--                                address, a network and the sort by address; sessions_open_by_ip
--                                (the address as text) goes
-- Figures: docs/benchmarks.md, "Bytes per active session".
--
-- The token lookup is no longer unique in PostgreSQL (a hash index cannot be, and an exclusion
-- constraint would lock sessions while it builds). Tokens are 256 bits from SecureRandom; two open
-- sessions sharing a hash would take a SHA-256 collision. Should it happen all the same, the lookup
-- answers neither (SessionLookup): it fails closed. docs/decisions.md, "Token lookup by hash index".
--
-- Online: every index is built CONCURRENTLY (outside a transaction: V17__lean_session_indexes.sql.conf)
-- beside the old one, the old one is dropped CONCURRENTLY, and the new one takes its name (a
-- catalogue change). Logins, validation and ends go on throughout. A *_v17 index can only be left
-- by a run that failed half-way (possibly INVALID), so each is dropped before it is built: a run
-- again after a failure never gives an invalid index the old one's name. Instances of the
-- previous version run unchanged against this schema (same statements); only their "sessions from
-- one address" no longer has an index of its own (sessions_open_by_ip) and walks the activity index
-- until they are replaced.

DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_token_hash_v17;
CREATE INDEX CONCURRENTLY sessions_open_by_token_hash_v17
    ON sessions USING hash (token_hash) WHERE ended_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_token_hash;
ALTER INDEX IF EXISTS sessions_open_by_token_hash_v17 RENAME TO sessions_open_by_token_hash;

DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_user_v17;
CREATE INDEX CONCURRENTLY sessions_open_by_user_v17
    ON sessions (user_id) WHERE ended_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_user;
ALTER INDEX IF EXISTS sessions_open_by_user_v17 RENAME TO sessions_open_by_user;

DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_activity_v17;
CREATE INDEX CONCURRENTLY sessions_open_by_activity_v17
    ON sessions (last_active_at DESC) WHERE ended_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_activity;
ALTER INDEX IF EXISTS sessions_open_by_activity_v17 RENAME TO sessions_open_by_activity;

DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_creation_v17;
CREATE INDEX CONCURRENTLY sessions_open_by_creation_v17
    ON sessions (created_at) WHERE ended_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_creation;
ALTER INDEX IF EXISTS sessions_open_by_creation_v17 RENAME TO sessions_open_by_creation;

DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_network_v17;
CREATE INDEX CONCURRENTLY sessions_open_by_network_v17
    ON sessions (warden_inet(ip_address), last_active_at DESC) WHERE ended_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_network;
ALTER INDEX IF EXISTS sessions_open_by_network_v17 RENAME TO sessions_open_by_network;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_ip;

-- V16 rewrote every open row (its user agent became an id), which left the two indexes this script
-- does not rebuild with an entry per old row version: they are rebuilt beside themselves (CONCURRENTLY,
-- PostgreSQL 12 and later) to their packed size. The table's own dead space is reused by new rows
-- once autovacuum has passed; docs/operations.md says how to give it back to the file system.
REINDEX INDEX CONCURRENTLY sessions_pkey;
REINDEX INDEX CONCURRENTLY sessions_open_by_expiry;
