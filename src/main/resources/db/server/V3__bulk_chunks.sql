-- Incidents pushed by the bulk path (ADR 0093) carry the change seq of their chunk: one server_change row
-- (entity 'INCIDENT_BULK', entity_id = the push id) stands for the whole chunk instead of one row per incident.
-- A later change of such an incident gets its own server_change row, as before.
-- BRIN, not btree: bulk-loaded rows lie on disk in seq order, so block ranges find a chunk's rows; it is tiny,
-- builds in a fraction of a btree's time and costs next to nothing per inserted row.
ALTER TABLE incident ADD COLUMN bulk_seq bigint;
CREATE INDEX incident_bulk_seq ON incident USING brin (bulk_seq) WITH (autosummarize = on);
