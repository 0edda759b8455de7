-- Push delivery (RFC 8935, issue 19): when each push stream is tried next, the run of failed
-- attempts behind that pause, and which Warden instance holds the stream (delivers it) until when.
-- On the stream's row, so a claim that locks the row (FOR UPDATE SKIP LOCKED) sees the lease as the
-- last holder left it.
ALTER TABLE ssf_streams
    ADD COLUMN push_next_attempt_at timestamptz,
    ADD COLUMN push_failures        integer NOT NULL DEFAULT 0 CHECK (push_failures >= 0),
    ADD COLUMN push_lease_holder    text,
    ADD COLUMN push_lease_until     timestamptz;

-- The push job's claim looks only at enabled push streams: a handful of rows, whatever the poll streams.
CREATE INDEX ssf_streams_push_due ON ssf_streams (push_next_attempt_at)
    WHERE delivery_method = 'push' AND status = 'enabled';
