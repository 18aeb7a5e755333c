-- Issue 12 (the public lookup at DataCite's scale): each pidlink instance keeps its anonymous lookup answers in memory
-- and must learn when another instance on the same database changed claims or researchers. Each instance publishes
-- here how many such changes it has made (a row of its own, written at most a few times a second, only when the
-- number moved) and reads the others' rows; a row that moved makes its kept answers stale. One small row per
-- instance: no trigger and no NOTIFY on the claim table's write path (session 7's NOTIFY triggers cost intake a
-- quarter of its throughput).
CREATE TABLE lookup_instance (
    instance      text        PRIMARY KEY,
    changes       bigint      NOT NULL,
    published_at  timestamptz NOT NULL
);
