-- An answer from a subscriber goes to the tenant whose message it answers: the latest message to that number
-- sent from the number the subscriber wrote to (InboundRouting). Only a message sent from a number (numeric or
-- short code) can be answered, so only those are indexed: a message from an alphanumeric sender or the account's
-- default costs sending's inserts nothing here.
CREATE INDEX message_answerable ON message (recipient, accepted_at) WHERE originator_type IN ('NUMERIC', 'SHORT_CODE');
