-- Retention: the purge job deletes history oldest first, in small batches, each walking one of
-- these indexes (audit entries walk audit_entries_newest). Partial, so they hold only history.
-- Built inside the migration's transaction: CREATE INDEX CONCURRENTLY cannot run in one, and run
-- outside one it deadlocks with a second instance waiting on Flyway's lock. On a very large table
-- an operator may build them CONCURRENTLY by hand, with these names, before upgrading (see
-- docs/operations.md); IF NOT EXISTS then leaves them be.
CREATE INDEX IF NOT EXISTS outbox_published_by_time ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS sessions_ended_by_time ON sessions (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS alarms_resolved_by_time ON alarms (resolved_at) WHERE status = 'RESOLVED';
