-- Ended sessions leave `sessions` for a history partitioned by day (issue 22). Until now ended rows
-- stayed in `sessions` for the retention period (about 90 per active session at steady state, 30
-- days) in the heap the hot path reads, and retention removed them by batched DELETEs that left
-- bloat behind. Now `sessions` holds open sessions only, and retention drops a whole day of history
-- once all of it is older than the cut-off (docs/decisions.md, "Session history by day").
--
-- Warden ends a session with one statement that deletes the row from `sessions` and inserts it into
-- `session_history` (warden-db-statements.yaml, `session-mark-ended`): cheaper than an UPDATE plus a
-- move. The AFTER trigger below moves a row that any other UPDATE ends (RETURNING clauses are computed
-- before AFTER triggers fire, and the end's outbox row commits with it), so instances of the previous
-- version, which end sessions with an UPDATE, run unchanged against this schema during a rolling
-- upgrade; their retention DELETE on `sessions` simply finds nothing.
--
-- Runs outside a transaction (V15__session_history.sql.conf): the existing history moves in batches
-- of 10,000 rows, each committed on its own, so a large database is never locked for the whole move
-- and logins, validations and ends go on meanwhile. Every step is safe to run again: a move stopped
-- half-way resumes where it stopped on the next start.

-- The columns of `sessions`, in the same order. No foreign keys and no checks: history outlives what
-- it describes (as audit_entries), every row was checked in `sessions` already, and an end should not
-- pay for a lookup in `users`. No index on the day partitions: nothing reads history by key today
-- (retention drops it whole); one would cost every end an insert and ~30 bytes per row.
CREATE TABLE IF NOT EXISTS session_history (
    id                 uuid        NOT NULL,
    user_id            uuid        NOT NULL,
    token_hash         text        NOT NULL,
    ip_address         text        NOT NULL,
    user_agent         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    last_active_at     timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    ended_at           timestamptz NOT NULL,
    end_reason         text        NOT NULL,
    ended_by           uuid,
    reauthenticated_at timestamptz
) PARTITION BY RANGE (ended_at);

-- Ends outside every day partition land here rather than fail (an end must never fail for want of a
-- partition): ends older than the oldest day, or beyond the days prepared ahead. Retention deletes
-- its rows in batches by this index; it is empty in normal running.
CREATE TABLE IF NOT EXISTS session_history_default PARTITION OF session_history DEFAULT;
CREATE INDEX IF NOT EXISTS session_history_default_by_end ON session_history_default (ended_at);

-- Creates the day partitions session_history_YYYYMMDD (UTC days) from first_day to last_day that do
-- not exist yet; returns how many it created. Rows of such a day already in the default partition
-- move into the new one before it is attached (ATTACH refuses a default holding rows of the range).
-- One caller at a time (advisory lock); a lock it cannot get within a second fails the call instead
-- of queueing the ends behind it (the retention job tries again on its next run).
CREATE OR REPLACE FUNCTION warden_session_history_prepare(first_day date, last_day date) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    day         date;
    part        text;
    lower_bound timestamptz;
    upper_bound timestamptz;
    created     integer := 0;
BEGIN
    PERFORM set_config('lock_timeout', '1s', true);
    PERFORM pg_advisory_xact_lock(hashtext('warden_session_history'));
    FOR day IN SELECT CAST(d AS date) FROM generate_series(first_day, last_day, interval '1 day') d LOOP
        part := 'session_history_' || to_char(day, 'YYYYMMDD');
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        lower_bound := CAST(day AS timestamp) AT TIME ZONE 'UTC';
        upper_bound := CAST(day + 1 AS timestamp) AT TIME ZONE 'UTC';
        EXECUTE format('CREATE TABLE %I (LIKE session_history)', part);
        EXECUTE format('WITH moved AS (DELETE FROM session_history_default WHERE ended_at >= $1 AND ended_at < $2 '
                       'RETURNING *) INSERT INTO %I SELECT * FROM moved', part) USING lower_bound, upper_bound;
        EXECUTE format('ALTER TABLE session_history ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                       part, lower_bound, upper_bound);
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;

-- Drops the oldest day partition if all of it lies before cutoff; returns how many sessions it held,
-- or NULL when no day is due. One day per call, each its own transaction: the count reads the day
-- under a lock that blocks no end; only the DROP itself locks session_history, for a catalogue change.
CREATE OR REPLACE FUNCTION warden_session_history_drop_oldest(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    part text;
    held bigint;
BEGIN
    PERFORM set_config('lock_timeout', '1s', true);
    PERFORM pg_advisory_xact_lock(hashtext('warden_session_history'));
    SELECT c.relname INTO part
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = CAST('session_history' AS regclass) AND c.relname ~ '^session_history_[0-9]{8}$'
      AND CAST(to_date(right(c.relname, 8), 'YYYYMMDD') + 1 AS timestamp) AT TIME ZONE 'UTC' <= cutoff
    ORDER BY c.relname
    LIMIT 1;
    IF part IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT count(*) FROM %I', part) INTO held;
    EXECUTE format('DROP TABLE %I', part);
    RETURN held;
END
$$;

-- Day partitions for the history already here (from its oldest day, at most 400 days back: anything
-- older lands in the default partition, where retention deletes it in batches) up to a week ahead.
-- (No history, as on a new database or when this runs again after the move: today on.)
SELECT warden_session_history_prepare(
    CASE WHEN oldest IS NULL THEN today
         ELSE LEAST(today, GREATEST(today - 400, CAST(oldest AT TIME ZONE 'UTC' AS date))) END,
    today + 7)
FROM (SELECT CAST(now() AT TIME ZONE 'UTC' AS date) AS today,
             (SELECT min(ended_at) FROM sessions WHERE ended_at IS NOT NULL) AS oldest) w;

-- The move at the end: copy the row as it is now, then delete it from `sessions`. Also fires for a
-- row inserted already ended (imports, tests), so `sessions` never keeps an ended row.
CREATE OR REPLACE FUNCTION warden_session_to_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_history (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,
                                 expires_at, ended_at, end_reason, ended_by, reauthenticated_at)
    VALUES (NEW.id, NEW.user_id, NEW.token_hash, NEW.ip_address, NEW.user_agent, NEW.created_at,
            NEW.last_active_at, NEW.expires_at, NEW.ended_at, NEW.end_reason, NEW.ended_by,
            NEW.reauthenticated_at);
    DELETE FROM sessions WHERE id = NEW.id;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER sessions_end_to_history AFTER UPDATE OF ended_at ON sessions
    FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
    EXECUTE FUNCTION warden_session_to_history();
CREATE OR REPLACE TRIGGER sessions_ended_insert_to_history AFTER INSERT ON sessions
    FOR EACH ROW WHEN (NEW.ended_at IS NOT NULL)
    EXECUTE FUNCTION warden_session_to_history();

-- The history already here, oldest first, 10,000 rows per committed batch (sessions_ended_by_time,
-- V2, finds them). FOR UPDATE waits for a row a running retention of the previous version holds:
-- it is either deleted by it (due) or moved here, never both, never neither.
DO $$
DECLARE
    moved integer;
BEGIN
    LOOP
        WITH batch AS (
            DELETE FROM sessions WHERE id IN (
                SELECT id FROM sessions WHERE ended_at IS NOT NULL ORDER BY ended_at LIMIT 10000 FOR UPDATE)
            RETURNING *)
        INSERT INTO session_history (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,
                                     expires_at, ended_at, end_reason, ended_by, reauthenticated_at)
        SELECT id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,
               expires_at, ended_at, end_reason, ended_by, reauthenticated_at
        FROM batch;
        GET DIAGNOSTICS moved = ROW_COUNT;
        COMMIT;
        EXIT WHEN moved = 0;
    END LOOP;
END
$$;

-- `sessions` holds no ended row any more: retention's index on them only cost every end an entry.
-- (The space the moved rows held is reused by new sessions once autovacuum has passed; to give it
-- back to the file system, see docs/operations.md.)
DROP INDEX CONCURRENTLY IF EXISTS sessions_ended_by_time;
