-- Nova's server groups (os-server-groups): a policy the scheduler honours for every member. Before 2.64
-- the API shows the policy as a one-item "policies" list; max_per_host is the 2.64 anti-affinity rule
-- max_server_per_host (NULL: the policy's default of one member per host).
CREATE TABLE compute_server_group (
    id          TEXT    NOT NULL PRIMARY KEY,
    project_id  TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    policy      TEXT    NOT NULL,
    max_per_host INTEGER,
    created_at  BIGINT  NOT NULL
);

CREATE INDEX compute_server_group_project ON compute_server_group (project_id, created_at);

-- A server belongs to at most one group (the create's scheduler hint); deleting the server or the group
-- removes the row.
CREATE TABLE compute_server_group_member (
    group_id   TEXT NOT NULL,
    server_id  TEXT NOT NULL PRIMARY KEY
);

CREATE INDEX compute_server_group_member_group ON compute_server_group_member (group_id);

-- Servers are deleted for real (V7), so os-simple-tenant-usage would forget what a deleted server used:
-- its usage is kept here when it is deleted, with when it was launched and terminated.
CREATE TABLE compute_terminated_server (
    id            TEXT    NOT NULL PRIMARY KEY,
    project_id    TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    flavor_name   TEXT    NOT NULL,
    vcpus         INTEGER NOT NULL,
    ram_mb        INTEGER NOT NULL,
    disk_gb       INTEGER NOT NULL,
    launched_at   BIGINT,
    terminated_at BIGINT  NOT NULL
);

CREATE INDEX compute_terminated_server_window ON compute_terminated_server (terminated_at, project_id);

-- The same_host / different_host scheduler hints of a server create (Nova's SameHostFilter and
-- DifferentHostFilter): kept with the server because it is scheduled after the create returns (and again
-- after a restart). One row per named server.
CREATE TABLE compute_server_hint (
    server_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    target_id  TEXT NOT NULL,
    PRIMARY KEY (server_id, kind, target_id)
);
