-- SMS Hub schema, version 7: with every secret sealed (V6), the plain column goes, and with it the SMS Pro
-- only column that became a provider setting.
ALTER TABLE provider_account DROP COLUMN secret;
ALTER TABLE provider_account DROP COLUMN recipients_per_request;
