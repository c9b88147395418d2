-- Sync (issue 11): incidents this workstation imported that the server already had under another id (the same
-- source key imported elsewhere first). A pull skips the server's copy instead of storing the incident twice.
CREATE TABLE sync_alias (
    entity      VARCHAR(40) NOT NULL,
    remote_id   UUID NOT NULL,
    local_id    UUID NOT NULL,
    PRIMARY KEY (entity, remote_id)
);
