-- Network service, phase 2: routers (floating IPs and security groups follow in this same file's later
-- versions of the branch). Same conventions as V2. A router's interfaces and gateway are ports whose
-- device_id is the router (device_owner network:router_interface / network:router_gateway), as in Neutron,
-- so their addresses live in ip_allocation with every other port's; the row keeps which port is the gateway.

CREATE TABLE router (
    id                 TEXT    NOT NULL PRIMARY KEY,
    project_id         TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    admin_state_up     BOOLEAN NOT NULL,
    status             TEXT    NOT NULL,
    gateway_network_id TEXT REFERENCES network (id),
    gateway_port_id    TEXT REFERENCES port (id),
    enable_snat        BOOLEAN NOT NULL,
    routes             TEXT    NOT NULL,
    distributed        BOOLEAN NOT NULL,
    ha                 BOOLEAN NOT NULL,
    revision_number    BIGINT  NOT NULL,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL
);

CREATE INDEX router_project ON router (project_id);
CREATE INDEX router_name ON router (name);
CREATE INDEX router_gateway_network ON router (gateway_network_id);

CREATE TABLE router_tag (
    owner_id TEXT NOT NULL REFERENCES router (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX router_tag_tag ON router_tag (tag);

-- Floating IPs: the address is held by a port of the external network (device_owner network:floatingip,
-- device_id the floating IP), so IPAM and "pool exhausted" are the ports'. The associated port's row may go
-- while the floating IP stays: the key then clears the association (the repository treats a null port as
-- no fixed address and no router).
CREATE TABLE floatingip (
    id                  TEXT    NOT NULL PRIMARY KEY,
    project_id          TEXT    NOT NULL,
    floating_network_id TEXT    NOT NULL REFERENCES network (id),
    floating_ip_address TEXT    NOT NULL,
    floating_port_id    TEXT    NOT NULL REFERENCES port (id),
    port_id             TEXT REFERENCES port (id) ON DELETE SET NULL,
    fixed_ip_address    TEXT,
    router_id           TEXT,
    status              TEXT    NOT NULL,
    revision_number     BIGINT  NOT NULL,
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL,
    description         TEXT    NOT NULL
);

CREATE INDEX floatingip_project ON floatingip (project_id);
CREATE INDEX floatingip_port ON floatingip (port_id);
CREATE INDEX floatingip_router ON floatingip (router_id);

CREATE TABLE floatingip_tag (
    owner_id TEXT NOT NULL REFERENCES floatingip (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX floatingip_tag_tag ON floatingip_tag (tag);

-- Security groups and their rules. Each project has at most one default group (made on first use).
-- A port's groups are in port_security_group (V2); a group with members cannot be deleted (the service checks).
CREATE TABLE security_group (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    stateful        BOOLEAN NOT NULL,
    is_default      BOOLEAN NOT NULL,
    revision_number BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);

CREATE INDEX security_group_project ON security_group (project_id);
CREATE INDEX security_group_name ON security_group (name);
CREATE UNIQUE INDEX security_group_one_default ON security_group (project_id) WHERE is_default = TRUE;

CREATE TABLE security_group_tag (
    owner_id TEXT NOT NULL REFERENCES security_group (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);

CREATE INDEX security_group_tag_tag ON security_group_tag (tag);

CREATE TABLE security_group_rule (
    id                TEXT    NOT NULL PRIMARY KEY,
    project_id        TEXT    NOT NULL,
    security_group_id TEXT    NOT NULL REFERENCES security_group (id) ON DELETE CASCADE,
    direction         TEXT    NOT NULL,
    ethertype         TEXT    NOT NULL,
    protocol          TEXT,
    port_range_min    INTEGER,
    port_range_max    INTEGER,
    remote_ip_prefix  TEXT,
    remote_group_id   TEXT,
    description       TEXT    NOT NULL,
    revision_number   BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE INDEX security_group_rule_group ON security_group_rule (security_group_id);
CREATE INDEX security_group_rule_project ON security_group_rule (project_id);
CREATE INDEX security_group_rule_remote_group ON security_group_rule (remote_group_id);

CREATE TABLE security_group_rule_tag (
    owner_id TEXT NOT NULL REFERENCES security_group_rule (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (owner_id, tag)
);
