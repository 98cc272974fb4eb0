-- Nova's quota classes (only "default" matters: it replaces the built-in defaults for every project) and
-- per-user quota limits inside a project (os-quota-sets/{project}?user_id=...). Rows exist only for limits an
-- admin set; everything else falls back to the level above (user -> project -> class "default" -> built-in).
CREATE TABLE compute_quota_class (
    class_name  TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    hard_limit  INTEGER NOT NULL,
    PRIMARY KEY (class_name, resource)
);

CREATE TABLE compute_user_quota (
    project_id  TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    resource    TEXT    NOT NULL,
    hard_limit  INTEGER NOT NULL,
    PRIMARY KEY (project_id, user_id, resource)
);

-- os-services force-down (2.11): an admin declares a compute service down (it gets no new servers) until
-- they say otherwise, whatever its heartbeat says.
ALTER TABLE compute_service ADD COLUMN forced_down BOOLEAN NOT NULL DEFAULT FALSE;

-- Server tags (2.26): free-form labels a project puts on its servers; they go with the server.
CREATE TABLE compute_server_tag (
    server_id   TEXT    NOT NULL,
    tag         TEXT    NOT NULL,
    PRIMARY KEY (server_id, tag)
);
