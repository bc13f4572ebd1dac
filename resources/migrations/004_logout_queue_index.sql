-- The back-channel logout queue is the oidc_sessions rows that have ended and whose logout
-- token is not delivered yet (logout_sent_at = 0, ended_at <> 0); the delivery worker scans
-- for them every 30 s. This index keeps that scan to the queue instead of every row.
CREATE INDEX oidc_sessions_logout_queue ON oidc_sessions (logout_sent_at, ended_at);
