-- SMS Hub schema, version 14: the attempt journal, message parts keyed by message, account policy for
-- ambiguous attempts (docs/reliability.md).

-- Dispatch commits that an attempt is going out before it calls the provider (its number, when, the account it
-- goes to and who sends it: node and boot) and clears the attempt when it commits the outcome. A message found
-- with an attempt open and no one left to finish it may or may not have reached the provider: it is resolved by
-- its account's policy for ambiguous attempts, never queued again blindly.
ALTER TABLE message ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE message ADD COLUMN attempt_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN attempt_account_id BIGINT REFERENCES provider_account (id);
ALTER TABLE message ADD COLUMN attempt_owner VARCHAR(100);

-- HOLD: an ambiguous attempt leaves the message UNKNOWN (asked about where the provider answers by our id, taken
-- from a later report), never sent again. RESEND: sent again, for traffic where a duplicate is better than a loss.
ALTER TABLE provider_account ADD COLUMN ambiguous_attempts VARCHAR(8) DEFAULT 'HOLD' NOT NULL;
ALTER TABLE provider_account ADD CONSTRAINT provider_account_ambiguous_known CHECK (ambiguous_attempts IN ('HOLD', 'RESEND'));

-- A long message's parts keyed by the message: an SMSC may issue an id again (a reused or wrapped counter), and a
-- part's id recorded a second time must not fail the record of an accepted send. A report finds the newest part
-- with its id.
CREATE TABLE message_part_by_message (
    message_id           VARCHAR(36)  NOT NULL REFERENCES message (id),
    part                 INT          NOT NULL,
    provider             VARCHAR(16)  NOT NULL,
    provider_message_id  VARCHAR(128) NOT NULL,
    status               VARCHAR(16),
    PRIMARY KEY (message_id, part)
);
INSERT INTO message_part_by_message (message_id, part, provider, provider_message_id, status)
    SELECT message_id, part, provider, provider_message_id, status FROM message_part;
DROP TABLE message_part;
ALTER TABLE message_part_by_message RENAME TO message_part;
CREATE INDEX message_part_provider_id ON message_part (provider, provider_message_id);
