-- The attempts under way (AmbiguousAttempts reads them to find the interrupted ones): a handful at any time, so
-- only they are indexed and sending's updates of every other message cost nothing here.
CREATE INDEX message_attempt_open ON message (attempt_started_at) WHERE attempt_started_at IS NOT NULL;
