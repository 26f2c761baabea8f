-- The attempts under way (AmbiguousAttempts): H2 has no partial indexes, so it indexes the column whole where
-- PostgreSQL indexes only the open attempts (its V15).
CREATE INDEX message_attempt_open ON message (attempt_started_at);
