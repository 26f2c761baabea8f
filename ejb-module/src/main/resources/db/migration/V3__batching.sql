-- Batching toward providers that take several recipients of one text in one request (SMS Pro, section 6:
-- "about 100"), at the price of per-recipient delivery status. Null or 1: one request per message.
ALTER TABLE provider_account ADD COLUMN recipients_per_request INT;

-- Messages accepted together for such an account share a dispatch group (the id of the group's first
-- message): the relay queues a group as one dispatch, and the dispatcher sends it as one request.
ALTER TABLE message ADD COLUMN dispatch_group VARCHAR(36);
