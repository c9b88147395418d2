-- Workstation schema V60 added when an alert's evidence happened and a summary line; they sync too.
ALTER TABLE alert ADD COLUMN evidence_at timestamptz;
ALTER TABLE alert ADD COLUMN summary text;
