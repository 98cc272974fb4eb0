-- Network service: subnet pools (Neutron's subnet_allocation). Same conventions as V2. The prefixes are a
-- JSON list (always read whole; nothing filters on them). What a pool has handed out is the CIDRs of the
-- subnets that name it, so a subnet row keeps its pool; a pool with subnets cannot be deleted (the service
-- checks, the key makes sure).

CREATE TABLE subnetpool (
    id                TEXT    NOT NULL PRIMARY KEY,
    project_id        TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    ip_version        INTEGER NOT NULL,
    prefixes          TEXT    NOT NULL,
    min_prefixlen     INTEGER NOT NULL,
    max_prefixlen     INTEGER NOT NULL,
    default_prefixlen INTEGER NOT NULL,
    default_quota     INTEGER,
    shared            BOOLEAN NOT NULL,
    is_default        BOOLEAN NOT NULL,
    address_scope_id  TEXT,
    revision_number   BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE INDEX subnetpool_project ON subnetpool (project_id);
CREATE UNIQUE INDEX subnetpool_one_default ON subnetpool (ip_version) WHERE is_default = TRUE;

CREATE TABLE subnetpool_tag (
    owner_id TEXT NOT NULL REFERENCES subnetpool (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX subnetpool_tag_tag ON subnetpool_tag (tag);

ALTER TABLE subnet ADD COLUMN subnetpool_id TEXT REFERENCES subnetpool (id);

CREATE INDEX subnet_subnetpool ON subnet (subnetpool_id);
