-- The attempt's account is written by dispatch's claim of every message, and accounts are never deleted. As a
-- foreign key, each claim also locked the account's row (the check's FOR KEY SHARE): every dispatch thread of an
-- account took the same row lock, through multixacts, for nothing the application does not already keep true. The
-- message's own account (provider_account_id) keeps its foreign key: acceptance checks it once per message.
ALTER TABLE message DROP CONSTRAINT IF EXISTS message_attempt_account_id_fkey;
