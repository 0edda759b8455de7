-- The Auth Audit page at a million entries (issue 20): each filter shape has an index to drive it
-- (warden-db-statements.yaml, "the Auth Audit page"; figures in docs/benchmarks.md). A user
-- (audit_entries_by_user), a type (audit_entries_by_type) and no filter (audit_entries_newest)
-- already had theirs (V1); a name and an address get theirs here, in the same newest-first order, so
-- a page of one name or one address reads only its own entries. Additive only: instances of the
-- previous version run unchanged against this schema.
--
-- Built CONCURRENTLY (this script runs outside a transaction: V7__audit_page_indexes.sql.conf), as
-- V5, so logins, which each write an audit entry, go on while a large audit table is indexed. A build
-- that fails half-way leaves an INVALID index behind: drop it, and the next start builds it again.

-- The name an entry records (an account's, or the one typed at a failed login), case-insensitive.
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_entries_by_username
    ON audit_entries (lower(username), occurred_at DESC, seq DESC);

-- The client address; entries no request caused (expiries, alarms) have none and are left out.
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_entries_by_ip
    ON audit_entries (ip_address, occurred_at DESC, seq DESC) WHERE ip_address IS NOT NULL;
