-- SMS Hub schema, version 16: messages from subscribers, each stored once per account.

-- A provider's id is unique within the account that received it, not across a provider's accounts (two
-- customers of one provider may be given the same id).
ALTER TABLE inbound_message DROP CONSTRAINT inbound_message_unique;
ALTER TABLE inbound_message ADD CONSTRAINT inbound_message_unique UNIQUE (provider, provider_account_id, provider_message_id);

-- Where the provider gives no id (SMPP's deliver_sm), a message is known by a digest of its account,
-- addresses and content: a repeat is the same digest within a short sliding window (docs/inbound.md).
ALTER TABLE inbound_message ADD COLUMN content_key VARCHAR(80);
CREATE INDEX inbound_message_content ON inbound_message (provider_account_id, content_key, received_at);

-- Parts that never completed a message are swept once older than a bound, by age.
CREATE INDEX inbound_part_age ON inbound_part (provider_account_id, received_at);
