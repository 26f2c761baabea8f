-- Demo data for the default run and the tests, applied only when the server runs with
-- -Dsmshub.demo-data=true. Never enable it in production: it creates a tenant with a published password.
-- Idempotent: Flyway re-applies a repeatable migration whenever its text (or a placeholder) changes.

-- Tenant "demo", password "demo-password" (README). Hash: SHA-512("demo-password" || salt), hex.
INSERT INTO tenant (username, display_name, password_hash, password_salt, enabled)
SELECT 'demo', 'Demo tenant', '9c474e5d35fcf1f4128337097332714aa260d562c7875fc016501f247af95f33fab669cfd96eddad86a3e4ddc290f63aed23b6dae7c3cab1ecea9b77a9a8d2ab', '5a17c0ffee5a17c0ffee5a17c0ffee01', TRUE
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE username = 'demo');

-- The SMS Pro simulator (simulator-module), under the customer id the spec's examples use. Its password
-- (the examples' xxxxxxxx) is sealed by DatabaseMigration: SQL cannot seal.
UPDATE provider_account
   SET endpoint_url = '${simulator_base_url}/smspro/services/CUSTOMER', username = 'CUSTOMER', enabled = TRUE
 WHERE name = 'smspro-simulator';
INSERT INTO provider_account (provider, name, endpoint_url, username, enabled)
SELECT 'SMSPRO', 'smspro-simulator', '${simulator_base_url}/smspro/services/CUSTOMER', 'CUSTOMER', TRUE
WHERE NOT EXISTS (SELECT 1 FROM provider_account WHERE name = 'smspro-simulator');

-- A second tenant, "acme" / "acme-password", to show (and test) that tenants see only their own messages.
INSERT INTO tenant (username, display_name, password_hash, password_salt, enabled)
SELECT 'acme', 'Second demo tenant', '0a72105c439696d51b7b516752d7873f7295c6bd4dfa9a5f8081bf5388096de0ea90f7489255a80dfed826c2cbabfea4f9efed03a9da36dd2ba3395919360fcc', 'ac3eac3eac3eac3eac3eac3eac3eac3e', TRUE
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE username = 'acme');

-- Operator "operator", password "operator-password" (README): administers opt-outs at /smshub/admin.
INSERT INTO tenant (username, display_name, password_hash, password_salt, enabled, role)
SELECT 'operator', 'Demo operator', 'a172d59ef083b3511fac9e925591386a2539c87e581e34bd0c3da1fa8fa09a4015052d6dbac9635b1ae58560600cdf15ada6912dd4b3ec7c9a3e526267341032', '0b5e7a70b5e7a70b5e7a70b5e7a70b5e', TRUE, 'operator'
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE username = 'operator');

UPDATE tenant SET default_country_code = '46' WHERE username = 'demo' AND default_country_code IS NULL;

-- Everything goes to the SMS Pro simulator: text, binary and premium, at 0.05 SEK a segment.
INSERT INTO route (prefix, tenant_id, provider_account_id, priority, premium, binary_content, price_amount, price_currency)
SELECT '+', NULL, a.id, 100, TRUE, TRUE, 0.05, 'SEK' FROM provider_account a
WHERE a.name = 'smspro-simulator'
  AND NOT EXISTS (SELECT 1 FROM route r WHERE r.provider_account_id = a.id AND r.prefix = '+' AND r.tenant_id IS NULL);
