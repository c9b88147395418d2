-- Khareetaty central server, version 1 (PostgreSQL 15 + PostGIS 3).
-- Entity tables hold exactly the synced columns of the workstation tables (same names); what the server
-- needs to merge and to hand out changes lives beside them (server_change, incident_field_stamp, ...).
-- No foreign keys between entity tables: workstations push in dependency order, and the server must accept
-- what any workstation version sends. Creating the extension needs its privilege once; later runs skip it.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE import_batch (
    id               uuid PRIMARY KEY,
    started_at       timestamptz,
    finished_at      timestamptz,
    status           text,
    profile_name     text,
    username         text,
    rows_read        bigint,
    rows_accepted    bigint,
    rows_quarantined bigint,
    rows_duplicate   bigint,
    rows_located     bigint,
    elapsed_ms       bigint,
    message          text
);

CREATE TABLE incident (
    id              uuid PRIMARY KEY,
    source_key      text NOT NULL,
    batch_id        uuid,
    raw_id          uuid,
    occurred_at     timestamptz,
    source_zone     text,
    time_flag       text,
    local_date      date,
    local_hour      integer,
    local_dow       integer,
    category_code   text,
    category_source text,
    address         text,
    lon             double precision,
    lat             double precision,
    geom            geometry(Point, 4326),
    updated_at      timestamptz
);
-- The same source row imported on two workstations is one incident: the first id pushed is kept.
CREATE UNIQUE INDEX incident_source_key ON incident (source_key);
CREATE INDEX incident_time ON incident (occurred_at);
CREATE INDEX incident_batch ON incident (batch_id);
CREATE INDEX incident_geom ON incident USING gist (geom);

CREATE TABLE area (
    id          uuid PRIMARY KEY,
    kind        text,
    code        text,
    name        text,
    population  bigint,
    geom        geometry,
    updated_at  timestamptz
);
CREATE INDEX area_kind_code ON area (kind, code);
CREATE INDEX area_geom ON area USING gist (geom);

CREATE TABLE analysis_run (
    id           uuid PRIMARY KEY,
    kind         text,
    parameters   text,
    filters      text,
    data_from    timestamptz,
    data_to      timestamptz,
    row_count    bigint,
    projection   text,
    summary      text,
    username     text,
    started_at   timestamptz,
    elapsed_ms   bigint,
    app_version  text,
    updated_at   timestamptz
);

CREATE TABLE hotspot (
    id               uuid PRIMARY KEY,
    run_id           uuid,
    rank             integer,
    label            text,
    geom             geometry,
    incident_count   bigint,
    area_m2          double precision,
    density_per_km2  double precision,
    score            double precision,
    z_score          double precision,
    p_value          double precision,
    confidence       integer,
    profile          text,
    updated_at       timestamptz
);
CREATE INDEX hotspot_run ON hotspot (run_id, rank);
CREATE INDEX hotspot_geom ON hotspot USING gist (geom);

CREATE TABLE alert_rule (
    id          uuid PRIMARY KEY,
    name        text,
    kind        text,
    definition  text,
    enabled     boolean,
    updated_at  timestamptz
);

CREATE TABLE alert (
    id            uuid PRIMARY KEY,
    rule_id       uuid,
    evidence_key  text,
    severity      text,
    area_id       uuid,
    title         text,
    evidence      text,
    status        text,
    assigned_to   text,
    raised_at     timestamptz,
    updated_at    timestamptz
);
CREATE INDEX alert_status ON alert (status, raised_at);

CREATE TABLE alert_action (
    id        uuid PRIMARY KEY,
    alert_id  uuid,
    action    text,
    username  text,
    note      text,
    at        timestamptz
);
CREATE INDEX alert_action_alert ON alert_action (alert_id);

-- Sync bookkeeping ---------------------------------------------------------------------------------

CREATE TABLE sync_workstation (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    first_seen    timestamptz NOT NULL DEFAULT now(),
    last_push_at  timestamptz,
    last_pull_at  timestamptz,
    pull_cursor   bigint NOT NULL DEFAULT 0      -- the workstation's acknowledged pull checkpoint
);

-- The change cursor: one row per entity row, its seq bumped on every change. Pushes are serialised by an
-- advisory lock, so seqs become visible in order and a pull never skips a change committed later.
CREATE SEQUENCE server_change_seq;
CREATE TABLE server_change (
    entity      text NOT NULL,
    entity_id   uuid NOT NULL,
    seq         bigint NOT NULL,
    operation   text NOT NULL,                   -- UPSERT or DELETE
    origin      uuid,                            -- the workstation whose value is stored; NULL after a merge
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity, entity_id)
);
CREATE UNIQUE INDEX server_change_seq_idx ON server_change (seq);

-- Each pushed batch once: a replay finds its id here and changes nothing.
CREATE TABLE sync_push (
    id              uuid PRIMARY KEY,
    workstation_id  uuid NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    change_count    integer NOT NULL,
    applied         integer NOT NULL,
    duplicates      integer NOT NULL
);

-- Who last wrote each edited incident field, for last-writer-wins per field.
CREATE TABLE incident_field_stamp (
    incident_id  uuid NOT NULL,
    field        text NOT NULL,
    written_at   timestamptz NOT NULL,
    origin       uuid NOT NULL,
    seq          bigint NOT NULL,
    PRIMARY KEY (incident_id, field)
);

-- Every value the server discarded while merging, with the rule that decided.
CREATE TABLE sync_conflict (
    id                bigserial PRIMARY KEY,
    push_id           uuid NOT NULL,
    entity            text NOT NULL,
    entity_id         uuid NOT NULL,
    field             text NOT NULL,
    kept_value        text,
    discarded_value   text,
    kept_origin       uuid,
    discarded_origin  uuid,
    rule              text NOT NULL,
    resolved_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_conflict_push ON sync_conflict (push_id);

CREATE FUNCTION alert_status_rank(status text) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE status WHEN 'OPEN' THEN 1 WHEN 'ACKNOWLEDGED' THEN 2 WHEN 'ASSIGNED' THEN 3
                       WHEN 'RESOLVED' THEN 4 ELSE 0 END
$$;
