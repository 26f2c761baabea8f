-- Demo data for the default run and the tests, applied only when the server runs with
-- -Dsmshub.demo-data=true. Never enable it in production: it creates a tenant with a published password.
-- Idempotent: Flyway re-applies a repeatable migration whenever its text (or a placeholder) changes.

-- Tenant "demo", password "demo-password" (README). Hash: SHA-512("demo-password" || salt), hex.
INSERT INTO tenant (username, display_name, password_hash, password_salt, enabled)
SELECT 'demo', 'Demo tenant', '9c474e5d35fcf1f4128337097332714aa260d562c7875fc016501f247af95f33fab669cfd96eddad86a3e4ddc290f63aed23b6dae7c3cab1ecea9b77a9a8d2ab', '5a17c0ffee5a17c0ffee5a17c0ffee01', TRUE
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE username = 'demo');

-- The demo accounts' published secrets, which SQL cannot seal: DatabaseMigration seals each into its account at
-- start, once (kind: secret, the account's password; setting, a secret setting of that name; push-key, the key a
-- simulator that is told nothing by the gateway pushes with). Each account's rows are beside it below.
CREATE TABLE IF NOT EXISTS demo_secret (
    account VARCHAR(64)  NOT NULL,
    kind    VARCHAR(16)  NOT NULL,
    setting VARCHAR(64)  DEFAULT '' NOT NULL,
    plain   VARCHAR(256) NOT NULL,
    CONSTRAINT demo_secret_key PRIMARY KEY (account, kind, setting)
);

-- The SMS Pro simulator (simulator-module), under the customer id the spec's examples use. Its password
-- (the examples' xxxxxxxx) is sealed by DatabaseMigration from demo_secret: SQL cannot seal. So is the password of
-- Appendix 1's additional credentials, whose user is set here (basicUsername), and its push key.
UPDATE provider_account
   SET endpoint_url = '${simulator_base_url}/smspro/services/CUSTOMER', username = 'CUSTOMER', enabled = TRUE
 WHERE name = 'smspro-simulator';
INSERT INTO provider_account (provider, name, endpoint_url, username, enabled)
SELECT 'SMSPRO', 'smspro-simulator', '${simulator_base_url}/smspro/services/CUSTOMER', 'CUSTOMER', TRUE
WHERE NOT EXISTS (SELECT 1 FROM provider_account WHERE name = 'smspro-simulator');
UPDATE provider_account SET settings = '{"basicUsername":"smspro-basic"}'
 WHERE name = 'smspro-simulator' AND settings IS NULL;
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'smspro-simulator', 'secret', '', 'xxxxxxxx'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'smspro-simulator' AND kind = 'secret' AND setting = '');
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'smspro-simulator', 'setting', 'basicPassword', 'smspro-basic-password'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'smspro-simulator' AND kind = 'setting' AND setting = 'basicPassword');
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'smspro-simulator', 'push-key', '', 'smspro-simulator-demo-push-key'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'smspro-simulator' AND kind = 'push-key' AND setting = '');

-- A second tenant, "acme" / "acme-password", to show (and test) that tenants see only their own messages. It writes
-- US numbers (default region US): its 2125551234 is +12125551234.
INSERT INTO tenant (username, display_name, password_hash, password_salt, enabled)
SELECT 'acme', 'Second demo tenant', '0a72105c439696d51b7b516752d7873f7295c6bd4dfa9a5f8081bf5388096de0ea90f7489255a80dfed826c2cbabfea4f9efed03a9da36dd2ba3395919360fcc', 'ac3eac3eac3eac3eac3eac3eac3eac3e', TRUE
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE username = 'acme');

-- Operator "operator", password "operator-password" (README): administers /smshub/admin. Its password is bcrypt
-- (cost 10), as every operator's is.
INSERT INTO tenant (username, display_name, password_crypt, enabled, role)
SELECT 'operator', 'Demo operator', '$2a$10$JY506mKeUpuIE9eoK0vxIet03S3QM.TAudVb/zPGlcfueiDNZnqQO', TRUE, 'operator'
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE username = 'operator');
UPDATE tenant SET password_crypt = '$2a$10$JY506mKeUpuIE9eoK0vxIet03S3QM.TAudVb/zPGlcfueiDNZnqQO', password_hash = NULL,
       password_salt = NULL
 WHERE username = 'operator' AND role = 'operator' AND password_crypt IS NULL;

UPDATE tenant SET default_country_code = '46' WHERE username = 'demo' AND default_country_code IS NULL;
UPDATE tenant SET default_region = 'US' WHERE username = 'acme' AND default_region IS NULL;

-- The other providers' simulators. Their passwords, as each simulator publishes them, are sealed by
-- DatabaseMigration.
-- MyMobileAPI prices in credits: at 0.30 ZAR a credit, CalculatePrice asks it (live False) what each message uses.
UPDATE provider_account SET endpoint_url = '${simulator_base_url}/mymobileapi/api5/api.asmx', username = 'smshub',
       settings = '{"creditPrice":"0.30 ZAR","shortCodeFeed":"true"}', enabled = TRUE
 WHERE name = 'mymobileapi-simulator';
INSERT INTO provider_account (provider, name, endpoint_url, username, settings, enabled)
SELECT 'MYMOBILEAPI', 'mymobileapi-simulator', '${simulator_base_url}/mymobileapi/api5/api.asmx', 'smshub',
       '{"creditPrice":"0.30 ZAR","shortCodeFeed":"true"}', TRUE
WHERE NOT EXISTS (SELECT 1 FROM provider_account WHERE name = 'mymobileapi-simulator');
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'mymobileapi-simulator', 'secret', '', 'mma-password'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'mymobileapi-simulator' AND kind = 'secret' AND setting = '');

UPDATE provider_account SET endpoint_url = '${simulator_base_url}/masiv/SmsHandlers', username = 'smshub', enabled = TRUE
 WHERE name = 'masiv-simulator';
INSERT INTO provider_account (provider, name, endpoint_url, username, enabled)
SELECT 'MASIV', 'masiv-simulator', '${simulator_base_url}/masiv/SmsHandlers', 'smshub', TRUE
WHERE NOT EXISTS (SELECT 1 FROM provider_account WHERE name = 'masiv-simulator');
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'masiv-simulator', 'secret', '', 'masiv-password'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'masiv-simulator' AND kind = 'secret' AND setting = '');

UPDATE provider_account SET endpoint_url = '${simulator_base_url}/mobipace/v3', username = 'smshub@mobipace.example',
       settings = '{"currency":"RUB","sender":"SMSHUB"}', enabled = TRUE
 WHERE name = 'mobipace-simulator';
INSERT INTO provider_account (provider, name, endpoint_url, username, settings, enabled)
SELECT 'MOBIPACE', 'mobipace-simulator', '${simulator_base_url}/mobipace/v3', 'smshub@mobipace.example',
       '{"currency":"RUB","sender":"SMSHUB"}', TRUE
WHERE NOT EXISTS (SELECT 1 FROM provider_account WHERE name = 'mobipace-simulator');
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'mobipace-simulator', 'secret', '', 'mobipace-password'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'mobipace-simulator' AND kind = 'secret' AND setting = '');

-- myMSP over SMPP 3.4: the SMSC simulator the simulator module starts on port 2775 (smshub.simulator.smpp-port).
UPDATE provider_account SET endpoint_url = '${simulator_smpp_url}', username = 'smshub', enabled = TRUE
 WHERE name = 'mymsp-simulator';
INSERT INTO provider_account (provider, name, endpoint_url, username, enabled)
SELECT 'MYMSP', 'mymsp-simulator', '${simulator_smpp_url}', 'smshub', TRUE
WHERE NOT EXISTS (SELECT 1 FROM provider_account WHERE name = 'mymsp-simulator');
INSERT INTO demo_secret (account, kind, setting, plain) SELECT 'mymsp-simulator', 'secret', '', 'mymsp-pw'
WHERE NOT EXISTS (SELECT 1 FROM demo_secret WHERE account = 'mymsp-simulator' AND kind = 'secret' AND setting = '');

-- Routes by country: Sweden (+46) to SMS Pro (text, binary and premium, 0.05 SEK a segment), Norway (+47) to
-- myMSP over SMPP (text and binary, 0.60 NOK a segment), South Africa (+27)
-- to MyMobileAPI, Colombia (+57) to Masiv, Russia and Kazakhstan (+7) to MOBIPACE (which prices messages itself;
-- the route's price stands where it does not answer). An operator changes them over /smshub/admin/routes.
DELETE FROM route WHERE prefix = '+' AND tenant_id IS NULL
   AND provider_account_id = (SELECT id FROM provider_account WHERE name = 'smspro-simulator');
INSERT INTO route (prefix, tenant_id, provider_account_id, priority, premium, binary_content, price_amount, price_currency)
SELECT '+46', NULL, a.id, 100, TRUE, TRUE, 0.05, 'SEK' FROM provider_account a
WHERE a.name = 'smspro-simulator'
  AND NOT EXISTS (SELECT 1 FROM route r WHERE r.provider_account_id = a.id AND r.prefix = '+46' AND r.tenant_id IS NULL);
INSERT INTO route (prefix, tenant_id, provider_account_id, priority, premium, binary_content, price_amount, price_currency)
SELECT '+27', NULL, a.id, 100, FALSE, FALSE, 0.35, 'ZAR' FROM provider_account a
WHERE a.name = 'mymobileapi-simulator'
  AND NOT EXISTS (SELECT 1 FROM route r WHERE r.provider_account_id = a.id AND r.prefix = '+27' AND r.tenant_id IS NULL);
INSERT INTO route (prefix, tenant_id, provider_account_id, priority, premium, binary_content, price_amount, price_currency)
SELECT '+57', NULL, a.id, 100, FALSE, FALSE, 25, 'COP' FROM provider_account a
WHERE a.name = 'masiv-simulator'
  AND NOT EXISTS (SELECT 1 FROM route r WHERE r.provider_account_id = a.id AND r.prefix = '+57' AND r.tenant_id IS NULL);
INSERT INTO route (prefix, tenant_id, provider_account_id, priority, premium, binary_content, price_amount, price_currency)
SELECT '+7', NULL, a.id, 100, FALSE, FALSE, 2.50, 'RUB' FROM provider_account a
WHERE a.name = 'mobipace-simulator'
  AND NOT EXISTS (SELECT 1 FROM route r WHERE r.provider_account_id = a.id AND r.prefix = '+7' AND r.tenant_id IS NULL);
INSERT INTO route (prefix, tenant_id, provider_account_id, priority, premium, binary_content, price_amount, price_currency)
SELECT '+47', NULL, a.id, 100, FALSE, TRUE, 0.60, 'NOK' FROM provider_account a
WHERE a.name = 'mymsp-simulator'
  AND NOT EXISTS (SELECT 1 FROM route r WHERE r.provider_account_id = a.id AND r.prefix = '+47' AND r.tenant_id IS NULL);

-- Messages from subscribers (docs/inbound.md): everything that comes in on the SMS Pro, myMSP and MyMobileAPI
-- simulators' accounts goes to "demo", except what starts with the keyword ACME or is sent to a number
-- ending in 1234 (SMS Pro's Destination Number Trigger), which goes to "acme". INFO answers with demo's details.
UPDATE tenant SET info_name = 'SMS Hub demo', info_phone = '+46 8 555 000 00', info_contact = 'support@smshub.example'
 WHERE username = 'demo' AND info_name IS NULL;
INSERT INTO inbound_rule (tenant_id, provider_account_id, priority)
SELECT t.id, a.id, 100 FROM tenant t, provider_account a
 WHERE t.username = 'demo' AND a.name IN ('smspro-simulator', 'mymsp-simulator', 'mymobileapi-simulator')
   AND NOT EXISTS (SELECT 1 FROM inbound_rule r WHERE r.tenant_id = t.id AND r.provider_account_id = a.id
                   AND r.keyword IS NULL AND r.short_code IS NULL AND r.destination_suffix IS NULL);
INSERT INTO inbound_rule (tenant_id, provider_account_id, keyword, priority)
SELECT t.id, a.id, 'ACME', 100 FROM tenant t, provider_account a
 WHERE t.username = 'acme' AND a.name = 'smspro-simulator'
   AND NOT EXISTS (SELECT 1 FROM inbound_rule r WHERE r.tenant_id = t.id AND r.keyword = 'ACME');
INSERT INTO inbound_rule (tenant_id, provider_account_id, destination_suffix, priority)
SELECT t.id, a.id, '1234', 100 FROM tenant t, provider_account a
 WHERE t.username = 'acme' AND a.name = 'smspro-simulator'
   AND NOT EXISTS (SELECT 1 FROM inbound_rule r WHERE r.tenant_id = t.id AND r.destination_suffix = '1234');
