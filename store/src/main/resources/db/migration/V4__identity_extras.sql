-- Keystone's less central identity resources: credentials (/v3/credentials and OS-EC2), policies
-- (/v3/policies), OS-EP-FILTER endpoint groups and domain-specific configuration. Same conventions as V1.
-- These are read by query, not kept in the identity snapshot.

-- A credential belongs to its user and, when it has one, to its project: Keystone deletes a project's
-- credentials with the project. The blob is only ever stored sealed by the credential service (AES-GCM);
-- key_hash names the key that sealed it.
CREATE TABLE credential (
    id             TEXT NOT NULL PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id     TEXT REFERENCES project (id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    encrypted_blob TEXT NOT NULL,
    key_hash       TEXT NOT NULL,
    extra          TEXT NOT NULL
);

CREATE INDEX credential_user_type ON credential (user_id, type);
CREATE INDEX credential_project ON credential (project_id);

-- "policy" is a keyword in PostgreSQL.
CREATE TABLE identity_policy (
    id    TEXT NOT NULL PRIMARY KEY,
    type  TEXT NOT NULL,
    blob  TEXT NOT NULL,
    extra TEXT NOT NULL
);

-- filters: a JSON object such as {"service_id": "..."}.
CREATE TABLE endpoint_group (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    filters     TEXT NOT NULL
);

-- value: the option's JSON value. "group" and "option" are avoided as column names (keywords).
CREATE TABLE domain_config (
    domain_id   TEXT    NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    group_name  TEXT    NOT NULL,
    option_name TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    sensitive   BOOLEAN NOT NULL,
    PRIMARY KEY (domain_id, group_name, option_name)
);
