-- A provider is its package: the codes an account may name are those of the adapters this build registers
-- (RoutingAdministration refuses any other), no longer a list in the schema that a new provider would have to change.
ALTER TABLE provider_account DROP CONSTRAINT provider_account_provider_known;
