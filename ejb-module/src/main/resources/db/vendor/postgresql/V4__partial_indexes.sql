-- PostgreSQL only (H2 has no partial indexes): index just the rows each job looks for. A message row is
-- updated four or five times on its way (outbox, claim, status changes, checks), and an update that changes
-- an indexed column adds an entry to every index whose predicate the new row meets; indexing the few rows
-- a job needs, instead of all of them, cuts that write amplification.

-- DispatchRelay: messages due for the dispatch queue
DROP INDEX message_outbox;
CREATE INDEX message_outbox ON message (dispatch_due_at) WHERE dispatch_due_at IS NOT NULL;

-- StatusPoller: messages to ask the provider about
DROP INDEX message_check;
CREATE INDEX message_check ON message (next_check_at) WHERE next_check_at IS NOT NULL;

-- DispatchSweeper: messages still waiting for dispatch
DROP INDEX message_waiting;
CREATE INDEX message_waiting ON message (updated_at) WHERE status IN ('QUEUED', 'SCHEDULED');

-- reports that name only the provider's id
DROP INDEX message_provider_id;
CREATE INDEX message_provider_id ON message (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- StatusSequencer: changes still without their place in the feed
DROP INDEX status_change_unsequenced;
CREATE INDEX status_change_unsequenced ON status_change (id) WHERE seq IS NULL;

-- GetStatusChanges: the feed, per tenant
DROP INDEX status_change_feed;
CREATE INDEX status_change_feed ON status_change (tenant_id, seq) WHERE seq IS NOT NULL;
