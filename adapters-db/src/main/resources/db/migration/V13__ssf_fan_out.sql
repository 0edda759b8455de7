-- The Shared Signals fan-out (issue 19): each outbox row says when its SETs were queued on the
-- streams that want it. A mark per row, not one position for all: positions are taken at insert,
-- not at commit, so a cursor would pass a row whose transaction commits late.
-- Rows already here get the migration's time (a fast default, no table rewrite): they happened
-- before any stream could want them. New rows start unmarked (NULL) once the default is dropped,
-- including rows written by an instance still running the previous version.
ALTER TABLE outbox ADD COLUMN ssf_fanned_out_at timestamptz DEFAULT now();
ALTER TABLE outbox ALTER COLUMN ssf_fanned_out_at DROP DEFAULT;

-- The fan-out's one indexed read when nothing waits.
CREATE INDEX outbox_not_fanned_out ON outbox (position) WHERE ssf_fanned_out_at IS NULL;

-- IP-spread alarms raised or resolved, as Shared Signals risk changes, waiting for the fan-out.
-- Written with the alarm's change (only when it changed something, and only while a stream exists
-- to want it); deleted in the transaction that queued their SETs, so the table holds only what waits.
CREATE TABLE ssf_risk_changes (
    seq      bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_id uuid        PRIMARY KEY,
    user_id  uuid        NOT NULL,
    raised   boolean     NOT NULL,
    at       timestamptz NOT NULL
);
