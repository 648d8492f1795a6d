-- Quartz's row locks, seeded here instead of on Quartz's first use: several nodes starting at once
-- would each insert them, and on PostgreSQL the loser's failed insert aborts its whole transaction
-- (quartz-scheduler/quartz #647, #744). Idempotent: a database that served before already has them.

INSERT INTO qrtz_locks (sched_name, lock_name)
    SELECT 'tidings', 'TRIGGER_ACCESS' WHERE NOT EXISTS
        (SELECT 1 FROM qrtz_locks WHERE sched_name = 'tidings' AND lock_name = 'TRIGGER_ACCESS');
INSERT INTO qrtz_locks (sched_name, lock_name)
    SELECT 'tidings', 'STATE_ACCESS' WHERE NOT EXISTS
        (SELECT 1 FROM qrtz_locks WHERE sched_name = 'tidings' AND lock_name = 'STATE_ACCESS');
