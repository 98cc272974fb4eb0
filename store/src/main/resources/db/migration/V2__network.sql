-- Network service (Neutron) tables. Same conventions as V1: TEXT ids made by the service (UUIDs), BOOLEAN,
-- BIGINT epoch milliseconds. Lists that are only ever read with their row are JSON text; lists that list
-- requests filter on (tags, fixed IPs, security groups) are child rows.
-- Foreign keys where a row belongs to another (tags, IP allocations, security group memberships: deleting
-- the owner deletes them) and where the service must have cleaned up first (a subnet of a network, a port
-- of a network, an allocation on a subnet): there the key catches a service that forgot.
-- The indexes serve the list filters clients use most (project, name, network, device) and IPAM's scans.

CREATE TABLE network (
    id                      TEXT    NOT NULL PRIMARY KEY,
    project_id              TEXT    NOT NULL,
    name                    TEXT    NOT NULL,
    description             TEXT    NOT NULL,
    admin_state_up          BOOLEAN NOT NULL,
    shared                  BOOLEAN NOT NULL,
    external                BOOLEAN NOT NULL,
    network_type            TEXT    NOT NULL,
    physical_network        TEXT,
    segmentation_id         INTEGER,
    mtu                     INTEGER NOT NULL,
    port_security_enabled   BOOLEAN NOT NULL,
    status                  TEXT    NOT NULL,
    availability_zone_hints TEXT    NOT NULL,
    dns_domain              TEXT    NOT NULL,
    revision_number         BIGINT  NOT NULL,
    created_at              BIGINT  NOT NULL,
    updated_at              BIGINT  NOT NULL
);

CREATE INDEX network_project ON network (project_id);
CREATE INDEX network_name ON network (name);
-- No two networks on one segment: the last line of defence of segment allocation (writes are serialised,
-- so the service's own check normally wins). A flat network owns its whole physical network.
CREATE UNIQUE INDEX network_segment_unique ON network (network_type, (COALESCE(physical_network, '')), segmentation_id)
    WHERE segmentation_id IS NOT NULL;
CREATE UNIQUE INDEX network_flat_unique ON network (physical_network) WHERE network_type = 'flat';

CREATE TABLE network_tag (
    owner_id TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX network_tag_tag ON network_tag (tag);

CREATE TABLE subnet (
    id                TEXT    NOT NULL PRIMARY KEY,
    project_id        TEXT    NOT NULL,
    network_id        TEXT    NOT NULL REFERENCES network (id),
    name              TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    ip_version        INTEGER NOT NULL,
    cidr              TEXT    NOT NULL,
    gateway_ip        TEXT,
    enable_dhcp       BOOLEAN NOT NULL,
    ipv6_ra_mode      TEXT,
    ipv6_address_mode TEXT,
    dns_nameservers   TEXT    NOT NULL,
    host_routes       TEXT    NOT NULL,
    allocation_pools  TEXT    NOT NULL,
    revision_number   BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE INDEX subnet_network ON subnet (network_id);
CREATE INDEX subnet_project ON subnet (project_id);

CREATE TABLE subnet_tag (
    owner_id TEXT NOT NULL REFERENCES subnet (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX subnet_tag_tag ON subnet_tag (tag);

CREATE TABLE port (
    id                    TEXT    NOT NULL PRIMARY KEY,
    project_id            TEXT    NOT NULL,
    network_id            TEXT    NOT NULL REFERENCES network (id),
    name                  TEXT    NOT NULL,
    description           TEXT    NOT NULL,
    mac_address           TEXT    NOT NULL,
    admin_state_up        BOOLEAN NOT NULL,
    status                TEXT    NOT NULL,
    device_id             TEXT    NOT NULL,
    device_owner          TEXT    NOT NULL,
    port_security_enabled BOOLEAN NOT NULL,
    allowed_address_pairs TEXT    NOT NULL,
    binding_host_id       TEXT    NOT NULL,
    binding_vnic_type     TEXT    NOT NULL,
    binding_profile       TEXT    NOT NULL,
    binding_vif_type      TEXT    NOT NULL,
    binding_vif_details   TEXT    NOT NULL,
    dns_name              TEXT    NOT NULL,
    revision_number       BIGINT  NOT NULL,
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL,
    -- Neutron's MacAddressInUse; also the index for "ports of a network"
    CONSTRAINT port_network_mac_unique UNIQUE (network_id, mac_address)
);

CREATE INDEX port_project ON port (project_id);
CREATE INDEX port_device_id ON port (device_id);

CREATE TABLE port_tag (
    owner_id TEXT NOT NULL REFERENCES port (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX port_tag_tag ON port_tag (tag);

-- A port's fixed IPs. The primary key is what makes an address impossible to hand out twice on a subnet;
-- ip_key (fixed-width hex) sorts like the address, so IPAM finds the lowest free address with a range scan
-- of that same key. seq keeps the port's order of its fixed_ips.
CREATE TABLE ip_allocation (
    subnet_id  TEXT    NOT NULL REFERENCES subnet (id),
    ip_key     TEXT    NOT NULL,
    ip_address TEXT    NOT NULL,
    port_id    TEXT    NOT NULL REFERENCES port (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (subnet_id, ip_key)
);

CREATE INDEX ip_allocation_port ON ip_allocation (port_id);
CREATE INDEX ip_allocation_address ON ip_allocation (ip_address);

CREATE TABLE port_security_group (
    port_id           TEXT    NOT NULL REFERENCES port (id) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,
    security_group_id TEXT    NOT NULL,
    PRIMARY KEY (port_id, security_group_id)
);

CREATE INDEX port_security_group_group ON port_security_group (security_group_id);

CREATE TABLE network_quota (
    project_id  TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    quota_limit INTEGER NOT NULL,
    PRIMARY KEY (project_id, resource)
);
