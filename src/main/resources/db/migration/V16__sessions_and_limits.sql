-- The admin's sessions and the per-client attempt counters, in the database rather than in one
-- process's memory: a restart logs no one out, and behind a load balancer every serve node sees
-- the same sessions and counts the same client once. Portable SQL (H2 and PostgreSQL); each
-- statement may run twice (SchemaVersionTest replays the newest migration).

-- A session is found by the SHA-256 of its cookie (base64url, 43 characters), never by the cookie
-- itself: whoever reads this table or a backup of it gets no live session. The notice is the
-- one-time message an admin action leaves for the page it redirects to, which another node may serve.
CREATE TABLE IF NOT EXISTS admin_sessions (
    id_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    notice       VARCHAR(1000)
);

-- Expired sessions are purged through it.
CREATE INDEX IF NOT EXISTS admin_sessions_expires ON admin_sessions (expires_at);

-- Attempts per client and limit (sign-ups, admin logins): a window that opens at the client's
-- first attempt, and how many attempts it has counted.
CREATE TABLE IF NOT EXISTS client_attempts (
    scope        VARCHAR(20)  NOT NULL,
    client       VARCHAR(100) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER      NOT NULL,
    CONSTRAINT client_attempts_pk PRIMARY KEY (scope, client)
);

-- Rows whose window has passed are purged through it, oldest first.
CREATE INDEX IF NOT EXISTS client_attempts_window ON client_attempts (scope, window_start);
