-- Identity tables (Keystone's resources). One script for SQLite and PostgreSQL, so it keeps to what both
-- accept alike: TEXT, BIGINT, BOOLEAN, no generated ids (every id is a text id the service makes, or a
-- composite key), instants as epoch milliseconds, and `extra` maps as JSON text.
-- Foreign keys only where a row belongs to another (tags, memberships, endpoints, implied roles,
-- application credentials): deleting the owner deletes them. References between independent resources
-- (a project's domain, a user's default project, an endpoint's region, ...) carry no foreign key, as the
-- services decide what deleting a referenced resource means.

CREATE TABLE domain (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT,
    enabled     BOOLEAN NOT NULL,
    extra       TEXT    NOT NULL,
    CONSTRAINT domain_name_unique UNIQUE (name)
);

-- seq keeps the order of the model's list.
CREATE TABLE domain_tag (
    domain_id TEXT    NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    tag       TEXT    NOT NULL,
    PRIMARY KEY (domain_id, seq)
);

CREATE TABLE project (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    domain_id   TEXT    NOT NULL,
    parent_id   TEXT,
    description TEXT,
    enabled     BOOLEAN NOT NULL,
    extra       TEXT    NOT NULL,
    CONSTRAINT project_domain_name_unique UNIQUE (domain_id, name)
);

CREATE TABLE project_tag (
    project_id TEXT    NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    tag        TEXT    NOT NULL,
    PRIMARY KEY (project_id, seq)
);

-- "user" is reserved in PostgreSQL.
CREATE TABLE identity_user (
    id                  TEXT    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL,
    domain_id           TEXT    NOT NULL,
    enabled             BOOLEAN NOT NULL,
    default_project_id  TEXT,
    description         TEXT,
    email               TEXT,
    password_hash       TEXT,
    password_changed_at BIGINT,
    password_expires_at BIGINT,
    extra               TEXT    NOT NULL,
    CONSTRAINT user_domain_name_unique UNIQUE (domain_id, name)
);

-- "group" is reserved in both.
CREATE TABLE identity_group (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    domain_id   TEXT NOT NULL,
    description TEXT,
    extra       TEXT NOT NULL,
    CONSTRAINT group_domain_name_unique UNIQUE (domain_id, name)
);

CREATE TABLE group_membership (
    group_id TEXT NOT NULL REFERENCES identity_group (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE INDEX group_membership_user ON group_membership (user_id);

-- domain_id is NULL for global roles. A plain UNIQUE (name, domain_id) would let any number of global roles
-- share a name, since NULLs are distinct in both databases; the expression index maps NULL to Keystone's
-- '<<null>>' sentinel for the check only, so the column itself keeps the model's NULL.
CREATE TABLE role (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    domain_id   TEXT,
    description TEXT,
    extra       TEXT NOT NULL
);

CREATE UNIQUE INDEX role_name_domain_unique ON role (name, (COALESCE(domain_id, '<<null>>')));

CREATE TABLE implied_role (
    prior_role_id   TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    implied_role_id TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    PRIMARY KEY (prior_role_id, implied_role_id)
);

CREATE INDEX implied_role_implied ON implied_role (implied_role_id);

-- Actors and targets are users or groups, projects, domains or the system, so no foreign keys;
-- AssignmentRepository.deleteMentioning cleans up, helped by the indexes below.
CREATE TABLE role_assignment (
    actor_type  TEXT    NOT NULL,
    actor_id    TEXT    NOT NULL,
    target_type TEXT    NOT NULL,
    target_id   TEXT    NOT NULL,
    role_id     TEXT    NOT NULL,
    inherited   BOOLEAN NOT NULL,
    PRIMARY KEY (actor_type, actor_id, target_type, target_id, role_id, inherited)
);

CREATE INDEX role_assignment_actor ON role_assignment (actor_id);
CREATE INDEX role_assignment_target ON role_assignment (target_id);
CREATE INDEX role_assignment_role ON role_assignment (role_id);

CREATE TABLE region (
    id               TEXT NOT NULL PRIMARY KEY,
    description      TEXT,
    parent_region_id TEXT,
    extra            TEXT NOT NULL
);

CREATE TABLE service (
    id          TEXT    NOT NULL PRIMARY KEY,
    type        TEXT    NOT NULL,
    name        TEXT,
    description TEXT,
    enabled     BOOLEAN NOT NULL,
    extra       TEXT    NOT NULL
);

-- iface is Keystone's "interface": public, internal or admin.
CREATE TABLE endpoint (
    id         TEXT    NOT NULL PRIMARY KEY,
    service_id TEXT    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    iface      TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    region_id  TEXT,
    enabled    BOOLEAN NOT NULL,
    extra      TEXT    NOT NULL
);

CREATE INDEX endpoint_service ON endpoint (service_id);

CREATE TABLE application_credential (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    user_id     TEXT    NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id  TEXT,
    description TEXT,
    expires_at  BIGINT,
    unrestricted BOOLEAN NOT NULL,
    secret_hash TEXT    NOT NULL,
    CONSTRAINT application_credential_user_name_unique UNIQUE (user_id, name)
);

-- No foreign key to role: whether deleting a role shrinks or invalidates a credential is the service's call.
CREATE TABLE application_credential_role (
    application_credential_id TEXT    NOT NULL REFERENCES application_credential (id) ON DELETE CASCADE,
    role_id                   TEXT    NOT NULL,
    seq                       INTEGER NOT NULL,
    PRIMARY KEY (application_credential_id, role_id)
);

-- id is made by the store: events have no natural key (every criterion may be NULL).
CREATE TABLE revocation_event (
    id                        TEXT   NOT NULL PRIMARY KEY,
    audit_id                  TEXT,
    user_id                   TEXT,
    project_id                TEXT,
    application_credential_id TEXT,
    issued_before             BIGINT NOT NULL
);

CREATE INDEX revocation_event_issued_before ON revocation_event (issued_before);

CREATE TABLE secret (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
