-- Compute tables (Nova v2.1). Same conventions as V1: TEXT ids, instants as epoch milliseconds, BOOLEAN.
-- Servers are listed and filtered in SQL, so what Nova filters on and what quotas and the scheduler sum are
-- columns with indexes; the rest of the server (metadata, NICs, fault, requested networks) is one JSON
-- document read with its row. Deleted servers are removed for real.

CREATE TABLE compute_flavor (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    vcpus        INTEGER NOT NULL,
    ram_mb       INTEGER NOT NULL,
    disk_gb      INTEGER NOT NULL,
    ephemeral_gb INTEGER NOT NULL,
    swap_mb      INTEGER NOT NULL,
    rxtx_factor  DOUBLE PRECISION NOT NULL,
    is_public    BOOLEAN NOT NULL,
    disabled     BOOLEAN NOT NULL,
    description  TEXT,
    extra_specs  TEXT    NOT NULL
);

CREATE TABLE compute_flavor_access (
    flavor_id  TEXT NOT NULL REFERENCES compute_flavor (id) ON DELETE CASCADE,
    project_id TEXT NOT NULL,
    PRIMARY KEY (flavor_id, project_id)
);

CREATE TABLE compute_keypair (
    user_id     TEXT   NOT NULL,
    name        TEXT   NOT NULL,
    type        TEXT   NOT NULL,
    fingerprint TEXT   NOT NULL,
    public_key  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, name)
);

CREATE TABLE compute_server (
    id         TEXT    NOT NULL PRIMARY KEY,
    project_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    vm_state   TEXT    NOT NULL,
    task_state TEXT,
    image_id   TEXT,
    flavor_id  TEXT    NOT NULL,
    host       TEXT,
    vcpus      INTEGER NOT NULL,
    ram_mb     INTEGER NOT NULL,
    disk_gb    INTEGER NOT NULL,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    doc        TEXT    NOT NULL
);

CREATE INDEX compute_server_project ON compute_server (project_id, created_at);
CREATE INDEX compute_server_created ON compute_server (created_at, id);
CREATE INDEX compute_server_host ON compute_server (host);
CREATE INDEX compute_server_task ON compute_server (task_state);

CREATE TABLE compute_service (
    id              INTEGER NOT NULL PRIMARY KEY,
    host            TEXT    NOT NULL UNIQUE,
    zone            TEXT    NOT NULL,
    disabled        BOOLEAN NOT NULL,
    disabled_reason TEXT,
    last_seen       BIGINT  NOT NULL
);

CREATE TABLE compute_quota (
    project_id  TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    hard_limit  INTEGER NOT NULL,
    PRIMARY KEY (project_id, resource)
);
