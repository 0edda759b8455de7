-- Step-up (issue 17): when a session last proved its user's password, if later than its login.
-- NULL means "at login" (created_at), so existing sessions need no rewrite; adding a nullable
-- column without a default changes only the catalogue, so this is instant on a large table.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS reauthenticated_at timestamptz;
