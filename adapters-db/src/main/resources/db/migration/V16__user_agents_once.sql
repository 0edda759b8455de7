-- Each distinct user agent kept once (issue 22: bytes per active session). A user agent was about
-- 100 of the 256 bytes of every open session's row, and most sessions share a handful of strings.
-- Now `user_agents` holds each string once and a session row refers to it by `user_agent_id`; its
-- own `user_agent` is left '' (a text still, NOT NULL still: instances of the previous version read
-- and write it unchanged). A session's user agent reads as COALESCE(user_agents.user_agent,
-- sessions.user_agent) (warden-db-statements.yaml); history (V15) keeps the string itself.
--
-- Whoever inserts a session writes the string as before; the trigger below turns it into its id. So
-- this version, instances of the previous one during a rolling upgrade, imports and tests all write
-- the same way, and the conversion has one home. While the rollout lasts, an instance of the
-- previous version shows '' for a session's device (docs/operations.md, "Upgrading to V16 and V17").
--
-- `seen_on` keeps a string from retention while it is in use: the first session of a UTC day that
-- uses it moves it to that day (one write per string per day), and retention removes strings no
-- open session refers to that were last handed out before yesterday
-- (`retention-forget-unused-user-agents`), so strings sent by logins long gone do not pile up.
--
-- Runs outside a transaction (V16__user_agents_once.sql.conf): the open sessions already here move
-- to ids in committed batches of 10,000 in id order, resumable.

CREATE TABLE IF NOT EXISTS user_agents (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_agent text   NOT NULL,
    seen_on    date   NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS user_agents_by_text ON user_agents (user_agent);

ALTER TABLE sessions ADD COLUMN IF NOT EXISTS user_agent_id bigint;

-- The id of a string, added if new. Each statement of a PL/pgSQL function sees what committed before
-- it started, so when two logins bring a new string at once, the one whose insert does nothing (the
-- other committed it first) finds it on the next turn of the loop. A string retention removed
-- between the SELECT and the UPDATE is added again.
CREATE OR REPLACE FUNCTION warden_user_agent_id(agent text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE STRICT AS $$
DECLARE
    today    date := CAST(now() AT TIME ZONE 'UTC' AS date);
    found_id bigint;
    found_on date;
BEGIN
    LOOP
        SELECT id, seen_on INTO found_id, found_on FROM user_agents WHERE user_agent = agent;
        IF found_id IS NULL THEN
            INSERT INTO user_agents (user_agent, seen_on) VALUES (agent, today)
            ON CONFLICT (user_agent) DO NOTHING
            RETURNING id INTO found_id;
        ELSIF found_on < today THEN
            UPDATE user_agents SET seen_on = today WHERE id = found_id RETURNING id INTO found_id;
        END IF;
        IF found_id IS NOT NULL THEN
            RETURN found_id;
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION warden_session_user_agent_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.user_agent <> '' THEN
        NEW.user_agent_id := warden_user_agent_id(NEW.user_agent);
        NEW.user_agent := '';
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER sessions_user_agent_once BEFORE INSERT OR UPDATE OF user_agent ON sessions
    FOR EACH ROW EXECUTE FUNCTION warden_session_user_agent_once();

-- V15's move to history writes the string, not the id (history outlives user_agents' rows).
CREATE OR REPLACE FUNCTION warden_session_to_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_history (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,
                                 expires_at, ended_at, end_reason, ended_by, reauthenticated_at)
    VALUES (NEW.id, NEW.user_id, NEW.token_hash, NEW.ip_address,
            COALESCE((SELECT a.user_agent FROM user_agents a WHERE a.id = NEW.user_agent_id), NEW.user_agent),
            NEW.created_at, NEW.last_active_at, NEW.expires_at, NEW.ended_at, NEW.end_reason, NEW.ended_by,
            NEW.reauthenticated_at);
    DELETE FROM sessions WHERE id = NEW.id;
    RETURN NULL;
END
$$;

-- The open sessions already here, 10,000 per committed batch in id order (sessions_pkey). Setting
-- user_agent to itself fires the trigger above. A row ended meanwhile has left for history already.
DO $$
DECLARE
    after_id uuid := '00000000-0000-0000-0000-000000000000';
    last_id  uuid;
BEGIN
    LOOP
        SELECT id INTO last_id
        FROM (SELECT id FROM sessions WHERE id > after_id ORDER BY id LIMIT 10000) b ORDER BY id DESC LIMIT 1;
        EXIT WHEN NOT FOUND;
        UPDATE sessions SET user_agent = user_agent
        WHERE id > after_id AND id <= last_id AND user_agent <> '';
        COMMIT;
        after_id := last_id;
    END LOOP;
END
$$;

-- Retention's question, "does any open session still use this string?", answered by an index:
-- B-tree deduplication stores a string's id once with the list of its rows (a few bytes a session).
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_user_agent_building;
CREATE INDEX CONCURRENTLY sessions_open_by_user_agent_building ON sessions (user_agent_id) WHERE ended_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS sessions_open_by_user_agent;
ALTER INDEX sessions_open_by_user_agent_building RENAME TO sessions_open_by_user_agent;
