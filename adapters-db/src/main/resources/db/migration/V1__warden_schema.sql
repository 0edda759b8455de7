-- Warden's schema. Times are timestamptz (microseconds), ids are uuid.

CREATE TABLE users (
    id              uuid        PRIMARY KEY,
    username        text        NOT NULL CHECK (char_length(username) BETWEEN 1 AND 64),
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'USER')),
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    failed_attempts integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL
);
-- Usernames are unique regardless of case; logins look them up the same way.
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
-- Exactly one owner: a second one cannot even be inserted.
CREATE UNIQUE INDEX users_single_owner_key ON users (role) WHERE role = 'OWNER';

CREATE TABLE sessions (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash     text        NOT NULL,
    ip_address     text        NOT NULL,
    user_agent     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    last_active_at timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    -- Ended rows stay as history; "open" means ended_at IS NULL.
    ended_at       timestamptz,
    end_reason     text CHECK (end_reason IN
                       ('USER_LOGOUT', 'ADMIN_TERMINATED', 'ADMIN_LOGOUT_ALL', 'IDLE_TIMEOUT', 'ABSOLUTE_LIFETIME')),
    ended_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
    CONSTRAINT sessions_end_consistent CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    CONSTRAINT sessions_times_ordered CHECK (last_active_at >= created_at AND expires_at > created_at)
);
-- The admin list: open sessions by newest activity, walked in index order (also keyset pages).
CREATE INDEX sessions_open_by_activity ON sessions (last_active_at DESC, id DESC) WHERE ended_at IS NULL;
-- One user's open sessions: counting at login, "logout all devices", the Users page.
CREATE INDEX sessions_open_by_user ON sessions (user_id, last_active_at DESC) WHERE ended_at IS NULL;
-- The sweeper: open sessions past their absolute expiry (idle ones come from the activity index).
CREATE INDEX sessions_open_by_expiry ON sessions (expires_at) WHERE ended_at IS NULL;

CREATE TABLE audit_entries (
    -- seq orders entries written in the same instant (a failure and the lock it caused).
    seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    type           text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    -- No foreign keys: the log records unknown usernames too and outlives what it describes.
    user_id        uuid,
    username       text,
    actor_id       uuid,
    actor_username text,
    session_id     uuid,
    ip_address     text,
    user_agent     text,
    reason         text
);
CREATE INDEX audit_entries_newest ON audit_entries (occurred_at DESC, seq DESC);
CREATE INDEX audit_entries_by_user ON audit_entries (user_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_entries_by_type ON audit_entries (type, occurred_at DESC, seq DESC);

CREATE TABLE alarms (
    id              uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL,
    username        text        NOT NULL,
    distinct_ips    integer     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    raised_at       timestamptz NOT NULL,
    resolved_at     timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text,
    CONSTRAINT alarms_resolution_consistent CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
);
CREATE INDEX alarms_newest ON alarms (raised_at DESC, id DESC);
CREATE INDEX alarms_by_status ON alarms (status, raised_at DESC, id DESC);

CREATE TABLE outbox (
    position      bigserial   PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    -- The Kafka key: the user id, so one user's events stay in one partition.
    aggregate_key uuid        NOT NULL,
    event_type    text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;

-- Wakes the relay: NOTIFY is delivered on commit and never for a rolled-back insert.
CREATE FUNCTION warden_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('warden_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION warden_outbox_notify();
