-- Incident response (issue 20): the Sessions filter and bulk termination by network
-- (`ip=10.1.0.0/16`). sessions.ip_address is text, as recorded; warden_inet reads it as an inet,
-- NULL for anything that is not an address (so no stored value can make a query or an insert
-- fail), and the expression index below finds a network's open sessions without walking every one
-- (EXPLAIN in warden-db-statements.yaml, "sessions from a network"). One exact address keeps using
-- sessions_open_by_ip (V5). Additive only: instances of the previous version run unchanged.
-- PARALLEL RESTRICTED, not SAFE: its exception block is a subtransaction, which a parallel worker
-- cannot start.
--
-- Built CONCURRENTLY (outside a transaction: V8__sessions_by_network.sql.conf); a build that fails
-- half-way leaves an INVALID index: drop it, and the next start builds it again.

CREATE OR REPLACE FUNCTION warden_inet(address text) RETURNS inet
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL RESTRICTED AS $$
BEGIN
    RETURN CAST(address AS inet);
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS sessions_open_by_network
    ON sessions (warden_inet(ip_address)) WHERE ended_at IS NULL;
