-- OS-TRUST: delegation of a trustor's roles on one project to a trustee. A trust dies with either user.
CREATE TABLE trust (
    id               TEXT    NOT NULL PRIMARY KEY,
    trustor_user_id  TEXT    NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    trustee_user_id  TEXT    NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id       TEXT,
    impersonation    BOOLEAN NOT NULL,
    expires_at       BIGINT,
    remaining_uses   INTEGER
);

CREATE TABLE trust_role (
    trust_id TEXT    NOT NULL REFERENCES trust (id) ON DELETE CASCADE,
    role_id  TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (trust_id, role_id)
);
