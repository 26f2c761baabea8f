-- SMS Hub schema, version 8: the parts of long messages, outbound and inbound.

-- A long message sent as several SMPP submit_sm (UDH or SAR concatenation) has one provider id a part, and
-- one receipt a part comes back: the part's row finds the message, and the parts' statuses roll up into
-- the message's (docs/status-mapping.md). status is NULL until the part's first receipt.
CREATE TABLE message_part (
    provider             VARCHAR(16)  NOT NULL,
    provider_message_id  VARCHAR(128) NOT NULL,
    message_id           VARCHAR(36)  NOT NULL REFERENCES message (id),
    part                 INT          NOT NULL,
    status               VARCHAR(16),
    PRIMARY KEY (provider, provider_message_id)
);
CREATE INDEX message_part_message ON message_part (message_id);

-- Parts of a long message from a subscriber, kept until every part has come; then the message is stored
-- in inbound_message and its parts deleted, in one transaction. A part delivered again meets the key.
CREATE TABLE inbound_part (
    provider_account_id  BIGINT       NOT NULL REFERENCES provider_account (id),
    sender               VARCHAR(40)  NOT NULL,
    reference            INT          NOT NULL,
    total                INT          NOT NULL,
    sequence             INT          NOT NULL,
    provider_message_id  VARCHAR(128) NOT NULL,
    destination          VARCHAR(40),
    text_body            VARCHAR(4000),
    binary_hex           VARCHAR(4000),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider_account_id, sender, reference, total, sequence)
);
