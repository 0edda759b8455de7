-- The Sessions page at a million sessions (issue 11): each filter shape has an index to drive it
-- (warden-db-statements.yaml, "the Sessions page"; figures in docs/benchmarks.md). Additive only:
-- instances of the previous version run unchanged against this schema.
--
-- Built CONCURRENTLY (this script runs outside a transaction: V5__sessions_page_indexes.sql.conf),
-- so logins and activity writes go on while a large sessions table is indexed. A build that fails
-- half-way leaves an INVALID index behind: drop it, and the next start builds it again.

-- "Sessions from this IP" (from the Alarms page): the newest ones of one address, without walking
-- every active session to find them.
CREATE INDEX CONCURRENTLY IF NOT EXISTS sessions_open_by_ip
    ON sessions (ip_address, last_active_at DESC, id DESC) WHERE ended_at IS NULL;

-- "User contains q": the users whose name contains a fragment, found by trigrams instead of a
-- scan of every account. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_username_trigrams
    ON users USING gin (lower(username) gin_trgm_ops);
