-- Nova's instance actions (os-instance-actions): one row per action a request asked of a server, and the
-- events its steps produced. They outlive the server (Nova keeps them readable with 2.21+), so nothing here
-- references compute_server; instance_project_id keeps the server's project for who may read them.
CREATE TABLE compute_instance_action (
    instance_uuid       TEXT   NOT NULL,
    request_id          TEXT   NOT NULL,
    action              TEXT   NOT NULL,
    instance_project_id TEXT   NOT NULL,
    user_id             TEXT   NOT NULL,
    project_id          TEXT   NOT NULL,
    start_time          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    message             TEXT,
    PRIMARY KEY (instance_uuid, request_id)
);

CREATE INDEX compute_instance_action_start ON compute_instance_action (instance_uuid, start_time);

CREATE TABLE compute_instance_action_event (
    instance_uuid TEXT    NOT NULL,
    request_id    TEXT    NOT NULL,
    seq           INTEGER NOT NULL,
    event         TEXT    NOT NULL,
    start_time    BIGINT  NOT NULL,
    finish_time   BIGINT,
    result        TEXT,
    traceback     TEXT,
    host          TEXT    NOT NULL,
    PRIMARY KEY (instance_uuid, request_id, seq)
);
