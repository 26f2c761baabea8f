-- SMS Hub schema, version 20: the retention job's row in the sequencer table, whose lock lets one node at a time
-- purge (com.smshub.retention, docs/operations.md).
INSERT INTO sequencer (name, last_value) VALUES ('retention', 0);
