-- Block payloads as BLOB (ADR 0014): LOB bytes are written once, outside the transaction's undo log, so the commit
-- of a large import no longer rewrites (and re-reads) every payload page it wrote.
ALTER TABLE incident_block_data ALTER COLUMN payload SET DATA TYPE BLOB;
