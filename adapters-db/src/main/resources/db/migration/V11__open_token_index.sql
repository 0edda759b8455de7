-- Validation at scale (issue 22): the token lookup reads an index of open sessions only. The unique
-- constraint of V1 covered every row, ended ones included: at a million active sessions with 30
-- days of history it held 91 million entries (8 GB), read at random on every validation, so its hot
-- part never fit in memory. Validation asks for open sessions only (session-find-open-by-token-hash:
-- token_hash = ANY(...) AND ended_at IS NULL), which this partial index answers. Tokens are 256-bit
-- random: uniqueness matters among the sessions a token can still open, and is kept there.
-- Instances of the previous version run unchanged against this schema (same statements, the
-- planner picks the new index for them too).
--
-- Built CONCURRENTLY (outside a transaction: V11__open_token_index.sql.conf), then the old constraint
-- is dropped (a brief exclusive lock on sessions, as long as the catalogue change). A build that
-- fails half-way leaves an INVALID index: drop it, and the next start builds it again.

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS sessions_open_by_token_hash
    ON sessions (token_hash) WHERE ended_at IS NULL;

ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_token_hash_key;
