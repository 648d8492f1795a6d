-- Per-host politeness across every Tidings on this database: fetch.per-host rows per host, each a
-- request that may be open to it. A process holds a slot while its request is open and frees it
-- after; a slot whose lease has passed (its holder was killed) is free again. Rows are made on a
-- host's first fetch and never deleted: a few per host. Portable SQL (H2 and PostgreSQL); idempotent,
-- like every newest migration.
CREATE TABLE IF NOT EXISTS fetch_slots (
    host        VARCHAR(255) NOT NULL,
    slot        INTEGER      NOT NULL,
    holder      VARCHAR(64),
    lease_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fetch_slots_key PRIMARY KEY (host, slot)
);
