-- SMS Hub schema, version 12: pushes authenticated per account, automatic answers capped, numbers read in the
-- tenant's region (docs/security.md).

-- The key in the account's push addresses (<base>/<provider>/<account>/<key>/...), sealed like the account's
-- secret. The gateway generates it (DatabaseMigration gives one to every account without); a rotation keeps
-- the previous key valid for a day, for what the provider still sends to the old addresses.
ALTER TABLE provider_account ADD COLUMN push_key_sealed VARCHAR(512);
ALTER TABLE provider_account ADD COLUMN previous_push_key_sealed VARCHAR(512);
ALTER TABLE provider_account ADD COLUMN push_key_rotated_at TIMESTAMP WITH TIME ZONE;
-- HTTP Basic credentials the provider must present with every push, where it can (SMS Pro: in the address,
-- https://user:password@...); none when null.
ALTER TABLE provider_account ADD COLUMN push_username VARCHAR(128);
ALTER TABLE provider_account ADD COLUMN push_password_sealed VARCHAR(512);
-- The addresses pushes may come from, comma-separated CIDR blocks; from anywhere when null.
ALTER TABLE provider_account ADD COLUMN push_allow_from VARCHAR(1000);

-- Automatic answers (TEST, INFO, the STOP confirmation) sent per tenant and number, for the hourly cap.
CREATE TABLE auto_reply (
    tenant_id  BIGINT       NOT NULL REFERENCES tenant (id),
    msisdn     VARCHAR(40)  NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX auto_reply_recent ON auto_reply (tenant_id, msisdn, sent_at);
ALTER TABLE tenant ADD COLUMN auto_replies_per_hour INT;

-- The country whose national numbers a tenant writes (ISO 3166, SE): numbers are read in it (libphonenumber).
-- Where it is null, the main country of default_country_code stands, as before regions (46: SE, 1: US).
ALTER TABLE tenant ADD COLUMN default_region VARCHAR(2);

-- Operators are people, and their passwords are bcrypt, in Modular Crypt Format ($2a$ or $2y$, as htpasswd -B
-- writes them), checked by Elytron's modular-crypt-mapper; tenants keep the salted SHA-512 of the secret generated
-- for them (server-module CLI: each role has its own principal query). An operator with only the old digest can
-- no longer log in until given a bcrypt password (docs/security.md, Upgrading).
ALTER TABLE tenant ADD COLUMN password_crypt VARCHAR(128);
ALTER TABLE tenant ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE tenant ALTER COLUMN password_salt DROP NOT NULL;
