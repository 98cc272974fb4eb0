-- Network agents (Neutron's "agent" extension): the services of the hosts this process drives. Rows are
-- upserted at every start with ids derived from host and type, so an id survives restarts; what an admin
-- changes (admin_state_up, description) and created_at survive with it. Whether an agent is alive is not
-- stored (it is the network driver's probe when asked); heartbeat_at is the last time it was seen alive.
-- Same conventions as V2: TEXT ids, BOOLEAN, BIGINT epoch milliseconds. "binary" is reserved in SQL.

CREATE TABLE network_agent (
    id                TEXT    NOT NULL PRIMARY KEY,
    agent_type        TEXT    NOT NULL,
    binary_name       TEXT    NOT NULL,
    host              TEXT    NOT NULL,
    topic             TEXT    NOT NULL,
    availability_zone TEXT,
    admin_state_up    BOOLEAN NOT NULL,
    description       TEXT,
    created_at        BIGINT  NOT NULL,
    started_at        BIGINT  NOT NULL,
    heartbeat_at      BIGINT  NOT NULL,
    -- Neutron's agents_db constraint: one agent of a type per host
    CONSTRAINT network_agent_type_host_unique UNIQUE (agent_type, host)
);
