-- Accounts over their life (issue 9): the new ways a session ends, alarms that name their IPs,
-- and account events in the outbox. Every change is additive, so instances still running the
-- previous version keep working against this schema during a rolling upgrade.

-- Sessions end when their account is disabled, its password is reset, or its user changes the
-- password. Every existing row met the narrower old check, so the new one is added NOT VALID:
-- validating it would only scan the whole table under an exclusive lock to learn nothing.
ALTER TABLE sessions DROP CONSTRAINT sessions_end_reason_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_end_reason_check CHECK (end_reason IN
    ('USER_LOGOUT', 'ADMIN_TERMINATED', 'ADMIN_LOGOUT_ALL', 'IDLE_TIMEOUT', 'ABSOLUTE_LIFETIME',
     'ACCOUNT_DISABLED', 'PASSWORD_RESET', 'PASSWORD_CHANGED')) NOT VALID;

-- The distinct IPs behind distinct_ips, sorted. Alarms recorded before this have none (an empty
-- array), as do rows an older instance still inserts; a constant default adds no table rewrite.
ALTER TABLE alarms ADD COLUMN ip_addresses text[] NOT NULL DEFAULT '{}';

-- The outbox carries account events (warden.account-events) beside session events; the relay
-- routes each row by aggregate_type. Rows written before this, and by older instances, are
-- session events.
ALTER TABLE outbox ADD COLUMN aggregate_type text NOT NULL DEFAULT 'session'
    CONSTRAINT outbox_aggregate_type_check CHECK (aggregate_type IN ('session', 'account'));
