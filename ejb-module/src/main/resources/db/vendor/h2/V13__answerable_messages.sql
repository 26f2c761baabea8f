-- An answer from a subscriber goes to the tenant whose message it answers (InboundRouting): H2 has no partial
-- indexes, so it indexes every message where PostgreSQL indexes only those sent from a number (its V13).
CREATE INDEX message_answerable ON message (recipient, accepted_at);
