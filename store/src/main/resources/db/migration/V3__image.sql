-- Image tables (Glance v2). Same conventions as V1: TEXT ids made by the service, instants as epoch
-- milliseconds, BOOLEAN. Rows are deleted for real (Glance soft-deletes; kumo has no use for the tombstones).
-- Listing is done in SQL, so the columns Glance filters and sorts by are columns, with indexes for the
-- access paths every listing takes: by owner, by visibility, by member project, by tag, by property.

CREATE TABLE image (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT,
    status           TEXT    NOT NULL,
    visibility       TEXT    NOT NULL,
    is_protected     BOOLEAN NOT NULL,
    os_hidden        BOOLEAN NOT NULL,
    owner            TEXT,
    disk_format      TEXT,
    container_format TEXT,
    min_disk         INTEGER NOT NULL,
    min_ram          INTEGER NOT NULL,
    size             BIGINT,
    virtual_size     BIGINT,
    checksum         TEXT,
    os_hash_algo     TEXT,
    os_hash_value    TEXT,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);

CREATE INDEX image_owner ON image (owner);
CREATE INDEX image_visibility ON image (visibility);
CREATE INDEX image_created ON image (created_at, id);
CREATE INDEX image_status ON image (status);

-- Custom properties (os_distro, hw_*, kernel_id, ...); a NULL value is a property set to null.
CREATE TABLE image_property (
    image_id TEXT NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    value    TEXT,
    PRIMARY KEY (image_id, name)
);

CREATE INDEX image_property_name_value ON image_property (name, value);

CREATE TABLE image_tag (
    image_id TEXT NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (image_id, tag)
);

CREATE INDEX image_tag_tag ON image_tag (tag);

-- member_id is a project id; no foreign key, as Glance does not check it against Keystone either.
CREATE TABLE image_member (
    image_id   TEXT   NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    member_id  TEXT   NOT NULL,
    status     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (image_id, member_id)
);

CREATE INDEX image_member_member ON image_member (member_id, status);

-- Imports (glance-direct), listed per image by GET /v2/images/{id}/tasks.
CREATE TABLE image_task (
    id            TEXT   NOT NULL PRIMARY KEY,
    image_id      TEXT   NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    status        TEXT   NOT NULL,
    owner         TEXT,
    user_id       TEXT,
    request_id    TEXT,
    import_method TEXT   NOT NULL,
    message       TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE INDEX image_task_image ON image_task (image_id, created_at);
