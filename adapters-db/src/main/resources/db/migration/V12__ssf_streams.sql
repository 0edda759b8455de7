-- Shared Signals event streams (issue 19), the subjects added to or removed from them, and each
-- stream's queue of SETs waiting for delivery.

-- A receiver's stream. events_requested / events_delivered are the event type URIs separated by
-- single spaces (URIs have none); events_requested is NULL when the receiver sent none. The push
-- authorization_header is the receiver's credential: stored, sent with each push, never shown.
CREATE TABLE ssf_streams (
    id                   uuid        PRIMARY KEY,
    client_id            uuid        NOT NULL REFERENCES ssf_clients (id) ON DELETE CASCADE,
    description          text        CHECK (char_length(description) <= 256),
    delivery_method      text        NOT NULL CHECK (delivery_method IN ('poll', 'push')),
    endpoint_url         text        CHECK (char_length(endpoint_url) <= 2048),
    authorization_header text        CHECK (char_length(authorization_header) <= 2048),
    events_requested     text,
    status               text        NOT NULL CHECK (status IN ('enabled', 'paused', 'disabled')),
    status_reason        text        CHECK (char_length(status_reason) <= 256),
    created_at           timestamptz NOT NULL,
    last_verification_at timestamptz,
    last_delivered_at    timestamptz,
    last_error           text,
    CHECK ((delivery_method = 'push') = (endpoint_url IS NOT NULL))
);
CREATE INDEX ssf_streams_by_client ON ssf_streams (client_id, created_at);

-- default_subjects is ALL: a row says a receiver added (included) or removed (not included) a user.
CREATE TABLE ssf_stream_subjects (
    stream_id uuid    NOT NULL REFERENCES ssf_streams (id) ON DELETE CASCADE,
    user_id   uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    included  boolean NOT NULL,
    PRIMARY KEY (stream_id, user_id)
);

-- SETs waiting for delivery, oldest first by seq; unsigned (signed when delivered), each with the
-- jti it keeps on every redelivery. Acknowledged or rejected ones are deleted; so is a disabled
-- stream's whole queue.
CREATE TABLE ssf_stream_events (
    seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id  uuid        NOT NULL REFERENCES ssf_streams (id) ON DELETE CASCADE,
    jti        text        NOT NULL,
    txn        text        NOT NULL,
    event_type text        NOT NULL,
    subject_id jsonb       NOT NULL,
    fields     jsonb       NOT NULL,
    queued_at  timestamptz NOT NULL,
    UNIQUE (stream_id, jti)
);
CREATE INDEX ssf_stream_events_by_stream ON ssf_stream_events (stream_id, seq);
