-- Network service: subnet pools (Neutron's subnet_allocation), then port forwardings (below). Same
-- conventions as V2. A pool's prefixes are a JSON list (always read whole; nothing filters on them). What a
-- pool has handed out is the CIDRs of the subnets that name it, so a subnet row keeps its pool; a pool with
-- subnets cannot be deleted (the service checks, the key makes sure).

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

-- Port forwardings of floating IPs (Neutron's floating-ip-port-forwarding). They go with their floating IP and
-- with their internal port; the unique keys are Neutron's: one forwarding per external port and protocol of a
-- floating IP, and one per internal socket.
CREATE TABLE port_forwarding (
    id                  TEXT    NOT NULL PRIMARY KEY,
    floatingip_id       TEXT    NOT NULL REFERENCES floatingip (id) ON DELETE CASCADE,
    internal_port_id    TEXT    NOT NULL REFERENCES port (id) ON DELETE CASCADE,
    internal_ip_address TEXT    NOT NULL,
    internal_port       INTEGER NOT NULL,
    external_port       INTEGER NOT NULL,
    protocol            TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    UNIQUE (floatingip_id, external_port, protocol),
    UNIQUE (internal_port_id, internal_ip_address, internal_port, protocol)
);

CREATE INDEX port_forwarding_internal_port ON port_forwarding (internal_port_id);
