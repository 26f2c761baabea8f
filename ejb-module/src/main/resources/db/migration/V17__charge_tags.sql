-- SMS Hub schema, version 17: a charge keeps the caller's bookkeeping labels (ChargeRequest.tags), which Billing
-- Pro receives as sub_id_1 and sub_id_2; a refund carries those of the charge it refunds.
ALTER TABLE charge ADD COLUMN cost_centre VARCHAR(40);
ALTER TABLE charge ADD COLUMN sub_id_1 VARCHAR(20);
ALTER TABLE charge ADD COLUMN sub_id_2 VARCHAR(20);
