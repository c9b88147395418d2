-- Import (issue 3, ADR 0011): the spatial index becomes (local_date, cell) instead of (cell) alone, and it
-- replaces the local_date index (date filters use its leading column). An import writes rows in time order,
-- so inserts land in the few pages of the days being written instead of all over a 1.5 M-entry cell B-tree,
-- which measured as half of the import's write cost. Spatial look-ups go per day (or day range) by cell range.
DROP INDEX IF EXISTS incident_local_date;
DROP INDEX IF EXISTS incident_cell;
CREATE INDEX incident_date_cell ON incident(local_date, cell);
