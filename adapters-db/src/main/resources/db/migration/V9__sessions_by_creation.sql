-- Sorting the Sessions page (issue 20): every sort is a walk of an index, so the first page and a
-- deep cursor page cost the same at a million sessions (SessionPageSql; figures in
-- docs/benchmarks.md). Last activity, expiry, username and address already have theirs (V1, V5,
-- V8); creation time is the one sort without. Additive only: instances of the previous version run
-- unchanged against this schema.
--
-- Built CONCURRENTLY (outside a transaction: V9__sessions_by_creation.sql.conf); a build that fails
-- half-way leaves an INVALID index: drop it, and the next start builds it again.

CREATE INDEX CONCURRENTLY IF NOT EXISTS sessions_open_by_creation
    ON sessions (created_at, id) WHERE ended_at IS NULL;

-- warden_inet (V8) is PARALLEL UNSAFE, not RESTRICTED: its exception block starts a subtransaction,
-- which PostgreSQL refuses anywhere in a parallel operation, in the leader too. At a million
-- sessions a generic plan of the Sessions page sorted by address went parallel and failed with
-- "cannot start subtransactions during a parallel operation" (bench/admin-list.sh). UNSAFE keeps
-- every statement that calls it out of parallel mode; its index (sessions_open_by_network) is
-- unaffected, since an expression index needs only IMMUTABLE.
ALTER FUNCTION warden_inet(text) PARALLEL UNSAFE;
